"""Tests for the scenario expression language (game.content.expr)."""

from __future__ import annotations

import ast
import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.expr import (
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_LENGTH,
    MAX_NODES,
    ExprSyntaxError,
    compile_effect,
    compile_expr,
)
from game.engine.expr import FUNCTIONS, VARIABLES, Expr, ExprError, base_globals
from game.engine.scenario import Op

NAMES = ("relations", "trade_access", "stability", "aid")
VALUES = {"relations": 50.0, "trade_access": 30.0, "stability": 0.0, "aid": 12.5}


def evaluate(text: str | int | float, values: dict[str, float] | None = None, turn: int = 1) -> float:
    """Compile ``text`` and evaluate it the way the engine does."""
    compiled = compile_expr(text, NAMES)
    globals_ = base_globals()
    globals_["turn"] = turn
    return compiled.evaluate(globals_, dict(VALUES if values is None else values))


def refusal(text: str) -> ExprSyntaxError:
    """The error ``compile_expr`` raises for ``text`` (fails the test if it compiles)."""
    with pytest.raises(ExprSyntaxError) as info:
        compile_expr(text, NAMES)
    return info.value


# --- accepted expressions ---------------------------------------------------------------------

ACCEPTED = [
    ("number", "3", 3.0),
    ("float", "2.5", 2.5),
    ("leading_dot", ".5", 0.5),
    ("exponent", "1e3", 1000.0),
    ("underscores", "1_000", 1000.0),
    ("name", "relations", 50.0),
    ("turn", "turn", 1.0),
    ("add", "relations + 3", 53.0),
    ("sub", "relations - trade_access", 20.0),
    ("mul", "aid * 2", 25.0),
    ("div", "relations / 4", 12.5),
    ("mod", "relations % 7", 1.0),
    ("unary_minus", "-relations", -50.0),
    ("unary_plus", "+relations", 50.0),
    ("double_minus", "- -3", 3.0),
    ("precedence", "2 + 3 * 4", 14.0),
    ("parentheses", "(2 + 3) * 4", 20.0),
    ("gt_true", "relations > 40", 1.0),
    ("lt_false", "relations < 40", 0.0),
    ("le", "relations <= 50", 1.0),
    ("ge", "relations >= 51", 0.0),
    ("eq", "stability == 0", 1.0),
    ("ne", "stability != 0", 0.0),
    ("chain_true", "0 <= relations <= 100", 1.0),
    ("chain_false", "0 <= relations <= 10", 0.0),
    ("and_true", "relations > 40 and trade_access < 60", 1.0),
    ("and_false", "relations > 40 and trade_access > 60", 0.0),
    ("and_value", "relations > 40 and aid", 12.5),
    ("or", "relations < 40 or trade_access < 60", 1.0),
    ("or_value", "stability or aid", 12.5),
    ("not_zero", "not stability", 1.0),
    ("not_comparison", "not relations > 40", 0.0),
    ("min", "min(relations, trade_access)", 30.0),
    ("min_many", "min(relations, trade_access, aid, 100)", 12.5),
    ("max", "max(relations, trade_access)", 50.0),
    ("abs", "abs(stability - 7)", 7.0),
    ("clamp_high", "clamp(relations * 3, 0, 100)", 100.0),
    ("clamp_low", "clamp(stability - 5, 0, 100)", 0.0),
    ("clamp_inside", "clamp(relations, 0, 100)", 50.0),
    ("nested_calls", "max(min(relations, 40), abs(-aid))", 40.0),
    ("comparison_arithmetic", "(relations > 40) * 10 + (aid > 20) * 5", 10.0),
    ("turn_arithmetic", "turn % 2 == 1", 1.0),
    ("whitespace", "  relations\t+\n1  ", 51.0),
    ("yaml_literal_block", "relations\n+ trade_access\n", 80.0),
    ("deep_parentheses", "(" * 100 + "relations" + ")" * 100, 50.0),
    ("long_sum", " + ".join(["aid"] * MAX_DEPTH), 12.5 * MAX_DEPTH),
]


@pytest.mark.parametrize(("text", "expected"), [(t, v) for _, t, v in ACCEPTED], ids=[i for i, _, _ in ACCEPTED])
def test_accepted_expression_value(text: str, expected: float) -> None:
    result = evaluate(text)
    assert type(result) is float
    assert result == pytest.approx(expected)


