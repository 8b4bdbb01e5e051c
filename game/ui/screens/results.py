"""What a screen ends with: the typed results that screens hand to the flow.

A screen never opens the screen that comes after it. When the person is done with it, it ends with one of these
results (:meth:`Screen.dismiss <game.ui.screens.base.Screen.dismiss>` closes it first; :meth:`Screen.request
<game.ui.screens.base.Screen.request>` leaves it open, as the board does when it asks for the negotiation table), and
:func:`game.ui.flow.route` alone decides what comes next. A menu may still open its own sub-menus (the title opens
the new-game screen): what matters for the game comes back here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.engine import Scenario
from game.table import Match, Result, Seat


# ---------------------------------------------------------------- in a game
@dataclass(frozen=True)
class AtKeyboard:
    """The privacy screen: the person playing ``role`` is at the keyboard."""

    role: str


@dataclass(frozen=True)
class BriefingRead:
    """The person playing ``role`` has read their briefing."""

    role: str


@dataclass(frozen=True)
class Applied:
    """A command went through the match (an event was answered); ``results`` are what it did."""

    results: tuple[Result, ...]


@dataclass(frozen=True)
class Stale:
    """The screen's moment has passed (the match waits for something else): show what it waits for."""


@dataclass(frozen=True)
class EndTurn:
    """``role`` is done with its part of the turn."""

    role: str


@dataclass(frozen=True)
class OpenTable:
    """``role`` asks for the negotiation table (``view``: ``proposal`` or ``agreements``)."""

    role: str
    view: str = "proposal"


@dataclass(frozen=True)
class TableClosed:
    """The negotiation table was closed (a proposal being built is dropped; nothing was sent)."""


@dataclass(frozen=True)
class Sent:
    """``role`` sent a proposal from the table; ``results`` are what the match did (an answer may be among them)."""

    role: str
    results: tuple[Result, ...]


@dataclass(frozen=True)
class AskBreak:
    """``role`` wants to break ``agreement_id``: ask first, stating the cost."""

    role: str
    agreement_id: str


@dataclass(frozen=True)
class BreakDecided:
    """The answer to :class:`AskBreak`: ``confirmed`` breaks the agreement, otherwise it is kept."""

    role: str
    agreement_id: str
    confirmed: bool


@dataclass(frozen=True)
class Answered:
    """A proposal was accepted or refused: ``message`` says how (``bad`` when it went wrong)."""

    message: str
    results: tuple[Result, ...] = ()
    bad: bool = False


@dataclass(frozen=True)
class Countered:
    """``role`` answers ``proposal_id`` with a counter-proposal, to be built at the negotiation table."""

    role: str
    proposal_id: str


@dataclass(frozen=True)
class Closed:
    """A dialog that only informed was closed."""


@dataclass(frozen=True)
class ReviewRead:
    """The review of a turn was read."""


@dataclass(frozen=True)
class Pause:
    """Esc over a game: the pause menu."""


@dataclass(frozen=True)
class CoachRead:
    """The learner has read the tutorial's current step (Continue)."""


# ---------------------------------------------------------------- the teacher's console
@dataclass(frozen=True)
class TeacherConsole:
    """F2 over a game: the teacher's console (after its PIN, when the game has one)."""


@dataclass(frozen=True)
class PinEntered:
    """The PIN typed to open the teacher's console (checked by the flow)."""

    pin: str


@dataclass(frozen=True)
class PauseGame:
    """Pause the game (the students cannot act until :class:`ResumeGame`)."""


@dataclass(frozen=True)
class ResumeGame:
    """Let the paused game go on."""


@dataclass(frozen=True)
class SetTimer:
    """Give each turn ``seconds`` (``None``: no turn timer)."""

    seconds: int | None


@dataclass(frozen=True)
class MoreTime:
    """Add ``seconds`` to the running turn timer."""

    seconds: int


@dataclass(frozen=True)
class TimeUp:
    """The turn timer ran out: the turn ends with what was committed."""


@dataclass(frozen=True)
class InjectEvent:
    """Make ``event`` fire at the next news."""

    event: str


@dataclass(frozen=True)
class AdjustIndicator:
    """Set ``indicator`` to ``value`` for ``reason``."""

    indicator: str
    value: float
    reason: str


@dataclass(frozen=True)
class UndoTurn:
    """Undo the last turn (confirmed)."""


@dataclass(frozen=True)
class EndGame:
    """End the game now (confirmed)."""


@dataclass(frozen=True)
class Reveal:
    """Show (``shown``) or hide both sides' objectives on screen."""

    shown: bool


#: What the teacher can do from the console.
TeacherAction = (
    PauseGame | ResumeGame | SetTimer | MoreTime | TimeUp | InjectEvent | AdjustIndicator | UndoTurn | EndGame | Reveal
)


@dataclass(frozen=True)
class Teach:
    """The teacher did ``action`` from the console (or the turn timer ran out)."""

    action: TeacherAction


@dataclass(frozen=True)
class ShowPublic:
    """Show the public board (for a projector): nobody's private things on screen."""


@dataclass(frozen=True)
class LeavePublic:
    """Leave the public board for the players' screens (through a privacy screen)."""


# ---------------------------------------------------------------- between games
@dataclass(frozen=True)
class NewGame:
    """Start a new game of ``scenario`` (read from ``scenario_path``) with these seats and seed."""

    scenario: Scenario
    scenario_path: str
    seats: Mapping[str, Seat]
    seed: int
    #: The PIN that guards the teacher's console (``""``: none).
    pin: str = ""


@dataclass(frozen=True)
class LearnToPlay:
    """Start the tutorial: a short game that teaches itself, the learner against the computer."""


@dataclass(frozen=True)
class Resume:
    """Continue a restored match."""

    match: Match


@dataclass(frozen=True)
class ToTitle:
    """Leave the game for the title screen (the autosave keeps it)."""


#: Every result a screen can end with.
Outcome = (
    AtKeyboard
    | BriefingRead
    | Applied
    | Stale
    | EndTurn
    | OpenTable
    | TableClosed
    | Sent
    | AskBreak
    | BreakDecided
    | Answered
    | Countered
    | Closed
    | ReviewRead
    | Pause
    | CoachRead
    | TeacherConsole
    | PinEntered
    | Teach
    | ShowPublic
    | LeavePublic
    | NewGame
    | LearnToPlay
    | Resume
    | ToTitle
)
