"""Load scenario files: safe YAML -> structure (pydantic) -> cross-references -> the engine's Scenario.

Every mistake in a file is reported in one run as a :class:`~game.content.problems.Problem`
(``path:line:col: error: message (hint)``); the public functions raise nothing but
:class:`~game.content.problems.ScenarioError`, whatever the input.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.content import models as m
from game.content.expr import ExprSyntaxError, Shapes, compile_effect, compile_expr, syntax_warnings_as_errors
from game.content.lengths_check import build_lengths, check_lengths
from game.content.lengths_models import LengthEntry
from game.content.lesson_loader import build_lesson, check_lesson
from game.content.problems import Problem, ScenarioError
from game.content.scenario_file import ScenarioFile, model_places
from game.content.tutorial_check import build_tutorial, check_tutorial
from game.content.yamlsafe import MAX_FILE_BYTES, Document, NodePath, gc_paused, load_yaml, load_yaml_file
from game.engine import scenario as engine
from game.engine.expr import FUNCTIONS, VARIABLES, Expr

__all__ = ["find_scenarios", "json_schema", "load_scenario", "load_scenario_text"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_ModelT = TypeVar("_ModelT", bound=BaseModel)
_KeyT = TypeVar("_KeyT")
_ValueT = TypeVar("_ValueT")

# --------------------------------------------------------------------------- public API


#: Names the expression language gives a meaning of its own; an indicator may not take them.
RESERVED_NAMES = frozenset((*FUNCTIONS, *VARIABLES))


def find_scenarios(directory: str | os.PathLike[str]) -> list[Path]:
    """The scenario files (``*.yaml``, ``*.yml``) directly inside ``directory``, sorted by name.

    Hidden files are skipped; a missing directory has no scenarios.
    """
    base = Path(directory)
    if not base.is_dir():
        return []
    found = (p for p in base.iterdir() if p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith("."))
    return sorted(p for p in found if p.is_file())


def json_schema() -> dict[str, Any]:
    """The JSON Schema of scenario files, generated from :mod:`game.content.models`, for editors."""
    schema = ScenarioFile.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = "Common Ground scenario"
    return schema


def load_scenario(path: str | os.PathLike[str], *, warnings: list[Problem] | None = None) -> engine.Scenario:
    """Read, check and build the scenario file at ``path``; raise :class:`ScenarioError` listing every problem.
    ``warnings``, when given, receives what the loader changed to make the file playable (see ``_Report.warn``)."""
    name = os.fspath(path)
    source = _read_regular_file(name)
    if source is None:
        load_yaml_file(name)  # raises the ScenarioError that says why the file cannot be read
        raise ScenarioError([Problem(name, 0, 0, "the file cannot be read")])
    return load_scenario_text(source, name, warnings=warnings)


def load_scenario_text(source: str | bytes, path: str, *, warnings: list[Problem] | None = None) -> engine.Scenario:
    """Check and build a scenario from the file's bytes (or text); ``path`` only labels the problems.

    Raises :class:`ScenarioError` listing every problem found, and nothing else.
    """
    try:
        with gc_paused():  # validation and expressions build many long-lived objects too: see gc_paused
            return _load(source, path, warnings)
    except ScenarioError:
        raise
    except Exception as exc:  # the contract: any input ends in a ScenarioError, never a traceback
        problem = Problem(path, 0, 0, f"internal error while loading: {exc!r}", "please report this as a bug")
        raise ScenarioError([problem]) from exc


def _read_regular_file(name: str) -> bytes | None:
    """The bytes of a regular file (at most one byte over the size limit), or None if it cannot be read."""
    try:
        if not stat.S_ISREG(os.stat(name).st_mode):
            return None
        with open(name, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError):
        return None


def _load(source: str | bytes, path: str, warnings: list[Problem] | None = None) -> engine.Scenario:
    doc = load_yaml(source, path)
    report = _Report(doc, path, source)
    model = _validate(doc.data, report)
    parts = _Parts.from_model(model) if model is not None else _Parts.salvage(doc.data)
    with syntax_warnings_as_errors():  # once for the thousands of expressions a big file may hold
        built = _Checker(report, doc.data, parts).run()
    if report.problems or model is None:
        raise ScenarioError(report.problems)
    if warnings is not None:
        warnings.extend(report.warnings)
    raw = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    return _scenario(model, built, hashlib.sha256(raw).hexdigest())


# --------------------------------------------------------------------------- positions and problems


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_TOKEN = re.compile(r"[^\s,\]}#]+")


class _Report:
    """Collects problems, turning document paths into line and column numbers."""

    def __init__(self, doc: Document, path: str, source: str | bytes) -> None:
        self.doc = doc
        self.path = path
        self._problems: dict[Problem, None] = {}  # ordered, and identical problems are reported once
        #: What the loader changed to make the file playable (a turn after the last one read as the last).
        self.warnings: list[Problem] = []
        self._source = source
        self._lines: list[str] | None = None

    def add(self, at: NodePath, message: str, hint: str = "", *, key: bool = False) -> None:
        """A problem at the value (or, with ``key``, the key) at path ``at``, or its nearest written ancestor."""
        line, col = self.position(at, key=key)
        self.add_at(line, col, message, hint)

    def warn(self, at: NodePath, message: str, hint: str = "", *, key: bool = False) -> None:
        """A warning at the value (or, with ``key``, the key) at path ``at``: the file loads, changed as the message
        says."""
        line, col = self.position(at, key=key)
        warning = Problem(self.path, line, col, message, hint, severity="warning")
        if warning not in self.warnings:
            self.warnings.append(warning)

    def add_at(self, line: int, col: int, message: str, hint: str = "") -> None:
        """A problem at an explicit position; identical problems are reported once."""
        self._problems[Problem(self.path, line, col, message, hint)] = None

    @property
    def problems(self) -> list[Problem]:
        """Every problem reported so far."""
        return list(self._problems)

    def position(self, at: NodePath, *, key: bool = False) -> tuple[int, int]:
        """Where the value (or key) at ``at`` was written; the nearest ancestor's value when it was not."""
        if key and at in self.doc.keys:
            return self.doc.keys[at]
        while at not in self.doc.values and at:
            at = at[:-1]
        return self.doc.values.get(at, (1, 1))

    def line(self, number: int) -> str:
        """The text of a 1-based source line ("" when out of range)."""
        if self._lines is None:
            source = self._source
            text = source.decode("utf-8-sig", "replace") if isinstance(source, bytes) else source
            self._lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def token(self, at: NodePath, fallback: str) -> str:
        """The unquoted word written at the value at ``at`` (for hints like "quote it, e.g. 'true'")."""
        line, col = self.position(at)
        found = _TOKEN.match(self.line(line), col - 1) if col > 0 else None
        return found.group() if found else fallback

    def comment_after_key(self, at: NodePath) -> bool:
        """Whether the line of the key at ``at`` continues with a comment right after the colon."""
        if at not in self.doc.keys:
            return False
        line, col = self.doc.keys[at]
        return re.match(r"[^:]*:\s+#", self.line(line)[col - 1 :]) is not None

    def expression(self, at: NodePath, text: str, exc: ExprSyntaxError) -> None:
        """An expression error, pointing at the character it is about when the source shows where (best effort)."""
        line, col = self.position(at)
        found = self._inside_scalar(line, col, text, max(exc.offset, 0))
        self.add_at(*(found or (line, col)), exc.message, exc.hint)

    def _inside_scalar(self, line: int, col: int, text: str, offset: int) -> tuple[int, int] | None:
        """Where character ``offset`` of a scalar's ``text`` was written, or None if the source does not say.

        Follows the scalar line by line, assuming each line break became one character of the text (a space
        when YAML folds lines, a newline in a ``|`` block). Escapes in quoted text, blank lines inside the
        scalar and the like do not match the source, and give None.
        """
        start = col - 1
        head = self.line(line)[start : start + 1]
        if head in ("|", ">"):  # a block scalar: its text starts on the next line
            line, start = line + 1, -1
        elif head in ("'", '"'):
            start += 1
        consumed = 0
        most_lines = text.count(" ") + text.count("\n") + 1
        for number in range(line, line + most_lines):
            source = self.line(number)
            if start < 0:
                start = len(source) - len(source.lstrip())
            common = _common_prefix(source[start:], text[consumed:])
            inside = offset - consumed
            if inside < 0:
                return None
            if inside < common or inside == common == len(text) - consumed:
                return number, start + inside + 1
            if common == 0 or common < len(source[start:].rstrip()):
                return None
            consumed += common + 1
            start = -1
        return None


