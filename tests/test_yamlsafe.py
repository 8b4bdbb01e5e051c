"""Tests for the safe YAML loader used for modder-written scenario files."""

from __future__ import annotations

import dataclasses
import gc
import math
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import yamlsafe
from game.content.problems import Problem, ScenarioError
from game.content.yamlsafe import MAX_FILE_BYTES, Document, load_yaml, load_yaml_file

FILE = "scenario.yaml"

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def problems_of(source: str | bytes) -> list[Problem]:
    """The problems load_yaml reports for ``source`` (fails the test if it loads)."""
    with pytest.raises(ScenarioError) as caught:
        load_yaml(source, FILE)
    assert caught.value.problems, "a ScenarioError must carry at least one problem"
    return caught.value.problems


def only_problem(source: str | bytes) -> Problem:
    found = problems_of(source)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def value_of(snippet: str) -> Any:
    return load_yaml(f"v: {snippet}\n", FILE).data["v"]


@pytest.fixture(params=["libyaml", "pure-python"])
def either_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with libyaml's C parser and again with PyYAML's pure-Python fallback."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsafe, "_LOADER", yamlsafe._PURE_LOADER)
    yield request.param


# --------------------------------------------------------------------------- scalar resolution (YAML 1.2 core)

RESOLUTION = [
    pytest.param("true", True, id="true"),
    pytest.param("True", True, id="True"),
    pytest.param("TRUE", True, id="TRUE"),
    pytest.param("false", False, id="false"),
    pytest.param("False", False, id="False"),
    pytest.param("FALSE", False, id="FALSE"),
    pytest.param("yes", "yes", id="yes-is-text"),
    pytest.param("no", "no", id="no-is-text"),
    pytest.param("NO", "NO", id="NO-is-text"),
    pytest.param("on", "on", id="on-is-text"),
    pytest.param("off", "off", id="off-is-text"),
    pytest.param("y", "y", id="y-is-text"),
    pytest.param("n", "n", id="n-is-text"),
    pytest.param("tRUE", "tRUE", id="mixed-case-true-is-text"),
    pytest.param("null", None, id="null"),
    pytest.param("Null", None, id="Null"),
    pytest.param("NULL", None, id="NULL"),
    pytest.param("~", None, id="tilde"),
    pytest.param("", None, id="empty"),
    pytest.param("42", 42, id="int"),
    pytest.param("-7", -7, id="negative-int"),
    pytest.param("+12", 12, id="plus-int"),
    pytest.param("010", 10, id="leading-zero-is-decimal"),
    pytest.param("0o17", 15, id="octal"),
    pytest.param("0x1F", 31, id="hex"),
    pytest.param("-0x1F", "-0x1F", id="signed-hex-is-text"),
    pytest.param("0b101", "0b101", id="binary-is-text"),
    pytest.param("1_000", "1_000", id="underscore-is-text"),
    pytest.param("1:30", "1:30", id="sexagesimal-is-text"),
    pytest.param("2023-01-01", "2023-01-01", id="date-is-text"),
    pytest.param("1e3", 1000.0, id="exponent-float"),
    pytest.param("1.5", 1.5, id="float"),
    pytest.param(".5", 0.5, id="leading-dot-float"),
    pytest.param("3.", 3.0, id="trailing-dot-float"),
    pytest.param("-2.5E-1", -0.25, id="negative-exponent"),
    pytest.param(".inf", math.inf, id="inf"),
    pytest.param("-.inf", -math.inf, id="minus-inf"),
    pytest.param("+.Inf", math.inf, id="plus-Inf"),
    pytest.param("1e", "1e", id="bare-e-is-text"),
    pytest.param("0o8", "0o8", id="bad-octal-is-text"),
    pytest.param("'1'", "1", id="single-quoted-number-is-text"),
    pytest.param('"true"', "true", id="double-quoted-bool-is-text"),
    pytest.param("''", "", id="quoted-empty-is-text"),
    pytest.param("! 12", "12", id="non-specific-tag-is-text"),
    pytest.param("! '12'", "12", id="non-specific-tag-quoted-is-text"),
    pytest.param("!!str 5", "5", id="explicit-str"),
    pytest.param("!!int '7'", 7, id="explicit-int-on-quoted"),
    pytest.param("!!float 3", 3.0, id="explicit-float-on-int"),
    pytest.param("!!bool 'false'", False, id="explicit-bool"),
    pytest.param("!!null ''", None, id="explicit-null"),
    pytest.param("<<", "<<", id="merge-token-as-value-is-text"),
]


