"""Questions about one game that change nothing: the scores, where each stage of a turn began, what a cause id
refers to, and the values at any point of the past (from :mod:`game.engine.history`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import history as past
from game.engine.context import Context
from game.engine.state import (
    STAGES,
    Cause,
    Change,
    ItemStatus,
    Mark,
    NewsDetail,
    NewsKind,
    Origin,
    Proposal,
    Stage,
    item_key,
)

#: The causes that may move an indicator before a turn resolves: the news stage (events, the answers to them) and
#: agreements broken in the actions stage. Read only for turns played before the engine recorded its stages.
_BEFORE_RESOLUTION = frozenset({Cause.EVENT, Cause.CHOICE, Cause.BREAK})


@dataclass(frozen=True, slots=True, order=True)
class Moment:
    """A point in a game's past: ``history`` entries and ``news`` entries had happened, in ``turn``."""

    turn: int
    history: int
    news: int


def score(ctx: Context, role: str) -> float:
    """``role``'s score on the current state (its private objectives)."""
    return ctx.score_on(role, ctx.state.values)


def score_of(ctx: Context, role: str, values: dict[str, float]) -> float:
    """``role``'s score if the indicators had ``values`` (clamped to their ranges first)."""
    bounded = {}
    for key, value in values.items():
        low, high = ctx.bounds[key]
        bounded[key] = low if value < low else high if value > high else value
    return ctx.score_on(role, bounded)


def scores(ctx: Context) -> dict[str, float]:
    """Every role's score on the current state."""
    return {r: score(ctx, r) for r in ctx.roles}


def stage_start(ctx: Context, turn: int, stage: Stage) -> Mark | None:
    """Where ``stage`` of ``turn`` began: its history and news counts; ``None`` if it has not begun (or was
    played before stages were recorded)."""
    flat, number = ctx.state.stage_starts, STAGES.index(stage)
    for i in range(len(flat) - 4, -1, -4):  # most questions are about recent turns
        if flat[i] == turn and flat[i + 1] == number:
            return Mark(turn, stage, flat[i + 2], flat[i + 3])
        if flat[i] < turn:
            break
    return None


def stage_of(ctx: Context, index: int) -> Stage | None:
    """The stage in which history entry ``index`` was recorded (``None`` if that was not recorded)."""
    turn = ctx.state.history[index].turn
    found = None
    for mark in ctx.state.marks():
        if mark.history > index or mark.turn > turn:
            break
        found = mark
    return found.stage if found is not None and found.turn == turn else None


def origin(ctx: Context, cause: Cause, cause_id: str) -> Origin:
    """What a cause id refers to. For an answer to an event (:attr:`Cause.CHOICE`): the event and the choice;
    for an agreement item (:attr:`Cause.AGREEMENT`, :attr:`Cause.KEPT`, and the id of an ``implemented``
    agreement news entry): the agreement and the item; otherwise the id itself, with no part. Ids are looked
    up among the keys the engine built, never split; an id that is no longer known (a scenario edited since the
    game was saved) comes back whole."""
    if cause is Cause.CHOICE:
        found = ctx.rules.choice_keys.get(cause_id)
        if found is not None:
            return Origin(cause, found[0], found[1])
    elif cause is Cause.AGREEMENT or cause is Cause.KEPT:
        for agreement in ctx.state.agreements:
            for part in agreement.items:
                if item_key(agreement.id, part.item) == cause_id:
                    return Origin(cause, agreement.id, part.item)
    return Origin(cause, cause_id, "")


def values_after(ctx: Context, count: int) -> dict[str, float]:
    """Every value (indicators and trust) after the first ``count`` history entries (0: the initial values)."""
    return past.values_after_each(ctx.state.values, ctx.state.history, [count])[0]


def values_after_each(ctx: Context, counts: Sequence[int]) -> list[dict[str, float]]:
    """:func:`values_after` for each of ``counts``, in one pass over the history."""
    return past.values_after_each(ctx.state.values, ctx.state.history, counts)


def values_at(ctx: Context, turn: int) -> dict[str, float]:
    """Every value at the end of ``turn`` (0: the start, before the first news; the current turn: now)."""
    return values_after(ctx, past.turn_ends(ctx.state.history, max(turn, 0))[-1])


