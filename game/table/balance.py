"""What ``simulate`` measures to help balance a scenario, beyond endings and scores.

- Each indicator's final value over the games, as a spread (:class:`Spread`: min, 10th percentile, median, 90th
  percentile, max).
- For each ending with a condition, how often each clause of it (:func:`game.content.clauses.split_clauses`) held
  on the final state of a game, whichever ending the game reached: the clause that rarely holds is the one that
  keeps the ending out of reach.
- Every rule that failed at run time (a division by zero, say), with how often, in how many games, and in which
  turns.
- Flags: endings never reached, and each role's actions never chosen or chosen on every turn of every game.

:class:`Diagnostics` gathers them one game at a time (:func:`game_facts` is all it keeps of a game, small enough for
a worker process to send back).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from game.content.clauses import Clauses, split_clauses
from game.engine import Game, Scenario
from game.engine.expr import Expr, ExprError, base_globals

__all__ = [
    "ClauseCount",
    "Diagnostics",
    "FailureTally",
    "GameFacts",
    "Spread",
    "ending_clauses",
    "game_facts",
    "percentile",
    "spread",
]


@dataclass(frozen=True, slots=True)
class Spread:
    """How a number was spread over the games: smallest, 10th percentile, median, 90th percentile, largest."""

    min: float
    p10: float
    median: float
    p90: float
    max: float

    def to_dict(self) -> dict[str, float]:
        """``{"min": ..., "p10": ..., "median": ..., "p90": ..., "max": ...}``, rounded to 3 places."""
        return {name: round(getattr(self, name), 3) for name in ("min", "p10", "median", "p90", "max")}


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``ordered`` (sorted, not empty) lies, interpolating between the two
    nearest values (the median of 1, 2, 3, 4 is 2.5)."""
    if not ordered:
        raise ValueError("no values to take a percentile of")
    place = fraction * (len(ordered) - 1)
    below = int(place)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (place - below)


def spread(values: Sequence[float]) -> Spread:
    """The :class:`Spread` of ``values`` (not empty)."""
    ordered = sorted(values)
    return Spread(ordered[0], percentile(ordered, 0.1), percentile(ordered, 0.5), percentile(ordered, 0.9),
                  ordered[-1])  # fmt: skip


def ending_clauses(scenario: Scenario) -> dict[str, Clauses]:
    """The clauses of every ending that has a condition, by ending id (the catch-all ending has none)."""
    return {e.id: split_clauses(e.condition) for e in scenario.endings if e.condition is not None}


@dataclass(frozen=True, slots=True)
class GameFacts:
    """What the diagnostics keep of one finished game: each indicator's final value, whether each clause of each
    ending held at the end, and the rules that failed (``(turn, rule, message)``)."""

    finals: dict[str, float]
    held: dict[str, tuple[bool, ...]]
    failures: tuple[tuple[int, str, str], ...]


def game_facts(game: Game, clauses: Mapping[str, Clauses]) -> GameFacts:
    """The :class:`GameFacts` of a finished ``game``; a clause that cannot be worked out on the final state (a
    division by zero) did not hold."""
    values = game.state.values
    names = {indicator.id for indicator in game.scenario.indicators}
    env = base_globals()
    env["turn"] = game.state.turn
    held = {ending: tuple(_holds(part, env, values) for part in split.parts) for ending, split in clauses.items()}
    finals = {name: value for name, value in values.items() if name in names}
    failures = tuple((e.turn, e.rule, e.message) for e in game.state.errors)
    return GameFacts(finals, held, failures)


def _holds(part: Expr, env: dict[str, Any], values: dict[str, float]) -> bool:
    try:
        return part.evaluate(env, values) != 0.0
    except ExprError:
        return False


@dataclass(frozen=True, slots=True)
class ClauseCount:
    """One clause of an ending's condition: its text and in how many games it held at the end."""

    text: str
    held: int


