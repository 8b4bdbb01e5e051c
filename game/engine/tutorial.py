"""A scenario's tutorial (its ``tutorial`` section): the steps of a game that teaches itself, as plain values.

A step says something (``say``), may point at a part of the board (``point``) and waits until the learner has done
something (``until``). None of it changes how a game plays: the learner sends the ordinary commands of a match, and
``game.table.tutorial`` works out from the match which step is current.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

Text = Mapping[str, str]


class PointAt(enum.StrEnum):
    """The parts of the board a step may point at."""

    INDICATORS = "indicators"
    INDICATOR = "indicator"  # one indicator: ``indicator:<id>``
    OBJECTIVES = "objectives"  # the indicator list, which says what the learner's score wants of each
    ACTIONS = "actions"
    ACTION = "action"  # one action: ``action:<id>``
    FORECAST = "forecast"  # the selected action's details and forecast
    CAPITAL = "capital"
    NEWS = "news"
    COMMIT = "commit"  # the Commit button
    END_TURN = "end_turn"
    NEGOTIATE = "negotiate"
    TURN = "turn"  # the turn and the date


class Until(enum.StrEnum):
    """What the learner must do before the next step shows."""

    READ = "read"  # Continue (Enter in the terminal)
    COMMIT = "commit"  # commit any action, or ``commit:<action id>``
    END_TURN = "end_turn"  # end their part of the turn
    CHOOSE = "choose"  # answer an event, or ``choose:<event id>``
    PROPOSE = "propose"  # send a proposal (a counter-proposal counts)
    ANSWER = "answer"  # answer a proposal sent to them
    OPEN = "open"  # open a screen: ``open:negotiate``
    TURN = "turn"  # ``turn:<n>``: turn n has begun
    END = "end"  # the game is over


#: Until kinds the front end reports (the learner read a step, opened a screen); the others follow from the match.
ACKNOWLEDGED = frozenset({Until.READ, Until.OPEN})


@dataclass(frozen=True, slots=True)
class Pointer:
    """What a step points at: a part of the board, and the id of the indicator or action for the ones that take
    one (``""`` otherwise)."""

    at: PointAt
    target: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """One step: what to say, what to point at (``None``: nothing), and what the learner must do to go on
    (``until``, with the id of an action or event, the screen, or the turn number as text in ``target``)."""

    say: Text
    until: Until = Until.READ
    target: str = ""
    point: Pointer | None = None

    @property
    def acknowledged(self) -> bool:
        """Whether the front end tells when this step is done (reading it, opening a screen)."""
        return self.until in ACKNOWLEDGED


@dataclass(frozen=True, slots=True)
class Tutorial:
    """A scenario's tutorial: the learner plays ``role`` (the computer the others) through ``steps``."""

    role: str
    steps: tuple[Step, ...]
