"""Expressions compiled through a shared shape (game.content.expr.Shapes) are the expressions compiled on their own:
same source, names, bytecode and values, and the same errors with the same offsets."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.expr import ExprSyntaxError, Shapes, compile_effect, compile_expr, syntax_warnings_as_errors
from game.engine.expr import ExprError, base_globals

#: Indicator ids, some of them awkward: one-letter, a string prefix (f, rb), a function's name (min).
NAMES = frozenset({"a", "b", "ind_1", "ind_2", "ind_10", "f", "rb", "min"})
VALUES = {"a": 3.0, "b": -2.0, "ind_1": 10.0, "ind_2": 0.0, "ind_10": 7.5, "f": 1.0, "rb": 4.0, "min": 9.0}


def outcome(text: str | float, shapes: Shapes | None) -> tuple[Any, ...]:
    """Everything observable about compiling ``text``: the expression and its value, or the error."""
    try:
        with syntax_warnings_as_errors():
            expr = compile_expr(text, NAMES, shapes)
    except ExprSyntaxError as exc:
        return ("error", exc.message, exc.offset, exc.hint)
    code = expr.code
    try:
        value: Any = expr.evaluate(base_globals(), dict(VALUES))
    except ExprError as exc:
        value = str(exc)
    return ("ok", expr.source, expr.names, code.co_code, code.co_consts, code.co_names, value, expr.constant())


def effect_outcome(text: str, shapes: Shapes | None) -> tuple[Any, ...]:
    try:
        with syntax_warnings_as_errors():
            target, op, expr = compile_effect(text, NAMES, NAMES - {"min"}, shapes)
    except ExprSyntaxError as exc:
        return ("error", exc.message, exc.offset, exc.hint)
    return ("ok", target, op, expr.source, expr.names, expr.code.co_code, expr.code.co_names)


TRICKY = [
    "ind_1 > 10 and ind_2 < 90",
    "ind_2 > 10 and ind_1 < 90",
    "ind_1 > 10 and ind_1 < 90",
    "a > 10 and b < 90",
    "min(ind_1, 3) / 2",
    "min(ind_10, 3) / 2",
    "min + a",  # an indicator called min, read as a value
    "min(a, b)",  # ... and the function
    "a(2)",
    "1a + b",
    "1e5 + a",
    "0x1f + a",
    "a.real + b",
    "f'{a}'",
    "rb'x' + a",
    "a'x'",
    "'a' + b",
    "a b",
    "a = 3",
    "a if b else 2",
    "a + unknown_1",
    "a + turn",
    "turn",
    "__debug__ + a",
    "__s0 + a",
    "a__s0 + a",
    "a * 1" + "0" * 30,
    "a * 1" + "0" * 29,
    "a / 0",
    "1if a else b",
    "b+1and a",
    "  a   -\tb  ",
    "a\n+ b",
    " + ".join(["a"] * 125),  # 497 characters; its shape (slots are longer) is not, and is refused for length
    "-" * 33 + "a",
    "a" + " + a" * 200,
    "clamp(a, b)",
    "abs(-a) % 3",
    "not a or b <= ind_10 != 4",
    7,
    2.5,
]


def test_tricky_texts_compile_the_same_through_shared_shapes() -> None:
    shapes: Shapes = {}
    for text in TRICKY + TRICKY:  # the second round meets every shape already compiled, or already refused
        assert outcome(text, shapes) == outcome(text, None), text
    assert any(template is not None for template in shapes.values())


@pytest.mark.parametrize(
    "text",
    ["a += 2", "b -= min(ind_1, 3) / 2", "ind_2 = a * b", "min += a", "a += b +", "a += 1a", "f += f'{b}'", "b += rb"],
)
def test_effects_compile_the_same_through_shared_shapes(text: str) -> None:
    shapes: Shapes = {}
    for primer in ("ind_1 -= min(ind_2, 3) / 2", "ind_10 = ind_1 * ind_2", "rb += ind_1 +", "ind_1 += ind_2"):
        effect_outcome(primer, shapes)
    assert effect_outcome(text, shapes) == effect_outcome(text, None)


def test_a_shape_is_compiled_once() -> None:
    shapes: Shapes = {}
    first = compile_expr("ind_1 > 10 and ind_2 < 90", NAMES, shapes)
    second = compile_expr("a > 10 and b < 90", NAMES, shapes)
    assert list(shapes) == ["__s0 > 10 and __s1 < 90"]
    assert first.names == {"ind_1", "ind_2"} and second.names == {"a", "b"}
    assert second.evaluate(base_globals(), {"a": 11.0, "b": 95.0}) == 0.0  # each reads its own indicators
    assert second.evaluate(base_globals(), {"a": 11.0, "b": 5.0}) == 1.0
    assert first.evaluate(base_globals(), {"ind_1": 11.0, "ind_2": 5.0, "a": 0.0, "b": 0.0}) == 1.0


_name = st.sampled_from([*sorted(NAMES), "turn", "zzz", "1", "2.5", "0", "07"])
_op = st.sampled_from([" + ", " - ", " * ", " / ", " % ", " < ", " >= ", " == ", " and ", " or ", "", " ", "."])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = [draw(_name)]
    for _ in range(draw(st.integers(0, 4))):
        parts += [draw(_op), draw(_name)]
    text = "".join(parts)
    if draw(st.booleans()):
        text = f"{draw(st.sampled_from(['min', 'max', 'abs', 'clamp', 'a']))}({text}, {draw(_name)})"
    return text


_SHARED: Shapes = {}  # shared by every example, so later examples meet shapes compiled by earlier ones


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_generated_texts_compile_the_same_through_shared_shapes(text: str) -> None:
    assert outcome(text, _SHARED) == outcome(text, None)
