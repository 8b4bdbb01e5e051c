"""Safe YAML loading for modder-written scenario files.

Loading happens in two steps, each of which turns every failure into a
:class:`~game.content.problems.ScenarioError`:

1. **Decode** the bytes as UTF-8 and reject characters YAML forbids, so the
   parser only ever sees clean text.
2. **Read** the parser's event stream once (libyaml's parser is iterative, so
   even absurd nesting cannot crash it), stopping at the first violated limit
   (file size, nesting depth, alias count, expanded node count, recursive
   aliases, scalar length and number length) and, as the events come, building
   plain Python data and the line/column of every key and value, resolving
   plain scalars with the YAML 1.2 core schema (``yes``/``no``/``on``/``off``
   stay text, ``010`` is ten, no timestamps). No node tree is composed: the
   data is what composing and then building it would give.
"""

from __future__ import annotations

import gc
import itertools
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
"""Private tag the reader gives untagged plain scalars, which it types itself with the core schema."""

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


class _EventSource(Protocol):
    """The slice of a PyYAML loader this module uses (pure-Python and libyaml loaders both fit)."""

    def get_event(self) -> Any: ...  # pragma: no cover - protocol
    def dispose(self) -> None: ...  # pragma: no cover - protocol


_LoaderFactory = Callable[[str], _EventSource]

_PURE_LOADER: Final = cast(_LoaderFactory, yaml.BaseLoader)
_C_BASE: Final[type | None] = getattr(yaml, "CBaseLoader", None) if yaml.__with_libyaml__ else None
_LOADER: _LoaderFactory = cast(_LoaderFactory, _C_BASE) if _C_BASE is not None else _PURE_LOADER
"""The loader in use: libyaml's C parser when available, the pure-Python one otherwise (only its events are read)."""


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
    if "maximum nesting depth" in raw:  # libyaml's own guard (1000 levels) can fire before ours
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


# --------------------------------------------------------------------------- step 2: one pass over the events


_KEY: Final = 0
_VALUE: Final = 1
_SKIP_VALUE: Final = 2


@dataclass(slots=True)
class _OpenCollection:
    """A collection of the event stream that has not ended yet, for the limits."""

    nodes_before: int
    anchor: str | None


@dataclass(slots=True)
class _Frame:
    """A collection being built (or skipped), for the data."""

    data: dict[str | int, Any] | list[Any] | None
    """The mapping or list being filled; None while skipping a node the data leaves out (see :class:`_Reader`)."""
    at: NodePath
    state: int = _KEY
    """For a mapping: whether the next node is a key, the value of :attr:`key`, or a value to skip."""
    key: str | int = ""


def _scalar_tag(event: yaml.ScalarEvent) -> str:
    """The scalar's tag as written, or for an untagged one (or one tagged ``!``, which libyaml marks as plain)
    our private plain tag when it is plain and ``!!str`` when it is quoted or a block."""
    tag = event.tag
    if tag is None or tag == "!":
        return _PLAIN if event.implicit[0] else _STR
    return tag


