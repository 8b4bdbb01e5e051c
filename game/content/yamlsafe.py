"""Safe YAML loading for modder-written scenario files.

Loading happens in four steps, each of which turns every failure into a
:class:`~game.content.problems.ScenarioError`:

1. **Decode** the bytes as UTF-8 and reject characters YAML forbids, so the
   parser only ever sees clean text.
2. **Pre-scan** the event stream (libyaml's parser is iterative, so even
   absurd nesting cannot crash it) and stop at the first violated limit:
   file size, nesting depth, alias count, expanded node count, recursive
   aliases, scalar length and number length.
3. **Compose** the node tree; the pre-scan guarantees it is small and shallow.
4. **Build** plain Python data and the line/column of every key and value
   from the nodes, resolving plain scalars with the YAML 1.2 core schema
   (``yes``/``no``/``on``/``off`` stay text, ``010`` is ten, no timestamps).
"""

from __future__ import annotations

import gc
import math
import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final, Protocol, cast

import yaml

from game.content.controls import REFUSED, describe, normalise_breaks
from game.content.problems import Problem, ScenarioError

NodePath = tuple[str | int, ...]
"""Where a value sits in the document, e.g. ``("actions", 3, "effects", 0)``; ``()`` is the root."""

Position = tuple[int, int]
"""A 1-based ``(line, column)``."""

MAX_FILE_BYTES: Final = 1_048_576
MAX_DEPTH: Final = 64
MAX_ALIASES: Final = 100
MAX_NODES: Final = 200_000
MAX_SCALAR_CHARS: Final = 10_000
MAX_NUMBER_DIGITS: Final = 30


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded YAML document: plain data plus where each part of it was written."""

    data: Any
    """dicts (keys are ``str`` or ``int``), lists, ``str``, ``int``, ``float``, ``bool`` and ``None`` only."""
    values: dict[NodePath, Position] = field(default_factory=dict)
    """Path -> (line, col) of the value node at that path; ``()`` is the root."""
    keys: dict[NodePath, Position] = field(default_factory=dict)
    """Path -> (line, col) of the key token of the mapping entry at that path."""


# --------------------------------------------------------------------------- scalar resolution (YAML 1.2 core)

_TAG_PREFIX: Final = "tag:yaml.org,2002:"
_STR: Final = _TAG_PREFIX + "str"
_INT: Final = _TAG_PREFIX + "int"
_FLOAT: Final = _TAG_PREFIX + "float"
_BOOL: Final = _TAG_PREFIX + "bool"
_NULL: Final = _TAG_PREFIX + "null"
_MAP: Final = _TAG_PREFIX + "map"
_SEQ: Final = _TAG_PREFIX + "seq"
_PLAIN: Final = "tag:common-ground.invalid,2024:plain"
"""Private tag our resolver gives untagged plain scalars, so the builder can resolve them itself."""

_NULL_RE: Final = re.compile(r"null|Null|NULL|~|")
_TRUE_RE: Final = re.compile(r"true|True|TRUE")
_FALSE_RE: Final = re.compile(r"false|False|FALSE")
_DECIMAL_RE: Final = re.compile(r"[-+]?[0-9]+")
_OCTAL_RE: Final = re.compile(r"0o[0-7]+")
_HEX_RE: Final = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_RE: Final = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NUMBER_RE: Final = re.compile("|".join(regex.pattern for regex in (_DECIMAL_RE, _OCTAL_RE, _HEX_RE, _FLOAT_RE)))
_NUMBER_START: Final = frozenset("0123456789+-.")
_INF_RE: Final = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN_RE: Final = re.compile(r"\.(nan|NaN|NAN)")


def _parse_null(text: str) -> None:
    if not _NULL_RE.fullmatch(text):
        raise ValueError("null")


def _parse_bool(text: str) -> bool:
    if _TRUE_RE.fullmatch(text):
        return True
    if _FALSE_RE.fullmatch(text):
        return False
    raise ValueError("boolean")


def _parse_int(text: str) -> int:
    if _DECIMAL_RE.fullmatch(text):
        return int(text, 10)
    if _OCTAL_RE.fullmatch(text):
        return int(text[2:], 8)
    if _HEX_RE.fullmatch(text):
        return int(text[2:], 16)
    raise ValueError("integer")


def _parse_float(text: str) -> float:
    if _FLOAT_RE.fullmatch(text):
        return float(text)
    if _INF_RE.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN_RE.fullmatch(text):
        return math.nan
    raise ValueError("number")


def _parse_explicit_float(text: str) -> float:
    """``!!float`` also accepts integer spellings such as ``0x10``."""
    try:
        return float(_parse_int(text))
    except ValueError:
        return _parse_float(text)


def _is_number(text: str) -> bool:
    """Whether a plain scalar resolves to an int or a float (special floats excluded)."""
    return bool(text) and text[0] in _NUMBER_START and _NUMBER_RE.fullmatch(text) is not None


def _digit_count(text: str) -> int:
    """Digits in a number literal: hex digits after ``0x``, decimal digits otherwise."""
    if text.startswith("0x"):
        return sum(ch in "0123456789abcdefABCDEF" for ch in text[2:])
    return sum(ch in "0123456789" for ch in text)


_PLAIN_WORDS: Final[dict[str, bool | None]] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}


def _resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar under the YAML 1.2 core schema."""
    if text in _PLAIN_WORDS:
        return _PLAIN_WORDS[text]
    if text[0] not in _NUMBER_START:  # fast path: most scalars are words
        return text
    for parse in (_parse_int, _parse_float):
        try:
            return parse(text)
        except ValueError:
            continue
    return text