def test_score_formula_with_other_values() -> None:
    formula = "clamp(relations * 0.6 + min(aid, 20) - abs(stability - 50) / 5, 0, 100)"
    values = {"relations": 80.0, "trade_access": 0.0, "stability": 40.0, "aid": 35.0}
    assert evaluate(formula, values) == pytest.approx(80 * 0.6 + 20 - 2)


def test_turn_comes_from_globals() -> None:
    assert evaluate("turn * 10", turn=7) == 70.0


def test_source_is_the_text_as_written() -> None:
    text = "  relations +\n 1 "
    assert compile_expr(text, NAMES).source == text


def test_names_lists_indicators_and_variables_read() -> None:
    compiled = compile_expr("max(relations, aid) + turn - relations", NAMES)
    assert compiled.names == frozenset({"relations", "aid", "turn"})
    assert compile_expr("1 + 2", NAMES).names == frozenset()


def test_compiled_code_reads_only_whitelisted_names() -> None:
    compiled = compile_expr("clamp(relations, 0, max(aid, turn))", NAMES)
    assert set(compiled.code.co_names) <= set(NAMES) | set(FUNCTIONS) | set(VARIABLES)


def test_names_may_be_any_collection() -> None:
    assert compile_expr("a + b", ["a", "b"]).names == frozenset({"a", "b"})
    assert compile_expr("a", {"a": 1}).names == frozenset({"a"})


def test_every_engine_function_is_callable() -> None:
    calls = {"min": "min(1, 2)", "max": "max(1, 2)", "abs": "abs(-1)", "clamp": "clamp(5, 0, 3)"}
    assert set(calls) == set(FUNCTIONS)
    assert [evaluate(calls[name]) for name in FUNCTIONS] == [1.0, 2.0, 1.0, 3.0][: len(FUNCTIONS)]


def test_equal_sources_give_equal_exprs() -> None:
    assert compile_expr("relations + 1", NAMES) == compile_expr("relations + 1", ["relations"])
    assert compile_expr("relations + 1", NAMES) != compile_expr("relations+1", NAMES)


# --- YAML numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "source"), [(3, "3"), (-4, "-4"), (2.5, "2.5"), (0, "0"), (1e20, "1e+20")])
def test_number_compiles_to_constant(value: int | float, source: str) -> None:
    compiled = compile_expr(value, NAMES)
    assert compiled.source == source
    assert compiled.names == frozenset()
    result = compiled.evaluate(base_globals(), {})
    assert type(result) is float
    assert result == float(value)


@pytest.mark.parametrize("value", [True, False])
def test_boolean_is_not_a_number(value: bool) -> None:
    with pytest.raises(ExprSyntaxError) as info:
        compile_expr(value, NAMES)
    assert info.value.message == "expected an expression, got a boolean"
    assert info.value.hint == "quote it"


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_non_finite_number_is_refused(value: float) -> None:
    with pytest.raises(ExprSyntaxError, match="finite"):
        compile_expr(value, NAMES)


def test_huge_integer_is_refused() -> None:
    with pytest.raises(ExprSyntaxError, match="too many digits"):
        compile_expr(10**40, NAMES)


@pytest.mark.parametrize(("value", "kind"), [(None, "nothing"), ([1], "a list"), ({"a": 1}, "a mapping")])
def test_other_yaml_values_are_refused(value: object, kind: str) -> None:
    with pytest.raises(ExprSyntaxError, match=kind):
        compile_expr(value, NAMES)  # type: ignore[arg-type]


# --- run time ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["relations / stability", "relations % stability", "1 / 0", "aid / (turn - 1)"])
def test_division_by_zero_raises_expr_error(text: str) -> None:
    with pytest.raises(ExprError):
        evaluate(text)


def test_booleans_become_floats() -> None:
    assert evaluate("relations > 40") == 1.0
    assert evaluate("relations > 60") == 0.0
    assert type(evaluate("relations > 40")) is float


def test_a_result_too_large_for_a_float_is_a_runtime_error_not_a_crash() -> None:
    # 30-digit literals multiplied together overflow to infinity; the engine reports that instead of using it.
    big = "9" * MAX_DIGITS
    with pytest.raises(ExprError, match="not a finite number"):
        evaluate(" * ".join([big] * 12))


