"""The file format's ``lengths`` section: shorter games a scenario offers besides its full one.

:class:`LengthEntry` is a model like those of :mod:`game.content.models`; ``ScenarioFile``'s ``lengths`` field
names it (:mod:`game.content.scenario_file`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from game.content import models as m

#: The fewest turns a length may have.
MIN_LENGTH_TURNS = 1

Window = Annotated[list[m.TurnNumber], Field(min_length=2, max_length=2)]


class LengthEntry(m._Model):
    """A shorter game the scenario offers besides its full one, chosen on the new-game screen or with `--turns N`.
    What an entry does not say is mapped proportionally from the full game: turn `t` of `T` becomes
    `1 + (t - 1) * (N - 1) / (T - 1)`, rounded half up, in a game of `N` turns (see "Shorter games" above)."""

    turns: Annotated[int, Field(ge=MIN_LENGTH_TURNS, le=m.MAX_TURNS)] = Field(
        description="Number of turns of this game; fewer than the scenario's `turns`, and unique among the lengths."
    )
    name: m.Text = Field(description="Name shown when choosing the length, e.g. `Lesson game (8 turns)`.")
    months_per_turn: Annotated[int, Field(ge=1, le=24)] | None = Field(
        default=None,
        description="Months that pass each turn in this game. Default: about as many as make the game span the same "
        "months as the full game.",
    )
    record_until: m.TurnNumber | None = Field(
        default=None,
        description="Last turn of this game whose events follow the public record (see `calendar.record_until`). "
        "Default: the full game's, mapped.",
    )
    at_turn: dict[m.Id, m.TurnNumber] = Field(
        default_factory=dict,
        description="Scripted event id -> the turn it fires at in this game. Events left out are mapped.",
    )
    windows: dict[m.Id, Window] = Field(
        default_factory=dict,
        description="Random event id -> `[first_turn, last_turn]`, the turns it may be drawn in this game. Events "
        "left out have their window mapped at both ends.",
    )
    score_reference: m.ScoreReference | None = Field(
        default=None,
        description="Each side's usual range of final scores in games of this length: `python main.py reference "
        "--turns N` measures it and prints the block to paste here. Without it the game works one out itself.",
    )
