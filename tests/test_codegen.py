"""The generated rule code behaves exactly like the generic interpreter it replaces."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from builders import effect, negotiation_scenario, play_negotiating, rich_scenario, scenario
from game.content.expr import compile_expr
from game.content.loader import load_scenario
from game.engine import Effect, Expr, Game, Op, Scenario, turns
from game.engine.codegen import _MASK_BITS, compile_conditions
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


NAMES = ("x", "y", "z")


def loaded(source: str) -> Expr:
    """An expression compiled as the loader compiles it (numbers as floats)."""
    return compile_expr(source, NAMES)


def random_values(rng: random.Random) -> dict[str, float]:
    """Values in 0..100, often at a bound or at 50 (where the test rules divide by zero)."""
    return {name: rng.choice([0.0, 50.0, 100.0, rng.uniform(0, 100), float(rng.randint(0, 100))]) for name in NAMES}


def both(sc: Scenario, record: bool = True) -> tuple[Game, Game]:
    return Game.new(sc, 1, compiled=True, record=record), Game.new(sc, 1, compiled=False, record=record)


ENDINGS = [
    {"id": "no_condition", "early": True},  # an early ending without a condition never ends the game
    {"id": "ratio", "condition": loaded("x / y > 3"), "early": True},
    {"id": "rest", "condition": loaded("z % y < 1 and x + y > 150"), "early": True},
    {"id": "slope", "condition": loaded("x / (y - 50) > 1")},
    {"id": "balanced", "condition": loaded("min(x, y) >= 40 and z < 60 or z > 10 * turn + 60")},
    {"id": "plenty", "condition": loaded("x + y + z > 200")},
    {"id": "last"},
]


@pytest.mark.parametrize("seed", range(5))
def test_generated_endings_match_the_checks_one_by_one(seed: int) -> None:
    rng = random.Random(seed)
    fast, slow = both(scenario(indicators={"x": 50.0, "y": 50.0, "z": 50.0}, endings=ENDINGS))
    assert fast.rules.ending is not None and slow.rules.ending is None
    for _ in range(300):
        values = random_values(rng)
        for final in (False, True):
            for game in (fast, slow):
                game.state.values = dict(values)
                game.state.errors = []
            assert turns.ending_now(fast, final=final) == turns.ending_now(slow, final=final)
            assert fast.state.errors == slow.state.errors


def test_generated_endings_without_any_that_holds() -> None:
    endings = [
        {"id": "broken", "condition": loaded("x / 0 > 1"), "early": True},
        {"id": "high", "condition": loaded("x > 90")},
    ]
    fast, slow = both(scenario(indicators={"x": 50.0, "y": 50.0, "z": 50.0}, endings=endings))
    for game in (fast, slow):
        assert turns.ending_now(game, final=False) is None
        assert turns.ending_now(game, final=True) == ("high", turns.Termination.FINAL)
        assert [rule for _, rule, _ in game.state.errors] == ["broken", "broken"]
    assert fast.state.errors == slow.state.errors


def spread(indicator: str, op: Op, source: str, delay: int = 0, duration: int = 1) -> Effect:
    return Effect(indicator, op, loaded(source), delay, duration)


DYNAMICS = [
    {
        "id": "lift",
        "condition": loaded("x < 50"),
        "effects": [spread("x", Op.ADD, "10"), spread("y", Op.ADD, "x / 10")],
    },
    {"id": "lean", "effects": [spread("x", Op.SUB, "(100 - y) / z")]},
    {
        "id": "ratio",
        "condition": loaded("x / z > 1"),
        "effects": [
            spread("y", Op.SET, "150"),
            spread("x", Op.ADD, "5", duration=2),
            spread("z", Op.SUB, "x / 7", duration=3),
            spread("y", Op.SUB, "x - z", delay=1),
        ],
    },
    {"id": "sum", "effects": [spread("z", Op.SET, "x + y - 120"), spread("x", Op.SET, "-0.0")]},
    {
        "id": "blow",
        "condition": loaded("y >= x"),
        "effects": [spread("x", Op.ADD, "y * 1e308 * 10"), spread("y", Op.SUB, "0.5")],
    },
    {
        "id": "tiny",
        "condition": loaded("turn % 2 == 0"),
        "effects": [spread("x", Op.ADD, "1e-20"), spread("z", Op.ADD, "min(x, 1)")],
    },
    {
        "id": "late",
        "condition": loaded("z > x and z > y"),
        "effects": [spread("z", Op.SET, "max(x, y)", delay=2), spread("y", Op.SET, "120", duration=2)],
    },
]


def portions(game: Game, record: bool) -> list[tuple[object, ...]]:
    """The effects waiting, with their texts only on the full path (the fast path's carry none)."""
    return [(*p[:7], p.text if record else "", p.since) for due in game.state.scheduled.values() for p in due]


@pytest.mark.parametrize("record", [True, False])
def test_generated_dynamics_keep_their_locals_in_step(record: bool) -> None:
    sc = scenario(indicators={"x": 50.0, "y": 50.0, "z": 50.0}, turns=40, dynamics=DYNAMICS)
    rng = random.Random(7)
    fast, slow = both(sc, record)
    for _ in range(30):
        values = random_values(rng)
        for game in (fast, slow):
            game.state.values.update(values)
            game.resolve_turn()
        assert fast.state.values == slow.state.values
        assert [v.hex() for v in fast.state.values.values()] == [v.hex() for v in slow.state.values.values()]
        assert fast.state.errors == slow.state.errors
        assert portions(fast, record) == portions(slow, record)
        assert list(fast.state.history) == list(slow.state.history)
    assert {"lean", "ratio", "blow"} <= {rule for _, rule, _ in fast.state.errors}


@pytest.mark.parametrize("count", [3, _MASK_BITS, _MASK_BITS + 5])
def test_generated_conditions_match_the_checks_one_by_one(count: int) -> None:
    sources = ["x / y > 1", "z % y < 30", "x + y >= z", "turn % 2 == 0", "min(x, 1) < y", "not x - 50"]
    conditions = [(f"rule_{n}", loaded(sources[n % len(sources)].replace("1", str(n)))) for n in range(count)]
    failing = compile_conditions(conditions)
    game = Game.new(scenario(indicators={"x": 50.0, "y": 50.0, "z": 50.0}), 1)
    rng = random.Random(count)
    for _ in range(300):
        game.state.values = random_values(rng)
        compiled_errors: list = []
        checked_errors: list = []
        assert game.failing(failing, conditions, compiled_errors) == game.failing(None, conditions, checked_errors)
        assert compiled_errors == checked_errors
