"""The turn review condensed: the few moves of a turn that mattered most, and their biggest causes.

A turn of the default scenario records forty or more changes; a player reads the few that mattered and asks for the
rest when they want it. :func:`condense` picks them from public information alone (the changes and the indicators'
ranges), so the same turn reads the same for every seat and on a screen shared by several people; whether a move is
good news for the reader is for the front end to say, from the reader's own seat. Both front ends use it: the
terminal's review (:func:`game.text.views.mattered_lines`) and the desktop's review screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import Cause, Change, Scenario
from game.i18n import tr, tr_n
from game.present.words import num

#: How many moves a condensed review tells at most.
MOVES = 4
#: How many causes it names for each move at most.
CAUSES = 2


@dataclass(frozen=True, slots=True)
class CauseShare:
    """One cause's part in an indicator's move: its changes (one cause may change an indicator several times in a
    turn, an action's effect now and a part of it falling due) and their sum."""

    delta: float
    changes: tuple[Change, ...]

    @property
    def first(self) -> Change:
        """The first of the cause's changes: what the front ends name the cause by."""
        return self.changes[0]


@dataclass(frozen=True, slots=True)
class Move:
    """An indicator's net move in a turn (every change of it merged, ``before`` to ``after``), ``size`` its part of
    the indicator's range, and the biggest ``causes`` of it (``more_causes`` left out)."""

    indicator: str
    before: float
    after: float
    size: float
    causes: tuple[CauseShare, ...]
    more_causes: int
    changes: tuple[Change, ...]

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Condensed:
    """What a condensed review tells: the ``moves`` that mattered most (biggest first), and what it leaves out:
    ``left_out`` changes, among them every change of ``other_moves`` indicators that moved too."""

    moves: tuple[Move, ...]
    left_out: int
    other_moves: int
    total: int

    @property
    def complete(self) -> bool:
        """Whether the condensed review tells every change (nothing to see in the full list that is not here)."""
        return self.left_out == 0


_CauseKey = tuple[Cause, str, str, int]


def _key(change: Change) -> _CauseKey:
    """One cause: what made the change, whose decision, and the turn it was decided in (a delayed part of an action
    is told apart from the same action taken this turn)."""
    return change.cause, change.cause_id, change.role, change.since if change.fell_due else change.turn


def indicator_order(scenario: Scenario) -> list[str]:
    """The indicators a review tells, in the order it tells them: the shown ones, then the trust between roles."""
    return [i.id for i in scenario.shown_indicators] + [t for t in scenario.trust_names()]


def condense(scenario: Scenario, changes: Sequence[Change], *, moves: int = MOVES, causes: int = CAUSES) -> Condensed:
    """The ``moves`` biggest net moves among ``changes`` (one turn's), each with its ``causes`` biggest causes.

    A move's size is its net change as a share of the indicator's range (10 points on a 0-100 scale weigh as much
    as 1 point on 0-10); a move that shows as no change (whole numbers) is not told. Ties go by the review's order
    of the indicators (:func:`indicator_order`); causes tie by their first change. Changes of hidden indicators
    are never counted.
    """
    order = indicator_order(scenario)
    by_indicator: dict[str, list[Change]] = {name: [] for name in order}
    for change in changes:
        if change.indicator in by_indicator:
            by_indicator[change.indicator].append(change)
    found = [_move(scenario, name, mine, causes) for name, mine in by_indicator.items() if mine]
    moved = [m for m in found if num(m.before) != num(m.after)]
    ranked = sorted(moved, key=lambda m: (-m.size, order.index(m.indicator)))
    chosen = tuple(ranked[: max(moves, 0)])
    total = sum(len(m.changes) for m in found)
    told = sum(len(share.changes) for m in chosen for share in m.causes)
    return Condensed(chosen, total - told, len(moved) - len(chosen), total)


def _move(scenario: Scenario, name: str, mine: Sequence[Change], causes: int) -> Move:
    indicator = scenario.indicator(name)
    span = float(indicator.max) - float(indicator.min)
    before, after = mine[0].before, mine[-1].after
    groups: dict[_CauseKey, list[Change]] = {}
    for change in mine:
        groups.setdefault(_key(change), []).append(change)
    shares = [CauseShare(sum(c.delta for c in group), tuple(group)) for group in groups.values()]
    shares.sort(key=lambda s: -abs(s.delta))  # stable: ties keep the order of their first change
    # A cause too small to show as a whole point says nothing, unless nothing bigger explains the move.
    shown = tuple(s for s in shares[: max(causes, 0)] if num(abs(s.delta)) != "0") or tuple(shares[: min(causes, 1)])
    size = abs(after - before) / span if span > 0 else 0.0
    return Move(name, before, after, size, shown, len(shares) - len(shown), tuple(mine))


def left_out_words(condensed: Condensed) -> str:
    """What a condensed review leaves out, in words (``""`` when nothing): ``9 smaller changes, 4 more indicators
    moved``."""
    if condensed.complete:
        return ""
    words = tr_n("{n} smaller change", "{n} smaller changes", condensed.left_out)
    if condensed.other_moves:
        others = tr_n("{n} more indicator moved", "{n} more indicators moved", condensed.other_moves)
        words = tr("{changes}, {others}", changes=words, others=others)
    return words
