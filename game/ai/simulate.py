"""Play whole games with computer players, and summarise many of them (``python main.py simulate``)."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from game.ai.lookahead import DEFAULT_BUDGET
from game.ai.policies import Policy, make_policy
from game.engine import Game, Phase, Scenario


def game_seeds(seed: int, games: int) -> list[int]:
    """The seed of each game in a run: derived from the run's seed, so the same seed gives the same games."""
    rng = random.Random(seed)
    return [rng.randrange(2**31) for _ in range(games)]


@runtime_checkable
class BudgetedPolicy(Protocol):
    """A policy that searches within a budget of iterations per decision (``simulate --budget N``)."""

    budget: int


def policies_for(game: Game, names: Mapping[str, str], seed: int, budget: int | None = None) -> dict[str, Policy]:
    """One policy per role (``random`` for roles not named), each with its own RNG derived from ``seed``.

    ``budget``, when given, replaces the default budget of the policies that have one.
    """
    out: dict[str, Policy] = {}
    for index, role in enumerate(game.scenario.roles):
        rng = random.Random(seed * 7919 + index)
        policy = make_policy(names.get(role.id, "random"), game, role.id, rng)
        if budget is not None and isinstance(policy, BudgetedPolicy):
            policy.budget = budget
        out[role.id] = policy
    return out


def step(game: Game, policies: Mapping[str, Policy]) -> None:
    """Let the policies answer pending choices, commit actions, and resolve one turn."""
    while game.phase is Phase.NEWS:
        role = game.pending_choices()[0].role
        for command in policies[role].decide(game, role):
            game.apply(command)
    for role, policy in policies.items():
        for command in policy.decide(game, role):
            game.apply(command)
    game.resolve_turn()


def play(
    scenario: Scenario, seed: int, policy_names: Mapping[str, str], budget: int | None = None
) -> tuple[Game, Counter[str]]:
    """Play one whole game; returns it and how often each action was chosen."""
    game = Game.new(scenario, seed)
    policies = policies_for(game, policy_names, seed, budget)
    while not game.is_over():
        step(game, policies)
    chosen = Counter(n.id for n in game.state.news if n.kind == "action")
    return game, chosen


@dataclass
class SimulationResult:
    """What ``simulate`` measured over many games."""

    games: int
    seed: int
    turns: int = 0
    seconds: float = 0.0
    endings: Counter[str] = field(default_factory=Counter)
    policies: dict[str, str] = field(default_factory=dict)
    score_totals: dict[str, float] = field(default_factory=dict)
    actions: Counter[str] = field(default_factory=Counter)
    rule_errors: int = 0
    budget: int = DEFAULT_BUDGET

    @property
    def turns_per_second(self) -> float:
        """Turns resolved per second of wall time (including the policies' thinking)."""
        return self.turns / self.seconds if self.seconds > 0 else 0.0

    def mean_score(self, role: str) -> float:
        """The mean final score of ``role``."""
        return self.score_totals.get(role, 0.0) / self.games if self.games else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON object ``simulate --json`` prints."""
        return {
            "games": self.games,
            "seed": self.seed,
            "budget": self.budget,
            "turns": self.turns,
            "seconds": round(self.seconds, 4),
            "turns_per_second": round(self.turns_per_second, 1),
            "endings": dict(sorted(self.endings.items())),
            "roles": {
                role: {"policy": policy, "mean_score": round(self.mean_score(role), 3)}
                for role, policy in self.policies.items()
            },
            "actions": dict(sorted(self.actions.items())),
            "rule_errors": self.rule_errors,
        }


def simulate(
    scenario: Scenario,
    games: int,
    seed: int = 0,
    policies: Mapping[str, str] | None = None,
    budget: int | None = None,
) -> SimulationResult:
    """Play ``games`` games; every role not named in ``policies`` plays ``random``.

    ``budget`` is the iterations per decision of the searching policies (``lookahead``); ``None`` keeps their
    default. Raises ``ValueError`` if it is below 1.
    """
    if budget is not None and budget < 1:
        raise ValueError(f"budget must be at least 1, got {budget}")
    names = {role.id: (policies or {}).get(role.id, "random") for role in scenario.roles}
    result = SimulationResult(
        games=games, seed=seed, policies=names, budget=DEFAULT_BUDGET if budget is None else budget
    )
    result.endings.update({ending.id: 0 for ending in scenario.endings})
    result.score_totals = dict.fromkeys(names, 0.0)
    started = time.perf_counter()
    for game_seed in game_seeds(seed, games):
        game, chosen = play(scenario, game_seed, names, budget)
        outcome = game.outcome
        if outcome is None:  # pragma: no cover - play() only returns finished games
            raise RuntimeError("a simulated game did not finish")
        result.turns += outcome.turn
        result.endings[outcome.ending] += 1
        for role, score in outcome.scores.items():
            result.score_totals[role] += score
        result.actions.update(chosen)
        result.rule_errors += len(game.state.errors)
    result.seconds = time.perf_counter() - started
    return result
