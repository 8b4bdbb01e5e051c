"""The generated rule code behaves exactly like the generic interpreter it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import effect, negotiation_scenario, play_negotiating, rich_scenario, scenario
from game.content.loader import load_scenario
from game.engine import Game, Scenario
from game.table.simulate import policies_for, step

ROOT = Path(__file__).resolve().parent.parent


def play_both(sc: Scenario, seed: int) -> tuple[Game, Game]:
    games = []
    for compiled in (True, False):
        game = Game.new(sc, seed, compiled=compiled)
        policies = policies_for(game, {}, seed)
        while not game.is_over():
            step(game, policies)
        games.append(game)
    return games[0], games[1]


@pytest.mark.parametrize("seed", range(40))
def test_generated_code_matches_the_interpreter_on_the_default_scenario(seed: int) -> None:
    sc = load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")
    fast, slow = play_both(sc, seed)
    assert fast.to_dict() == slow.to_dict()


@pytest.mark.parametrize("seed", range(40))
def test_generated_code_matches_the_interpreter_on_a_rich_test_scenario(seed: int) -> None:
    fast, slow = play_both(rich_scenario(), seed)
    assert fast.to_dict() == slow.to_dict()


@pytest.mark.parametrize("seed", range(20))
def test_generated_code_matches_the_interpreter_on_a_negotiating_test_scenario(seed: int) -> None:
    sc = negotiation_scenario()
    fast, slow = play_negotiating(sc, seed, compiled=True), play_negotiating(sc, seed, compiled=False)
    assert fast.to_dict() == slow.to_dict()
    assert fast.state.agreements and any(c.indicator == "trust_a_b" for c in fast.history)


@pytest.mark.parametrize("seed", range(10))
def test_generated_code_matches_the_interpreter_when_negotiating_on_the_default_scenario(seed: int) -> None:
    sc = load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")
    assert sc.negotiation is not None
    fast, slow = play_negotiating(sc, seed, compiled=True), play_negotiating(sc, seed, compiled=False)
    assert fast.to_dict() == slow.to_dict()


def test_generated_code_reports_the_same_runtime_errors() -> None:
    sc = scenario(
        indicators={"x": 50.0, "y": 0.0},
        actions=[
            {"id": "ratio", "effects": [effect("x += 10 / y"), effect("x += 1"), effect("x -= 1 / y", delay=1)]},
            {"id": "blocked", "condition": "x / y > 1", "effects": [effect("x += 1")]},
        ],
        events=[{"id": "odd", "condition": "y % 0 > 1", "effects": [effect("x += 1")]}],
        dynamics=[
            {"id": "bad_dyn", "condition": "x / y > 1", "effects": [effect("x += 1")]},
            {"id": "huge", "effects": [effect("y = 1e308 * 10")]},
        ],
        quiet_weight=0.0,
    )
    results = []
    for compiled in (True, False):
        game = Game.new(sc, 1, compiled=compiled)
        assert game.why_not("a", "blocked") == "condition not met: x / y > 1"
        game.commit("a", "ratio")
        game.resolve_turn()
        game.resolve_turn()
        results.append(game.to_dict())
    assert results[0] == results[1]
    rules = [rule for _, rule, _ in results[0]["errors"]]
    assert {"ratio", "blocked", "odd", "bad_dyn", "huge"} <= set(rules)