@dataclass
class _Reader:
    """Reads the parser's events once, checking the limits and building the data as they come.

    The limits are checked on every event of the stream, in order, and the first one violated stops the
    reading (as does a syntax error, raised by the parser): a hostile file is refused before anything big is
    built. The data is built as the composer and a recursive builder would build it from the node tree:

    * a mapping entry whose key cannot be a key (a collection, a merge key ``<<``, a null, a duplicate...)
      is left out, its key and value are only checked against the limits;
    * an alias stands for its anchored node: the anchored events are fed again at the alias (an alias counts
      the expanded size of its anchor, so no more than ``MAX_NODES`` values are ever built); an alias and the
      nodes it repeats have the positions of the anchored nodes;
    * a scalar tagged ``!`` is text, whatever it looks like (libyaml resolves it like a plain scalar).

    Problems that do not stop the reading (tags, keys, numbers out of range, control characters) are
    collected in event order.
    """

    path: str
    text: str = ""
    """The source, to point at the escape that wrote a control character."""
    nodes: int = 0
    aliases: int = 0
    documents: int = 0
    open: list[_OpenCollection] = field(default_factory=list)
    anchor_sizes: dict[str, int | None] = field(default_factory=dict)
    """Expanded node count of each anchored node; None while the node is still open."""
    anchor_lines: dict[str, int] = field(default_factory=dict)
    anchor_starts: dict[str, int] = field(default_factory=dict)
    """Index in :attr:`recorded` of each anchored node's first event."""
    recorded: list[Any] | None = None
    """The node events from the first anchor on (None before it), for aliases to replay."""
    problems: list[Problem] = field(default_factory=list)
    values: dict[NodePath, Position] = field(default_factory=dict)
    keys: dict[NodePath, Position] = field(default_factory=dict)
    stack: list[_Frame] = field(default_factory=list)
    root: Any = None
    root_event: Any = None

    def run(self, loader: _EventSource) -> None:
        """Consume every event; raise ScenarioError at the first violated limit."""
        handlers = _READER_HANDLERS
        scalar = yaml.ScalarEvent
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar:  # the commonest event: no lookup
                self._scalar(event)
                continue
            if kind is yaml.StreamEndEvent:
                break
            handler = handlers.get(kind)
            if handler is not None:
                handler(self, event)
        if self.documents == 0:
            raise _fail(self.path, 0, 0, "the file is empty", "it holds no YAML data, only blanks or comments")

    # -- the limits, on the events of the stream --

    def _error(self, event: yaml.Event, message: str, hint: str = "") -> ScenarioError:
        line, col = _mark_position(event.start_mark)
        return _fail(self.path, line, col, message, hint)

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self._error(
                event, "the file holds more than one YAML document", "a scenario is one document; remove this '---'"
            )

    def _too_many(self, event: yaml.Event) -> ScenarioError:
        hint = "this looks like an alias bomb; use fewer or smaller aliases" if self.aliases else ""
        return self._error(
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
        if self.recorded is None:
            self.recorded = []
        self.anchor_starts[name] = len(self.recorded)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self._too_many(event)
        if len(event.value) > MAX_NUMBER_DIGITS:  # short scalars can break neither limit
            self._check_long_scalar(event)
        if event.anchor is not None:
            self._define_anchor(event, 1)
        if self.recorded is not None:
            self.recorded.append(event)
        self._build_scalar(event)

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
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self._too_many(event)
        if len(self.open) >= MAX_DEPTH:
            raise self._error(event, _TOO_DEEP, _TOO_DEEP_HINT)
        self._define_anchor(event, None)
        self.open.append(_OpenCollection(self.nodes - 1, event.anchor))
        if self.recorded is not None:
            self.recorded.append(event)
        self._build_start(event)

    def _close(self, event: yaml.CollectionEndEvent) -> None:
        collection = self.open.pop()
        if self.recorded is not None:
            self.recorded.append(event)
        if collection.anchor is not None:
            self.anchor_sizes[collection.anchor] = self.nodes - collection.nodes_before
        self.stack.pop()

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
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise self._too_many(event)
        assert self.recorded is not None  # an anchor was defined
        self.recorded.append(event)
        self._build_alias(event)

    # -- the data, from the events of the stream and those an alias repeats --

    def _replay(self, event: Any) -> None:
        """Build from an event an alias repeats (the limits were checked when it was first read)."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._build_scalar(event)
        elif kind is yaml.AliasEvent:
            self._build_alias(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._build_start(event)
        else:
            self.stack.pop()

    def _build_alias(self, event: yaml.AliasEvent) -> None:
        if self.stack and self.stack[-1].data is None:
            return  # skipped anyway
        recorded = cast(list[Any], self.recorded)
        start = self.anchor_starts[cast(str, event.anchor)]
        first = recorded[start]
        if type(first) is yaml.ScalarEvent:
            self._replay(first)
            return
        depth = 0
        for replayed in itertools.islice(recorded, start, None):
            self._replay(replayed)
            kind = type(replayed)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
                if depth == 0:
                    return

    def _place(self, event: Any) -> NodePath | None:
        """Where the node starting with ``event`` goes, or None when it is left out (then a key was handled)."""
        if not self.stack:
            self.root_event = event
            return ()
        frame = self.stack[-1]
        data = frame.data
        if data is None:
            return None
        if type(data) is list:
            return (*frame.at, len(data))
        if frame.state == _VALUE:
            frame.state = _KEY
            return (*frame.at, frame.key)
        if frame.state == _SKIP_VALUE:
            frame.state = _KEY
            return None
        self._key(frame, event)
        return None

    def _put(self, at: NodePath, value: Any) -> None:
        """Store the value of the node at ``at`` in its collection (or as the root)."""
        if not at:
            self.root = value
            return
        data = self.stack[-1].data
        if type(data) is list:
            data.append(value)
        else:
            cast(dict[str | int, Any], data)[at[-1]] = value

    def _build_scalar(self, event: yaml.ScalarEvent) -> None:
        # _place and _put written out for the two commonest cases (a list item, a mapping's value): scalars are
        # most of the events of a big file.
        stack = self.stack
        if stack:
            frame = stack[-1]
            data: Any = frame.data
            mark: Any = event.start_mark  # always set on a parser's events
            if type(data) is list:
                self.values[(*frame.at, len(data))] = (mark.line + 1, mark.column + 1)
                data.append(self._scalar_value(event))
                return
            if data is not None and frame.state == _VALUE:
                frame.state = _KEY
                self.values[(*frame.at, frame.key)] = (mark.line + 1, mark.column + 1)
                data[frame.key] = self._scalar_value(event)
                return
        at = self._place(event)
        if at is None:
            return
        self.values[at] = _mark_position(event.start_mark)
        self._put(at, self._scalar_value(event))

    def _build_start(self, event: yaml.CollectionStartEvent) -> None:
        at = self._place(event)
        if at is None:
            self.stack.append(_Frame(None, ()))
            return
        self.values[at] = _mark_position(event.start_mark)
        mapping = type(event) is yaml.MappingStartEvent
        expected, kind = (_MAP, "mapping") if mapping else (_SEQ, "list")
        tag = event.tag
        if tag is not None and tag != "!" and tag != expected:
            self._bad_tag(event, tag, f"it cannot be used on a {kind}")
        data: dict[str | int, Any] | list[Any] = {} if mapping else []
        self._put(at, data)
        self.stack.append(_Frame(data, at))

    def problem(self, event: yaml.Event, message: str, hint: str = "") -> None:
        """Record a problem at the node ``event`` starts."""
        line, col = _mark_position(event.start_mark)
        self.problems.append(Problem(self.path, line, col, message, hint))

    def _bad_tag(self, event: yaml.Event, tag: str, reason: str = "") -> None:
        allowed = tag in _EXPLICIT_SCALARS or tag in (_MAP, _SEQ)
        why = reason if allowed else "scenario files hold plain data only"
        self.problem(event, f"tag '{_show_tag(tag)}' is not allowed; {why}")

    def _key(self, frame: _Frame, event: Any) -> None:
        """Read the key of the next entry of ``frame``'s mapping; the entry's value is left out when it is refused."""
        frame.state = _SKIP_VALUE
        key = self._key_value(event)
        if key is None:
            return
        where = (*frame.at, key)
        if key in cast(dict[str | int, Any], frame.data):
            first_line = self.keys[where][0]
            self.problem(event, f"duplicate key {_show(event.value)} (first defined on line {first_line})")
            return
        self.keys[where] = _mark_position(event.start_mark)
        frame.key = key
        frame.state = _VALUE

    def _key_value(self, event: Any) -> str | int | None:
        """The key's value, or None after recording why it cannot be a key (null keys are refused)."""
        if type(event) is not yaml.ScalarEvent:
            self.problem(event, "a mapping or list cannot be used as a key", "keys must be plain text")
            return None
        if event.value == "<<" and self._is_plain(event, _scalar_tag(event)):
            self.problem(event, "merge keys (<<) are not supported", "write the entries out in full")
            return None
        before = len(self.problems)
        key = self._scalar_value(event)
        if len(self.problems) > before:
            return None
        if isinstance(key, bool) or not isinstance(key, str | int):
            kind = "null" if key is None else "a boolean" if isinstance(key, bool) else "a decimal number"
            self.problem(
                event, f"key {_show(event.value)} is read as {kind}; keys must be text or whole numbers", "quote it"
            )
            return None
        return key

    @staticmethod
    def _is_plain(event: yaml.ScalarEvent, tag: str) -> bool:
        """Whether the scalar is untagged and plain, to be typed by the core schema (``!`` makes it text)."""
        return tag == _PLAIN and event.tag != "!"

    def _scalar_value(self, event: yaml.ScalarEvent) -> Any:
        text = event.value
        if event.tag is None and (not event.implicit[0] or (text not in _PLAIN_WORDS and text[0] not in _NUMBER_START)):
            value = text  # quoted, or plain and a word: text, as _typed would say, without asking it
        else:
            value = self._typed(event, _scalar_tag(event))
        if type(value) is str and not value.isprintable():  # printable text holds no line break to normalise
            return self._checked_text(event, value)  # nor any control character
        return value

    def _checked_text(self, event: yaml.ScalarEvent, value: str) -> str:
        """``value`` with its line breaks normalised, after recording a problem if it holds a control character."""
        value = normalise_breaks(value)
        found = REFUSED.search(value)
        if found is not None:
            line, col = _escape_position(self.text, event, found.group()) or _mark_position(event.start_mark)
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

    def _typed(self, event: yaml.ScalarEvent, tag: str) -> Any:
        text = str(event.value)
        if tag == _PLAIN:
            if event.tag == "!":
                return text  # tagged '!': text, whatever it looks like
            value = _resolve_plain(text)
            if isinstance(value, float) and math.isinf(value) and not _INF_RE.fullmatch(text):
                self.problem(event, f"the number {_show(text)} is out of range")
            return value
        parse = _EXPLICIT_SCALARS.get(tag)
        if parse is None:
            self._bad_tag(event, tag, "it cannot be used on a single value")
            return text
        try:
            return parse(text)
        except ValueError:
            self.problem(event, f"{_show(text)} is not a valid {_KIND_WORDS[tag]}")
            return text


_READER_HANDLERS: Final[dict[type, Callable[[_Reader, Any], None]]] = {
    yaml.DocumentStartEvent: _Reader._document,
    yaml.ScalarEvent: _Reader._scalar,
    yaml.SequenceStartEvent: _Reader._open,
    yaml.MappingStartEvent: _Reader._open,
    yaml.SequenceEndEvent: _Reader._close,
    yaml.MappingEndEvent: _Reader._close,
    yaml.AliasEvent: _Reader._alias,
}
"""Event type -> reading step (a dict lookup is cheaper than an isinstance chain over 200,000 events)."""


_ESCAPE: Final = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SHORT_ESCAPES: Final = {"0": "\x00", "a": "\x07", "b": "\x08", "v": "\x0b", "f": "\x0c", "r": "\r", "e": "\x1b"}


def _escape_position(text: str, event: yaml.ScalarEvent, char: str) -> Position | None:
    """Where the escape that wrote ``char`` into a double-quoted scalar starts (the source holds no raw control
    characters: the reader refused them), or None when it cannot be found."""
    if event.start_mark is None or event.end_mark is None:  # pragma: no cover - parsers mark every event
        return None
    start, end = event.start_mark.index, event.end_mark.index
    if not 0 <= start < end <= len(text) or text[start] != '"':
        return None
    for escape in _ESCAPE.finditer(text, start, end):
        body = escape.group(1)
        code = int(body[1:], 16) if len(body) > 1 else -1
        written = _SHORT_ESCAPES.get(body, "") if code < 0 else chr(code) if code <= 0x10FFFF else ""
        if written == char:
            return _text_position(text, escape.start())
    return None


# --------------------------------------------------------------------------- the public API


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a tree of many long-lived objects.

    Reading and building allocate tens of thousands of objects that all survive, which makes
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


def _read(text: str, path: str) -> _Reader:
    reader = _Reader(path, text)
    loader = _LOADER(text)
    try:
        reader.run(loader)
    finally:
        loader.dispose()
    return reader


def load_yaml(source: str | bytes, path: str) -> Document:
    """Parse one scenario file safely.

    ``source`` is the file's bytes (decoded as UTF-8) or its text; ``path`` only
    labels the problems. Raises ScenarioError listing every problem found; limit
    violations and syntax errors stop the scan at the first one.
    """
    text = _decode(source, path)
    _check_characters(text, path)
    try:
        with gc_paused():
            reader = _read(text, path)
    except yaml.YAMLError as err:
        raise ScenarioError([_syntax_problem(err, text, path)]) from None
    root = reader.root_event
    if type(root) is yaml.ScalarEvent and _scalar_tag(root) == _PLAIN and root.value == "":
        raise _fail(path, 0, 0, "the file is empty", "it holds no YAML data, only blanks or comments")
    if reader.problems:
        raise ScenarioError(reader.problems)
    return Document(reader.root, reader.values, reader.keys)


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