# --- refused expressions ----------------------------------------------------------------------

REFUSED = [
    # (id, text, fragment of the message or hint)
    ("power", "relations ** 2", "powers are not allowed"),
    ("floor_division", "relations // 2", "use '/'"),
    ("matmul", "relations @ aid", "'@' is not allowed"),
    ("bit_and", "relations & aid", "use 'and'"),
    ("bit_or", "relations | aid", "use 'or'"),
    ("bit_xor", "relations ^ 2", "bitwise '^'"),
    ("shift_left", "relations << 2", "bit shifts"),
    ("shift_right", "relations >> 2", "bit shifts"),
    ("invert", "~relations", "'~' is not allowed"),
    ("is", "relations is aid", "'is' is not allowed"),
    ("is_not", "relations is not aid", "'is not' is not allowed"),
    ("in", "relations in aid", "'in' is not allowed"),
    ("not_in", "relations not in aid", "'not in' is not allowed"),
    ("attribute", "relations.real", "attribute access is not allowed"),
    ("dunder_attribute", "().__class__.__bases__", "attribute access is not allowed"),
    ("subscript", "relations[0]", "indexing"),
    ("slice", "relations[1:2]", "indexing"),
    ("unknown_function", "foo(1)", "only min, max, abs and clamp can be called"),
    ("typo_function", "mx(relations, aid)", "did you mean 'max'?"),
    ("import", "__import__('os')", "unknown function '__import__'"),
    ("open", "open('/etc/passwd')", "unknown function 'open'"),
    ("eval", "eval('1')", "unknown function 'eval'"),
    ("call_result", "min(1, 2)(3)", "only min, max, abs and clamp can be called"),
    ("call_method", "relations.bit_length()", "only min, max, abs and clamp can be called"),
    ("call_indicator", "relations(1)", "'relations' is not a function"),
    ("call_turn", "turn(1)", "'turn' is not a function"),
    ("keyword", "max(relations, default=1)", "keyword arguments are not allowed"),
    ("double_star_call", "max(**relations)", "'**' unpacking is not allowed"),
    ("star_call", "max(*relations)", "'*' unpacking is not allowed"),
    ("min_one_arg", "min(relations)", "min() needs at least 2 arguments"),
    ("max_no_arg", "max()", "max() needs at least 2 arguments"),
    ("abs_two_args", "abs(1, 2)", "abs() takes exactly 1 argument"),
    ("clamp_two_args", "clamp(relations, 0)", "clamp() takes exactly 3 arguments"),
    ("clamp_four_args", "clamp(relations, 0, 1, 2)", "clamp() takes exactly 3 arguments"),
    ("bare_function", "max + 1", "'max' is a function"),
    ("lambda", "lambda: 1", "lambda is not allowed"),
    ("list_comprehension", "[x for x in ()]", "comprehensions are not allowed"),
    ("generator", "max(x for x in ())", "comprehensions are not allowed"),
    ("generator_two_args", "max(1, (x for x in ()))", "comprehensions are not allowed"),
    ("set_comprehension", "{x for x in ()}", "comprehensions are not allowed"),
    ("dict_comprehension", "{x: 1 for x in ()}", "comprehensions are not allowed"),
    ("fstring", "f'{relations}'", "f-strings are not allowed"),
    ("string", "'relations'", "strings are not allowed"),
    ("bytes", "b'x'", "strings are not allowed"),
    ("true", "True", "'True' is not allowed"),
    ("false_in_sum", "relations + False", "'False' is not allowed"),
    ("none", "None", "'None' is not allowed"),
    ("complex", "2j", "complex numbers are not allowed"),
    ("ellipsis", "...", "is not allowed"),
    ("hex", "0x10", "only decimal numbers"),
    ("octal", "0o10", "only decimal numbers"),
    ("binary", "0b10", "only decimal numbers"),
    ("leading_zero", "007", "cannot start with 0"),
    ("too_many_digits", "1" * (MAX_DIGITS + 1), "too many digits"),
    ("float_overflow", "1e999", "number is too large"),
    ("walrus", "(x := 1)", "':=' is not allowed"),
    ("walrus_in_call", "max(x := 1, 2)", "':=' is not allowed"),
    ("if_expression", "1 if relations else 2", "'if' expressions are not allowed"),
    ("list", "[1, 2]", "lists are not allowed"),
    ("tuple", "relations, aid", "commas are only allowed"),
    ("empty_tuple", "()", "commas are only allowed"),
    ("set", "{1, 2}", "sets are not allowed"),
    ("dict", "{1: 2}", "dictionaries are not allowed"),
    ("await", "await relations", "'await' is not allowed"),
    ("yield", "(yield)", "'yield' is not allowed"),
    ("unknown_name", "relatoins > 3", "unknown name 'relatoins'"),
    ("unknown_name_hint", "relatoins > 3", "did you mean 'relations'?"),
    ("builtins", "__builtins__", "unknown name '__builtins__'"),
    ("globals", "globals()", "unknown function 'globals'"),
    ("assignment", "relations = 3", "use '=='"),
    ("augmented_assignment", "relations += 3", "invalid syntax"),
    ("two_statements", "relations; aid", "';'"),
    ("missing_operator", "relations aid", "is an operator missing?"),
    ("incomplete", "relations +", "incomplete"),
    ("unclosed", "min(relations, aid", "never closed"),
    ("unmatched", "relations)", "unmatched ')'"),
    ("empty", "", "empty"),
    ("blank", " \n\t ", "empty"),
    ("comment", "relations # and more", "comments"),
    ("unicode_minus", "relations \u2212 3", "use -"),
    ("unicode_times", "relations \u00d7 3", "use *"),
    ("unicode_name", "relaci\u00f3n", "unexpected character"),
    ("fullwidth_name", "\uff52elations", "unexpected character"),
    ("null_byte", "relations\x00", "U+0000"),
    ("escape_char", "relations\x1b", "U+001B"),
    ("backslash", "relations \\ 3", "unexpected character after line continuation"),
    ("dollar", "$relations", "invalid syntax"),
    ("number_touching_word", "1and relations", "put a space between a number and a word"),
    ("number_touching_if", "relations>1or aid", "invalid number"),
    ("bad_underscore", "1__0", "invalid number"),
    ("too_long", "relations + " * 50, "too long"),
    ("too_deep", "-" * (MAX_DEPTH + 5) + "1", "nested too deeply"),
    ("too_big", "max(" + ",".join(["1"] * MAX_NODES) + ")", "too big"),
    ("deep_parentheses", "(" * 300 + "1" + ")" * 300, "too long"),
    ("many_parentheses", "(" * 230 + "1" + ")" * 230, "too many nested parentheses"),
]


