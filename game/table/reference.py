"""Scores a class cannot misread: each side's final score against its own side's usual range.

Each side is scored on its own private objectives, so the scores of different sides are not comparable: in most
scenarios one side's number is higher whatever happens, and a class reads that as who won. A *score reference*
gives each role the range of final scores that computer players reach on that side when they play every side: the
10th, 50th and 90th percentiles over many games (``low``, ``typical``, ``high``). A score is then placed below,
within or above its own side's range (:func:`placement`), and never against another side's score.

Where a scenario's reference comes from (:func:`find_reference`), the first found wins:

1. **stored** in the scenario file (``score_reference``): a modder computed it with ``python main.py reference``,
   by default with the strong level on every side (:data:`DEFAULT_POLICY`, :data:`DEFAULT_GAMES` games);
2. **cached** in the user's data folder by an earlier computation on this machine: one file per scenario content
   (the file's sha256) and :data:`VERSION` of this mechanism, so editing the scenario or changing how references are
   computed never reuses a stale range;
3. **computed** on the spot, cheaply: the standard level on every side (:data:`QUICK_POLICY`, :data:`QUICK_GAMES`
   games, about a second for the default scenario, where the strong level takes minutes), then cached.

The games are those of :func:`~game.table.simulate.simulate` with seed :data:`SEED`, so ``simulate --seed 0
--games 40 --policy ROLE=strong ...`` plays the very games a reference comes from. The cache's file I/O is given
by the caller (the table does not know where the user's folders are): see :class:`ReferenceCache`.
"""

from __future__ import annotations

import enum
import hashlib
import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from game.engine import Scenario, ScoreRange, ScoreReference
from game.table.seats import LEVELS
from game.table.simulate import simulate

#: Version of the mechanism: bump it when the way a reference is computed changes (or a level plays differently), and
#: every cached one is redone. 2: the strong level's lookahead searches by sequential halving.
VERSION = 2
#: Who plays every side, and how many games, when a modder computes a reference to store (``reference``).
DEFAULT_POLICY, DEFAULT_GAMES = "strong", 40
#: Who plays every side, and how many games, when a reference is computed on the spot (none stored or cached).
QUICK_POLICY, QUICK_GAMES = "standard", 40
#: The seed of the run of games a reference comes from (as ``simulate --seed``).
SEED = 0
#: The percentiles of the games' final scores that make a side's range: low, typical, high.
PERCENTILES = (10, 50, 90)
#: Where a computed reference is kept for the rest of the process, in :attr:`Scenario.cache`.
_MEMO = "score-reference"


class Placement(enum.StrEnum):
    """Where a score falls against its side's usual range."""

    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"


class ReferenceOrigin(enum.StrEnum):
    """Where a reference came from."""

    STORED = "stored"
    CACHED = "cached"
    COMPUTED = "computed"


@dataclass(frozen=True, slots=True)
class Found:
    """A scenario's reference and where it came from."""

    reference: ScoreReference
    origin: ReferenceOrigin


# ----------------------------------------------------------------------------------------------- computing
def score_range(scores: Sequence[float]) -> ScoreRange:
    """The range of a side's final scores over many games: the 10th, 50th and 90th percentiles (interpolated between
    the nearest games), rounded to one decimal. Raises ``ValueError`` for no scores."""
    if not scores:
        raise ValueError("a score range needs at least one game")  # i18n: not shown (a programming error)
    if len(scores) == 1:
        low = typical = high = float(scores[0])
    else:
        cuts = statistics.quantiles(scores, n=100, method="inclusive")
        low, typical, high = (cuts[p - 1] for p in PERCENTILES)
    return ScoreRange(round(low, 1), round(typical, 1), round(high, 1))