@pytest.mark.parametrize(("snippet", "expected"), RESOLUTION)
def test_plain_scalars_resolve_with_yaml_1_2_core_schema(either_loader: str, snippet: str, expected: Any) -> None:
    value = value_of(snippet)
    assert value == expected
    assert type(value) is type(expected)


def test_nan_resolves_to_float_nan() -> None:
    assert math.isnan(value_of(".nan"))
    assert math.isnan(value_of(".NaN"))


def test_multi_line_plain_scalar_that_looks_like_a_number_is_folded_then_resolved() -> None:
    assert load_yaml("v: 1\n  2\n", FILE).data["v"] == "1 2"


def test_block_scalars_are_always_text() -> None:
    data = load_yaml("a: |\n  12\nb: >\n  true\n", FILE).data
    assert data == {"a": "12\n", "b": "true\n"}


def test_integer_keys_are_kept_as_integers() -> None:
    assert load_yaml("1: one\n0x2: two\n", FILE).data == {1: "one", 2: "two"}


# --------------------------------------------------------------------------- data and positions


SAMPLE = """\
format: 1
id: cambodia_us
title: {en: Title, km: "ចំណងជើង"}
indicators:
  - id: relations
    initial: 35
  - id: trust
    initial: 20.5
roles: []
"""


def test_document_holds_plain_python_data() -> None:
    document = load_yaml(SAMPLE, FILE)
    assert document.data == {
        "format": 1,
        "id": "cambodia_us",
        "title": {"en": "Title", "km": "ចំណងជើង"},
        "indicators": [{"id": "relations", "initial": 35}, {"id": "trust", "initial": 20.5}],
        "roles": [],
    }


def test_values_map_each_path_to_the_line_and_column_of_its_value() -> None:
    values = load_yaml(SAMPLE, FILE).values
    assert values[()] == (1, 1)
    assert values[("format",)] == (1, 9)
    assert values[("title",)] == (3, 8)
    assert values[("title", "km")] == (3, 24)
    assert values[("indicators",)] == (5, 3)
    assert values[("indicators", 1)] == (7, 5)
    assert values[("indicators", 1, "initial")] == (8, 14)
    assert values[("roles",)] == (9, 8)


def test_keys_map_each_mapping_entry_to_the_line_and_column_of_its_key() -> None:
    keys = load_yaml(SAMPLE, FILE).keys
    assert keys[("format",)] == (1, 1)
    assert keys[("title", "en")] == (3, 9)
    assert keys[("indicators", 0, "id")] == (5, 5)
    assert keys[("indicators", 1, "initial")] == (8, 5)
    assert ("indicators", 0) not in keys  # list items have no key


def test_columns_count_characters_not_bytes() -> None:
    document = load_yaml("ចំណង: [x, y]\n", FILE)
    assert document.values[("ចំណង",)] == (1, 7)
    assert document.values[("ចំណង", 1)] == (1, 11)