_EXPLICIT_SCALARS: Final[dict[str, Callable[[str], Any]]] = {
    _STR: str,
    _INT: _parse_int,
    _FLOAT: _parse_explicit_float,
    _BOOL: _parse_bool,
    _NULL: _parse_null,
}
"""The only tags allowed on scalars, and how to read each one."""

_KIND_WORDS: Final = {_INT: "integer", _FLOAT: "number", _BOOL: "boolean (true or false)", _NULL: "null"}


def _show_tag(tag: str) -> str:
    """A tag as the author wrote it: ``tag:yaml.org,2002:python/object`` -> ``!!python/object``."""
    return "!!" + tag.removeprefix(_TAG_PREFIX) if tag.startswith(_TAG_PREFIX) else tag


def _show(text: str, limit: int = 60) -> str:
    """Scalar text quoted for a message, shortened when long."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return "'" + shown.replace("\n", "\\n") + "'"


# --------------------------------------------------------------------------- loader classes


class _NodeSource(Protocol):
    """The slice of a PyYAML loader this module uses (pure-Python and libyaml loaders both fit)."""

    def check_event(self, *choices: Any) -> bool: ...  # pragma: no cover - protocol
    def get_event(self) -> Any: ...  # pragma: no cover - protocol
    def get_single_node(self) -> yaml.Node | None: ...  # pragma: no cover - protocol
    def dispose(self) -> None: ...  # pragma: no cover - protocol


_LoaderFactory = Callable[[str], _NodeSource]


def _resolve_tag(_loader: object, kind: type[yaml.Node], _value: str | None, implicit: Any) -> str:
    """Replacement for PyYAML's YAML 1.1 resolver: mark plain scalars, leave typing to the builder."""
    if kind is yaml.ScalarNode:
        return _PLAIN if implicit[0] else _STR
    return _SEQ if kind is yaml.SequenceNode else _MAP


def _make_loader(base: type) -> _LoaderFactory:
    """A loader class on ``base`` (a parser + composer without constructors) with our resolver."""
    return cast(_LoaderFactory, type(f"_Plain{base.__name__}", (base,), {"resolve": _resolve_tag}))


_PURE_LOADER: Final = _make_loader(yaml.BaseLoader)
_C_BASE: Final[type | None] = getattr(yaml, "CBaseLoader", None) if yaml.__with_libyaml__ else None
_LOADER: _LoaderFactory = _make_loader(_C_BASE) if _C_BASE is not None else _PURE_LOADER
"""The loader in use: libyaml's C parser when available, the pure-Python one otherwise."""


# --------------------------------------------------------------------------- step 1: bytes -> clean text

