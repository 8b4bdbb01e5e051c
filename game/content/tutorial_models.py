"""Pydantic models of a scenario's ``tutorial`` section: the steps of a game that teaches itself.

A step says something to the learner (``say``), points at a part of the board (``point``) and waits until the
learner has done something (``until``). The kinds of ``point`` and ``until`` are a small fixed vocabulary
(:data:`POINTS`, :data:`UNTILS`); the loader checks that the ids they name exist
(:mod:`game.content.tutorial_check`). The descriptions are written for scenario authors: the reference in
``scenarios/README.md`` and the JSON Schema are generated from them.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

from game.content import models as m

#: What a step may point at: a kind, and whether it takes an id after a colon (``indicator:relations``).
POINTS: dict[str, str] = {
    "indicators": "",
    "indicator": "indicator",
    "objectives": "",
    "actions": "",
    "action": "action",
    "forecast": "",
    "capital": "",
    "news": "",
    "commit": "",
    "end_turn": "",
    "negotiate": "",
    "turn": "",
}

#: What a step may wait for: a kind, and what follows a colon (``""``: nothing; ``"turn"``: a turn number; a
#: trailing ``?``: the id may be left out, as in ``commit`` for any action).
UNTILS: dict[str, str] = {
    "read": "",
    "commit": "action?",
    "end_turn": "",
    "choose": "event?",
    "propose": "",
    "answer": "",
    "open": "screen",
    "turn": "turn",
    "end": "",
}

#: The screens ``open:<screen>`` may name.
SCREENS = ("negotiate",)

_POINT_PATTERN = r"^[a-z_]+(:[a-z][a-z0-9_]*)?$"
_UNTIL_PATTERN = r"^[a-z_]+(:[a-z0-9_]+)?$"
#: The two patterns, compiled (the checks of what a step names run only on texts of the right shape).
POINT_TEXT = re.compile(_POINT_PATTERN)
UNTIL_TEXT = re.compile(_UNTIL_PATTERN)


class TutorialStep(m.FormatModel):
    """One step of a tutorial: what to say, what to point at, and what the learner must do to go on."""

    say: m.Text = Field(description="What the coach says: a sentence or three, before the learner acts.")
    point: Annotated[str, Field(pattern=_POINT_PATTERN)] | None = Field(
        default=None,
        description="The part of the board to point at: `indicators`, `indicator:<id>`, `objectives` (the "
        "indicator list, which says what your score wants of each), `actions`, `action:<id>`, `forecast` (the "
        "selected action's details and forecast), `capital`, `news`, `commit` (the Commit button), `end_turn`, "
        "`negotiate` (the Negotiate button), `turn` (the turn and date). Omit it to point at nothing.",
    )
    until: Annotated[str, Field(pattern=_UNTIL_PATTERN)] = Field(
        default="read",
        description="What the learner must do to go on: `read` (Continue, or Enter in the terminal), `commit` "
        "(any action) or `commit:<action id>`, `end_turn`, `choose` (answer an event) or `choose:<event id>`, "
        "`propose` (send a proposal), `answer` (answer a proposal), `open:negotiate` (open the negotiation "
        "table), `turn:<n>` (turn n has begun), `end` (the game is over).",
    )


class Tutorial(m.FormatModel):
    """A game that teaches itself: the learner plays `role` against the computer while a coach shows the steps one
    at a time, each until the learner has done what it asks. Optional; see "Writing a tutorial"."""

    role: m.Id = Field(description="Id of the role the learner plays (the computer plays the others).")
    steps: Annotated[list[TutorialStep], Field(min_length=1, max_length=100)] = Field(
        description="The steps, in order."
    )
