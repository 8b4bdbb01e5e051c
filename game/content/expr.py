"""The scenario expression language, checked and compiled once at load time.

An expression is a small formula over indicator ids (see "Expression" and "Effect" in the
scenario format): numbers, names, ``and or not``, comparisons, ``+ - * / %``, unary minus,
parentheses and the calls ``min``, ``max``, ``abs`` and ``clamp``. The text is parsed with
:mod:`ast`, every node is checked against a whitelist, and the checked tree is compiled into
the code object of an engine :class:`~game.engine.expr.Expr`. Anything not on the whitelist
is refused with a message aimed at scenario authors, so a scenario can never run Python code,
read files or hang the game. Hard caps on length, size, nesting and digits keep both the
checker and evaluation cheap.

Integer literals are compiled as floats: indicator values are floats anyway, and it keeps
arithmetic on huge integers (which could neither be evaluated quickly nor converted back to
a float) out of the compiled code.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import math
import re
import warnings
from collections.abc import Collection, Iterator
from keyword import iskeyword
from typing import TypeAlias

from game.engine.expr import FUNCTIONS, VARIABLES, Expr, one_line
from game.engine.scenario import Op

__all__ = [
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_LENGTH",
    "MAX_NODES",
    "ExprSyntaxError",
    "Shapes",
    "compile_effect",
    "compile_expr",
]

#: Longest expression (or effect) text accepted, in characters.
MAX_LENGTH = 500
#: Most expression nodes (values, operators, calls) in one expression.
MAX_NODES = 200
#: Deepest nesting of expression nodes.
MAX_DEPTH = 32
#: Most digits in one numeric literal.
MAX_DIGITS = 30


class ExprSyntaxError(ValueError):
    """An expression or effect text is not valid in the scenario expression language.

    ``message`` says what is wrong, ``offset`` is the 0-based character offset into the text
    where the problem is (best effort) and ``hint`` is a suggestion for the author, or ``""``.
    """

    message: str
    offset: int
    hint: str

    def __init__(self, message: str, offset: int = 0, hint: str = "") -> None:
        super().__init__(message, offset, hint)
        self.message = message
        self.offset = offset
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


# --- tables ----------------------------------------------------------------------------------

#: Allowed calls: name -> (fewest arguments, most arguments or None, example for hints).
_CALLS: dict[str, tuple[int, int | None, str]] = {
    "min": (2, None, "min(a, b)"),
    "max": (2, None, "max(a, b)"),
    "abs": (1, 1, "abs(x)"),
    "clamp": (3, 3, "clamp(value, low, high)"),
}
_CALLABLE = "only min, max, abs and clamp can be called"

_BINOPS: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Mod: "%"}
#: Refused binary operators: type -> (symbol, message, hint).
_BAD_BINOPS: dict[type[ast.operator], tuple[str, str, str]] = {
    ast.Pow: ("**", "powers are not allowed", "multiply instead, e.g. x * x"),
    ast.FloorDiv: ("//", "floor division '//' is not allowed", "use '/'"),
    ast.MatMult: ("@", "'@' is not allowed", ""),
    ast.BitAnd: ("&", "bitwise '&' is not allowed", "use 'and'"),
    ast.BitOr: ("|", "bitwise '|' is not allowed", "use 'or'"),
    ast.BitXor: ("^", "bitwise '^' is not allowed", "for a power, multiply instead, e.g. x * x"),
    ast.LShift: ("<<", "bit shifts are not allowed", ""),
    ast.RShift: (">>", "bit shifts are not allowed", ""),
}
_UNARYOPS = (ast.USub, ast.UAdd, ast.Not)
_CMPOPS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
#: Refused comparison operators: type -> (word to point at, message, hint).
_BAD_CMPOPS: dict[type[ast.cmpop], tuple[str, str, str]] = {
    ast.Is: ("is", "'is' is not allowed", "use '==' or '!='"),
    ast.IsNot: ("is", "'is not' is not allowed", "use '!='"),
    ast.In: ("in", "'in' is not allowed", "compare with '==', '<' or '>'"),
    ast.NotIn: ("not", "'not in' is not allowed", "compare with '!=', '<' or '>'"),
}
_COMPREHENSION = ("comprehensions are not allowed", "")
_FSTRING = ("f-strings are not allowed", "")
#: Refused expression nodes: type -> (message, hint). Anything else unknown is refused too.
_REFUSED: dict[type[ast.AST], tuple[str, str]] = {
    ast.Attribute: ("attribute access is not allowed", ""),
    ast.Subscript: ("indexing ('x[...]') is not allowed", ""),
    ast.Slice: ("slices are not allowed", ""),
    ast.Lambda: ("lambda is not allowed", ""),
    ast.IfExp: ("'if' expressions are not allowed", "use min, max, clamp or arithmetic on comparisons"),
    ast.NamedExpr: ("assignment ':=' is not allowed", "use '==' to compare; effects change indicators"),
    ast.ListComp: _COMPREHENSION,
    ast.SetComp: _COMPREHENSION,
    ast.DictComp: _COMPREHENSION,
    ast.GeneratorExp: _COMPREHENSION,
    ast.List: ("lists are not allowed", ""),
    ast.Tuple: ("commas are only allowed between the arguments of a call", "e.g. max(a, b)"),
    ast.Set: ("sets are not allowed", ""),
    ast.Dict: ("dictionaries are not allowed", ""),
    ast.JoinedStr: _FSTRING,
    ast.FormattedValue: _FSTRING,
    ast.Starred: ("'*' unpacking is not allowed", ""),
    ast.Await: ("'await' is not allowed", ""),
    ast.Yield: ("'yield' is not allowed", ""),
    ast.YieldFrom: ("'yield' is not allowed", ""),
}

#: Characters often pasted from word processors, with what to type instead.
_LOOKALIKES = {
    "\u2212": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00d7": "*",
    "\u00f7": "/",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
    "\u00a0": "a plain space",
    "\u2018": "no quotes",
    "\u2019": "no quotes",
    "\u201c": "no quotes",
    "\u201d": "no quotes",
}
_OTHER_RADIX = re.compile(r"0[xXoObB]")
_EFFECT = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(\+=|-=|=(?!=))")
_EFFECT_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*")
_EFFECT_BAD_OP = re.compile(r"(\*\*|//|<<|>>|[*/%@&|^])=")
_SECOND_CHANGE = re.compile(r"(?:[-+*/%]=|(?<![<>=!:])=)(?!=)|;")
_EFFECT_FORM = "expected '<indicator> += <expression>', '<indicator> -= <expression>' or '<indicator> = <expression>'"
_OPS = {"+=": Op.ADD, "-=": Op.SUB, "=": Op.SET}
#: A whole identifier that is not part of a number (``1e5``), of a longer word or of an attribute (``x.y``).
_IDENTIFIER = re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*")
#: How the shape of an expression names its n-th distinct indicator (see :data:`Shapes`).
_SLOT = "__s{}"

Shapes: TypeAlias = dict[str, Expr | None]
"""Compiled expressions by shape, shared by the expressions of one load.

