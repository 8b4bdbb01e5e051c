"""The lookahead policy: legal, reproducible, stronger than greedy and random, and shaped by its personality."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import statistics
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from builders import effect, rich_scenario, scenario
from game.ai import POLICIES, make_policy
from game.ai.lookahead import DEFAULT_BUDGET, LookaheadPolicy
from game.ai.lookahead_v1 import DEFAULT_BUDGET as V1_BUDGET
from game.ai.lookahead_v1 import LookaheadV1Policy
from game.ai.policies import GreedyPolicy, Policy, RandomPolicy
from game.content.loader import load_scenario
from game.engine import Choose, Commit, Game, Phase, Scenario
from game.paths import DEFAULT_SCENARIO
from game.table.simulate import simulate, step

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def default() -> Scenario:
    return load_scenario(DEFAULT_SCENARIO)


def answer_news(game: Game, policies: Mapping[str, Policy]) -> None:
    while game.phase is Phase.NEWS:
        role = game.pending_choices()[0].role
        commands = policies[role].decide(game, role)
        assert commands and all(isinstance(c, Choose) and c.role == role for c in commands)
        for command in commands:
            game.apply(command)


def play_checked(sc: Scenario, seed: int, budget: int) -> Game:
    """A whole game with lookahead on every side, checking every command before applying it."""
    game = Game.new(sc, seed)
    policies: dict[str, Policy] = {
        r.id: LookaheadPolicy(random.Random(seed + i), r.personality, budget=budget) for i, r in enumerate(sc.roles)
    }
    while not game.is_over():
        answer_news(game, policies)
        for role, policy in policies.items():
            capital = game.capital(role)
            legal = {a.id for a in game.legal_actions(role)}
            commands = policy.decide(game, role)
            ids = [c.action for c in commands if isinstance(c, Commit)]
            assert len(ids) == len(commands) and all(c.role == role for c in commands)
            assert set(ids) <= legal and len(set(ids)) == len(ids)
            assert sum(sc.action(a).cost for a in ids) <= capital
            for command in commands:
                game.apply(command)  # raises if illegal
        game.resolve_turn()
    return game


def test_decisions_are_legal_commands_within_capital(default: Scenario) -> None:
    for seed in range(2):
        assert play_checked(default, seed, budget=10).outcome is not None
    # Events with choices for both roles, delayed effects, dynamics and an early ending.
    for seed in range(3):
        assert play_checked(rich_scenario(), seed, budget=16).outcome is not None


def test_same_seed_same_decisions_and_the_game_is_left_untouched(default: Scenario) -> None:
    game = Game.new(default, 11)
    greedy = {r.id: GreedyPolicy(random.Random(1), dict(r.personality)) for r in default.roles}
    answer_news(game, greedy)
    before = json.dumps(game.to_dict(), sort_keys=True)
    first = LookaheadPolicy(random.Random(7), default.role("us").personality, budget=40)
    second = LookaheadPolicy(random.Random(7), default.role("us").personality, budget=40)
    assert first.decide(game, "us") == second.decide(game, "us")
    assert first.last_search == second.last_search and first.last_search is not None
    assert sum(c.visits for c in first.last_search.candidates) == first.last_search.rollouts <= 40
    assert json.dumps(game.to_dict(), sort_keys=True) == before


def saving_scenario() -> Scenario:
    """Greedy spends 2 capital a turn on small steps; saving up for the big action every other turn pays double."""
    return scenario(
        turns=4,
        capital=2,
        capital_max=4,
        events_per_turn=0,
        actions=[
            {"id": "small", "cost": 1, "effects": [effect("x += 3")]},
            {"id": "small2", "cost": 1, "effects": [effect("x += 3")]},
            {"id": "big", "cost": 4, "effects": [effect("x += 25")]},
            {"id": "bad", "cost": 1, "effects": [effect("x -= 4")]},
        ],
        indicators={"x": 0.0, "y": 50.0},
    )


def mean_score(sc: Scenario, role: str, make: Callable[[int], Policy], games: int) -> float:
    scores = []
    for seed in range(games):
        game = Game.new(sc, seed)
        policies: dict[str, Policy] = {r.id: RandomPolicy(random.Random(seed + 100)) for r in sc.roles}
        policies[role] = make(seed)
        while not game.is_over():
            step(game, policies)
        assert game.outcome is not None
        scores.append(game.outcome.scores[role])
    return statistics.fmean(scores)


def test_lookahead_beats_greedy_and_random_when_saving_capital_pays() -> None:
    sc = saving_scenario()
    look = mean_score(sc, "a", lambda s: LookaheadPolicy(random.Random(s), budget=30), 3)
    greedy = mean_score(sc, "a", lambda s: GreedyPolicy(random.Random(s)), 3)
    rand = mean_score(sc, "a", lambda s: RandomPolicy(random.Random(s)), 3)
    print(f"\nsaving scenario, mean score of a: lookahead {look:.1f}, greedy {greedy:.1f}, random {rand:.1f}")
    assert look > greedy > rand


@pytest.mark.parametrize("role", ["us", "cambodia"])
def test_lookahead_beats_greedy_and_random_on_the_default_scenario(default: Scenario, role: str) -> None:
    # At its default budget, on each side. Against a random player the lookahead is only a little ahead of greedy
    # (its rollouts expect a greedy counterpart), so the means are taken over 8 games.
    games = 8
    personality = default.role(role).personality
    look = mean_score(default, role, lambda s: LookaheadPolicy(random.Random(s), personality), games)
    greedy = mean_score(default, role, lambda s: GreedyPolicy(random.Random(s), dict(personality)), games)
    rand = mean_score(default, role, lambda s: RandomPolicy(random.Random(s)), games)
    print(f"\ndefault scenario vs a random side, {role}: lookahead {look:.2f}, greedy {greedy:.2f}, random {rand:.2f}")
    assert look > greedy and look > rand


def test_personality_changes_its_choices(default: Scenario) -> None:
    game = Game.new(default, 5)
    greedy = {r.id: GreedyPolicy(random.Random(1), dict(r.personality)) for r in default.roles}
    answer_news(game, greedy)
    families = [f.id for f in default.families]
    spent: dict[str, dict[str, int]] = {}
    for favourite in ("rights", "pressure"):
        personality = {f: (3.0 if f == favourite else 0.3) for f in families}
        # At the default budget: a small one searches fewer candidates, the personality's random sets last of all.
        commands = LookaheadPolicy(random.Random(3), personality).decide(game, "us")
        spent[favourite] = {f: 0 for f in families}
        for command in commands:
            assert isinstance(command, Commit)
            action = default.action(command.action)
            spent[favourite][action.family] += action.cost
    assert spent["rights"] != spent["pressure"]
    assert spent["rights"]["rights"] > spent["pressure"]["rights"]
    assert spent["pressure"]["pressure"] > spent["rights"]["pressure"]


def test_personality_from_the_scenario_is_used_by_the_registered_policy(default: Scenario) -> None:
    assert "lookahead" in POLICIES
    us = default.role("us")
    changed = dataclasses.replace(us, personality={"pressure": 4.0, "rights": 0.2})
    other = dataclasses.replace(default, roles=tuple(changed if r.id == "us" else r for r in default.roles))
    game = Game.new(default, 2)
    policy = POLICIES["lookahead"](game, "us", random.Random(0))
    assert isinstance(policy, LookaheadPolicy) and policy.budget == DEFAULT_BUDGET
    assert policy.personality == dict(us.personality)
    assert POLICIES["lookahead"](Game.new(other, 2), "us", random.Random(0)).personality == changed.personality  # type: ignore[attr-defined]


def test_budget_must_be_positive(default: Scenario) -> None:
    with pytest.raises(ValueError, match="budget"):
        LookaheadPolicy(random.Random(0), budget=0)
    with pytest.raises(ValueError, match="budget"):
        simulate(default, 1, policies={"us": "lookahead"}, budget=0)


def test_simulate_passes_the_budget_through(default: Scenario) -> None:
    result = simulate(default, 2, seed=3, policies={"us": "lookahead"}, budget=4)
    assert result.budget == 4 and result.to_dict()["budget"] == 4
    assert sum(result.endings.values()) == 2


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env
    )


def test_simulate_command_with_lookahead_reports_the_budget() -> None:
    result = run_cli("simulate", "--policy", "us=lookahead", "--budget", "5", "--games", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["budget"] == 5 and data["games"] == 3 and sum(data["endings"].values()) == 3
    assert data["roles"]["us"]["policy"] == "lookahead"


@pytest.mark.parametrize("budget", ["0", "-3", "lots"])
def test_simulate_budget_below_one_is_a_usage_error(budget: str) -> None:
    result = run_cli("simulate", "--policy", "us=lookahead", "--budget", budget, "--games", "1")
    assert result.returncode == 2
    assert "--budget" in result.stderr and "Traceback" not in result.stderr


# --------------------------------------------------------------------- the search, and the lookahead of version 1
def dominant_scenario() -> Scenario:
    """One capital a turn; ``best`` raises the score far more than anything else (its gain arrives a turn later)."""
    return scenario(
        turns=3,
        capital=1,
        events_per_turn=0,
        actions=[
            {"id": "small", "cost": 1, "effects": [effect("x += 2")]},
            {"id": "best", "cost": 1, "effects": [effect("x += 12", delay=1)]},
            {"id": "bad", "cost": 1, "effects": [effect("x -= 5")]},
            {"id": "other", "cost": 1, "effects": [effect("y += 5")]},
        ],
    )


def test_the_search_picks_a_clearly_best_candidate_and_spends_no_more_than_its_budget() -> None:
    sc = dominant_scenario()
    for seed in range(3):
        game = Game.new(sc, seed)
        policy = LookaheadPolicy(random.Random(seed), budget=24)
        assert policy.decide(game, "a") == [Commit("a", "best")]
        report = policy.last_search
        assert report is not None and report.candidates[report.chosen].label == "best"
        assert sum(c.visits for c in report.candidates) == report.rollouts <= 24
        # Sequential halving: the chosen candidate was rolled out at least as often as any other.
        assert report.candidates[report.chosen].visits == max(c.visits for c in report.candidates)


def test_the_search_is_reproducible_with_a_seed_and_differs_with_another(default: Scenario) -> None:
    game = Game.new(default, 4)
    answer_news(game, {r.id: GreedyPolicy(random.Random(1), dict(r.personality)) for r in default.roles})
    reports = []
    for seed in (9, 9, 10):
        policy = LookaheadPolicy(random.Random(seed), default.role("cambodia").personality, budget=30)
        policy.decide(game, "cambodia")
        reports.append(policy.last_search)
    assert reports[0] == reports[1] and reports[0] is not None
    assert reports[0] != reports[2]  # other seeds, other rollouts


def test_lookahead_v1_is_registered_and_plays_whole_games_reproducibly(default: Scenario) -> None:
    policy = make_policy("lookahead-v1", Game.new(default, 1), "us", random.Random(0))
    assert isinstance(policy, LookaheadV1Policy) and policy.name == "lookahead-v1"
    assert policy.budget == V1_BUDGET == 250 and policy.personality == dict(default.role("us").personality)
    names = {"us": "lookahead-v1", "cambodia": "lookahead"}
    first, second = (simulate(default, 2, seed=5, policies=names, budget=6) for _ in range(2))
    assert first.scores == second.scores and sum(first.endings.values()) == 2
    assert first.policies == names


def test_lookahead_v1_still_spends_its_whole_budget_with_ucb1(default: Scenario) -> None:
    game = Game.new(default, 11)
    answer_news(game, {r.id: GreedyPolicy(random.Random(1), dict(r.personality)) for r in default.roles})
    one, two = (LookaheadV1Policy(random.Random(7), default.role("us").personality, budget=40) for _ in range(2))
    assert one.decide(game, "us") == two.decide(game, "us")
    assert one.last_search == two.last_search and one.last_search is not None
    assert sum(c.visits for c in one.last_search.candidates) == one.last_search.rollouts == 40
