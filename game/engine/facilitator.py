"""A facilitator's commands: set an indicator by hand (with a reason), make an event fire at the next news, end the
game now. Each is recorded like any other decision: an adjustment as a change in the history caused by the
facilitator (:attr:`~game.engine.state.Cause.FACILITATOR`, the reason in its text), and all three as news
(:attr:`~game.engine.state.NewsKind.FACILITATOR`), so a replay and a report see them.
"""

from __future__ import annotations

from math import isfinite

from game.engine import turns
from game.engine.context import Context
from game.engine.errors import N_, RulesError, UnknownIdError, Why, WrongPhaseError
from game.engine.state import Cause, Change, News, NewsKind, Phase, Termination

#: The longest reason a facilitator may give for an adjustment (it is shown in reviews and reports).
MAX_REASON = 200
#: The ``cause_id`` of a facilitator's change.
FACILITATOR_ID = "teacher"


def why_not_adjust(ctx: Context, indicator: str, value: float, reason: str) -> str:
    """Why the facilitator may not set ``indicator`` to ``value`` now (``""``: they may)."""
    if ctx.state.phase is Phase.OVER:
        return Why(N_("the game is over"))
    try:
        found = ctx.scenario.indicator(indicator)
    except KeyError:
        return Why(N_("there is no indicator {indicator!r}"), indicator=indicator)
    if found.hidden:
        return Why(N_("{indicator!r} is a hidden flag of the story, not a number players see"), indicator=indicator)
    if not isfinite(value):
        return Why(N_("the value must be a number"))
    text = reason.strip()
    if not text:
        return Why(N_("give a reason: it is recorded with the change"))
    if len(text) > MAX_REASON or any(ord(c) < 32 or 127 <= ord(c) < 160 for c in text):
        return Why(N_("the reason must be one line of at most {most} characters"), most=MAX_REASON)
    if min(max(value, found.min), found.max) == ctx.state.values[indicator]:
        return Why(N_("{indicator} is already {value}"), indicator=indicator, value=f"{ctx.state.values[indicator]:g}")
    return ""


def adjust(ctx: Context, indicator: str, value: float, reason: str) -> Change:
    """Set ``indicator`` to ``value`` (clamped to its range), recorded as the facilitator's change with
    ``reason``; raises :class:`~game.engine.RulesError` (why) when it may not."""
    if indicator not in ctx.state.values:
        raise UnknownIdError(f"there is no indicator {indicator!r}")
    why = why_not_adjust(ctx, indicator, value, reason)
    if why:
        raise RulesError(why)
    state = ctx.state
    found = ctx.scenario.indicator(indicator)
    before = state.values[indicator]
    after = min(max(float(value), found.min), found.max)
    change = Change(state.turn, indicator, before, after, Cause.FACILITATOR, FACILITATOR_ID, "",
                    f"Set by the teacher: {reason.strip()}", state.turn)  # fmt: skip
    state.values[indicator] = after
    state.history.append(change)
    state.news.append(News(state.turn, NewsKind.FACILITATOR, "adjust", "", indicator))
    return change


def why_not_inject(ctx: Context, event: str) -> str:
    """Why the facilitator may not make ``event`` fire at the next news (``""``: they may)."""
    if ctx.state.phase is Phase.OVER:
        return Why(N_("the game is over"))
    if event not in ctx.events:
        return Why(N_("there is no event {event!r}"), event=event)
    if event in ctx.state.queued:
        return Why(N_("{event} already fires at the next news"), event=event)
    if ctx.state.turn >= ctx.scenario.turns:
        return Why(N_("this is the last turn: there is no next news"))
    return ""


def inject(ctx: Context, event: str) -> None:
    """Make ``event`` fire at the start of the next turn (before the events drawn then)."""
    if event not in ctx.events:
        raise UnknownIdError(f"there is no event {event!r}")
    why = why_not_inject(ctx, event)
    if why:
        raise WrongPhaseError(why)
    state = ctx.state
    state.queued.append(event)
    state.news.append(News(state.turn, NewsKind.FACILITATOR, "inject", "", event))


def end_now(ctx: Context) -> None:
    """End the game now: the ending is the one the state as it stands reaches (an early ending whose condition
    holds, else the band of final endings), and the outcome says the facilitator stopped it."""
    state = ctx.state
    if state.phase is Phase.OVER:
        raise WrongPhaseError("the game is over")
    state.news.append(News(state.turn, NewsKind.FACILITATOR, "end", "", ""))
    ending, _ = turns.ending_now(ctx, final=True)
    turns.finish(ctx, ending, Termination.STOPPED)