_UTF16_32_BOMS: Final = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_FORBIDDEN_CHAR: Final = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Everything outside YAML's printable set (the same set libyaml's reader enforces)."""


def _fail(path: str, line: int, col: int, message: str, hint: str = "") -> ScenarioError:
    return ScenarioError([Problem(path, line, col, message, hint)])


def _too_large(path: str, size: int, *, exact: bool = True) -> ScenarioError:
    amount = f"{size:,}" if exact else f"at least {size:,}"
    return _fail(path, 0, 0, f"the file is too large ({amount} bytes; the limit is {MAX_FILE_BYTES:,} bytes)")


def _text_position(text: str, index: int) -> Position:
    """1-based line and column of character ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _decode(source: str | bytes, path: str) -> str:
    """The source as text without a byte-order mark, or a ScenarioError."""
    if isinstance(source, str):
        if len(source) > MAX_FILE_BYTES:  # every character is at least one byte: no need to encode it all
            raise _too_large(path, len(source), exact=False)
        size = len(source.encode("utf-8", "surrogatepass"))
        if size > MAX_FILE_BYTES:
            raise _too_large(path, size)
        return source.removeprefix("\ufeff")
    if len(source) > MAX_FILE_BYTES:
        raise _too_large(path, len(source))
    if source.startswith(_UTF16_32_BOMS):
        raise _fail(path, 0, 0, "the file is saved as UTF-16 or UTF-32", "save it as UTF-8")
    try:
        return source.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _bad_utf8(source, err, path) from None


def _bad_utf8(data: bytes, err: UnicodeDecodeError, path: str) -> ScenarioError:
    line_start = data.rfind(b"\n", 0, err.start) + 1
    col = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, err.start) + 1
    return _fail(
        path, line, col, f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x})", "save the file as UTF-8"
    )


def _check_characters(text: str, path: str) -> None:
    """Reject characters YAML forbids (control characters, lone surrogates) with their position."""
    bad = _FORBIDDEN_CHAR.search(text)
    if bad is None:
        return
    line, col = _text_position(text, bad.start())
    code = ord(bad.group())
    hint = "is it a binary file or saved as UTF-16? scenario files are UTF-8 text" if code == 0 else ""
    raise _fail(path, line, col, f"the file contains the character U+{code:04X}, which YAML does not allow", hint)


# --------------------------------------------------------------------------- parser errors -> problems