def compute_reference(
    scenario: Scenario,
    games: int = DEFAULT_GAMES,
    policy: str = DEFAULT_POLICY,
    *,
    budget: int | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> ScoreReference:
    """Play ``games`` games with ``policy`` (a computer level or a policy name) on every side, negotiating as in a
    match, and return each role's range. ``budget`` overrides a searching policy's iterations per decision; ``jobs``
    and ``progress`` are those of :func:`~game.table.simulate.simulate`. Raises ``ValueError`` for fewer than one
    game or a budget below one."""
    if games < 1:
        raise ValueError(f"a reference needs at least one game, got {games}")  # i18n: not shown (checked before)
    names = {role.id: policy for role in scenario.roles}
    result = simulate(scenario, games, SEED, names, budget, jobs=jobs, progress=progress)
    ranges = {role: score_range(scores) for role, scores in result.scores.items()}
    return ScoreReference(policy, games, ranges, budget)


# ----------------------------------------------------------------------------------------------- placing
def placement(score: float, bounds: ScoreRange) -> Placement:
    """Where ``score`` falls against a side's range, at the one decimal people see (a score shown as 47 is within a
    range shown as 47 to 55)."""
    shown = round(score, 1)
    if shown < bounds.low:
        return Placement.BELOW
    if shown > bounds.high:
        return Placement.ABOVE
    return Placement.WITHIN


def range_of(reference: ScoreReference | None, role: str) -> ScoreRange | None:
    """The range of ``role`` in ``reference`` (None without a reference, or when it leaves the role out)."""
    return reference.roles.get(role) if reference is not None else None


# ----------------------------------------------------------------------------------------------- the cache
def cache_name(scenario: Scenario) -> str | None:
    """The cache file's name for ``scenario``: a hash of its file's content and of :data:`VERSION` (None for a
    scenario built in code, which has no file to hash)."""
    if not scenario.fingerprint:
        return None
    key = hashlib.sha256(f"score-reference/v{VERSION}/{scenario.fingerprint}".encode()).hexdigest()
    return f"{scenario.id}-{key[:24]}.json"


def reference_to_json(reference: ScoreReference) -> dict[str, Any]:
    """A reference as JSON (and, key for key, as the scenario file's ``score_reference`` block)."""
    data: dict[str, Any] = {"policy": reference.policy, "games": reference.games}
    if reference.budget is not None:
        data["budget"] = reference.budget
    data["roles"] = {role: {"low": r.low, "typical": r.typical, "high": r.high} for role, r in reference.roles.items()}
    return data


def reference_from_json(data: Any, scenario: Scenario) -> ScoreReference | None:
    """A reference read back from JSON, or None if the data is not a sound reference for ``scenario`` (wrong
    shapes, roles it lacks, numbers out of order): a damaged cache is ignored, never trusted."""
    if not isinstance(data, dict):
        return None
    policy, games, budget, roles = data.get("policy"), data.get("games"), data.get("budget"), data.get("roles")
    if not isinstance(policy, str) or not policy or not isinstance(roles, dict):
        return None
    if not isinstance(games, int) or not _count(games) or (budget is not None and not _count(budget)):
        return None
    known = {r.id for r in scenario.roles}
    ranges: dict[str, ScoreRange] = {}
    for role, bounds in roles.items():
        if role not in known or not isinstance(bounds, dict):
            return None
        values = [bounds.get(key) for key in ("low", "typical", "high")]
        numbers = [float(v) for v in values if _number(v)]
        if len(numbers) != 3:
            return None
        low, typical, high = numbers
        if not low <= typical <= high:
            return None
        ranges[role] = ScoreRange(low, typical, high)
    return ScoreReference(policy, games, ranges, budget)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True, slots=True)
class ReferenceCache:
    """Computed references kept between runs: one JSON file per scenario content (:func:`cache_name`) in the folder
    ``folder()`` returns, holding one reference per policy. The front ends pass the user's folder and
    :mod:`game.storage`'s ``read_json`` and ``write_json_atomic``. Every failure (no folder, an unreadable or
    damaged file, a full disk) counts as nothing cached: the cache only ever saves time."""

    folder: Callable[[], Path]
    read: Callable[[Path], Any]
    write: Callable[[Path, Any], None]

    def path(self, scenario: Scenario) -> Path | None:
        """The cache file of ``scenario`` (None when it cannot have one)."""
        name = cache_name(scenario)
        if name is None:
            return None
        try:
            return self.folder() / name
        except (OSError, ValueError):
            return None

    def load(self, scenario: Scenario) -> dict[str, ScoreReference]:
        """The references cached for ``scenario``, by policy (empty when there are none or the file is bad)."""
        path = self.path(scenario)
        if path is None:
            return {}
        try:
            data = self.read(path)
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or data.get("fingerprint") != scenario.fingerprint
            or not isinstance(data.get("references"), dict)
        ):
            return {}
        found = {}
        for policy, entry in data["references"].items():
            reference = reference_from_json(entry, scenario)
            if reference is not None and reference.policy == policy:
                found[policy] = reference
        return found

    def save(self, scenario: Scenario, reference: ScoreReference) -> Path | None:
        """Keep ``reference`` beside the others cached for ``scenario`` (replacing one of the same policy); returns
        the file written, or None if it could not be."""
        path = self.path(scenario)
        if path is None:
            return None
        kept = self.load(scenario)
        kept[reference.policy] = reference
        data = {
            "version": VERSION,
            "scenario": scenario.id,
            "fingerprint": scenario.fingerprint,
            "references": {policy: reference_to_json(r) for policy, r in kept.items()},
        }
        try:
            self.write(path, data)
        except (OSError, ValueError):
            return None
        return path


def best_cached(cached: Mapping[str, ScoreReference]) -> ScoreReference | None:
    """The reference to use among those cached: the default policy's, else the strongest level's, else any."""
    order = [DEFAULT_POLICY, *reversed(LEVELS)]
    for policy in order:
        if policy in cached:
            return cached[policy]
    return next(iter(cached.values()), None)


# ----------------------------------------------------------------------------------------------- finding
def find_reference(scenario: Scenario, cache: ReferenceCache | None = None, *, compute: bool = True) -> Found | None:
    """The reference of ``scenario``: stored in its file, else cached, else (with ``compute``) computed quickly with
    :data:`QUICK_POLICY` and cached. None only when ``compute`` is false and there is none yet. A reference found in
    the cache or computed is remembered for the rest of the process."""
    stored = scenario.score_reference
    if stored is not None:
        return Found(stored, ReferenceOrigin.STORED)
    memo = scenario.cache.get(_MEMO)
    if isinstance(memo, Found):
        return memo
    cached = best_cached(cache.load(scenario)) if cache is not None else None
    if cached is not None:
        found = Found(cached, ReferenceOrigin.CACHED)
    elif compute:
        reference = compute_reference(scenario, QUICK_GAMES, QUICK_POLICY)
        if cache is not None:
            cache.save(scenario, reference)
        found = Found(reference, ReferenceOrigin.COMPUTED)
    else:
        return None
    scenario.cache[_MEMO] = found
    return found