@pytest.mark.parametrize(("text", "fragment"), [(t, f) for _, t, f in REFUSED], ids=[i for i, _, _ in REFUSED])
def test_refused_expression(text: str, fragment: str) -> None:
    error = refusal(text)
    assert fragment in str(error)
    assert 0 <= error.offset <= len(text)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("relations ** 2", 10),
        ("(relations) // (2)", 12),
        ("aid + relatoins", 6),
        ("  aid + relatoins", 8),
        ("\naid +\n relatoins", 8),
        ("relations is not aid", 10),
        ("relations not in aid", 10),
        ("max(aid, foo(1))", 9),
        ("max(aid, key=1)", 9),
        ("relations = 3", 10),
        ("relations aid", 10),
        ("relations +", 11),
        ("relations \u2212 3", 10),
        ("relations # x", 10),
        ("relations + '3'", 12),
        ("relations.real", 0),
        ("relations>1or aid", 10),
    ],
)
def test_error_offset_points_at_the_problem(text: str, offset: int) -> None:
    assert refusal(text).offset == offset


def test_error_attributes_and_str() -> None:
    error = refusal("relatoins")
    assert isinstance(error, ValueError)
    assert error.message == "unknown name 'relatoins'"
    assert error.hint == "did you mean 'relations'?"
    assert error.offset == 0
    assert str(error) == "unknown name 'relatoins' (did you mean 'relations'?)"


def test_no_hint_when_nothing_is_close() -> None:
    error = refusal("zzzzzz")
    assert error.hint == ""
    assert str(error) == "unknown name 'zzzzzz'"