def _mark_position(mark: yaml.Mark | Any) -> Position:
    """1-based position of a PyYAML or libyaml mark (0, 0 when there is none)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


_TOO_DEEP: Final = f"the data is nested too deeply (more than {MAX_DEPTH} levels)"
_TOO_DEEP_HINT: Final = "check for unclosed brackets"
_TOKEN_NAME: Final = re.compile(r"'?<([a-z ]+)>'?")
_SYNTAX_HINTS: Final = (
    ("mapping values are not allowed", "a value containing ': ' must be quoted; otherwise check the indentation"),
    ("did not find expected key", "check the indentation of this line and the lines above it"),
    ("expected <block end>", "check the indentation of this line and the lines above it"),
    ("could not find expected ':'", "a key must be followed by ': ' (colon and space)"),
    ("found unexpected end of stream", "a quote or bracket was opened but never closed"),
)


def _syntax_problem(err: yaml.YAMLError, text: str, path: str) -> Problem:
    """A tidy Problem for a parser, scanner or reader error, at the position libyaml reports."""
    if isinstance(err, yaml.MarkedYAMLError):
        return _marked_problem(err, text, path)
    if isinstance(err, yaml.reader.ReaderError):
        line, col = _text_position(text, min(max(err.position, 0), len(text)))
        return Problem(path, line, col, f"unreadable character: {err.reason}")
    return Problem(path, 0, 0, f"invalid YAML: {err}")


def _marked_problem(err: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    line, col = _mark_position(err.problem_mark or err.context_mark)
    raw = err.problem or err.context or "invalid YAML"
    if "maximum nesting depth" in raw:  # libyaml's own guard (1000 levels) can fire before the pre-scan's
        return Problem(path, line, col, _TOO_DEEP, _TOO_DEEP_HINT)
    message = "YAML syntax error: " + _TOKEN_NAME.sub(r"\1", raw)
    hints = [hint for needle, hint in _SYNTAX_HINTS if needle in raw][:1]
    if _char_at(text, line, col) == "\t":
        hints = ["indent with spaces; YAML does not allow tabs here"]
    start_line, start_col = _mark_position(err.context_mark)
    if err.problem and err.context and start_line and (start_line, start_col) != (line, col):
        hints.insert(0, f"{err.context} that started at line {start_line}, column {start_col}")
    return Problem(path, line, col, message, "; ".join(hints))


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


# --------------------------------------------------------------------------- step 2: event pre-scan with limits


@dataclass(slots=True)
class _OpenCollection:
    nodes_before: int
    anchor: str | None


@dataclass
class _PreScan:
    """Walks parser events only, failing fast on the first limit a hostile file could abuse."""

    path: str
    nodes: int = 0
    aliases: int = 0
    documents: int = 0
    open: list[_OpenCollection] = field(default_factory=list)
    anchor_sizes: dict[str, int | None] = field(default_factory=dict)
    """Expanded node count of each anchored node; None while the node is still open."""
    anchor_lines: dict[str, int] = field(default_factory=dict)
    nonspecific: set[Position] = field(default_factory=set)
    """Positions of scalars tagged '!', which YAML reads as text (libyaml would resolve them like plain ones)."""

    def run(self, loader: _NodeSource) -> None:
        """Consume every event; raise ScenarioError at the first violation."""
        handlers = _PRESCAN_HANDLERS
        while loader.check_event():
            event = loader.get_event()
            handler = handlers.get(type(event))
            if handler is not None:
                handler(self, event)
        if self.documents == 0:
            raise _fail(self.path, 0, 0, "the file is empty", "it holds no YAML data, only blanks or comments")

    def _error(self, event: yaml.Event, message: str, hint: str = "") -> ScenarioError:
        line, col = _mark_position(event.start_mark)
        return _fail(self.path, line, col, message, hint)

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self._error(
                event, "the file holds more than one YAML document", "a scenario is one document; remove this '---'"
            )

    def _count(self, event: yaml.Event, amount: int) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            hint = "this looks like an alias bomb; use fewer or smaller aliases" if self.aliases else ""
            raise self._error(
                event, f"the document is too big: more than {MAX_NODES:,} values once aliases are expanded", hint
            )

    def _define_anchor(self, event: yaml.NodeEvent, size: int | None) -> None:
        name = event.anchor
        if name is None:
            return
        if name in self.anchor_sizes:
            raise self._error(event, f"anchor '&{name}' is already defined on line {self.anchor_lines[name]}")
        self.anchor_sizes[name] = size
        self.anchor_lines[name] = _mark_position(event.start_mark)[0]

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._count(event, 1)
        if len(event.value) > MAX_NUMBER_DIGITS:  # short scalars can break neither limit
            self._check_long_scalar(event)
        if event.tag == "!":
            self.nonspecific.add(_mark_position(event.start_mark))
        self._define_anchor(event, 1)

    def _check_long_scalar(self, event: yaml.ScalarEvent) -> None:
        value = event.value
        if len(value) > MAX_SCALAR_CHARS:
            raise self._error(
                event, f"this text is too long ({len(value):,} characters; the limit is {MAX_SCALAR_CHARS:,})"
            )
        plain_untagged = event.tag is None and event.implicit[0]
        if (plain_untagged and _is_number(value)) or event.tag in (_INT, _FLOAT):
            digits = _digit_count(value)
            if digits > MAX_NUMBER_DIGITS:
                raise self._error(
                    event,
                    f"this number has too many digits ({digits}; the limit is {MAX_NUMBER_DIGITS})",
                    "put it in quotes if it is meant as text",
                )

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        self._count(event, 1)
        if len(self.open) >= MAX_DEPTH:
            raise self._error(event, _TOO_DEEP, _TOO_DEEP_HINT)
        self._define_anchor(event, None)
        self.open.append(_OpenCollection(self.nodes - 1, event.anchor))

    def _close(self, _event: yaml.CollectionEndEvent) -> None:
        collection = self.open.pop()
        if collection.anchor is not None:
            self.anchor_sizes[collection.anchor] = self.nodes - collection.nodes_before

    def _alias(self, event: yaml.AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise self._error(event, f"too many aliases (more than {MAX_ALIASES})")
        name = event.anchor or ""
        if name not in self.anchor_sizes:
            raise self._error(event, f"alias '*{name}' refers to an anchor '&{name}' that is not defined above it")
        size = self.anchor_sizes[name]
        if size is None:
            raise self._error(
                event,
                f"alias '*{name}' is inside its own anchor '&{name}' (line {self.anchor_lines[name]})",
                "recursive structures are not allowed",
            )
        self._count(event, size)


_PRESCAN_HANDLERS: Final[dict[type, Callable[[_PreScan, Any], None]]] = {
    yaml.DocumentStartEvent: _PreScan._document,
    yaml.ScalarEvent: _PreScan._scalar,
    yaml.SequenceStartEvent: _PreScan._open,
    yaml.MappingStartEvent: _PreScan._open,
    yaml.SequenceEndEvent: _PreScan._close,
    yaml.MappingEndEvent: _PreScan._close,
    yaml.AliasEvent: _PreScan._alias,
}
"""Event type -> pre-scan step (a dict lookup is cheaper than an isinstance chain over 200,000 events)."""


# --------------------------------------------------------------------------- step 4: nodes -> data + positions


def _position(node: yaml.Node) -> Position:
    return _mark_position(node.start_mark)


@dataclass
class _Builder:
    """Turns a composed node tree into plain data, recording positions and collecting problems."""

    path: str
    nonspecific: set[Position] = field(default_factory=set)
    text: str = ""
    """The source, to point at the escape that wrote a control character."""
    problems: list[Problem] = field(default_factory=list)
    values: dict[NodePath, Position] = field(default_factory=dict)
    keys: dict[NodePath, Position] = field(default_factory=dict)

    def problem(self, node: yaml.Node, message: str, hint: str = "") -> None:
        """Record a problem at ``node``."""
        line, col = _position(node)
        self.problems.append(Problem(self.path, line, col, message, hint))

    def build(self, node: yaml.Node, at: NodePath) -> Any:
        """The plain value of ``node``, which sits at path ``at``."""
        self.values[at] = _position(node)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        return self._sequence(cast(yaml.SequenceNode, node), at)

    def _check_collection_tag(self, node: yaml.CollectionNode, expected: str, kind: str) -> None:
        if node.tag != expected:
            self._bad_tag(node, f"it cannot be used on a {kind}")

    def _bad_tag(self, node: yaml.Node, reason: str = "") -> None:
        allowed = node.tag in _EXPLICIT_SCALARS or node.tag in (_MAP, _SEQ)
        why = reason if allowed else "scenario files hold plain data only"
        self.problem(node, f"tag '{_show_tag(node.tag)}' is not allowed; {why}")

    def _sequence(self, node: yaml.SequenceNode, at: NodePath) -> list[Any]:
        self._check_collection_tag(node, _SEQ, "list")
        return [self.build(item, (*at, index)) for index, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, at: NodePath) -> dict[str | int, Any]:
        self._check_collection_tag(node, _MAP, "mapping")
        result: dict[str | int, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            where = (*at, key)
            if key in result:
                first_line = self.keys[where][0]
                self.problem(key_node, f"duplicate key {_show(key_node.value)} (first defined on line {first_line})")
                continue
            self.keys[where] = _position(key_node)
            result[key] = self.build(value_node, where)
        return result

    def _key(self, node: yaml.Node) -> str | int | None:
        """The key's value, or None after recording why it cannot be a key (null keys are refused)."""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "a mapping or list cannot be used as a key", "keys must be plain text")
            return None
        if node.value == "<<" and self._is_plain(node):
            self.problem(node, "merge keys (<<) are not supported", "write the entries out in full")
            return None
        before = len(self.problems)
        key = self._scalar(node)
        if len(self.problems) > before:
            return None
        if isinstance(key, bool) or not isinstance(key, str | int):
            kind = "null" if key is None else "a boolean" if isinstance(key, bool) else "a decimal number"
            self.problem(
                node, f"key {_show(node.value)} is read as {kind}; keys must be text or whole numbers", "quote it"
            )
            return None
        return key

    def _is_plain(self, node: yaml.Node) -> bool:
        """Whether ``node`` is an untagged plain scalar, to be typed by the core schema."""
        return node.tag == _PLAIN and not (self.nonspecific and _position(node) in self.nonspecific)

    def _scalar(self, node: yaml.Node) -> Any:
        value = self._typed(node)
        return self._checked_text(node, value) if isinstance(value, str) else value

    def _checked_text(self, node: yaml.Node, value: str) -> str:
        """``value`` with its line breaks normalised, after recording a problem if it holds a control character."""
        value = normalise_breaks(value)
        found = REFUSED.search(value)
        if found is not None:
            line, col = _escape_position(self.text, node, found.group()) or _position(node)
            self.problems.append(
                Problem(
                    self.path,
                    line,
                    col,
                    f"the text holds the control character {describe(found.group())}, which cannot be shown",
                    "only tabs and line breaks may be written as escapes in text; remove this escape",
                )
            )
        return value

    def _typed(self, node: yaml.Node) -> Any:
        text = str(node.value)
        if node.tag == _PLAIN:
            if not self._is_plain(node):
                return text  # tagged '!': text, whatever it looks like
            value = _resolve_plain(text)
            if isinstance(value, float) and math.isinf(value) and not _INF_RE.fullmatch(text):
                self.problem(node, f"the number {_show(text)} is out of range")
            return value
        parse = _EXPLICIT_SCALARS.get(node.tag)
        if parse is None:
            self._bad_tag(node, "it cannot be used on a single value")
            return text
        try:
            return parse(text)
        except ValueError:
            self.problem(node, f"{_show(text)} is not a valid {_KIND_WORDS[node.tag]}")
            return text