def _common_prefix(first: str, second: str) -> int:
    """How many leading characters two strings share."""
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            return index
    return min(len(first), len(second))


def _close_match(word: object, candidates: Iterable[str]) -> str:
    """``"did you mean 'x'?"`` for the closest candidate, or ``""``."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _show(value: Any) -> str:
    """A YAML value described for a message: ``the text 'abc'``, ``the number 3``, ``an empty value``."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return "the text " + repr(shown)
    return "a list" if isinstance(value, list) else "a mapping"


#: The largest magnitude of an indicator's bounds: whole numbers are exact in floating point up to about nine
#: million billion, and a level of up to sixteen digits still fits where levels are written.
LARGEST_BOUND = 1e15
#: The narrowest range of an indicator players see: its levels are written as whole numbers.
NARROWEST_SHOWN = 1.0


def _number(value: float) -> str:
    """``3.0`` -> ``3``; other numbers as Python writes them."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _short(value: float) -> str:
    """A power of ten as people write it in a limit: ``1e15``."""
    return f"{value:.0e}".replace("e+", "e")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# --------------------------------------------------------------------------- structure: pydantic errors


def _validate(data: Any, report: _Report) -> ScenarioFile | None:
    """The validated model, or None after reporting every structural problem."""
    try:
        return ScenarioFile.model_validate(data)
    except ValidationError as exc:
        missing: dict[NodePath, list[str]] = {}
        for error in exc.errors(include_url=False):
            path, about_key = _data_path(data, error["loc"])
            if error["type"] == "missing":
                missing.setdefault(path[:-1], []).append(str(path[-1]))
            else:
                _structure_problem(report, path, about_key, error)
        for at, keys in missing.items():
            names = ", ".join(f"'{key}'" for key in keys)
            report.add(at, f"missing required key{'s' if len(keys) > 1 else ''} {names}")
        return None


def _data_path(data: Any, loc: Sequence[str | int]) -> tuple[NodePath, bool]:
    """The document path of a pydantic error location, and whether the error is about a mapping key.

    Discriminator tags are skipped; a missing key still ends the path (its position falls back to the parent).
    """
    path: list[str | int] = []
    node = data
    about_key = False
    for part in loc:
        if isinstance(part, str) and part.startswith(m.TAG_PREFIX):
            continue
        found, node = _child(node, part)
        if not found and part == "[key]":
            about_key = True
            continue
        path.append(part)
    return tuple(path), about_key


def _child(node: Any, part: str | int) -> tuple[bool, Any]:
    """Whether ``node`` (a mapping or list) has the entry ``part``, and its value (None if not)."""
    if isinstance(node, dict) and part in node:
        return True, node[part]
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return True, node[part]
    return False, None


def _label(path: NodePath) -> str:
    """How a message names a location: ``'cost'``, ``item 2 of 'effects'``, ``the file``."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "")
        return f"item {last + 1} of '{parent}'" if parent else f"item {last + 1}"
    return f"'{last}'"


#: Each format model by the keys that lead to it, list indexes left out: ``("actions", "effects") -> EffectSpec``.
_MODELS_BY_SHAPE = {tuple(name for name, _ in place): model for place, model in model_places()}

