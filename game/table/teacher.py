"""The teacher's console over a match: pause, the turn timer, inject an event, adjust an indicator (with a reason),
undo the last turn, end the game now, reveal both sides' objectives. Pure: front ends (and later the class server)
call these and draw what they return.

Every function records what the teacher did in ``match.teacher`` (:class:`~game.table.facilitation.Facilitation`),
which a save keeps and a replay and a report show. Those that change the game go through the match's command log as
well (:meth:`~game.table.match.Match.facilitate`), so the game rebuilds exactly from its log.
"""

from __future__ import annotations

from game.engine import Adjust, Change, EndNow, Inject, Phase, RulesError, localize
from game.i18n import tr
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
        raise ValueError(tr("a PIN is 4 to 8 digits"))
    match.teacher.pin = pin_digest(pin, str(match.seed)) if pin else ""


def pin_ok(match: Match, pin: str) -> bool:
    """Whether ``pin`` opens the console (always, when none was set)."""
    return not match.teacher.pin or pin_digest(pin.strip(), str(match.seed)) == match.teacher.pin


def pause(match: Match) -> Intervention:
    """Pause the game: the seats' commands are refused until :func:`resume` (students see "Paused by the teacher")."""
    if match.teacher.paused:
        raise TableError(tr("the game is already paused"))
    match.teacher.paused = True
    return _record(match, InterventionKind.PAUSE, tr("The teacher paused the game"))


def resume(match: Match) -> Intervention:
    """Let the game go on after :func:`pause`."""
    if not match.teacher.paused:
        raise TableError(tr("the game is not paused"))
    match.teacher.paused = False
    return _record(match, InterventionKind.RESUME, tr("The teacher let the game go on"))


def set_timer(match: Match, seconds: int | None) -> Intervention:
    """Give each turn's part ``seconds`` (``None``: no timer). The front end counts down and, when it runs out,
    calls :func:`time_up`."""
    if seconds is not None and not 10 <= seconds <= MAX_SECONDS:
        raise ValueError(tr("a turn timer lasts 10 to {most} seconds", most=MAX_SECONDS))
    match.teacher.turn_seconds = seconds
    words = tr("The turn timer is off") if seconds is None else tr("Turn timer set to {time}", time=_duration(seconds))
    return _record(match, InterventionKind.TIMER, words)


def more_time(match: Match, seconds: int) -> Intervention:
    """Record that the teacher added ``seconds`` to the running turn timer (the front end extends its count)."""
    if not 1 <= seconds <= MAX_SECONDS:
        raise ValueError(tr("add 1 to {most} seconds", most=MAX_SECONDS))
    return _record(
        match, InterventionKind.MORE_TIME, tr("The teacher added {time} to the turn", time=_duration(seconds))
    )


def time_up(match: Match) -> tuple[Result, ...]:
    """The turn timer ran out: the turn ends with what was committed (see :meth:`Match.close_turn`)."""
    turn = match.game.turn
    results = match.close_turn()
    words = tr("Time ran out: the turn ended with what was committed")
    match.teacher.record(turn, InterventionKind.TIME_UP, words, len(match.log))
    return results


def inject(match: Match, event: str) -> Intervention:
    """Make ``event`` fire at the next news phase; raises the engine's error (why) when it may not."""
    match.facilitate(Inject(event))
    title = localize(match.scenario.event(event).title, match.game.lang)
    words = tr("The teacher added news for turn {turn}: {title}", turn=match.game.turn + 1, title=title)
    return _record(match, InterventionKind.INJECT, words)


def adjust(match: Match, indicator: str, value: float, reason: str) -> Change:
    """Set ``indicator`` to ``value`` for ``reason``; the change is in the history, caused by the teacher."""
    result = match.facilitate(Adjust(indicator, float(value), reason))
    change = result.change
    assert change is not None  # an adjustment always records its change
    label = localize(match.scenario.indicator(indicator).label, match.game.lang)
    words = tr(
        "The teacher set {label} to {value} (it was {before}): {reason}",
        label=label,
        value=format(change.after, "g"),
        before=format(change.before, "g"),
        reason=reason.strip(),
    )
    _record(match, InterventionKind.ADJUST, words)
    return change


def end_now(match: Match) -> Intervention:
    """End the game now, its ending computed from the state as it stands."""
    match.facilitate(EndNow())
    outcome = match.game.outcome
    assert outcome is not None
    title = (
        localize(match.scenario.ending(outcome.ending).title, match.game.lang) if outcome.ending else tr("no ending")
    )
    words = tr("The teacher ended the game in turn {turn}: {title}", turn=outcome.turn, title=title)
    return _record(match, InterventionKind.END, words)


def reveal(match: Match, shown: bool = True) -> Intervention:
    """Show (or hide again) both sides' objectives on screen."""
    match.teacher.revealed = shown
    if shown:
        return _record(match, InterventionKind.REVEAL, tr("The teacher showed both sides' objectives"))
    return _record(match, InterventionKind.HIDE, tr("The teacher hid the objectives again"))


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
        raise TableError(tr("there is no turn to undo"))
    prefix = CommandLog(match.log.commands[: start.at], first_turn=match.log.first_turn, persons=match.persons)
    try:
        game = rebuild(match.scenario, match.seed, prefix, lang=match.game.lang, origin=match.origin)
    except (RulesError, KeyError, ValueError) as exc:  # pragma: no cover - the log rebuilt the game once already
        raise TableError(tr("the turn cannot be undone: {problem}", problem=exc)) from exc
    match.rewind(start, game)
    words = tr("The teacher undid the last turn: back to the start of turn {turn}", turn=start.turn)
    return _record(match, InterventionKind.UNDO, words)


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return tr("{seconds} s", seconds=rest)
    if not rest:
        return tr("{minutes} min", minutes=minutes)
    return tr("{minutes} min {seconds} s", minutes=minutes, seconds=rest)
