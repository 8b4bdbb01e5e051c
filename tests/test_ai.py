"""Computer players: legal, reproducible, and better than chance at what they aim for."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from builders import effect, scenario
from game.ai import POLICIES, GreedyPolicy, RandomPolicy, make_policy
from game.content.loader import load_scenario
from game.engine import Choose, Commit, Game, Phase
from game.table.simulate import simulate

DEFAULT = Path(__file__).resolve().parent.parent / "scenarios" / "cambodia_us.yaml"


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_every_policy_only_gives_legal_commands(name: str) -> None:
    sc = load_scenario(DEFAULT)
    for seed in range(5 if not name.startswith("lookahead") else 2):
        game = Game.new(sc, seed)
        policies = {r.id: make_policy(name, game, r.id, random.Random(seed)) for r in sc.roles}
        for policy in policies.values():
            if hasattr(policy, "budget"):
                policy.budget = 12  # small searches: legality, not strength, is tested here
        while not game.is_over():
            while game.phase is Phase.NEWS:
                role = game.pending_choices()[0].role
                commands = policies[role].decide(game, role)
                assert commands and all(isinstance(c, Choose) for c in commands)
                for command in commands:
                    game.apply(command)  # raises if illegal
            for role, policy in policies.items():
                for command in policy.decide(game, role):
                    assert isinstance(command, Commit) and command.role == role
                    game.apply(command)
            game.resolve_turn()


def test_unknown_policy_names_the_known_ones() -> None:
    sc = load_scenario(DEFAULT)
    known = "known: casual, cooperative, greedy, lookahead, lookahead-v1, passive, random"
    with pytest.raises(ValueError, match=known):
        make_policy("clever", Game.new(sc), "us", random.Random(0))


def test_greedy_picks_the_action_that_raises_its_score() -> None:
    sc = scenario(
        capital=1,
        actions=[
            {"id": "bad", "effects": [effect("x -= 5")]},
            {"id": "good", "effects": [effect("x += 5")]},
            {"id": "later", "effects": [effect("x += 3", delay=2)]},
        ],
    )
    game = Game.new(sc)
    commands = GreedyPolicy(random.Random(0), noise=0.0).decide(game, "a")
    assert commands == [Commit("a", "good")]


def test_greedy_respects_its_capital() -> None:
    sc = scenario(capital=3, actions=[{"id": f"act{i}", "cost": 2, "effects": [effect("x += 1")]} for i in range(4)])
    game = Game.new(sc)
    commands = GreedyPolicy(random.Random(0)).decide(game, "a")
    assert len(commands) == 1


def test_random_policy_is_reproducible_from_its_seed() -> None:
    sc = load_scenario(DEFAULT)
    game = Game.new(sc, 3)
    while game.phase is Phase.NEWS:
        for pending in game.pending_choices():
            game.choose(pending.role, pending.event, sc.event(pending.event).choices[0].id)
    first = RandomPolicy(random.Random(42)).decide(game, "us")
    second = RandomPolicy(random.Random(42)).decide(game, "us")
    assert first == second


def test_greedy_scores_better_than_random_for_its_side() -> None:
    sc = load_scenario(DEFAULT)
    for role in ("us", "cambodia"):
        greedy = simulate(sc, 40, seed=5, policies={role: "greedy"})
        chance = simulate(sc, 40, seed=5)
        assert greedy.mean_score(role) > chance.mean_score(role) + 5


def test_cooperation_pays_both_sides_more_than_mutual_greed_without_negotiation() -> None:
    # The scenario is not zero-sum: two players who also value the other's score both end higher.
    sc = load_scenario(DEFAULT)
    both = {"us": "cooperative", "cambodia": "cooperative"}
    greedy = {"us": "greedy", "cambodia": "greedy"}
    together = simulate(sc, 40, seed=2, policies=both, negotiate=False)
    apart = simulate(sc, 40, seed=2, policies=greedy, negotiate=False)
    assert together.mean_score("us") > apart.mean_score("us")
    assert together.mean_score("cambodia") > apart.mean_score("cambodia")


def test_cooperative_negotiators_reach_the_best_ending_more_often_than_greedy_ones() -> None:
    sc = load_scenario(DEFAULT)
    both = {"us": "cooperative", "cambodia": "cooperative"}
    greedy = {"us": "greedy", "cambodia": "greedy"}
    together, apart = simulate(sc, 40, seed=2, policies=both), simulate(sc, 40, seed=2, policies=greedy)
    best = sc.endings[0].id
    assert together.endings[best] > apart.endings[best]