def value_at(ctx: Context, indicator: str, turn: int) -> float:
    """One value at the end of ``turn`` (0: the start); raises ``KeyError`` for an unknown name."""
    count = past.turn_ends(ctx.state.history, max(turn, 0))[-1]
    return past.value_after(ctx.state.values, ctx.state.history, indicator, count)


def value_series(ctx: Context, indicator: str) -> list[float]:
    """One value per turn: index 0 the start, index ``t`` the end of turn ``t``; the last entry is the value
    now (the last turn played, or the current turn so far). Raises ``KeyError`` for an unknown name."""
    if indicator not in ctx.state.values:
        raise KeyError(indicator)
    return values_by_turn(ctx, [indicator])[indicator]


def values_by_turn(ctx: Context, names: Sequence[str] | None = None) -> dict[str, list[float]]:
    """:func:`value_series` of every value (or of ``names``), in one pass over the history."""
    last = ctx.state.outcome.turn if ctx.state.outcome is not None else ctx.state.turn
    return past.series(ctx.state.values, ctx.state.history, last, names)


def changes_in_turn(ctx: Context, turn: int) -> list[Change]:
    """The history entries of one turn."""
    return [c for c in ctx.state.history if c.turn == turn]


def causes(ctx: Context, indicator: str, *, last: int = 5) -> list[Change]:
    """The most recent changes of an indicator, newest first ("why did this move?")."""
    found: list[Change] = []
    for change in reversed(ctx.state.history):
        if change.indicator == indicator:
            found.append(change)
            if len(found) == last:
                break
    return found


def proposal_moments(ctx: Context, proposals: Sequence[Proposal]) -> list[Moment]:
    """The moment each proposal was sent, in the history: after the news stage of its turn and the agreements broken
    before it in that turn (the news gives the order), before the turn's resolution."""
    history = ctx.state.history
    news = ctx.state.news
    sent_at = {n.id: i for i, n in enumerate(news) if n.kind is NewsKind.PROPOSAL and n.detail == NewsDetail.SENT}
    turns: list[int] | None = None
    out = []
    for proposal in proposals:
        turn = proposal.turn
        actions = stage_start(ctx, turn, Stage.ACTIONS)
        news_index = sent_at.get(proposal.id)
        if news_index is None:  # not in the news (an older save): the start of its turn's actions stage
            news_index = actions.news if actions is not None else next(
                (i for i, n in enumerate(news) if n.turn == turn and n.kind not in (NewsKind.EVENT, NewsKind.CHOICE)),
                len(news))  # fmt: skip
        broken_before = {(n.id, n.role) for n in news[:news_index] if n.turn == turn
                         and n.kind is NewsKind.AGREEMENT and n.detail == ItemStatus.BROKEN}  # fmt: skip
        if actions is not None:  # the actions stage holds the changes of agreements broken, in the news' order
            resolution = stage_start(ctx, turn, Stage.RESOLUTION)
            index, end = actions.history, len(history) if resolution is None else resolution.history
        else:  # a turn played before stages were recorded: the changes of events, choices and breaks at its start
            turns = [c.turn for c in history] if turns is None else turns
            index, end = bisect_right(turns, turn - 1), bisect_right(turns, turn)
        while index < end:
            change = history[index]
            if change.cause not in _BEFORE_RESOLUTION or change.fell_due:
                break  # the resolution has begun
            if change.cause is Cause.BREAK and (change.cause_id, change.role) not in broken_before:
                break  # broken after the proposal was sent
            index += 1
        out.append(Moment(turn, index, news_index))
    return out


def when_sent(ctx: Context, proposals: Sequence[Proposal]) -> list[tuple[Moment, dict[str, float]]]:
    """For each proposal, the moment it was sent and every value then (see :func:`proposal_moments`). A game on the
    fast path keeps no history: it remembers the values and the news count of each proposal as it is sent
    (``GameState.sent``), which are those the history gives on the full path."""
    state = ctx.state
    if not state.recorded:
        out = []
        for proposal in proposals:
            values, news = state.sent[proposal.id]
            out.append((Moment(proposal.turn, 0, news), dict(values)))
        return out
    moments = proposal_moments(ctx, proposals)
    return list(zip(moments, values_after_each(ctx, [m.history for m in moments]), strict=True))
