"""The teacher's console over a match: pause, the turn timer, inject an event, adjust an indicator (with a reason),
undo the last turn, end the game now, reveal both sides' objectives. Pure: front ends (and later the class server)
call these and draw what they return.

Every function records what the teacher did in ``match.teacher`` (:class:`~game.table.facilitation.Facilitation`),
which a save keeps and a replay and a report show. Those that change the game go through the match's command log as
well (:meth:`~game.table.match.Match.facilitate`), so the game rebuilds exactly from its log.
"""

from __future__ import annotations

from game.engine import Adjust, Change, EndNow, Inject, Phase, RulesError, localize
from game.table.facilitation import Intervention, InterventionKind, TurnStart, pin_digest
from game.table.log import CommandLog
from game.table.match import Match, TableError
from game.table.replay import rebuild
from game.table.results import Result

#: The longest turn timer, and the most time added at once, in seconds.
MAX_SECONDS = 3600


def _record(match: Match, kind: InterventionKind, detail: str) -> Intervention:
    return match.teacher.record(match.game.turn, kind, detail, len(match.log))


def set_pin(match: Match, pin: str) -> None:
    """Guard the console with ``pin`` (``""``: no PIN). Only digits, 4 to 8 of them."""
    pin = pin.strip()
    if pin and not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValueError("a PIN is 4 to 8 digits")
    match.teacher.pin = pin_digest(pin, str(match.seed)) if pin else ""


def pin_ok(match: Match, pin: str) -> bool:
    """Whether ``pin`` opens the console (always, when none was set)."""
    return not match.teacher.pin or pin_digest(pin.strip(), str(match.seed)) == match.teacher.pin


def pause(match: Match) -> Intervention:
    """Pause the game: the seats' commands are refused until :func:`resume` (students see "Paused by the teacher")."""
    if match.teacher.paused:
        raise TableError("the game is already paused")
    match.teacher.paused = True
    return _record(match, InterventionKind.PAUSE, "The teacher paused the game")


def resume(match: Match) -> Intervention:
    """Let the game go on after :func:`pause`."""
    if not match.teacher.paused:
        raise TableError("the game is not paused")
    match.teacher.paused = False
    return _record(match, InterventionKind.RESUME, "The teacher let the game go on")


def set_timer(match: Match, seconds: int | None) -> Intervention:
    """Give each turn's part ``seconds`` (``None``: no timer). The front end counts down and, when it runs out,
    calls :func:`time_up`."""
    if seconds is not None and not 10 <= seconds <= MAX_SECONDS:
        raise ValueError(f"a turn timer lasts 10 to {MAX_SECONDS} seconds")
    match.teacher.turn_seconds = seconds
    words = "The turn timer is off" if seconds is None else f"Turn timer set to {_duration(seconds)}"
    return _record(match, InterventionKind.TIMER, words)


def more_time(match: Match, seconds: int) -> Intervention:
    """Record that the teacher added ``seconds`` to the running turn timer (the front end extends its count)."""
    if not 1 <= seconds <= MAX_SECONDS:
        raise ValueError(f"add 1 to {MAX_SECONDS} seconds")
    return _record(match, InterventionKind.MORE_TIME, f"The teacher added {_duration(seconds)} to the turn")


def time_up(match: Match) -> tuple[Result, ...]:
    """The turn timer ran out: the turn ends with what was committed (see :meth:`Match.close_turn`)."""
    turn = match.game.turn
    results = match.close_turn()
    match.teacher.record(turn, InterventionKind.TIME_UP, "Time ran out: the turn ended with what was committed",
                         len(match.log))  # fmt: skip
    return results


def inject(match: Match, event: str) -> Intervention:
    """Make ``event`` fire at the next news phase; raises the engine's error (why) when it may not."""
    match.facilitate(Inject(event))
    title = localize(match.scenario.event(event).title, match.game.lang)
    return _record(match, InterventionKind.INJECT, f"The teacher added news for turn {match.game.turn + 1}: {title}")


def adjust(match: Match, indicator: str, value: float, reason: str) -> Change:
    """Set ``indicator`` to ``value`` for ``reason``; the change is in the history, caused by the teacher."""
    result = match.facilitate(Adjust(indicator, float(value), reason))
    change = result.change
    assert change is not None  # an adjustment always records its change
    label = localize(match.scenario.indicator(indicator).label, match.game.lang)
    _record(match, InterventionKind.ADJUST,
            f"The teacher set {label} to {change.after:g} (it was {change.before:g}): {reason.strip()}")  # fmt: skip
    return change


def end_now(match: Match) -> Intervention:
    """End the game now, its ending computed from the state as it stands."""
    match.facilitate(EndNow())
    outcome = match.game.outcome
    assert outcome is not None
    title = localize(match.scenario.ending(outcome.ending).title, match.game.lang) if outcome.ending else "no ending"
    return _record(match, InterventionKind.END, f"The teacher ended the game in turn {outcome.turn}: {title}")


def reveal(match: Match, shown: bool = True) -> Intervention:
    """Show (or hide again) both sides' objectives on screen."""
    match.teacher.revealed = shown
    if shown:
        return _record(match, InterventionKind.REVEAL, "The teacher showed both sides' objectives")
    return _record(match, InterventionKind.HIDE, "The teacher hid the objectives again")


def undo_target(match: Match) -> TurnStart | None:
    """Where :func:`undo` would go back to: the start of the last turn played (the previous turn while a turn is
    under way; the last turn once the game is over), or ``None`` when there is nothing to undo."""
    game = match.game
    turn = game.turn if game.phase is Phase.OVER else game.turn - 1
    return next((s for s in match.teacher.starts if s.turn == turn), None)


def undo(match: Match) -> Intervention:
    """Undo the last turn: the game goes back exactly to where that turn's part for the people began (rebuilt from
    the command log without what came after), and the computer seats get back their generators."""
    start = undo_target(match)
    if start is None:
        raise TableError("there is no turn to undo")
    prefix = CommandLog(match.log.commands[: start.at], first_turn=match.log.first_turn, persons=match.persons)
    try:
        game = rebuild(match.scenario, match.seed, prefix, lang=match.game.lang, origin=match.origin)
    except (RulesError, KeyError, ValueError) as exc:  # pragma: no cover - the log rebuilt the game once already
        raise TableError(f"the turn cannot be undone: {exc}") from exc
    match.rewind(start, game)
    return _record(
        match, InterventionKind.UNDO, f"The teacher undid the last turn: back to the start of turn {start.turn}"
    )


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" if not rest else f"{minutes} min {rest} s"