_EXPECTED = {
    "string_type": "a string",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    m.TEXT_KIND_ERROR: "text (a string, or a mapping of language codes to strings)",
    m.EXPRESSION_KIND_ERROR: "an expression such as 'relations > 50', or a number",
    m.EFFECT_KIND_ERROR: "an effect such as 'relations += 5', or a mapping with 'change', 'delay' and 'duration'",
}
_PATTERNS = {
    m.ID_PATTERN: ("an id (lowercase letters, digits and _, starting with a letter)", "id"),
    m.LANG_PATTERN: ("a language code such as en, km, fr or pt-BR", "lang"),
    m.COLOR_PATTERN: ("a colour written #rrggbb", "color"),
    m.NONBLANK_PATTERN: ("non-empty text", "blank"),
}
_RANGES = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "greater than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
}
_TEXTUAL = {"string_type", m.TEXT_KIND_ERROR}
_NUMERIC = {"int_type", "float_type"}


def _structure_problem(report: _Report, path: NodePath, about_key: bool, error: ErrorDetails) -> None:
    """Report one pydantic error in words a scenario author understands, at the right line and column."""
    if error["type"] in ("extra_forbidden", "invalid_key"):  # invalid_key: a number where a key name belongs
        report.add(path, f"unknown key '{path[-1]}'", _unknown_key_hint(path), key=True)
    else:
        message, hint = _explain(error, path, report, about_key=about_key)
        # A list that is too short or too long is named by its key: its items may start on the next line.
        report.add(path, message, hint, key=about_key or error["type"] in ("too_short", "too_long"))


def _unknown_key_hint(path: NodePath) -> str:
    shape = tuple(p for p in path[:-1] if isinstance(p, str))
    model = _MODELS_BY_SHAPE.get(shape)
    if model is None:
        return ""
    fields = list(model.model_fields)
    return _close_match(path[-1], fields) or "allowed keys: " + ", ".join(fields)


def _explain(error: ErrorDetails, path: NodePath, report: _Report, *, about_key: bool) -> tuple[str, str]:
    """The message and hint for a pydantic error other than a missing or unknown key."""
    kind, value, ctx = error["type"], error["input"], error.get("ctx", {})
    label = "the key" if about_key else _label(path)
    got = _show(value)
    if kind in _EXPECTED:
        return f"{label} must be {_EXPECTED[kind]}, not {got}", _trap_hint(kind, value, path, report)
    if kind in _RANGES:
        name, words = _RANGES[kind]
        return f"{label} must be {words} {_number(ctx[name])}, not {_number(value)}", ""
    if kind == "string_pattern_mismatch":
        return _pattern_problem(label, value, str(ctx.get("pattern", "")))
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{label} must be {ctx.get('expected')}, not {got}", _close_match(value, allowed)
    if kind in ("too_short", "too_long"):
        return _length_problem(label, kind, ctx), ""
    if kind == "finite_number":
        return f"{label} must be a finite number, not {value}", ""
    if kind == "value_error" and "error" in ctx:
        return f"{label} {ctx['error']}, not {got}", ""
    return f"{label}: {error['msg']}", ""


def _trap_hint(kind: str, value: Any, path: NodePath, report: _Report) -> str:
    """A hint for the usual YAML traps behind a type error: bare words read as numbers, empty values, ..."""
    if value is None:
        if report.comment_after_key(path):
            return "everything after ' #' is a comment, so the value is empty; quote it, e.g. '#3366aa'"
        return "the value is empty"
    if isinstance(value, bool | int | float) and kind in _TEXTUAL:
        return f"quote it, e.g. '{report.token(path, str(value).lower())}'"
    if isinstance(value, bool) and kind == m.EXPRESSION_KIND_ERROR:
        return "write a comparison such as 'turn >= 1', or a number"
    if isinstance(value, str) and kind in _NUMERIC and _looks_numeric(value):
        return "remove the quotes"
    if isinstance(value, str) and kind == "list_type":
        return f"write a list: [{value}], or one '- item' per line"
    if isinstance(value, str) and kind == "bool_type":
        return "only true and false are yes/no values"
    return ""


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _pattern_problem(label: str, value: Any, pattern: str) -> tuple[str, str]:
    what, which = _PATTERNS.get(pattern, (f"text matching {pattern}", ""))
    if which == "blank":
        return f"{label} must not be empty", ""
    hint = ""
    if which == "id" and isinstance(value, str):
        slug = re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")
        hint = f"e.g. '{slug}'" if re.fullmatch(m.ID_PATTERN, slug) else ""
    elif which == "color":
        hint = "quote it, e.g. '#3366aa'"
    return f"{label} must be {what}, not {_show(value)}", hint


def _length_problem(label: str, kind: str, ctx: dict[str, Any]) -> str:
    if kind == "too_short":
        least = int(ctx.get("min_length", 1))
        if ctx.get("field_type") == "List":
            return f"{label} needs at least {_plural(least, 'item')}"
        return f"{label} must not be empty"
    return f"{label} may have at most {_plural(int(ctx.get('max_length', 0)), 'item')}, not {ctx.get('actual_length')}"


# --------------------------------------------------------------------------- cross-references


