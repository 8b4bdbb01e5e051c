"""The teacher's console in the flow: opening it (after its PIN) and carrying out what the teacher asks through
:mod:`game.table.teacher`. :func:`game.ui.flow.route` calls these and shows what comes next (the review after the
time ran out, the restored turn after an undo, the end after End now).

Every action is autosaved. A refused action (the engine's or the table's reason) is shown on the console and
changes nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import assert_never

from game.engine import RulesError
from game.i18n import tr
from game.table import Match, Result, TableError, teacher
from game.ui.app import App
from game.ui.screens.console import ConsoleScreen, PinDialog
from game.ui.screens.ingame import GameScreen
from game.ui.screens.results import (
    AdjustIndicator,
    EndGame,
    InjectEvent,
    MoreTime,
    PauseGame,
    ResumeGame,
    Reveal,
    SetTimer,
    TeacherAction,
    TimeUp,
    UndoTurn,
)


class Next(enum.Enum):
    """What the flow shows after a teacher's action."""

    STAY = "stay"  # the console (or the screen below) as it is
    RESOLVED = "resolved"  # the turn ended: the review
    RESTORED = "restored"  # the last turn was undone: the restored turn, shown afresh
    OVER = "over"  # the game was ended: the end screen


@dataclass(frozen=True)
class Aftermath:
    """What a teacher's action did: what comes next, and the results of a turn it ended."""

    next: Next
    results: tuple[Result, ...] = ()


STAY = Aftermath(Next.STAY)


def open_console(app: App) -> None:
    """F2: the console, or first the PIN dialog when the game has a PIN."""
    match = app.match
    if match is None or match.is_over():
        return
    app.timer.hold()
    app.push(PinDialog(app) if match.teacher.pin else ConsoleScreen(app))


def pin_entered(app: App, pin: str) -> None:
    """The PIN dialog was answered: the console when the PIN is right, else a message on the screen below."""
    match = app.match
    if match is None:
        return
    if teacher.pin_ok(match, pin):
        app.push(ConsoleScreen(app))
        return
    top = app.top
    if isinstance(top, GameScreen):
        top.show_notice(tr("Wrong PIN: the teacher's console stays closed."), bad=True)


def carry_out(app: App, action: TeacherAction) -> Aftermath:
    """Do ``action`` through :mod:`game.table.teacher` and autosave; what comes next. A refusal is shown on the
    console (or as a notice on the screen) and changes nothing."""
    match = app.match
    if match is None:
        return STAY
    try:
        after = _apply(app, match, action)
    except (TableError, RulesError, ValueError, KeyError) as exc:
        _refused(app, action, str(exc).strip("'\""))
        return STAY
    app.autosave()
    if isinstance(app.top, ConsoleScreen):
        app.top.refresh()
    return after


def _apply(app: App, match: Match, action: TeacherAction) -> Aftermath:
    """Carry out one action (raises the table's or the engine's error when it is refused)."""
    match action:
        case PauseGame():
            teacher.pause(match)
        case ResumeGame():
            teacher.resume(match)
        case SetTimer(seconds):
            teacher.set_timer(match, seconds)
            app.timer.restart(match.game.turn, seconds)
        case MoreTime(seconds):
            teacher.more_time(match, seconds)
            app.timer.add(seconds)
        case TimeUp():
            return Aftermath(Next.RESOLVED, teacher.time_up(match))
        case InjectEvent(event):
            teacher.inject(match, event)
        case AdjustIndicator(indicator, value, reason):
            teacher.adjust(match, indicator, value, reason)
        case UndoTurn():
            teacher.undo(match)
            return Aftermath(Next.RESTORED)
        case EndGame():
            teacher.end_now(match)
            return Aftermath(Next.OVER)
        case Reveal(shown):
            teacher.reveal(match, shown)
        case _:
            assert_never(action)
    return STAY


def _refused(app: App, action: TeacherAction, reason: str) -> None:
    """Say why ``action`` was refused: on the console when it is open, else on the game's screen."""
    top = app.top
    if isinstance(action, TimeUp):
        message = tr("Time is up, but the turn cannot end yet: {reason}.", reason=reason)
    else:
        message = tr("Not done: {reason}.", reason=reason)
    if isinstance(top, ConsoleScreen):
        top.say(message, bad=True)
    elif isinstance(top, GameScreen):
        top.show_notice(message, bad=True)