_ESCAPE: Final = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SHORT_ESCAPES: Final = {"0": "\x00", "a": "\x07", "b": "\x08", "v": "\x0b", "f": "\x0c", "r": "\r", "e": "\x1b"}


def _escape_position(text: str, node: yaml.Node, char: str) -> Position | None:
    """Where the escape that wrote ``char`` into a double-quoted scalar starts (the source holds no raw control
    characters: the reader refused them), or None when it cannot be found."""
    start, end = node.start_mark.index, node.end_mark.index
    if not 0 <= start < end <= len(text) or text[start] != '"':
        return None
    for escape in _ESCAPE.finditer(text, start, end):
        body = escape.group(1)
        code = int(body[1:], 16) if len(body) > 1 else -1
        written = _SHORT_ESCAPES.get(body, "") if code < 0 else chr(code) if code <= 0x10FFFF else ""
        if written == char:
            return _text_position(text, escape.start())
    return None


# --------------------------------------------------------------------------- step 3 and the public API


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a tree of many long-lived objects.

    Composing and building allocate tens of thousands of objects that all survive, which makes
    CPython run repeated collections over them (about half the load time of a 1 MB file). The
    tree holds no cycles, so pausing only postpones collection; the collector is re-enabled
    only if it was enabled before, so pauses nest (the scenario loader pauses around the
    whole load, YAML included).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compose(text: str, path: str) -> yaml.Node:
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:  # pragma: no cover - the pre-scan already rejects documentless files
        raise _fail(path, 0, 0, "the file is empty")
    return node


