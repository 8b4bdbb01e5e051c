"""Interval reasoning over the expression language: exact answers on small cases, and never wrong on random ones."""

from __future__ import annotations

import random

import pytest

from game.content.expr import compile_expr
from game.content.intervals import UNKNOWN, Interval, Truth, interval_of, truth_of
from game.engine.expr import base_globals

RANGES = {"x": Interval(0, 100), "y": Interval(-10, 10), "flag": Interval(0, 0), "turn": Interval(1, 12)}


@pytest.mark.parametrize(
    ("source", "low", "high"),
    [
        ("x + y", -10, 110),
        ("x - y", -10, 110),
        ("x * y", -1000, 1000),
        ("-x", -100, 0),
        ("x / 4", 0, 25),
        ("abs(y)", 0, 10),
        ("min(x, y)", -10, 10),
        ("max(x, y)", 0, 100),
        ("clamp(x, 20, 30)", 20, 30),
        ("clamp(y, 20, 30)", 20, 20),
        ("(x > 50) + (y > 0)", 0, 2),
        ("turn % 5", 0, 5),
        ("flag % 5", 0, 0),
        ("x > 200 and 7", 0, 0),
        ("x >= 0 and 7", 7, 7),
        ("x > 50 and 7", 0, 7),
        ("x >= 0 or 7", 1, 1),
        ("flag or 7", 7, 7),
    ],
)
def test_arithmetic_gives_the_range_of_every_value(source: str, low: float, high: float) -> None:
    found = interval_of(source, RANGES)
    assert (found.low, found.high) == (low, high)


@pytest.mark.parametrize(
    ("source", "truth"),
    [
        ("x > 100", Truth.NEVER),
        ("x >= 100", Truth.MAYBE),
        ("x <= 100", Truth.ALWAYS),
        ("x < 0", Truth.NEVER),
        ("x + y > 110", Truth.NEVER),
        ("x == 200", Truth.NEVER),
        ("x != 200", Truth.ALWAYS),
        ("flag == 0", Truth.ALWAYS),
        ("flag == 1", Truth.NEVER),
        ("not flag", Truth.ALWAYS),
        ("0 < x < 200", Truth.MAYBE),
        ("-1 < x < 200", Truth.ALWAYS),
        ("x > 50 and x < 40", Truth.MAYBE),  # each part alone may hold: intervals do not relate the two
        ("x > 50 and y > 20", Truth.NEVER),
        ("x > 50 or y <= 10", Truth.ALWAYS),
        ("turn > 12 or x > 100", Truth.NEVER),
        ("(x > 200) + (y > 20) >= 1", Truth.NEVER),
        ("abs(y) <= 10", Truth.ALWAYS),
        ("clamp(x, 20, 30) >= 20", Truth.ALWAYS),
        ("x", Truth.MAYBE),
        ("x + 1", Truth.ALWAYS),
    ],
)
def test_conditions_are_always_never_or_maybe(source: str, truth: Truth) -> None:
    assert truth_of(source, RANGES) is truth


@pytest.mark.parametrize("source", ["x / y > 1000", "100 / y < 1000", "x % y >= 0", "x / (x - x) > 0"])
def test_a_division_that_may_fail_is_never_called_always_true(source: str) -> None:
    """Dividing by a range that holds zero may fail, and a failing condition does not hold."""
    assert truth_of(source, RANGES) is Truth.MAYBE


def test_a_failing_division_still_leaves_never_true_certain() -> None:
    assert truth_of("x > 200 and x / y > 0", RANGES) is Truth.NEVER


def test_names_without_a_range_and_huge_results_are_unknown() -> None:
    assert interval_of("elsewhere + 1", RANGES).unknown
    assert interval_of("x * 1e307 * 1e307", RANGES) == UNKNOWN
    assert truth_of("x * 1e307 * 1e307 > 0", RANGES) is Truth.MAYBE


_LEAVES = ["x", "y", "flag", "turn", "0", "1", "2.5", "-3", "100"]
_OPERATORS = ["+", "-", "*", "/", "%", "<", "<=", "==", "!=", ">", ">=", "and", "or"]


def _expression(rng: random.Random, depth: int) -> str:
    """A random expression of the language, at most ``depth`` levels deep."""
    if depth == 0 or rng.random() < 0.2:
        return rng.choice(_LEAVES)
    kind = rng.randrange(6)
    inner = [_expression(rng, depth - 1) for _ in range(3)]
    if kind <= 2:
        return f"({inner[0]} {rng.choice(_OPERATORS)} {inner[1]})"
    if kind == 3:
        return rng.choice([f"(not {inner[0]})", f"(-{inner[0]})", f"abs({inner[0]})"])
    if kind == 4:
        return f"{rng.choice(['min', 'max'])}({inner[0]}, {inner[1]})"
    return f"clamp({inner[0]}, {inner[1]}, {inner[2]})"


_RANDOM = [_expression(random.Random(seed), 4) for seed in range(600)]
_POINTS = [(x, y, turn) for x in (0.0, 37.5, 100.0) for y in (-10.0, -2.5, 0.0, 3.3, 10.0) for turn in (1.0, 5.0, 12.0)]


@pytest.mark.parametrize("source", _RANDOM)
def test_every_value_the_engine_computes_lies_in_the_interval(source: str) -> None:
    """Evaluated as the engine does at points of the ranges (their ends included), the value is in the interval, and
    a condition called always (never) true holds (fails) there."""
    compiled = compile_expr(source, ["x", "y", "flag"])
    found = interval_of(source, RANGES)
    truth = found.truth()
    for x, y, turn in _POINTS:
        globals_ = base_globals()
        globals_["turn"] = turn
        values = {"x": x, "y": y, "flag": 0.0}
        try:
            raw = eval(compiled.code, globals_, dict(values))
        except (ArithmeticError, ValueError, TypeError):
            assert found.fails or found.unknown
            assert truth is not Truth.ALWAYS
            continue
        assert truth is not Truth.ALWAYS or bool(raw), (source, values, turn)
        assert truth is not Truth.NEVER or not bool(raw), (source, values, turn)
        if not found.unknown:
            assert found.low <= float(raw) <= found.high, (source, values, turn, raw, found)


def test_the_random_expressions_are_mostly_bounded_and_some_decided() -> None:
    """The check above is only worth something if most random expressions get a bounded interval, and some
    conditions a certain answer."""
    found = [interval_of(source, RANGES) for source in _RANDOM]
    assert sum(not f.unknown for f in found) >= len(_RANDOM) // 2
    assert sum(f.truth() is not Truth.MAYBE for f in found) >= 50