def test_did_you_mean_covers_functions_and_turn() -> None:
    assert refusal("trun + 1").hint == "did you mean 'turn'?"
    assert refusal("clmp").hint == "did you mean 'clamp'?"


# --- caps -------------------------------------------------------------------------------------


def test_length_cap_boundary() -> None:
    text = "relations".ljust(MAX_LENGTH)
    assert compile_expr(text, NAMES).source == text
    error = refusal(text + " ")
    assert "too long" in error.message
    assert error.offset == MAX_LENGTH


def test_depth_cap_boundary() -> None:
    assert evaluate("-" * (MAX_DEPTH - 1) + "1") == -1.0
    assert "nested too deeply" in refusal("-" * MAX_DEPTH + "1").message


def test_node_cap_boundary() -> None:
    assert evaluate("max(" + ",".join(["1"] * (MAX_NODES - 1)) + ")") == 1.0
    assert "too big" in refusal("max(" + ",".join(["1"] * MAX_NODES) + ")").message


def test_digit_cap_boundary() -> None:
    assert evaluate("1" * MAX_DIGITS) == float("1" * MAX_DIGITS)
    assert evaluate("0." + "1" * (MAX_DIGITS - 1)) == float("0." + "1" * (MAX_DIGITS - 1))
    assert "too many digits" in refusal("0." + "1" * MAX_DIGITS).message


@pytest.mark.parametrize(
    "text",
    [
        "(" * 10_000,
        "(" * 10_000 + "1" + ")" * 10_000,
        "-" * 100_000 + "1",
        "not " * 50_000 + "relations",
        "[" * 100_000,
        "1+" * 100_000 + "1",
        "-" * 490 + "1",
        "not " * 120 + "relations",
        "(" * 201 + "1" + ")" * 201,
        "+".join(["relations"] * 50),
    ],
    ids=["parens", "balanced", "minus", "not", "brackets", "sum", "minus_short", "not_short", "parens_200", "sum_50"],
)
def test_pathological_input_is_refused_quickly(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ExprSyntaxError):
        compile_expr(text, NAMES)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("exception", [RecursionError, MemoryError])
def test_parser_exhaustion_becomes_syntax_error(monkeypatch: pytest.MonkeyPatch, exception: type[Exception]) -> None:
    def exhausted(*args: object, **kwargs: object) -> ast.Expression:
        raise exception

    monkeypatch.setattr(ast, "parse", exhausted)
    with pytest.raises(ExprSyntaxError, match="too complex"):
        compile_expr("relations", NAMES)


# --- effects ----------------------------------------------------------------------------------

EFFECTS = [
    ("add", "relations += 3", "relations", Op.ADD, "3", 3.0),
    ("sub", "aid -= relations / 10", "aid", Op.SUB, "relations / 10", 5.0),
    ("set", "stability = 40", "stability", Op.SET, "40", 40.0),
    ("tight", "relations+=3", "relations", Op.ADD, "3", 3.0),
    ("spaces", "  relations   -=   min(aid, 3)  ", "relations", Op.SUB, "min(aid, 3)", 3.0),
    ("comparison_value", "aid = relations >= 50", "aid", Op.SET, "relations >= 50", 1.0),
    ("equality_value", "aid = relations == 50", "aid", Op.SET, "relations == 50", 1.0),
    ("negative", "relations += -2", "relations", Op.ADD, "-2", -2.0),
]


@pytest.mark.parametrize(
    ("text", "target", "op", "source", "value"),
    [e[1:] for e in EFFECTS],
    ids=[e[0] for e in EFFECTS],
)
def test_accepted_effect(text: str, target: str, op: Op, source: str, value: float) -> None:
    indicator, got_op, compiled = compile_effect(text, NAMES)
    assert (indicator, got_op, compiled.source) == (target, op, source)
    assert isinstance(compiled, Expr)
    assert compiled.evaluate(base_globals(), dict(VALUES)) == value