def test_every_path_in_the_data_has_a_value_position() -> None:
    document = load_yaml(SAMPLE, FILE)

    def paths(value: Any, at: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
        yield at
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
        for key, child in children:
            yield from paths(child, (*at, key))

    assert set(paths(document.data, ())) == set(document.values)


def test_aliases_expand_to_independent_copies() -> None:
    document = load_yaml("a: &x [1, {k: v}]\nb: *x\n", FILE)
    assert document.data["a"] == document.data["b"] == [1, {"k": "v"}]
    assert document.data["a"] is not document.data["b"]
    assert document.values[("b", 1, "k")] == (1, 15)  # positions of aliased data point at the anchor


def test_document_is_frozen() -> None:
    document = load_yaml("a: 1\n", FILE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.data = {}  # type: ignore[misc]


def test_utf8_byte_order_mark_is_accepted() -> None:
    assert load_yaml("\ufeffa: 1\n".encode(), FILE).data == {"a": 1}
    assert load_yaml("\ufeffa: 1\n", FILE).data == {"a": 1}


def test_windows_line_endings_are_accepted() -> None:
    document = load_yaml(b"a: 1\r\nb: 2\r\n", FILE)
    assert document.data == {"a": 1, "b": 2}
    assert document.values[("b",)] == (2, 4)


def test_problems_carry_the_given_path() -> None:
    assert only_problem("a: [").path == FILE


# --------------------------------------------------------------------------- the catalogue of traps

CATALOGUE = [
    # (snippet, expected message fragment, expected line)
    pytest.param("id: a\nx: 1\nid: b\n", "duplicate key 'id' (first defined on line 1)", 3, id="duplicate-key"),
    pytest.param("a:\n  b: 1\n  b: 2\n", "duplicate key 'b' (first defined on line 2)", 3, id="nested-duplicate"),
    pytest.param("1: a\n0x1: b\n", "duplicate key '0x1' (first defined on line 1)", 2, id="same-int-spelled-twice"),
    pytest.param("base: &b {x: 1}\nc:\n  <<: *b\n", "merge keys (<<) are not supported", 3, id="merge-key"),
    pytest.param(
        "x: !!python/object:os.system ls\n",
        "tag '!!python/object:os.system' is not allowed; scenario files hold plain data only",
        1,
        id="python-object-tag",
    ),
    pytest.param("a: 1\nx: !!python/name:os.system\n", "'!!python/name:os.system' is not allowed", 2, id="python-name"),
    pytest.param("x: !custom 3\n", "tag '!custom' is not allowed", 1, id="local-tag"),
    pytest.param("x: !!binary aGVsbG8=\n", "tag '!!binary' is not allowed", 1, id="binary-tag"),
    pytest.param("x: !!timestamp 2023-01-01\n", "tag '!!timestamp' is not allowed", 1, id="timestamp-tag"),
    pytest.param("x: !!set {a, b}\n", "tag '!!set' is not allowed", 1, id="set-tag"),
    pytest.param("x: !!omap [a: 1]\n", "tag '!!omap' is not allowed", 1, id="omap-tag"),
    pytest.param("\nx: !!str {a: 1}\n", "tag '!!str' is not allowed; it cannot be used on a mapping", 2, id="str-map"),
    pytest.param("x: !!map [1]\n", "tag '!!map' is not allowed; it cannot be used on a list", 1, id="map-tag-on-list"),
    pytest.param("x: !!seq 1\n", "it cannot be used on a single value", 1, id="seq-tag-on-scalar"),
    pytest.param("a: 1\n? [x, y]\n: 2\n", "a mapping or list cannot be used as a key", 2, id="list-as-key"),
    pytest.param("{a: 1}: 2\n", "a mapping or list cannot be used as a key", 1, id="mapping-as-key"),
    pytest.param("true: 1\n", "key 'true' is read as a boolean", 1, id="bool-key"),
    pytest.param("~: 1\n", "key '~' is read as null", 1, id="null-key"),
    pytest.param("a: 1\n1.5: x\n", "key '1.5' is read as a decimal number", 2, id="float-key"),
    pytest.param("x: !!int ten\n", "'ten' is not a valid integer", 1, id="bad-explicit-int"),
    pytest.param("x: !!int 1e3\n", "'1e3' is not a valid integer", 1, id="explicit-int-rejects-float"),
    pytest.param("x: !!bool yes\n", "'yes' is not a valid boolean", 1, id="yes-is-not-a-bool"),
    pytest.param("x: !!float abc\n", "'abc' is not a valid number", 1, id="bad-explicit-float"),
    pytest.param("x: !!null 0\n", "'0' is not a valid null", 1, id="bad-explicit-null"),
    pytest.param("x: " + "9" * 31 + "\n", "too many digits (31; the limit is 30)", 1, id="long-int"),
    pytest.param("x: 0." + "1" * 31 + "\n", "too many digits", 1, id="long-float"),
    pytest.param("x: !!int '" + "1" * 40 + "'\n", "too many digits", 1, id="long-explicit-int"),
    pytest.param("x: 1e400\n", "the number '1e400' is out of range", 1, id="float-overflow"),
    pytest.param("a: 1\nb: " + "x" * 10_001 + "\n", "too long (10,001 characters", 2, id="long-scalar"),
    pytest.param("a:\n\tb: 1\n", "YAML syntax error", 2, id="tab-indent"),
    pytest.param("a: [1, 2\nb: 3\n", "did not find expected ',' or ']'", 2, id="unclosed-bracket"),
    pytest.param("a: b: c\n", "mapping values are not allowed", 1, id="colon-in-plain-value"),
    pytest.param("a:\n  b: 1\n c: 2\n", "YAML syntax error", 3, id="bad-dedent"),
    pytest.param("a: 'open\nb: 2\n", "found unexpected end of stream", 3, id="unterminated-quote"),
    pytest.param('a: "\\q"\n', "YAML syntax error", 1, id="bad-escape"),
    pytest.param("x: !e!tag 1\n", "YAML syntax error", 1, id="undefined-tag-handle"),
    pytest.param(
        "a: 1\nb: *nowhere\n", "alias '*nowhere' refers to an anchor '&nowhere' that is not defined", 2, id="alias"
    ),
    pytest.param("a: &x [1, *x]\n", "alias '*x' is inside its own anchor '&x' (line 1)", 1, id="recursive-alias"),
    pytest.param("a: &x {b: {c: *x}}\n", "inside its own anchor", 1, id="nested-recursive-alias"),
    pytest.param("a: &x 1\nb: &x 2\n", "anchor '&x' is already defined on line 1", 2, id="duplicate-anchor"),
    pytest.param("a: 1\n---\nb: 2\n", "more than one YAML document", 2, id="two-documents"),
    pytest.param("a: 1\n...\n---\nb: 2\n", "more than one YAML document", 3, id="two-documents-with-end-marker"),
    pytest.param("", "the file is empty", 0, id="empty-file"),
    pytest.param("\n  \n# only a comment\n", "the file is empty", 0, id="only-comments"),
    pytest.param("---\n", "the file is empty", 0, id="only-document-marker"),
    pytest.param("a: 1\nb: x\x00y\n", "U+0000", 2, id="nul-character"),
    pytest.param("a: \x07\n", "U+0007", 1, id="bell-character"),
    pytest.param("a: 1\nb: \ud800\n", "U+D800", 2, id="lone-surrogate"),
    pytest.param("x: " + "[" * 65 + "]" * 65 + "\n", "nested too deeply (more than 64 levels)", 1, id="deep"),
    pytest.param(
        "a: &a 1\nb: [" + ", ".join(["*a"] * 101) + "]\n", "too many aliases (more than 100)", 2, id="many-aliases"
    ),
    pytest.param(BILLION_LAUGHS, "more than 200,000 values once aliases are expanded", 6, id="billion-laughs"),
]


@pytest.mark.parametrize(("snippet", "fragment", "line"), CATALOGUE)
def test_catalogue_of_traps_is_reported_with_message_and_line(snippet: str, fragment: str, line: int) -> None:
    found = problems_of(snippet)
    matching = [p for p in found if fragment in p.message]
    assert matching, [p.format() for p in found]
    assert matching[0].line == line, matching[0].format()


@pytest.mark.parametrize(("snippet", "fragment", "line"), CATALOGUE)
def test_catalogue_traps_are_refused_by_the_pure_python_fallback_too(
    monkeypatch: pytest.MonkeyPatch, snippet: str, fragment: str, line: int
) -> None:
    monkeypatch.setattr(yamlsafe, "_LOADER", yamlsafe._PURE_LOADER)
    found = problems_of(snippet)
    assert all(p.path == FILE for p in found)
    if not fragment.startswith(("YAML syntax error", "did not find", "mapping values", "found unexpected")):
        assert any(fragment in p.message and p.line == line for p in found), [p.format() for p in found]


def test_all_duplicate_keys_are_reported_not_just_the_first() -> None:
    found = problems_of("id: a\nname: x\nid: b\nsub:\n  k: 1\n  k: 2\nid: c\n")
    assert [(p.line, p.message) for p in found] == [
        (3, "duplicate key 'id' (first defined on line 1)"),
        (6, "duplicate key 'k' (first defined on line 5)"),
        (7, "duplicate key 'id' (first defined on line 1)"),
    ]


def test_duplicate_key_is_reported_at_the_second_occurrence_column() -> None:
    problem = only_problem("m: {a: 1, b: 2, a: 3}\n")
    assert (problem.line, problem.col) == (1, 17)


def test_tag_and_key_problems_are_all_collected_in_one_error() -> None:
    found = problems_of("a: !!python/tuple [1]\nb: !x 2\n<<: {}\ntrue: 1\n")
    assert [p.line for p in found] == [1, 2, 3, 4]


def test_quoted_or_tagged_merge_token_is_an_ordinary_key() -> None:
    assert load_yaml("'<<': 1\n", FILE).data == {"<<": 1}
    assert load_yaml("! <<: 1\n", FILE).data == {"<<": 1}


def test_syntax_error_keeps_libyaml_position_and_explains_the_context() -> None:
    problem = only_problem("title: x\nlist: [1, 2\nnext: 3\n")
    assert (problem.line, problem.col) == (3, 5)
    assert problem.message == "YAML syntax error: did not find expected ',' or ']'"
    assert "while parsing a flow sequence that started at line 2, column 7" in problem.hint


def test_tab_indentation_gets_a_hint_about_spaces() -> None:
    assert "spaces" in only_problem("a:\n\tb: 1\n").hint


def test_parser_token_names_are_tidied_in_syntax_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_LOADER", yamlsafe._PURE_LOADER)
    problem = only_problem("a:\n  b: 1\n c: 2\n")
    assert "<" not in problem.message, problem.message


# --------------------------------------------------------------------------- limits: at the limit passes, over it fails


def test_nesting_of_exactly_64_levels_is_accepted(either_loader: str) -> None:
    data = load_yaml("[" * 64 + "]" * 64, FILE).data
    depth = 0
    while isinstance(data, list):
        depth += 1
        data = data[0] if data else None
    assert depth == 64


def test_nesting_of_65_block_levels_is_refused(either_loader: str) -> None:
    text = "".join("  " * level + "k:\n" for level in range(65)) + "  " * 65 + "v\n"
    problem = only_problem(text)
    assert "nested too deeply" in problem.message
    assert problem.line == 65


def test_exactly_100_aliases_are_accepted() -> None:
    document = load_yaml("a: &a 1\nb: [" + ", ".join(["*a"] * 100) + "]\n", FILE)
    assert document.data["b"] == [1] * 100


def expansion_bomb(copies: int) -> str:
    """A root list holding a 2,000-node anchor and ``copies`` aliases to it."""
    return "- &big [" + "1," * 1999 + "]\n" + "- *big\n" * copies


def test_expanded_node_count_just_under_the_limit_is_accepted() -> None:
    document = load_yaml(expansion_bomb(98), FILE)  # 1 + 2,000 + 98 * 2,000 = 198,001 nodes
    assert len(document.data) == 99
    assert len(document.values) == 198_001


def test_expanded_node_count_over_the_limit_is_refused_at_the_alias_that_crosses_it() -> None:
    problem = only_problem(expansion_bomb(99))  # 1 + 2,000 + 99 * 2,000 = 200,001 nodes
    assert "200,000" in problem.message
    assert problem.line == 100


def test_too_many_plain_values_are_refused_without_blaming_aliases() -> None:
    problem = only_problem("[" + "1," * 200_000 + "]")
    assert "more than 200,000 values" in problem.message
    assert "alias" not in problem.hint


def test_scalar_of_exactly_10000_characters_is_accepted() -> None:
    assert len(value_of("x" * 10_000)) == 10_000


def test_long_quoted_text_counts_characters_after_unescaping() -> None:
    assert "too long" in only_problem('v: "' + "\\u00e9" * 10_001 + '"\n').message


def test_number_of_exactly_30_digits_is_accepted() -> None:
    assert value_of("9" * 30) == int("9" * 30)


def test_long_digit_string_in_quotes_is_text_not_a_number() -> None:
    assert value_of("'" + "9" * 100 + "'") == "9" * 100


def test_file_of_exactly_one_megabyte_is_accepted() -> None:
    body = b"a: 1\n"
    padding = b"#" + b"x" * 998 + b"\n"
    text = padding * ((MAX_FILE_BYTES - len(body)) // len(padding))
    text += b"#" * (MAX_FILE_BYTES - len(body) - len(text) - 1) + b"\n" + body
    assert len(text) == MAX_FILE_BYTES
    assert load_yaml(text, FILE).data == {"a": 1}


def test_file_one_byte_over_one_megabyte_is_refused() -> None:
    problem = only_problem(b"#" * MAX_FILE_BYTES + b"\n")
    assert "too large (1,048,577 bytes; the limit is 1,048,576 bytes)" in problem.message
    assert (problem.line, problem.col) == (0, 0)


def test_text_size_is_measured_in_utf8_bytes() -> None:
    text = "# " + "é" * (MAX_FILE_BYTES // 2) + "\na: 1\n"  # fewer characters than the limit, more bytes
    assert len(text) < MAX_FILE_BYTES
    assert "too large" in only_problem(text).message


# --------------------------------------------------------------------------- hostile input: refused fast, never a crash


def assert_refused_quickly(source: str, fragment: str) -> Problem:
    started = time.perf_counter()
    problem = only_problem(source)
    elapsed = time.perf_counter() - started
    assert fragment in problem.message, problem.format()
    assert problem.line >= 1 and problem.col >= 1, problem.format()
    # A loose bound: it catches a parser that runs away (minutes), not a machine that is busy (a second or two).
    assert elapsed < 5.0, f"took {elapsed:.3f}s"
    return problem


def test_thirty_thousand_open_brackets_are_refused_quickly(either_loader: str) -> None:
    problem = assert_refused_quickly("[" * 30_000, "nested too deeply")
    assert problem.line == 1


def test_thirty_thousand_bracket_lines_are_refused_at_line_65(either_loader: str) -> None:
    assert assert_refused_quickly("[\n" * 30_000, "nested too deeply").line == 65


def test_thirty_thousand_nested_flow_mappings_are_refused_quickly(either_loader: str) -> None:
    assert_refused_quickly("{a: " * 30_000, "nested too deeply")


def test_thirty_thousand_nested_block_sequences_are_refused_quickly(either_loader: str) -> None:
    assert_refused_quickly("- " * 30_000 + "x\n", "nested too deeply")


def test_billion_laughs_is_refused_quickly_before_anything_expands_it(either_loader: str) -> None:
    assert len(BILLION_LAUGHS) < 400
    problem = assert_refused_quickly(BILLION_LAUGHS, "once aliases are expanded")
    assert problem.line == 6


def test_recursive_alias_is_refused(either_loader: str) -> None:
    problem = assert_refused_quickly("a: &loop\n  b: *loop\n", "inside its own anchor '&loop'")
    assert (problem.line, problem.col) == (2, 6)


def test_huge_single_line_is_handled() -> None:
    problem = only_problem("a: " + "x" * (MAX_FILE_BYTES - 10) + "\n")
    assert "too long" in problem.message


# --------------------------------------------------------------------------- encodings and junk bytes


def test_utf16_file_is_refused_with_a_hint_to_save_as_utf8() -> None:
    problem = only_problem("a: 1\n".encode("utf-16"))
    assert "UTF-16" in problem.message
    assert "UTF-8" in problem.hint


def test_utf16_without_bom_is_refused_as_nul_characters() -> None:
    problem = only_problem("a: 1\n".encode("utf-16-le"))
    assert "U+0000" in problem.message
    assert "UTF-16" in problem.hint


def test_invalid_utf8_is_reported_at_its_line_and_column() -> None:
    problem = only_problem(b"a: 1\nb: caf\xe9\n")
    assert "not valid UTF-8 (byte 0xe9)" in problem.message
    assert (problem.line, problem.col) == (2, 7)


def test_binary_junk_is_refused() -> None:
    assert problems_of(bytes(range(256)) * 4)


ANY_INPUT_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_CHARS = "[]{}:,'\"|>#\\\t\n\r\x00\ufeffé1a-?&*!%"
YAML_PIECES = (": ", "- ", "? ", "&a ", "*a", "!!str ", "!x ", "!!int ", "!!python/object ", "%YAML 1.2\n")
YAML_LINES = ("---\n", "...\n", "  ", "0x", "1e5", ".inf", "<<: ", "key: ", "\n  - ", "\n    ")
YAMLISH = st.lists(st.sampled_from([*YAML_CHARS, *YAML_PIECES, *YAML_LINES]), max_size=60).map("".join)


def assert_loads_or_refuses(source: str | bytes) -> None:
    try:
        result = load_yaml(source, FILE)
    except ScenarioError as error:
        assert error.problems
        assert all(isinstance(p, Problem) and p.line >= 0 and p.col >= 0 for p in error.problems)
    else:
        assert isinstance(result, Document)


@ANY_INPUT_SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_a_scenario_error(source: bytes) -> None:
    assert_loads_or_refuses(source)


@ANY_INPUT_SETTINGS
@given(st.text(st.characters(exclude_categories=()), max_size=300))
def test_any_text_including_surrogates_gives_a_document_or_a_scenario_error(source: str) -> None:
    assert_loads_or_refuses(source)


@ANY_INPUT_SETTINGS
@given(YAMLISH)
def test_yaml_like_token_soup_gives_a_document_or_a_scenario_error(source: str) -> None:
    assert_loads_or_refuses(source)
    assert_loads_or_refuses(source.encode("utf-8", "surrogatepass"))


# --------------------------------------------------------------------------- load_yaml_file


def test_load_yaml_file_reads_a_scenario(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_bytes(SAMPLE.encode())
    document = load_yaml_file(target)
    assert document.data["id"] == "cambodia_us"
    assert load_yaml_file(str(target)).data == document.data


def test_load_yaml_file_reports_problems_with_the_file_path(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_yaml_file(target)
    assert caught.value.problems[0].path == str(target)
    assert str(caught.value) == f"{target}:2:1: error: duplicate key 'a' (first defined on line 1)"


def file_problem(path: str | os.PathLike[str]) -> Problem:
    with pytest.raises(ScenarioError) as caught:
        load_yaml_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (0, 0)
    assert problem.path == os.fspath(path)
    return problem


def test_missing_file_is_a_problem_at_line_zero(tmp_path: Path) -> None:
    assert file_problem(tmp_path / "nope.yaml").message == "file not found"


def test_directory_is_a_problem_at_line_zero(tmp_path: Path) -> None:
    assert "directory" in file_problem(tmp_path).message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert "not a regular file" in file_problem(pipe).message


@pytest.mark.parametrize(
    ("error", "fragment"),
    [
        pytest.param(PermissionError(13, "Permission denied"), "permission denied", id="permission"),
        pytest.param(OSError(5, "Input/output error"), "cannot be read: Input/output error", id="io-error"),
    ],
)
def test_unreadable_file_is_a_problem_at_line_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, fragment: str
) -> None:
    target = tmp_path / "locked.yaml"
    target.write_text("a: 1\n", encoding="utf-8")

    def fail_to_open(*_args: object, **_kwargs: object) -> None:
        raise error  # chmod 000 would not stop root, so simulate the refusal

    monkeypatch.setattr(yamlsafe, "open", fail_to_open, raising=False)
    assert fragment in file_problem(target).message


def test_file_name_with_nul_is_a_problem_at_line_zero() -> None:
    assert "invalid file name" in file_problem("bad\x00name.yaml").message


def test_oversized_file_is_refused_from_its_size_without_opening_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "huge.yaml"
    with target.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: 4 GiB on paper, nothing on disk

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(yamlsafe, "open", refuse, raising=False)
    assert "too large (4,294,967,296 bytes" in file_problem(target).message


def test_file_with_invalid_utf8_is_a_scenario_error(tmp_path: Path) -> None:
    target = tmp_path / "latin1.yaml"
    target.write_bytes("name: café\n".encode("latin-1"))
    with pytest.raises(ScenarioError) as caught:
        load_yaml_file(target)
    assert "not valid UTF-8" in caught.value.problems[0].message


# --------------------------------------------------------------------------- one pass: limits, syntax, data in order


def test_a_limit_before_a_syntax_error_is_reported_not_the_syntax_error(either_loader: str) -> None:
    problem = only_problem("a: &x 1\nb: &x 2\nc: [1, 2\n")
    assert (problem.line, problem.message) == (2, "anchor '&x' is already defined on line 1")


def test_a_syntax_error_before_a_limit_is_reported_not_the_limit(either_loader: str) -> None:
    problem = only_problem("a: b: c\nd: &x 1\ne: &x 2\n")
    assert problem.line == 1 and problem.message.startswith("YAML syntax error: mapping values are not allowed")


def test_a_limit_anywhere_wins_over_the_data_problems_before_it(either_loader: str) -> None:
    problem = only_problem("a: !!python/tuple [1]\nb: {k: 1, k: 2}\nc: " + "[" * 65 + "]" * 65 + "\n")
    assert (problem.line, problem.message) == (3, "the data is nested too deeply (more than 64 levels)")


def test_a_syntax_error_anywhere_wins_over_the_data_problems_before_it(either_loader: str) -> None:
    problem = only_problem("a: !!python/tuple [1]\nb: {k: 1, k: 2}\nc: [1, 2\n")
    assert problem.message.startswith("YAML syntax error")


def test_a_refused_entry_is_left_out_but_its_value_is_still_checked_against_the_limits(either_loader: str) -> None:
    assert problems_of("? [1]\n: !!python/object x\nk: 1\n") == [
        Problem(FILE, 1, 3, "a mapping or list cannot be used as a key", "keys must be plain text")
    ]
    assert "too many digits" in problems_of("? [1]\n: " + "1" * 31 + "\n")[-1].message
    assert "too many digits" in problems_of("k: 1\nk: " + "1" * 31 + "\n")[-1].message


def test_an_anchor_in_a_refused_entry_can_still_be_used_by_an_alias(either_loader: str) -> None:
    assert [p.line for p in problems_of("~: &a [x, {y: !!bad 1}]\nb: *a\n")] == [1, 1]  # the key, then the alias
    document = load_yaml("- {a: &a [x, {y: 1}]}\n- *a\n", FILE)
    assert document.data == [{"a": ["x", {"y": 1}]}, ["x", {"y": 1}]]
    assert document.values[(1, 1, "y")] == document.values[(0, "a", 1, "y")] == (1, 18)


def test_an_alias_can_be_a_key_and_has_the_anchored_key_position(either_loader: str) -> None:
    document = load_yaml("- &k name\n- {*k : 1, other: *k}\n", FILE)
    assert document.data == ["name", {"name": 1, "other": "name"}]
    assert document.keys[(1, "name")] == (1, 3)
    assert document.values[(1, "other")] == (1, 3)
    assert problems_of("- &k [1]\n- {*k : 1}\n")[0] == Problem(
        FILE, 1, 3, "a mapping or list cannot be used as a key", "keys must be plain text"
    )


def test_an_alias_repeats_the_problems_of_its_anchored_node_at_the_anchor(either_loader: str) -> None:
    found = problems_of("a: &x [!!python/name x]\nb: *x\nc: [*x]\n")
    assert [(p.line, p.col) for p in found] == [(1, 8)] * 3


def test_aliases_inside_anchors_expand_in_turn(either_loader: str) -> None:
    document = load_yaml("a: &a {x: 1}\nb: &b [*a, *a]\nc: [*b, *a]\n", FILE)
    assert document.data["c"] == [[{"x": 1}, {"x": 1}], {"x": 1}]
    assert document.values[("c", 0, 1, "x")] == (1, 11)


def test_a_nonspecific_tag_makes_text_of_a_scalar_but_not_of_a_collection(either_loader: str) -> None:
    assert load_yaml("a: ! 12\nb: ! [1]\nc: ! {d: true}\n", FILE).data == {"a": "12", "b": [1], "c": {"d": True}}


# --------------------------------------------------------------------------- speed and side effects


@pytest.mark.parametrize("enabled", [True, False], ids=["gc-enabled", "gc-disabled"])
def test_loading_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    was_enabled = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        load_yaml(SAMPLE, FILE)
        with pytest.raises(ScenarioError):
            load_yaml("a: !!python/object x\n", FILE)
        assert gc.isenabled() is enabled
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def big_scenario(target_bytes: int) -> bytes:
    """A realistic scenario-shaped file of about ``target_bytes`` bytes."""
    entries = []
    size = 0
    index = 0
    while size < target_bytes:
        entry = (
            f"  - id: action_{index}\n"
            f"    role: us\n    family: diplomacy\n"
            f'    label: {{en: "High-level visit {index}", km: "ដំណើរទស្សនកិច្ច {index}"}}\n'
            f"    description: >\n      The delegation travels to discuss trade and education; entry {index}.\n"
            f'    cost: {index % 7}\n    cooldown: 1\n    condition: "relations > 20 and turn >= 2"\n'
            f'    effects:\n      - "relations += 3"\n      - {{change: "trust += 1.5", delay: 1, duration: 2}}\n'
            f"    sources: [khmer_times, voa]\n"
        ).encode()
        if size + len(entry) > target_bytes:
            break
        entries.append(entry)
        size += len(entry)
        index += 1
    return b"format: 1\nid: big\nactions:\n" + b"".join(entries)


def test_a_one_megabyte_scenario_loads_whole() -> None:
    # How fast is measured by ``python main.py bench`` (load + validate of a generated 1 MB scenario), not here.
    source = big_scenario(MAX_FILE_BYTES - 100)
    assert len(source) > 1_000_000
    document = load_yaml(source, FILE)
    assert len(document.data["actions"]) > 1_500
    last = len(document.data["actions"]) - 1
    assert document.values[("actions", last)][0] > 10_000  # positions reach the end of the file
