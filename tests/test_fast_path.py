"""The engine's fast path (a game that keeps no history) plays exactly the game of the full path.

Both paths are played side by side from the same seed with equally seeded players, and compared after every turn
on everything the fast path keeps: values, capital, commitments, cooldowns, events fired, pending answers, effects
waiting (without their texts), news, rule failures, proposals, agreements, the outcome and the random generator.
Over many games of every shipped scenario, the test scenarios, the generated 1 MB benchmark scenario and
scenarios made up by hypothesis.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from campaign import load, scenario_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import negotiation_scenario, play_negotiating, rich_scenario
from game.bench import big_scenario_text
from game.content.loader import load_scenario, load_scenario_text
from game.engine import Game, Scenario
from game.engine.state import GameState, Unrecorded
from game.table import Match, Seat
from game.table.simulate import play, policies_for, simulate, step

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def kept(state: GameState) -> dict[str, Any]:
    """Everything a fast-path state keeps, as plain data (scheduled effects without their texts)."""
    data = {
        name: getattr(state, name) for name in GameState.__dataclass_fields__ if name not in {"history", "rng", "sent"}
    }
    data["stage_starts"] = state.stage_starts[0::4], state.stage_starts[1::4], state.stage_starts[3::4]
    data["scheduled"] = {due: [item[:7] + item[8:] for item in items] for due, items in state.scheduled.items()}
    data["rng"] = state.rng.getstate()
    return data


def play_side_by_side(sc: Scenario, seed: int, names: dict[str, str] | None = None) -> tuple[Game, Game]:
    """The game of ``seed`` on both paths with equally seeded computer players, compared after every turn."""
    full, fast = Game.new(sc, seed), Game.new(sc, seed, record=False)
    assert full.state.recorded and not fast.state.recorded
    players = [policies_for(game, names or {}, seed) for game in (full, fast)]
    assert kept(full.state) == kept(fast.state)
    while not full.is_over():
        for game, policies in zip((full, fast), players, strict=True):
            step(game, policies)
        assert kept(full.state) == kept(fast.state), f"the paths part at turn {full.turn} of seed {seed}"
    assert fast.is_over()
    return full, fast


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_random_players_play_the_same_games_on_both_paths(path: Path) -> None:
    sc = load_scenario(path)
    endings = set()
    for seed in range(60):
        full, fast = play_side_by_side(sc, seed)
        assert fast.outcome == full.outcome
        endings.add(full.outcome.ending if full.outcome else None)
        assert full.history and not fast.history  # the full path recorded the game; the fast one kept nothing
    assert len(endings) >= 1


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_searching_and_negotiating_players_play_the_same_games_on_both_paths(path: Path) -> None:
    sc = load_scenario(path)
    roles = [role.id for role in sc.roles]
    for seed in range(12):
        names = {roles[0]: "greedy", roles[-1]: "cooperative" if seed % 2 else "casual"}
        full, fast = play_side_by_side(sc, seed, names)
        assert fast.outcome == full.outcome


def test_random_negotiation_with_breaks_and_counters_is_the_same_on_both_paths() -> None:
    for sc in (negotiation_scenario(), load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")):
        agreements = 0
        for seed in range(25):
            full, fast = play_negotiating(sc, seed), play_negotiating(sc, seed, record=False)
            assert kept(full.state) == kept(fast.state)
            agreements += len(full.state.agreements)
        assert agreements > 0  # the comparison covered agreements made, implemented and broken


def test_the_rich_test_scenario_and_the_generated_benchmark_scenario_play_the_same_on_both_paths() -> None:
    for seed in range(40):
        play_side_by_side(rich_scenario(), seed)
    big = load_scenario_text(big_scenario_text(), "big.yaml")
    for seed in range(4):
        full, _ = play_side_by_side(big, seed)
        assert len(full.history) > 100


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(file=scenario_files(), seed=st.integers(min_value=0, max_value=2**31 - 1))
def test_made_up_scenarios_play_the_same_on_both_paths(file: dict[str, Any], seed: int) -> None:
    sc = load(file)
    if sc is None:
        return  # not a valid scenario: nothing to play
    play_side_by_side(sc, seed)


def test_a_match_and_simulate_on_the_fast_path_keep_their_results() -> None:
    sc = load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")
    seats = {role.id: Seat("greedy") for role in sc.roles}
    for seed in (3, 4):
        full, fast = Match.start(sc, seats, seed), Match.start(sc, seats, seed, record=False)
        assert [c for c in fast.log.commands] == [c for c in full.log.commands]
        assert fast.game.outcome == full.game.outcome
        assert [r.changes for r in fast.reports] == [() for _ in full.reports]
    game, chosen = play(sc, 9, {"us": "greedy"})
    quick, quick_chosen = play(sc, 9, {"us": "greedy"}, record=False)
    assert (quick.outcome, quick_chosen) == (game.outcome, chosen)
    result = simulate(sc, 30, seed=5, policies={"us": "greedy"})
    assert sum(result.endings.values()) == 30
    # simulate plays the fast path: its figures are those of the same games played on the full path
    rng = random.Random(5)
    endings = [play(sc, rng.randrange(2**31), {"us": "greedy"})[0].outcome for _ in range(30)]
    assert sorted(o.ending for o in endings if o) == sorted(result.endings.elements())


def test_a_fast_path_game_keeps_no_history_and_cannot_be_saved_or_given_one_back() -> None:
    sc = rich_scenario()
    game = Game.new(sc, 1, record=False)
    policies = policies_for(game, {}, 1)
    step(game, policies)
    assert isinstance(game.history, Unrecorded) and len(game.history) == 0
    with pytest.raises(ValueError, match="cannot be saved"):
        game.to_dict()
    with pytest.raises(ValueError, match="keeps no history"):
        game.clone(record=True)
    full = Game.new(sc, 1)
    step(full, policies_for(full, {}, 1))
    quick = full.clone(record=False)
    assert not quick.state.recorded and kept(quick.state) == kept(full.state)
    assert full.clone().state.recorded and full.clone().history == full.history


def test_a_fast_copy_of_a_recorded_game_remembers_when_each_proposal_was_sent() -> None:
    sc = load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")
    names = {"us": "greedy", "cambodia": "casual"}
    checked = 0

    def moments(game: Game) -> list[tuple[int, int, dict[str, float]]]:
        return [(m.turn, m.news, values) for m, values in game.when_sent(game.state.proposals)]

    for seed in range(8):
        full = Game.new(sc, seed)
        players = policies_for(full, names, seed)
        for _ in range(6):
            step(full, players)
        fast = full.clone(record=False)
        assert full.state.proposals, "the greedy player sends proposals in the first turns"
        assert moments(fast) == moments(full)
        checked += len(full.state.proposals)
        # and both play on alike, the fast copy remembering the proposals it sends itself
        fast_players = policies_for(fast, names, seed + 1)
        full_players = policies_for(full, names, seed + 1)
        while not full.is_over():
            step(full, full_players)
            step(fast, fast_players)
            assert kept(full.state) == kept(fast.state)
        assert moments(fast) == moments(full)
    assert checked > 8


def test_simulate_shares_searching_games_out_one_at_a_time_with_the_same_results() -> None:
    # In a process of its own, as people run it (forking the test runner's process, with its threads, is not).
    args = [sys.executable, str(ROOT / "main.py"), "simulate", "--games", "6", "--seed", "2",
            "--policy", "us=lookahead", "--policy", "cambodia=greedy", "--budget", "6", "--json"]  # fmt: skip
    runs = [
        subprocess.run([*args, *jobs], capture_output=True, text=True, timeout=300) for jobs in ([], ["--jobs", "2"])
    ]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    alone, shared = (json.loads(run.stdout) for run in runs)
    for figures in (alone, shared):
        figures.pop("seconds"), figures.pop("turns_per_second")
    assert shared == alone and sum(alone["endings"].values()) == 6


def test_a_copy_carries_the_random_generator_on_or_starts_it_afresh_from_a_seed() -> None:
    game = Game.new(rich_scenario(), 11)
    step(game, policies_for(game, {}, 11))
    copy = game.clone(record=False)
    assert copy.state.rng.getstate() == game.state.rng.getstate()
    assert copy.state.rng.random() == game.state.rng.random()  # the same draws follow, independently
    fresh = game.clone(record=False, reseed=99)
    assert fresh.state.rng.getstate() == random.Random(99).getstate()
    assert kept(fresh.state) | {"rng": None} == kept(game.state) | {"rng": None}