@dataclass
class FailureTally:
    """One rule that failed at run time with one message: how often, in how many games, first and last turn."""

    rule: str
    message: str
    count: int = 0
    games: int = 0
    first_turn: int = 0
    last_turn: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The tally as ``simulate --json`` prints it (without its place in the file)."""
        return {"rule": self.rule, "message": self.message, "count": self.count, "games": self.games,
                "first_turn": self.first_turn, "last_turn": self.last_turn}  # fmt: skip


@dataclass
class Diagnostics:
    """The balancing figures of a run, added to one game at a time (:meth:`add`)."""

    games: int = 0
    #: Each indicator's final value in every game, packed (a million games of twenty indicators fit in 160 MB).
    finals: dict[str, array[float]] = field(default_factory=dict)
    joiners: dict[str, str] = field(default_factory=dict)
    clauses: dict[str, list[ClauseCount]] = field(default_factory=dict)
    #: In how many games each ending's whole condition held at the end (reached or not: an ending listed before
    #: it may have been reached first).
    whole: dict[str, int] = field(default_factory=dict)
    failures: dict[tuple[str, str], FailureTally] = field(default_factory=dict)
    #: Each action's role, and each role's actions in the scenario's order (for the flags).
    roles: dict[str, list[str]] = field(default_factory=dict)
    ending_ids: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, scenario: Scenario, clauses: Mapping[str, Clauses]) -> Diagnostics:
        """Empty diagnostics for a run of ``scenario`` whose endings split into ``clauses``."""
        diagnostics = cls(finals={i.id: array("d") for i in scenario.indicators})
        for ending, split in clauses.items():
            diagnostics.joiners[ending] = split.joiner
            diagnostics.clauses[ending] = [ClauseCount(part.source, 0) for part in split.parts]
        for role in scenario.roles:
            diagnostics.roles[role.id] = [a.id for a in scenario.actions_for(role.id)]
        diagnostics.ending_ids = [e.id for e in scenario.endings]
        return diagnostics

    def add(self, facts: GameFacts) -> None:
        """Count one game."""
        self.games += 1
        for name, value in facts.finals.items():
            self.finals.setdefault(name, array("d")).append(value)
        for ending, held in facts.held.items():
            counts = self.clauses.get(ending, [])
            joined = all(held) if self.joiners.get(ending) != "or" else any(held)
            self.whole[ending] = self.whole.get(ending, 0) + joined
            for index, (count, yes) in enumerate(zip(counts, held, strict=False)):
                counts[index] = ClauseCount(count.text, count.held + yes)
        seen: set[tuple[str, str]] = set()
        for turn, rule, message in facts.failures:
            tally = self.failures.setdefault((rule, message), FailureTally(rule, message, first_turn=turn))
            tally.count += 1
            tally.first_turn = min(tally.first_turn, turn)
            tally.last_turn = max(tally.last_turn, turn)
            if (rule, message) not in seen:
                seen.add((rule, message))
                tally.games += 1

    def merge(self, other: Diagnostics) -> None:
        """Count the games ``other`` counted (played after those counted here): the same figures as adding them one
        by one."""
        self.games += other.games
        for name, values in other.finals.items():
            self.finals.setdefault(name, array("d")).extend(values)
        for ending, held in other.whole.items():
            self.whole[ending] = self.whole.get(ending, 0) + held
        for ending, theirs in other.clauses.items():
            counts = self.clauses.get(ending, [])
            for index, (count, their) in enumerate(zip(counts, theirs, strict=False)):
                counts[index] = ClauseCount(count.text, count.held + their.held)
        for key, tally in other.failures.items():
            own = self.failures.get(key)
            if own is None:
                self.failures[key] = replace(tally)
                continue
            own.count += tally.count
            own.games += tally.games
            own.first_turn = min(own.first_turn, tally.first_turn)
            own.last_turn = max(own.last_turn, tally.last_turn)

    def spreads(self) -> dict[str, Spread]:
        """Each indicator's :class:`Spread` of final values (none before a game is added)."""
        return {name: spread(values) for name, values in self.finals.items() if values}

    def tallies(self) -> list[FailureTally]:
        """The failed rules, most frequent first (ties by rule id)."""
        return sorted(self.failures.values(), key=lambda t: (-t.count, t.rule, t.message))

    def never_reached(self, endings: Mapping[str, int]) -> list[str]:
        """The endings no game reached, in the scenario's order."""
        return [ending for ending in self.ending_ids if not endings.get(ending, 0)]

    def never_chosen(self, actions: Mapping[str, int]) -> dict[str, list[str]]:
        """Each role's actions that no game chose (roles with none left out)."""
        found = {role: [a for a in ids if not actions.get(a, 0)] for role, ids in self.roles.items()}
        return {role: ids for role, ids in found.items() if ids}

    def always_chosen(self, actions: Mapping[str, int], turns: int) -> dict[str, list[str]]:
        """Each role's actions chosen on every turn of every game (``turns`` turns played in all)."""
        found = {role: [a for a in ids if turns and actions.get(a, 0) >= turns] for role, ids in self.roles.items()}
        return {role: ids for role, ids in found.items() if ids}

    def to_dict(self, endings: Mapping[str, int], actions: Mapping[str, int], turns: int) -> dict[str, Any]:
        """The figures as ``simulate --json`` prints them: ``indicators``, ``ending_clauses``, ``rule_failures``
        and ``flags``."""
        games = max(self.games, 1)
        return {
            "indicators": {name: s.to_dict() for name, s in self.spreads().items()},
            "ending_clauses": {
                ending: {"joiner": self.joiners[ending], "held": self.whole.get(ending, 0),
                         "clauses": [{"text": c.text, "held": c.held, "share": round(c.held / games, 4)}
                                     for c in counts]}
                for ending, counts in self.clauses.items()
            },
            "rule_failures": [tally.to_dict() for tally in self.tallies()],
            "flags": {
                "endings_never_reached": self.never_reached(endings),
                "actions_never_chosen": self.never_chosen(actions),
                "actions_always_chosen": self.always_chosen(actions, turns),
            },
        }  # fmt: skip