REFUSED_EFFECTS = [
    # (id, text, fragment, offset)
    ("no_operator", "relations + 3", "expected '<indicator> += <expression>'", 10),
    ("no_operator_hint", "relations + 3", "did you mean 'relations += ...'?", 10),
    ("comparison", "relations == 3", "'==' compares", 10),
    ("two_targets", "relations, aid = 1", "one indicator", 9),
    ("two_statements", "relations += 1; aid += 2", "each change as its own effect", 14),
    ("two_lines", "relations += 1\naid += 2", "each change as its own effect", 19),
    ("second_subtraction", "relations += aid -= 2", "each change as its own effect", 17),
    ("chained", "relations = aid = 1", "each change as its own effect", 16),
    ("multiply", "relations *= 2", "'*=' cannot change an indicator", 10),
    ("power", "relations **= 2", "'**=' cannot change an indicator", 10),
    ("unknown_target", "relatoins += 1", "did you mean 'relations'?", 0),
    ("unknown_target_message", "relatoins += 1", "unknown indicator 'relatoins'", 0),
    ("turn_target", "turn += 1", "'turn' cannot be changed", 0),
    ("function_target", "max = 1", "'max' is a function", 0),
    ("number_target", "3 += 1", "expected '<indicator> += <expression>'", 0),
    ("missing_value", "relations +=", "missing the expression after '+='", 12),
    ("bad_value", "relations += 2 ** 2", "powers are not allowed", 15),
    ("unknown_in_value", "relations += aid * trad_access", "did you mean 'trade_access'?", 19),
    ("walrus_value", "relations += (x := 1)", "':=' is not allowed", 14),
    ("empty", "", "effect is empty", 0),
    ("comment", "relations += 1 # why", "comments", 15),
    ("too_long", "relations += " + "1 + " * 200 + "1", "too long", MAX_LENGTH),
    ("expression_only", "relations", "expected '<indicator> += <expression>'", 9),
    ("unicode", "relations += 3 \u00d7 2", "use *", 15),
]


@pytest.mark.parametrize(
    ("text", "fragment", "offset"),
    [e[1:] for e in REFUSED_EFFECTS],
    ids=[e[0] for e in REFUSED_EFFECTS],
)
def test_refused_effect(text: str, fragment: str, offset: int) -> None:
    with pytest.raises(ExprSyntaxError) as info:
        compile_effect(text, NAMES)
    assert fragment in str(info.value)
    assert info.value.offset == offset


def test_effect_must_be_a_string() -> None:
    with pytest.raises(ExprSyntaxError, match="expected an effect"):
        compile_effect(3, NAMES)  # type: ignore[arg-type]


# --- never anything but Expr or ExprSyntaxError -----------------------------------------------

TOKENS = [
    *NAMES,
    "turn",
    "min",
    "max",
    "abs",
    "clamp",
    "foo",
    "0",
    "1",
    "2.5",
    "1e308",
    "9" * 30,
    "007",
    "0x1",
    "True",
    "None",
    "'s'",
    "+",
    "-",
    "*",
    "/",
    "%",
    "**",
    "//",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "=",
    "+=",
    ":=",
    "and",
    "or",
    "not",
    "is",
    "in",
    "if",
    "else",
    "lambda",
    "for",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    ";",
    "#",
    "\n",
    "~",
    "&",
    "@",
    "\\",
    "__class__",
]


def _check_outcome(text: str) -> None:
    try:
        compiled = compile_expr(text, NAMES)
    except ExprSyntaxError as error:
        assert isinstance(error.message, str)
        assert error.message
        assert 0 <= error.offset <= max(len(text), MAX_LENGTH)
        return
    assert isinstance(compiled, Expr)
    assert compiled.names <= set(NAMES) | set(VARIABLES)
    try:
        result = compiled.evaluate(base_globals(), dict(VALUES))
    except ExprError:
        return
    assert type(result) is float


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=MAX_LENGTH + 20))
def test_arbitrary_text_gives_expr_or_syntax_error(text: str) -> None:
    _check_outcome(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join))
def test_token_soup_gives_expr_or_syntax_error(text: str) -> None:
    _check_outcome(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
def test_effect_soup_gives_effect_or_syntax_error(text: str) -> None:
    for prefix in ("relations += ", "aid = ", ""):
        try:
            indicator, op, compiled = compile_effect(prefix + text, NAMES)
        except ExprSyntaxError as error:
            assert 0 <= error.offset <= len(prefix + text)
            continue
        assert indicator in NAMES
        assert isinstance(op, Op)
        assert isinstance(compiled, Expr)