@dataclass
class _Parts:
    """The parts of a file that are structurally valid, with their indexes in the file."""

    turns: int | None
    sources: list[tuple[int, m.Source]]
    indicators: list[tuple[int, m.Indicator]]
    families: list[tuple[int, m.Family]]
    roles: list[tuple[int, m.Role]]
    actions: list[tuple[int, m.Action]]
    events: list[tuple[int, m.Event]]
    dynamics: list[tuple[int, m.Dynamic]]
    endings: list[tuple[int, m.Ending]]
    endings_valid: bool
    negotiation: m.Negotiation | None = None  # the whole section, when it is valid
    items: list[tuple[int, m.NegotiationItem]] = field(default_factory=list)

    @classmethod
    def from_model(cls, model: ScenarioFile) -> _Parts:
        """Every part of a valid file."""
        return cls(
            model.turns,
            list(enumerate(model.sources)),
            list(enumerate(model.indicators)),
            list(enumerate(model.families)),
            list(enumerate(model.roles)),
            list(enumerate(model.actions)),
            list(enumerate(model.events)),
            list(enumerate(model.dynamics)),
            list(enumerate(model.endings)),
            endings_valid=True,
            negotiation=model.negotiation,
            items=list(enumerate(model.negotiation.items)) if model.negotiation is not None else [],
        )

    @classmethod
    def salvage(cls, data: Any) -> _Parts:
        """The valid items of a file with structural problems, so their cross-references can be checked too."""
        doc = data if isinstance(data, dict) else {}
        turns = doc.get("turns")
        valid_turns = turns if type(turns) is int and 1 <= turns <= m.MAX_TURNS else None
        endings = _valid_items(doc, "endings", m.Ending)
        raw_endings = doc.get("endings")
        endings_valid = isinstance(raw_endings, list) and len(endings) == len(raw_endings) > 0
        raw_negotiation = doc.get("negotiation")
        negotiation = None
        items: list[tuple[int, m.NegotiationItem]] = []
        if isinstance(raw_negotiation, dict):
            try:
                negotiation = m.Negotiation.model_validate(raw_negotiation)
                items = list(enumerate(negotiation.items))
            except ValidationError:
                items = _valid_items(raw_negotiation, "items", m.NegotiationItem)
        return cls(
            valid_turns,
            _valid_items(doc, "sources", m.Source),
            _valid_items(doc, "indicators", m.Indicator),
            _valid_items(doc, "families", m.Family),
            _valid_items(doc, "roles", m.Role),
            _valid_items(doc, "actions", m.Action),
            _valid_items(doc, "events", m.Event),
            _valid_items(doc, "dynamics", m.Dynamic),
            endings,
            endings_valid,
            negotiation,
            items,
        )


def _valid_items(doc: dict[Any, Any], key: str, model: type[_ModelT]) -> list[tuple[int, _ModelT]]:
    items = doc.get(key)
    if not isinstance(items, list):
        return []
    valid = []
    for index, item in enumerate(items):
        try:
            valid.append((index, model.model_validate(item)))
        except ValidationError:
            continue
    return valid