A big scenario holds thousands of expressions that differ only in the indicators they read
(``ind_3 > 10 and ind_7 < 90``, ``ind_12 > 10 and ind_5 < 90``...). Their *shape* is the text with
each distinct indicator replaced by a slot (``__s0 > 10 and __s1 < 90``): it is checked and compiled
once, and each expression of that shape gets the shape's code with its own names put back. A shape is
only reused when it compiled; an expression whose shape did not (or that has no indicator to replace)
is compiled on its own, so every error is still found, with its message and offset, on the real text.
``None`` marks a shape that failed.
"""


# --- public API ------------------------------------------------------------------------------


def compile_expr(text: str | int | float, names: Collection[str], shapes: Shapes | None = None) -> Expr:
    """Check and compile an expression over the indicator ids ``names``.

    ``min``, ``max``, ``abs``, ``clamp`` and ``turn`` are always available. A plain int or
    float (a YAML number) compiles to a constant whose source is ``str(value)``. Raises
    :class:`ExprSyntaxError` for anything that is not a valid expression. ``shapes``, when given,
    shares compiled shapes between the calls that pass the same dict (see :data:`Shapes`); the
    result is the same with or without it.
    """
    if isinstance(text, bool):
        raise ExprSyntaxError("expected an expression, got a boolean", hint="quote it")
    if isinstance(text, int | float):
        if isinstance(text, float) and not math.isfinite(text):
            raise ExprSyntaxError(f"expected a finite number, got {text}")
        text = str(text)
    if not isinstance(text, str):
        raise ExprSyntaxError(
            f"expected an expression, got {_kind(text)}", hint="write the expression as a string or a number"
        )
    return _Compiler(text, frozenset(names), shapes).compile()


def compile_effect(
    text: str, names: Collection[str], targets: Collection[str] | None = None, shapes: Shapes | None = None
) -> tuple[str, Op, Expr]:
    """Check and compile an effect ``"<indicator> += <expr>"`` (or ``-=`` / ``=``).

    The expression may read ``names``; the target must be one of ``targets`` (default: ``names``), so names
    that can be read but not changed (a pair's trust) are refused as targets. Returns the indicator id, the
    :class:`~game.engine.scenario.Op` and the compiled expression, whose source is the expression part of the
    text. Raises :class:`ExprSyntaxError` (offsets relative to the whole effect text) otherwise. ``shapes``
    is as for :func:`compile_expr`.
    """
    if not isinstance(text, str):
        raise ExprSyntaxError(f"expected an effect, got {_kind(text)}", hint="write it like 'relations += 5'")
    _check_text(text, "effect")
    known = frozenset(names)
    match = _EFFECT.match(text)
    if match is None:
        raise _effect_form_error(text)
    target, symbol = match.group(1), match.group(2)
    changeable = known if targets is None else frozenset(targets)
    if target in known and target not in changeable:
        raise ExprSyntaxError(
            f"'{target}' cannot be changed by an effect", match.start(1), "only indicators can be changed"
        )
    if target not in changeable:
        raise _unknown_target(target, match.start(1), changeable)
    rest = text[match.end() :]
    second = _SECOND_CHANGE.search(rest)
    if second is not None:
        raise ExprSyntaxError(
            "an effect changes one indicator once", match.end() + second.start(), "write each change as its own effect"
        )
    start = match.end() + len(rest) - len(rest.lstrip())
    source = rest.strip()
    if not source:
        raise ExprSyntaxError(f"missing the expression after '{symbol}'", len(text), f"e.g. '{target} {symbol} 5'")
    try:
        expr = _Compiler(source, known, shapes).compile()
    except ExprSyntaxError as exc:
        raise ExprSyntaxError(exc.message, exc.offset + start, exc.hint) from None
    return target, _OPS[symbol], expr


# --- implementation --------------------------------------------------------------------------


def _kind(value: object) -> str:
    """A short author-facing name for the type of a YAML value."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _did_you_mean(word: str, candidates: Collection[str]) -> str:
    """``"did you mean 'x'?"`` for the closest candidate, or ``""``."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _check_text(text: str, what: str) -> None:
    """Checks done on the raw text before parsing: length, characters, comments, emptiness."""
    if len(text) > MAX_LENGTH:
        raise ExprSyntaxError(f"{what} is too long ({len(text)} characters, at most {MAX_LENGTH})", MAX_LENGTH)
    if not text.isascii() or not text.isprintable():
        for index, char in enumerate(text):
            if char.isascii() and (char.isprintable() or char in "\t\n\r\v\f"):
                continue
            instead = _LOOKALIKES.get(char)
            raise ExprSyntaxError(
                f"unexpected character {char!r} (U+{ord(char):04X})", index, f"use {instead}" if instead else ""
            )
    comment = text.find("#")
    if comment >= 0:
        raise ExprSyntaxError("comments ('#') are not allowed", comment)
    if not text.strip():
        raise ExprSyntaxError(f"{what} is empty")


def _effect_form_error(text: str) -> ExprSyntaxError:
    """The error for an effect that is not ``<indicator> <op> <expression>``."""
    head = _EFFECT_NAME.match(text)
    if head is None:
        return ExprSyntaxError(_EFFECT_FORM, len(text) - len(text.lstrip()))
    name, after, where = head.group(1), text[head.end() :], head.end()
    if after.startswith("=="):
        return ExprSyntaxError(_EFFECT_FORM, where, "'==' compares; use '=' to set a value")
    bad = _EFFECT_BAD_OP.match(after)
    if bad is not None:
        return ExprSyntaxError(f"'{bad.group(0)}' cannot change an indicator", where, "use '+=', '-=' or '='")
    if after.startswith(","):
        return ExprSyntaxError("an effect changes one indicator", where, "write each change as its own effect")
    if after[:1] in ("+", "-"):
        return ExprSyntaxError(_EFFECT_FORM, where, f"did you mean '{name} {after[0]}= ...'?")
    return ExprSyntaxError(_EFFECT_FORM, where)


def _unknown_target(target: str, offset: int, names: frozenset[str]) -> ExprSyntaxError:
    """The error for an effect whose target is not a declared indicator."""
    if target in VARIABLES:
        return ExprSyntaxError(f"'{target}' cannot be changed", offset, "only indicators can be changed")
    if target in FUNCTIONS:
        return ExprSyntaxError(f"'{target}' is a function, not an indicator", offset)
    return ExprSyntaxError(f"unknown indicator '{target}'", offset, _did_you_mean(target, names))


def _syntax_error(exc: SyntaxError, body: str, lead: int) -> ExprSyntaxError:
    """Translate Python's :class:`SyntaxError` on ``body`` (the text minus ``lead`` spaces)."""
    message = exc.msg or "invalid syntax"
    # The parsed text is a single ASCII line, so the 1-based column is a character offset.
    on_line = exc.lineno == 1 and exc.offset is not None and exc.offset > 0
    where = min((exc.offset or 1) - 1, len(body)) if on_line else len(body)
    hint = ""
    if message.startswith("invalid syntax. "):
        message = "invalid syntax"
    if message.startswith("leading zeros"):
        message, hint = "numbers cannot start with 0", "write 7, not 07"
    elif message.startswith("invalid") and message.endswith(" literal"):
        message, hint = "invalid number", "put a space between a number and a word"
    elif message == "invalid syntax":
        if where >= len(body.rstrip()):
            message, hint = "the expression is incomplete", ""
        elif body.startswith("=", where) and not body.startswith("==", where):
            hint = "use '==' to compare; changes belong in effects"
        elif body.startswith(";", where):
            hint = "';' is not part of the language"
        else:
            hint = "is an operator missing?"
    return ExprSyntaxError(message, lead + where, hint)


_strict_depth = 0


@contextlib.contextmanager
def syntax_warnings_as_errors() -> Iterator[None]:
    """Within it, Python's syntax warnings are errors: Python only warns about "1and 2" or "1if x else y"; here
    they are mistakes, not noise on stderr. Re-entrant and cheap when nested, so a loader can enter it once around
    thousands of expressions instead of once for each."""
    global _strict_depth
    if _strict_depth:
        _strict_depth += 1
        try:
            yield
        finally:
            _strict_depth -= 1
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error", SyntaxWarning)
        _strict_depth = 1
        try:
            yield
        finally:
            _strict_depth = 0


class _Compiler:
    """Checks one expression text against the whitelist and compiles it."""

    def __init__(self, text: str, names: frozenset[str], shapes: Shapes | None = None) -> None:
        self.text = text
        self.names = names
        self.shapes = shapes
        self.used: set[str] = set()
        self.count = 0
        self.body = ""
        self.lead = 0

    def compile(self) -> Expr:
        """Parse, check and compile ``self.text`` into an :class:`Expr`."""
        _check_text(self.text, "expression")
        if self.shapes is not None:
            shared = self._from_shape(self.shapes)
            if shared is not None:
                return shared
        spaced = one_line(self.text)
        self.body = spaced.lstrip(" ")
        self.lead = len(spaced) - len(self.body)
        with syntax_warnings_as_errors():
            try:
                tree = ast.parse(self.body, "<scenario>", "eval")
            except SyntaxError as exc:
                raise _syntax_error(exc, self.body, self.lead) from None
            except (ValueError, RecursionError, MemoryError, OverflowError):
                raise ExprSyntaxError("expression is too complex", self.lead) from None
            self._visit(tree.body, 1)
            try:
                code = compile(ast.Expression(body=tree.body), "<scenario>", "eval")
            except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
                raise ExprSyntaxError("expression is too complex", self.lead) from None
        return Expr(source=self.text, code=code, names=frozenset(self.used))

    def _from_shape(self, shapes: Shapes) -> Expr | None:
        """The expression compiled through its shape (see :data:`Shapes`), or None to compile it on its own."""
        if "__" in self.text:  # could meet a slot's spelling, or Python's own __debug__: never share those
            return None
        slots: dict[str, str] = {}

        def slot(match: re.Match[str]) -> str:
            name = match.group()
            if name not in self.names or iskeyword(name):
                return name  # functions, turn, keywords and unknown names stay as written
            return slots.setdefault(name, _SLOT.format(len(slots)))

        shape = _IDENTIFIER.sub(slot, self.text)
        if not slots:
            return None  # nothing to share: identical texts are shared by the caller's own memo
        if shape not in shapes:
            try:
                shapes[shape] = _Compiler(shape, frozenset(slots.values())).compile()
            except ExprSyntaxError:
                shapes[shape] = None
        template = shapes[shape]
        if template is None:
            return None
        # The bytecode refers to names by their index in co_names, so renaming them there is enough; only the
        # columns in the line table (used by tracebacks, which expressions never show) still count the slots.
        names = {placeholder: name for name, placeholder in slots.items()}
        code = template.code.replace(co_names=tuple(names.get(n, n) for n in template.code.co_names))
        return Expr(source=self.text, code=code, names=frozenset(names.get(n, n) for n in template.names))

    # -- helpers --

    def _error(self, message: str, node: ast.expr | ast.keyword, hint: str = "") -> ExprSyntaxError:
        return ExprSyntaxError(message, self.lead + node.col_offset, hint)

    def _at(self, message: str, symbol: str, start: int, end: int, hint: str) -> ExprSyntaxError:
        """An error pointing at ``symbol`` searched for between body offsets ``start`` and ``end``."""
        found = self.body.find(symbol, start, end)
        return ExprSyntaxError(message, self.lead + (found if found >= 0 else start), hint)

    # -- the whitelist --

    def _visit(self, node: ast.expr, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise self._error(f"expression is nested too deeply (more than {MAX_DEPTH} levels)", node, "simplify it")
        self.count += 1
        if self.count > MAX_NODES:
            raise self._error(f"expression is too big (more than {MAX_NODES} parts)", node, "simplify it")
        if isinstance(node, ast.Name):
            self._name(node)
        elif isinstance(node, ast.Constant):
            self._constant(node)
        elif isinstance(node, ast.BinOp):
            bad = _BAD_BINOPS.get(type(node.op))
            if bad is not None or type(node.op) not in _BINOPS:
                symbol, message, hint = bad or ("", f"operator {type(node.op).__name__} is not allowed", "")
                raise self._at(message, symbol, node.left.end_col_offset or 0, node.right.col_offset, hint)
            self._visit(node.left, depth + 1)
            self._visit(node.right, depth + 1)
        elif isinstance(node, ast.Compare):
            self._compare(node, depth)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self._visit(value, depth + 1)
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, _UNARYOPS):
                raise self._error("'~' is not allowed", node, "use 'not' or '-'")
            self._visit(node.operand, depth + 1)
        elif isinstance(node, ast.Call):
            self._call(node, depth)
        else:
            message, hint = _REFUSED.get(type(node), (f"'{type(node).__name__}' is not allowed", ""))
            raise self._error(message, node, hint)

    def _name(self, node: ast.Name) -> None:
        name = node.id
        if not isinstance(node.ctx, ast.Load):
            raise self._error("assignment is not allowed", node)
        if name in self.names or name in VARIABLES:
            self.used.add(name)
        elif name in _CALLS:
            raise self._error(f"'{name}' is a function", node, f"call it, e.g. {_CALLS[name][2]}")
        else:
            candidates = self.names | set(FUNCTIONS) | set(VARIABLES)
            raise self._error(f"unknown name '{name}'", node, _did_you_mean(name, candidates))

    def _constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            raise self._error(f"'{value}' is not allowed", node, "use 1 or 0, or a comparison")
        if isinstance(value, int | float):
            literal = self.body[node.col_offset : node.end_col_offset]
            if _OTHER_RADIX.match(literal):
                raise self._error("only decimal numbers are allowed", node)
            if sum(char.isdigit() for char in literal) > MAX_DIGITS:
                raise self._error(f"number has too many digits (at most {MAX_DIGITS})", node)
            if not math.isfinite(value):
                raise self._error("number is too large", node)
            node.value = float(value)  # float arithmetic only: no huge integers at run time
            return
        if isinstance(value, str | bytes):
            raise self._error("strings are not allowed", node, "indicator ids are written without quotes")
        if value is None:
            raise self._error("'None' is not allowed", node)
        if isinstance(value, complex):
            raise self._error("complex numbers are not allowed", node)
        raise self._error(f"{value!r} is not allowed", node)

    def _compare(self, node: ast.Compare, depth: int) -> None:
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            if not isinstance(op, _CMPOPS):
                word, message, hint = _BAD_CMPOPS.get(type(op), ("", f"'{type(op).__name__}' is not allowed", ""))
                raise self._at(message, word, left.end_col_offset or 0, right.col_offset, hint)
            left = right
        self._visit(node.left, depth + 1)
        for right in node.comparators:
            self._visit(right, depth + 1)

    def _call(self, node: ast.Call, depth: int) -> None:
        func = node.func
        if not isinstance(func, ast.Name):
            raise self._error(_CALLABLE, node)
        name = func.id
        if name not in _CALLS:
            if name in self.names or name in VARIABLES:
                raise self._error(f"'{name}' is not a function", node, _CALLABLE)
            raise self._error(f"unknown function '{name}'", node, _did_you_mean(name, _CALLS) or _CALLABLE)
        for keyword in node.keywords:
            if keyword.arg is None:
                raise self._error("'**' unpacking is not allowed", keyword)
            raise self._error("keyword arguments are not allowed", keyword, f"e.g. {_CALLS[name][2]}")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self._error("'*' unpacking is not allowed", arg)
        for arg in node.args:
            self._visit(arg, depth + 1)
        low, high, example = _CALLS[name]
        count = len(node.args)
        if high is None and count < low:
            raise self._error(f"{name}() needs at least {low} arguments", node, f"e.g. {example}")
        if high is not None and not low <= count <= high:
            plural = "argument" if low == 1 else "arguments"
            raise self._error(f"{name}() takes exactly {low} {plural}", node, f"e.g. {example}")
