"""Shipped scenarios and fixture scenarios, played through the real loader and engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import find_scenarios, load_scenario
from game.engine import Game, Termination
from game.table.simulate import play, simulate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def test_the_default_scenario_is_shipped_and_found() -> None:
    assert ROOT / "scenarios" / "cambodia_us.yaml" in SHIPPED
    assert set(find_scenarios(ROOT / "scenarios")) == set(SHIPPED)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_survives_random_playthroughs(path: Path) -> None:
    scenario = load_scenario(path)
    bounds = {i.id: (i.min, i.max) for i in scenario.indicators}
    bounds.update((name, (0.0, 100.0)) for name in scenario.trust_names())  # trust, readable as trust_<a>_<b>
    ending_ids = {e.id for e in scenario.endings}
    for seed in range(60):
        game, _ = play(scenario, seed, {role.id: "random" for role in scenario.roles})
        assert game.outcome is not None and game.outcome.ending in ending_ids
        assert game.outcome.turn <= scenario.turns
        assert all(bounds[k][0] <= v <= bounds[k][1] for k, v in game.state.values.items())
        assert game.state.errors == [], game.state.errors[:3]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_plays_with_greedy_players(path: Path) -> None:
    scenario = load_scenario(path)
    result = simulate(scenario, 20, seed=3, policies={role.id: "greedy" for role in scenario.roles})
    assert sum(result.endings.values()) == 20
    assert result.rule_errors == 0


def test_win_fixture_pushing_every_turn_reaches_victory() -> None:
    scenario = load_scenario(FIXTURES / "win.yaml")
    game = Game.new(scenario, seed=1)
    while not game.is_over():
        game.commit("player", "push")
        game.resolve_turn()
    assert game.outcome is not None
    assert (game.outcome.ending, game.outcome.termination) == ("victory", Termination.FINAL)
    assert game.outcome.scores == {"player": 30.0}


def test_win_fixture_doing_nothing_reaches_defeat() -> None:
    scenario = load_scenario(FIXTURES / "win.yaml")
    game = Game.new(scenario, seed=1)
    while not game.is_over():
        game.resolve_turn()
    assert game.outcome is not None and game.outcome.ending == "defeat"


def test_loss_fixture_neglect_ends_early_in_collapse() -> None:
    scenario = load_scenario(FIXTURES / "defeat.yaml")
    game = Game.new(scenario, seed=1)
    while not game.is_over():
        game.resolve_turn()
    assert game.outcome is not None
    assert (game.outcome.ending, game.outcome.turn, game.outcome.termination) == ("collapse", 2, Termination.EARLY)


def test_loss_fixture_repairing_every_turn_survives() -> None:
    scenario = load_scenario(FIXTURES / "defeat.yaml")
    game = Game.new(scenario, seed=1)
    while not game.is_over():
        game.commit("player", "repair")
        game.resolve_turn()
    assert game.outcome is not None and game.outcome.ending == "survived" and game.outcome.turn == 3


def test_tiny_fixture_round_trips_through_a_save_mid_game() -> None:
    scenario = load_scenario(FIXTURES / "tiny.yaml")
    game, _ = play(scenario, 11, {role.id: "random" for role in scenario.roles})
    restored = Game.from_dict(scenario, game.to_dict())
    assert restored.to_dict() == game.to_dict()
    assert restored.outcome == game.outcome