def _declared_ids(data: Any, key: str) -> frozenset[str]:
    """Every id written in the list ``key``, valid item or not, so a broken item causes no follow-on errors."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return frozenset()
    return frozenset(item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str))


_NOUNS = {
    "sources": "source",
    "indicators": "indicator",
    "families": "family",
    "roles": "role",
    "actions": "action",
    "events": "event",
    "dynamics": "dynamic",
    "endings": "ending",
}


#: What the computer players read by name (the negotiation section's keys): ``(key, kind of thing named, the warning
#: when a name left to its default names nothing in the file, saying what they go without)``.
_CONTRACT = (
    ("relations_indicator", "indicators", "no indicator '{name}': the computer players weigh proposals without "
     "relations (good relations make them readier to deal)"),
    ("pressure_family", "families", "no strategy family '{name}': the computer players count no action as pressure "
     "when they weigh proposals"),
)  # fmt: skip


@dataclass
class _Built:
    """Engine values built while checking, in file order."""

    sources: tuple[engine.Source, ...]
    indicators: tuple[engine.Indicator, ...]
    families: tuple[engine.Family, ...]
    roles: tuple[engine.Role, ...]
    actions: tuple[engine.Action, ...]
    events: tuple[engine.Event, ...]
    dynamics: tuple[engine.Dynamic, ...]
    endings: tuple[engine.Ending, ...]
    negotiation: engine.Negotiation | None


class _Checker:
    """Checks cross-references and expressions, building engine values as it goes."""

    def __init__(self, report: _Report, data: Any, parts: _Parts) -> None:
        self.report = report
        self.data = data
        self.parts = parts
        language = data.get("language") if isinstance(data, dict) else None
        self.language = language if isinstance(language, str) else "en"
        self.ids = {kind: _declared_ids(data, kind) for kind in _NOUNS}
        # Each pair's trust is readable in expressions, by a name of its own, when there is a negotiation section.
        self.has_negotiation = isinstance(data, dict) and "negotiation" in data
        self.trust_names: dict[str, list[tuple[str, str]]] = {}
        trust_is_an_indicator = _raw(data, ("negotiation", "trust", "indicator")) is not None
        if self.has_negotiation and not trust_is_an_indicator:
            roles = sorted(self.ids["roles"])
            for i, first in enumerate(roles):
                for second in roles[i + 1 :]:
                    self.trust_names.setdefault(engine.trust_name(first, second), []).append((first, second))
        self.targets = self.ids["indicators"]
        self.names = self.targets | frozenset(self.trust_names)
        # The negotiation items as written (ids, valid item or not) and the valid ones, for the agenda's references.
        self.item_ids = _declared_ids(_raw(data, ("negotiation",)), "items")
        self.items = {x.id: x for _, x in parts.items}
        self._placeholder: Expr | None = None
        # Scenarios repeat the same small effects and conditions a lot: compile each text once.
        self._exprs: dict[str | float, Expr | ExprSyntaxError] = {}
        self._effect_texts: dict[str, tuple[str, engine.Op, Expr] | ExprSyntaxError] = {}
        # ... and many more that differ only in the indicators they read: compile each shape once.
        self._shapes: Shapes = {}

    def run(self) -> _Built:
        """Report every cross-reference problem; the engine values are meaningful only if there were none."""
        for kind in _NOUNS:
            self._duplicates((kind,), self.data.get(kind) if isinstance(self.data, dict) else None, _NOUNS[kind])
        self._endings_order()
        p = self.parts
        negotiation = _raw(self.data, ("negotiation",))
        self._duplicates(("negotiation", "items"), _raw(negotiation, ("items",)), "item")
        if self.has_negotiation:
            self._trust_names()
            self._agenda()
        self._score_reference()
        check_tutorial(self.report, self.data, self.ids, self.parts.turns)
        check_lesson(self.data, self.ids, self.report)
        record_until = _raw(self.data, ("calendar", "record_until"))
        if type(record_until) is int:
            self._turn(("calendar", "record_until"), record_until, "record_until")
        events = {x.id: x for _, x in p.events}
        lengths = _valid_items(self.data, "lengths", LengthEntry) if isinstance(self.data, dict) else []
        check_lengths(lengths, p.turns, events, self.ids["roles"], error=self.report.add, warning=self.report.warn)
        built = _Built(
            sources=tuple(self._source(x) for _, x in p.sources),
            indicators=tuple(self._indicator(i, x) for i, x in p.indicators),
            families=tuple(engine.Family(x.id, self._line(x.label), self._text(x.description)) for _, x in p.families),
            roles=tuple(self._role(i, x) for i, x in p.roles),
            actions=tuple(self._action(i, x) for i, x in p.actions),
            events=tuple(self._event(i, x) for i, x in p.events),
            dynamics=tuple(self._dynamic(i, x) for i, x in p.dynamics),
            endings=tuple(self._ending(i, x) for i, x in p.endings),
            negotiation=self._negotiation(),
        )
        # Trust is always an indicator: without one named by the negotiation, each pair of roles gets its own.
        built.indicators += engine.trust_indicators(built.roles, built.negotiation)
        return built

    def _score_reference(self) -> None:
        """Each range of ``score_reference`` names a role and has ``low <= typical <= high``."""
        ranges = _raw(self.data, ("score_reference", "roles"))
        for role, bounds in ranges.items() if isinstance(ranges, dict) else ():
            at: NodePath = ("score_reference", "roles", role)
            self._ref(at, role if isinstance(role, str) else None, "roles", key=True)
            values = [bounds.get(k) if isinstance(bounds, dict) else None for k in ("low", "typical", "high")]
            numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
            if len(numbers) == 3 and not numbers[0] <= numbers[1] <= numbers[2]:
                low, typical, high = (_number(v) for v in numbers)
                self.report.add(at, f"the range of '{role}' must have low <= typical <= high, not {low}, {typical}, "
                                f"{high}")  # fmt: skip

    # -- generic checks --

    def _duplicates(self, at: NodePath, items: Any, noun: str) -> None:
        """Report ids used twice in one list, naming the line of the first use."""
        seen: dict[str, int] = {}
        for index, item in enumerate(items if isinstance(items, list) else ()):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first_line = self.report.position((*at, seen[ident], "id"))[0]
                self.report.add(
                    (*at, index, "id"), f"duplicate {noun} id '{ident}' (first defined on line {first_line})"
                )
            else:
                seen[ident] = index

    def _ref(self, at: NodePath, ident: str | None, kind: str, *, key: bool = False) -> None:
        """Report ``ident`` if no item of ``kind`` declares it."""
        if ident is None or ident in self.ids[kind]:
            return
        declared = sorted(self.ids[kind])
        hint = _close_match(ident, declared) or _declared(kind, declared)
        self.report.add(at, f"unknown {_NOUNS[kind]} '{ident}'", hint, key=key)

    def _source_refs(self, at: NodePath, refs: list[str]) -> None:
        for index, ident in enumerate(refs):
            self._ref((*at, "sources", index), ident, "sources")

    def _expr(self, at: NodePath, value: str | float) -> Expr:
        """The compiled expression; a placeholder after reporting it when it is invalid."""
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = int(value)  # the model reads YAML's 7 as 7.0; keep the source as the author wrote it
        compiled = _memo(self._exprs, value, lambda: compile_expr(value, self.names, self._shapes))
        if isinstance(compiled, ExprSyntaxError):
            self.report.expression(at, value if isinstance(value, str) else "", compiled)
            return self._invalid()
        return compiled

    def _maybe_expr(self, at: NodePath, value: str | float | None) -> Expr | None:
        return None if value is None else self._expr(at, value)

    def _invalid(self) -> Expr:
        """A stand-in for an expression that failed to compile (the scenario is refused anyway)."""
        if self._placeholder is None:
            self._placeholder = compile_expr(0, ())
        return self._placeholder

    def _effects(self, at: NodePath, effects: list[str | m.EffectSpec]) -> tuple[engine.Effect, ...]:
        built = (self._effect((*at, index), effect) for index, effect in enumerate(effects))
        return tuple(effect for effect in built if effect is not None)

    def _effect(self, at: NodePath, effect: str | m.EffectSpec) -> engine.Effect | None:
        if isinstance(effect, str):
            text, text_at, delay, duration = effect, at, 0, 1
        else:
            text, text_at, delay, duration = effect.change, (*at, "change"), effect.delay, effect.duration
        compiled = _memo(self._effect_texts, text, lambda: compile_effect(text, self.names, self.targets, self._shapes))
        if isinstance(compiled, ExprSyntaxError):
            self.report.expression(text_at, text, compiled)
            return None
        indicator, op, value = compiled
        if op is engine.Op.SET and duration > 1:
            self.report.add(
                (*at, "duration"),
                f"an '=' effect cannot be spread over {duration} turns",
                "use '+=' or '-=' to spread a change, or remove 'duration'",
            )
        return engine.Effect(indicator, op, value, delay, duration)

    def _text(self, value: str | dict[str, str] | None) -> engine.Text:
        return _text(value, self.language)

    def _line(self, value: str | dict[str, str]) -> engine.Text:
        return _line(value, self.language)

    def _maybe_text(self, value: str | dict[str, str] | None) -> engine.Text | None:
        return None if value is None else _text(value, self.language)

    def _source(self, source: m.Source) -> engine.Source:
        return engine.Source(
            source.id, source.title, source.publisher, source.url, source.date, self._text(source.note)
        )

    def _turn(self, at: NodePath, turn: int, what: str) -> int:
        """``turn``, or the last turn when it is after it: a file whose ``turns`` was lowered still plays, with a
        warning (the events meant for later turns happen in the last one)."""
        turns = self.parts.turns
        if turns is None or turn <= turns:
            return turn
        self.report.warn(at, f"{what} {turn} is after the last turn: read as {turns}",
                         f"the scenario has {_plural(turns, 'turn')}; to offer a shorter game of a longer scenario, "
                         "add a 'lengths' entry instead")  # fmt: skip
        return turns

    # -- one function per kind of item --

    def _indicator(self, index: int, ind: m.Indicator) -> engine.Indicator:
        at = ("indicators", index)
        if ind.id in RESERVED_NAMES:
            self.report.add(
                (*at, "id"),
                f"'{ind.id}' is a reserved name in expressions and cannot be an indicator id",
                f"rename it, e.g. '{ind.id}_level'",
            )
        elif ind.id in self.trust_names:
            first, second = self.trust_names[ind.id][0]
            self.report.add(
                (*at, "id"),
                f"'{ind.id}' is the name of the trust between '{first}' and '{second}' and cannot be an indicator id",
                "rename it",
            )
        if ind.max <= ind.min:
            self.report.add((*at, "max"), f"max ({_number(ind.max)}) must be greater than min ({_number(ind.min)})")
        elif self._range_shown(at, ind):
            pass
        elif not ind.min <= ind.initial <= ind.max:
            self.report.add(
                (*at, "initial"),
                f"initial value {_number(ind.initial)} is outside the range {_number(ind.min)}..{_number(ind.max)}",
            )
        self._source_refs(at, ind.sources)
        return engine.Indicator(
            ind.id, self._line(ind.label), self._text(ind.description), ind.min, ind.max, ind.initial, ind.good,
            tuple(ind.sources), ind.hidden,
        )  # fmt: skip

    def _range_shown(self, at: NodePath, ind: m.Indicator) -> bool:
        """Whether an indicator's range is beyond what the game can show (reported): a bound past
        :data:`LARGEST_BOUND`, or a range a player sees that is narrower than :data:`NARROWEST_SHOWN`."""
        for key, bound in (("min", ind.min), ("max", ind.max)):
            if abs(bound) > LARGEST_BOUND:
                self.report.add(
                    (*at, key),
                    f"{key} ({_number(bound)}) is beyond what the game can show: an indicator's range must stay "
                    f"within -{_short(LARGEST_BOUND)}..{_short(LARGEST_BOUND)}, as levels are written out as whole "
                    "numbers and drawn on charts",
                    "measure in larger units, e.g. billions instead of units",
                )
                return True
        if not ind.hidden and ind.max - ind.min < NARROWEST_SHOWN:
            self.report.add(
                (*at, "max"),
                f"the range {_number(ind.min)}..{_number(ind.max)} is narrower than {_number(NARROWEST_SHOWN)}: "
                "levels are shown as whole numbers, so players would read the same level whatever happens",
                "measure in smaller units, e.g. per thousand instead of a share, or mark it hidden",
            )
            return True
        return False

    def _trust_names(self) -> None:
        """Negotiation needs two roles, and every pair's trust needs a name of its own."""
        at = ("negotiation",)
        if len(self.ids["roles"]) < 2:
            self.report.add(
                at, "negotiation needs at least 2 roles", "trust and proposals are between two roles", key=True
            )
        for name, pairs in self.trust_names.items():
            if len(pairs) > 1:
                shown = " and ".join(f"'{a}'/'{b}'" for a, b in pairs)
                self.report.add(
                    at, f"the role pairs {shown} would both read their trust as '{name}'", "rename a role", key=True
                )

    def _computer_contract(self, section: m.Negotiation) -> None:
        """The names the computer players read: each one declared names something in the file; a name left to its
        default that the file does not have is warned about, with what the computer players go without."""
        for key, kind, loses in _CONTRACT:
            name = getattr(section, key)
            if key in section.model_fields_set:
                self._ref(("negotiation", key), name, kind)
            elif name not in self.ids[kind]:
                hint = f"name the one to read with `{key}: <id>` in the negotiation section, or write `{key}: null`"
                self.report.warn(("negotiation",), loses.format(name=name), hint, key=True)

    def _negotiation(self) -> engine.Negotiation | None:
        """The negotiation section, its items' cross-references checked."""
        section = self.parts.negotiation
        items = tuple(self._item(i, x) for i, x in self.parts.items)
        if section is None:
            return None
        at = ("negotiation",)
        self._computer_contract(section)
        self._ref((*at, "break_event"), section.break_event, "events")
        bound = section.trust.indicator
        if bound is not None:
            self._ref((*at, "trust", "indicator"), bound, "indicators")
            if len(self.ids["roles"]) != 2:
                self.report.add(
                    (*at, "trust", "indicator"),
                    f"one trust indicator needs exactly 2 roles, and this scenario has {len(self.ids['roles'])}",
                    "remove `indicator`: each pair of roles then has its own trust, trust_<a>_<b>",
                )
            if "initial" in section.trust.model_fields_set:
                self.report.add(
                    (*at, "trust", "initial"),
                    f"trust starts at the initial value of the indicator '{bound}'",
                    "remove `initial` here, or set it on the indicator",
                    key=True,
                )
        return engine.Negotiation(
            items=items,
            trust_initial=section.trust.initial,
            trust_kept=section.trust.kept,
            trust_broken=section.trust.broken,
            break_effects=self._effects((*at, "break_effects"), section.break_effects),
            break_event=section.break_event,
            threshold=section.threshold,
            trust_indicator=bound,
            min_gain=section.min_gain,
        )

    def _agenda(self) -> None:
        """Each item that starts off the table has an event or an answer that opens it, and each later form follows
        an item of the same giver, with no circle of items following each other."""
        opened = {i for _, e in self.parts.events for i in e.opens}
        opened |= {i for _, e in self.parts.events for c in e.choices or () for i in c.opens}
        for index, item in self.parts.items:
            at = ("negotiation", "items", index)
            if not item.on_table and item.id not in opened:
                self.report.add((*at, "on_table"), f"item '{item.id}' starts off the table and no event or answer "
                                "opens it, so it can never be proposed",
                                "list it in an event's or a choice's `opens`, or remove `on_table: false`")  # fmt: skip
            if item.follows is None:
                continue
            earlier = self.items.get(item.follows)
            if item.follows == item.id:
                self.report.add((*at, "follows"), f"item '{item.id}' cannot follow itself")
            elif item.follows not in self.item_ids:
                declared = sorted(self.item_ids)
                hint = _close_match(item.follows, declared) or _declared("items", declared)
                self.report.add((*at, "follows"), f"unknown negotiation item '{item.follows}'", hint)
            elif earlier is not None and earlier.giver != item.giver:
                self.report.add((*at, "follows"), f"item '{item.id}' (given by '{item.giver}') cannot be a later form "
                                f"of '{earlier.id}' (given by '{earlier.giver}')",
                                "a later form has the same giver; to put an item on the table after a deal, let an "
                                "event open it")  # fmt: skip
            else:
                seen: list[str] = [item.id]
                step: str | None = item.follows
                while step is not None and step not in seen and step in self.items:
                    seen.append(step)
                    step = self.items[step].follows
                if step == item.id:
                    circle = " -> ".join(f"'{i}'" for i in [*seen, item.id])
                    self.report.add((*at, "follows"), f"items follow each other in a circle ({circle}), so none "
                                    "of them can come onto the table")  # fmt: skip

    def _item(self, index: int, item: m.NegotiationItem) -> engine.Item:
        at = ("negotiation", "items", index)
        self._ref((*at, "giver"), item.giver, "roles")
        for role in item.value:
            self._ref((*at, "value", role), role, "roles", key=True)
        self._source_refs(at, item.sources)
        return engine.Item(
            id=item.id,
            giver=item.giver,
            label=self._line(item.label),
            description=self._text(item.description),
            effects=self._effects((*at, "effects"), item.effects),
            turns=item.turns,
            condition=self._maybe_expr((*at, "condition"), item.condition),
            value=dict(item.value),
            sources=tuple(item.sources),
            on_table=item.on_table,
            follows=item.follows,
            contested=self._maybe_text(item.contested),
            condition_reason=self._condition_reason(at, item.condition, item.condition_reason, "item"),
            repeatable=item.repeatable,
        )

    def _role(self, index: int, role: m.Role) -> engine.Role:
        at = ("roles", index)
        capital_max = role.capital if role.capital_max is None else role.capital_max
        if capital_max < role.capital:
            self.report.add(
                (*at, "capital_max"),
                f"capital_max ({capital_max}) must be at least capital ({role.capital})",
                "unspent capital carries over up to capital_max",
            )
        for family in role.personality:
            self._ref((*at, "personality", family), family, "families", key=True)
        return engine.Role(
            role.id, self._line(role.name), self._text(role.brief), self._text(role.objectives),
            self._expr((*at, "score"), role.score), role.capital, capital_max, dict(role.personality),
            role.color,
        )  # fmt: skip

    def _action(self, index: int, action: m.Action) -> engine.Action:
        at = ("actions", index)
        self._ref((*at, "role"), action.role, "roles")
        self._ref((*at, "family"), action.family, "families")
        self._ref((*at, "target"), action.target, "roles")
        self._source_refs(at, action.sources)
        return engine.Action(
            id=action.id,
            role=action.role,
            family=action.family,
            label=self._line(action.label),
            description=self._text(action.description),
            cost=action.cost,
            effects=self._effects((*at, "effects"), action.effects),
            cooldown=action.cooldown,
            condition=self._maybe_expr((*at, "condition"), action.condition),
            target=action.target,
            sources=tuple(action.sources),
            contested=self._maybe_text(action.contested),
            condition_reason=self._condition_reason(at, action.condition, action.condition_reason, "action"),
        )

    def _condition_reason(
        self, at: tuple[str | int, ...], condition: object, reason: str | dict[str, str] | None, what: str
    ) -> engine.Text | None:
        """A readable reason beside a condition, refused (at its key) when there is no condition to explain."""
        if reason is not None and condition is None:
            self.report.add(
                (*at, "condition_reason"), f"'condition_reason' explains a condition, but this {what} has no "
                "'condition'", key=True,
            )  # fmt: skip
        return None if reason is None else self._line(reason)

    def _event(self, index: int, event: m.Event) -> engine.Event:
        at = ("events", index)
        self._ref((*at, "role"), event.role, "roles")
        self._source_refs(at, event.sources)
        choices = event.choices or []
        if choices and event.role is None:
            self.report.add((*at, "choices"), "an event with choices needs a 'role': the role that answers", key=True)
        self._duplicates((*at, "choices"), _raw(self.data, (*at, "choices")), "choice")
        at_turn = None if event.at_turn is None else self._turn((*at, "at_turn"), event.at_turn, "at_turn")
        first, last = event.window if event.window is not None else (1, None)
        if last is not None:
            first, last = self._window((*at, "window"), first, last)
        self._opens(at, event.opens)
        return engine.Event(
            id=event.id,
            title=self._line(event.title),
            text=self._text(event.text),
            opens=tuple(event.opens),
            effects=self._effects((*at, "effects"), event.effects),
            choices=tuple(self._choice((*at, "choices", i), choice) for i, choice in enumerate(choices)),
            role=event.role,
            condition=self._maybe_expr((*at, "condition"), event.condition),
            first_turn=first,
            last_turn=last,
            at_turn=at_turn,
            weight=event.weight,
            cooldown=event.cooldown,
            once=event.once,
            sources=tuple(event.sources),
        )

    def _window(self, at: NodePath, first: int, last: int) -> tuple[int, int]:
        """The window, its turns after the last one read as the last (with a warning)."""
        if first > last:
            self.report.add(at, f"window [{first}, {last}] ends before it starts", "write [first_turn, last_turn]")
            return first, last
        if first > (self.parts.turns or first):
            self._turn((*at, 0), first, "window start")
        return min(first, self.parts.turns or first), self._turn((*at, 1), last, "window end")

    def _choice(self, at: NodePath, choice: m.Choice) -> engine.Choice:
        self._opens(at, choice.opens)
        return engine.Choice(
            choice.id, self._line(choice.label), self._text(choice.description),
            self._effects((*at, "effects"), choice.effects), tuple(choice.opens), self._maybe_text(choice.contested),
        )  # fmt: skip

    def _opens(self, at: NodePath, opens: list[str]) -> None:
        """Each item an event or an answer opens exists and starts off the table."""
        for index, ident in enumerate(opens):
            where = (*at, "opens", index)
            if not self.has_negotiation:
                self.report.add(where, f"there is no negotiation section, so there is no item '{ident}' to open")
            elif ident not in self.item_ids:
                declared = sorted(self.item_ids)
                hint = _close_match(ident, declared) or _declared("items", declared)
                self.report.add(where, f"unknown negotiation item '{ident}'", hint)
            elif ident in self.items and self.items[ident].on_table:
                self.report.add(where, f"item '{ident}' is on the table from the start, so opening it changes nothing",
                                "give the item `on_table: false`")  # fmt: skip

    def _dynamic(self, index: int, dynamic: m.Dynamic) -> engine.Dynamic:
        at = ("dynamics", index)
        return engine.Dynamic(
            dynamic.id, self._text(dynamic.description), self._effects((*at, "effects"), dynamic.effects),
            self._maybe_expr((*at, "condition"), dynamic.condition), self._maybe_text(dynamic.contested),
        )  # fmt: skip

    def _ending(self, index: int, ending: m.Ending) -> engine.Ending:
        at = ("endings", index)
        if ending.early and ending.condition is None:
            self.report.add((*at, "early"), "an early ending needs a condition", "otherwise the game ends at once")
        return engine.Ending(
            ending.id, self._line(ending.title), self._text(ending.text),
            self._maybe_expr((*at, "condition"), ending.condition), ending.early,
        )  # fmt: skip

    def _endings_order(self) -> None:
        """The non-early endings are tried best first; the last is the fallback and the only one without condition."""
        if not self.parts.endings_valid:
            return
        final = [(i, e) for i, e in self.parts.endings if not e.early]
        if not final:
            self.report.add(
                ("endings",),
                "at least one ending must have early: false",
                "the last one is the fallback ending",
                key=True,
            )
            return
        *others, (last_index, last) = final
        if last.condition is not None:
            self.report.add(
                ("endings", last_index, "condition"),
                f"the last ending with early: false ('{last.id}') must have no condition",
                "it is the fallback when no other ending applies",
            )
        for index, ending in others:
            if ending.condition is None:
                self.report.add(
                    ("endings", index, "id"),
                    f"ending '{ending.id}' has no condition, so the endings after it can never be reached",
                    "only the last ending with early: false may have no condition",
                )


