"""Values in the past, rebuilt from the history: the one place that does it (``Game.value_at`` and friends).

Every change is recorded with its value before and after, so the values at any point are the initial values (each
indicator's ``before`` in its first change, or its current value if it never moved) with the changes up to that
point applied. That is exact even for a game saved under an older version of its scenario (whose initial values may
have changed since). Trust between roles is an indicator like the others here (``trust_<a>_<b>``, or the scenario's
trust indicator).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from game.engine.state import Change


def initial_values(values: Mapping[str, float], history: Sequence[Change]) -> dict[str, float]:
    """The values before the first change, for every name in ``values`` (the current values)."""
    out = dict(values)
    unseen = set(out)
    for change in history:
        name = change.indicator
        if name in unseen:
            unseen.discard(name)
            out[name] = change.before
            if not unseen:
                break
    return out


def values_after_each(
    values: Mapping[str, float], history: Sequence[Change], counts: Sequence[int]
) -> list[dict[str, float]]:
    """The values after the first ``count`` changes, for each of ``counts`` (clamped to the history), in one pass."""
    current = initial_values(values, history)
    out: list[dict[str, float]] = [{} for _ in counts]
    applied = 0
    for index in sorted(range(len(counts)), key=counts.__getitem__):
        target = min(max(counts[index], 0), len(history))
        while applied < target:
            change = history[applied]
            if change.indicator in current:
                current[change.indicator] = change.after
            applied += 1
        out[index] = dict(current)
    return out


def value_after(values: Mapping[str, float], history: Sequence[Change], indicator: str, count: int) -> float:
    """One value after the first ``count`` changes; raises ``KeyError`` for a name that is not in ``values``."""
    current = values[indicator]
    count = min(max(count, 0), len(history))
    for index in range(count - 1, -1, -1):
        if history[index].indicator == indicator:
            return history[index].after
    for index in range(count, len(history)):
        if history[index].indicator == indicator:
            return history[index].before
    return current


def turn_ends(history: Sequence[Change], last: int) -> list[int]:
    """For each turn ``t`` from 0 to ``last``: how many changes had been recorded when turn ``t`` ended (0: none,
    the start of the game). The history is in turn order."""
    turns = [c.turn for c in history]
    return [bisect_right(turns, turn) for turn in range(last + 1)]


def series(
    values: Mapping[str, float], history: Sequence[Change], last: int, names: Sequence[str] | None = None
) -> dict[str, list[float]]:
    """Each value (of ``names``, default all) per turn: index 0 the start, index ``t`` the end of turn ``t``, up to
    ``last``."""
    ends = turn_ends(history, last)
    snapshots = values_after_each(values, history, ends)
    keys = list(values) if names is None else list(names)
    return {key: [snapshot[key] for snapshot in snapshots] for key in keys}