def _prescan(text: str, path: str) -> _PreScan:
    scan = _PreScan(path)
    loader = _LOADER(text)
    try:
        scan.run(loader)
    finally:
        loader.dispose()
    return scan


def load_yaml(source: str | bytes, path: str) -> Document:
    """Parse one scenario file safely.

    ``source`` is the file's bytes (decoded as UTF-8) or its text; ``path`` only
    labels the problems. Raises ScenarioError listing every problem found; limit
    violations and syntax errors stop the scan at the first one.
    """
    text = _decode(source, path)
    _check_characters(text, path)
    try:
        scan = _prescan(text, path)
        with gc_paused():
            root = _compose(text, path)
    except yaml.YAMLError as err:
        raise ScenarioError([_syntax_problem(err, text, path)]) from None
    if isinstance(root, yaml.ScalarNode) and root.tag == _PLAIN and root.value == "":
        raise _fail(path, 0, 0, "the file is empty", "it holds no YAML data, only blanks or comments")
    builder = _Builder(path, scan.nonspecific, text)
    with gc_paused():
        data = builder.build(root, ())
    if builder.problems:
        raise ScenarioError(builder.problems)
    return Document(data, builder.values, builder.keys)


def _os_problem(err: OSError, path: str) -> ScenarioError:
    if isinstance(err, FileNotFoundError):
        message = "file not found"
    elif isinstance(err, IsADirectoryError):
        message = "this is a directory, not a file"
    elif isinstance(err, PermissionError):
        message = "permission denied: the file cannot be read"
    else:
        message = f"the file cannot be read: {err.strerror or err}"
    return _fail(path, 0, 0, message)


def _read_bounded(name: str) -> bytes:
    """The file's bytes; its size is checked before reading, and never more than the limit + 1 is read."""
    info = os.stat(name)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(name)
    if not stat.S_ISREG(info.st_mode):
        raise _fail(name, 0, 0, "this is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large(name, info.st_size)
    with open(name, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    return data


def load_yaml_file(path: str | os.PathLike[str]) -> Document:
    """Read and parse a scenario file; unreadable files become a ScenarioError at line 0, column 0."""
    name = os.fspath(path)
    try:
        data = _read_bounded(name)
    except ScenarioError:
        raise
    except OSError as err:
        raise _os_problem(err, name) from None
    except ValueError as err:  # e.g. a NUL byte in the file name
        raise _fail(name, 0, 0, f"invalid file name: {err}") from None
    return load_yaml(data, name)