def _memo(
    cache: dict[_KeyT, _ValueT | ExprSyntaxError], key: _KeyT, compile_: Callable[[], _ValueT]
) -> _ValueT | ExprSyntaxError:
    """``compile_()``, or the error it raised, computed once per ``key``."""
    if key not in cache:
        try:
            cache[key] = compile_()
        except ExprSyntaxError as exc:
            cache[key] = exc
    return cache[key]


def _declared(kind: str, ids: list[str], shown: int = 8) -> str:
    """``declared roles: a, b`` (the first few of a long list), or ``no roles are declared``."""
    if not ids:
        return f"no {kind} are declared"
    more = f", ... ({len(ids)} in all)" if len(ids) > shown else ""
    return f"declared {kind}: {', '.join(ids[:shown])}{more}"


def _raw(data: Any, at: NodePath) -> Any:
    """The raw value at a document path, or None."""
    for part in at:
        data = _child(data, part)[1]
    return data


# --------------------------------------------------------------------------- the engine Scenario


def _scenario(model: ScenarioFile, built: _Built, fingerprint: str) -> engine.Scenario:
    """The engine's Scenario from a valid file and the values built while checking it."""
    calendar = model.calendar
    return engine.Scenario(
        id=model.id,
        title=_line(model.title, model.language),
        description=_text(model.description, model.language),
        turns=model.turns,
        indicators=built.indicators,
        roles=built.roles,
        families=built.families,
        actions=built.actions,
        events=built.events,
        dynamics=built.dynamics,
        endings=built.endings,
        sources=built.sources,
        calendar=engine.Calendar(
            calendar.start_year,
            calendar.start_month,
            calendar.months_per_turn,
            None if calendar.record_until is None else min(calendar.record_until, model.turns),
        ),
        events_per_turn=model.events_per_turn,
        quiet_weight=model.quiet_weight,
        fingerprint=fingerprint,
        negotiation=built.negotiation,
        score_reference=_score_reference(model.score_reference),
        tutorial=build_tutorial(model.tutorial, model.language),
        lesson=build_lesson(model.lesson, model.language),
        lengths=build_lengths(model.lengths, model.turns, lambda text: _line(text, model.language), _score_reference),
        **_contract(model.negotiation),
    )


def _contract(negotiation: m.Negotiation | None) -> dict[str, str | None]:
    """The engine Scenario's names of what the computer players read: the declared ones, else the defaults."""
    section = negotiation if negotiation is not None else m.Negotiation.model_construct()
    return {key: getattr(section, key) for key, _, _ in _CONTRACT}


def _score_reference(model: m.ScoreReference | None) -> engine.ScoreReference | None:
    """The engine's ScoreReference of a valid file's ``score_reference`` (None when it has none)."""
    if model is None:
        return None
    ranges = {role: engine.ScoreRange(r.low, r.typical, r.high) for role, r in model.roles.items()}
    return engine.ScoreReference(model.policy, model.games, ranges, model.budget)


def _text(value: str | dict[str, str] | None, language: str) -> engine.Text:
    """A Text as the engine stores it: a plain string is in the file's ``language``; absent is empty."""
    if value is None:
        return {}
    return {language: value} if isinstance(value, str) else dict(value)


_LINE_BREAKS = re.compile("[ \t]*[\t\n\u2028\u2029][\t\n\u2028\u2029 ]*")


def _line(value: str | dict[str, str], language: str) -> engine.Text:
    """A Text shown on one line (a name, a label, a title): a tab or a line break in it (a ``|`` block's last one,
    say) becomes one space, and the ends are trimmed."""
    return {lang: _LINE_BREAKS.sub(" ", text).strip() for lang, text in _text(value, language).items()}
