"""Interval reasoning over the expression language: what values an expression can take, given a range for each
name it reads.

Every name (an indicator, ``turn``) is given an :class:`Interval` ``[low, high]``; :func:`interval_of` works out an
interval that holds every value the expression can have, and :func:`truth_of` says whether, read as a condition, it
is true always, never, or maybe. The reasoning is sound but not complete: "always" and "never" are certain, while
"maybe" only means that the ranges alone do not decide it.

It follows how Python evaluates the checked expression, as the engine does: a comparison is a boolean (0 or 1 when
used as a number), ``and``/``or`` give one of their operands, ``not`` a boolean, and a condition holds when its value
is not zero. A division or remainder by a range that holds zero may fail at run time, and a failing condition does
not hold; so an interval remembers whether the expression may fail, and a condition that may fail is never
"always" true. Float rounding is monotone, so computing the ends of each interval with the engine's own arithmetic
bounds every value the engine can compute.
"""

from __future__ import annotations

import ast
import enum
import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from game.engine.expr import one_line

__all__ = ["UNKNOWN", "Interval", "Truth", "interval_of", "truth_of"]


@dataclass(frozen=True, slots=True)
class Interval:
    """Every value lies in ``low..high`` (both included); ``fails``: evaluating may fail at run time."""

    low: float
    high: float
    fails: bool = False

    @staticmethod
    def point(value: float) -> Interval:
        """The interval of exactly one value."""
        return Interval(value, value)

    @property
    def unknown(self) -> bool:
        """Whether nothing is known about the value (it may even be not a number)."""
        return math.isinf(self.low) and math.isinf(self.high)

    def truth(self) -> Truth:
        """Read as a condition (true when not zero): always, never or maybe."""
        if self.unknown:
            return Truth.MAYBE
        if self.low == self.high == 0:
            return Truth.NEVER
        if (self.low > 0 or self.high < 0) and not self.fails:
            return Truth.ALWAYS
        return Truth.MAYBE

    def describe(self) -> str:
        """``0..100``, or ``5`` for a single value."""
        if self.low == self.high:
            return f"{self.low:g}"
        return f"{self.low:g}..{self.high:g}"


#: An expression about which nothing is known.
UNKNOWN = Interval(-math.inf, math.inf, fails=True)


class Truth(enum.Enum):
    """Whether a condition holds in every state, in none, or depends on the state."""

    ALWAYS = "always"
    NEVER = "never"
    MAYBE = "maybe"

    def as_interval(self) -> Interval:
        """The value of a boolean with this truth, as a number."""
        if self is Truth.ALWAYS:
            return Interval(1.0, 1.0)
        if self is Truth.NEVER:
            return Interval(0.0, 0.0)
        return Interval(0.0, 1.0)


def truth_of(source: str, names: Mapping[str, Interval]) -> Truth:
    """Whether the expression ``source``, read as a condition, holds always, never or maybe, each name it reads
    lying in its interval in ``names`` (a name missing from ``names`` is unknown)."""
    return interval_of(source, names).truth()


def interval_of(source: str, names: Mapping[str, Interval]) -> Interval:
    """An interval that holds every value of the (already checked) expression ``source``; :data:`UNKNOWN` when the
    text cannot be read."""
    tree = _parse(source)
    return UNKNOWN if tree is None else _Reasoner(names).visit(tree)


@functools.lru_cache(maxsize=4096)
def _parse(source: str) -> ast.expr | None:
    """The parsed expression (``None`` when it cannot be read); the same conditions are read many times over."""
    try:
        return ast.parse(one_line(source).strip(), "<scenario>", "eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _hull(*parts: Interval) -> Interval:
    """The smallest interval holding every part."""
    return Interval(min(p.low for p in parts), max(p.high for p in parts), any(p.fails for p in parts))


def _checked(low: float, high: float, fails: bool) -> Interval:
    """An interval from computed ends: unknown when an end is not a finite number."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return UNKNOWN
    return Interval(low, high, fails)


def _add(a: Interval, b: Interval) -> Interval:
    return _checked(a.low + b.low, a.high + b.high, a.fails or b.fails)


def _sub(a: Interval, b: Interval) -> Interval:
    return _checked(a.low - b.high, a.high - b.low, a.fails or b.fails)


def _mul(a: Interval, b: Interval) -> Interval:
    products = (a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high)
    if any(math.isnan(p) for p in products):
        return UNKNOWN
    return _checked(min(products), max(products), a.fails or b.fails)


def _div(a: Interval, b: Interval) -> Interval:
    if b.low <= 0 <= b.high:
        return UNKNOWN  # may divide by zero
    quotients = (a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high)
    return _checked(min(quotients), max(quotients), a.fails or b.fails)


def _mod(a: Interval, b: Interval) -> Interval:
    if a.unknown or b.low <= 0 <= b.high:
        return UNKNOWN
    fails = a.fails or b.fails
    if b.low > 0:  # the result takes the divisor's sign and stays within it
        if a.low >= 0 and a.high < b.low:
            return Interval(a.low, a.high, fails)
        return _checked(0.0, b.high, fails)
    return _checked(b.low, 0.0, fails)


_BINARY: dict[type[ast.operator], Callable[[Interval, Interval], Interval]] = {
    ast.Add: _add,
    ast.Sub: _sub,
    ast.Mult: _mul,
    ast.Div: _div,
    ast.Mod: _mod,
}


def _compare(op: ast.cmpop, a: Interval, b: Interval) -> Truth:
    """Whether ``a op b`` holds for every, no or some values of the two intervals."""
    if a.unknown or b.unknown:
        return Truth.MAYBE
    if isinstance(op, ast.Lt):
        return _decide(a.high < b.low, a.low >= b.high)
    if isinstance(op, ast.LtE):
        return _decide(a.high <= b.low, a.low > b.high)
    if isinstance(op, ast.Gt):
        return _decide(a.low > b.high, a.high <= b.low)
    if isinstance(op, ast.GtE):
        return _decide(a.low >= b.high, a.high < b.low)
    single = a.low == a.high == b.low == b.high
    apart = a.high < b.low or b.high < a.low
    if isinstance(op, ast.Eq):
        return _decide(single, apart)
    if isinstance(op, ast.NotEq):
        return _decide(apart, single)
    return Truth.MAYBE


def _decide(always: bool, never: bool) -> Truth:
    return Truth.ALWAYS if always else Truth.NEVER if never else Truth.MAYBE


class _Reasoner:
    """Works out the interval of each node of a checked expression."""

    def __init__(self, names: Mapping[str, Interval]) -> None:
        self.names = names

    def visit(self, node: ast.expr) -> Interval:
        """The interval of ``node``."""
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
            return Interval.point(float(node.value))
        if isinstance(node, ast.Name):
            return self.names.get(node.id, UNKNOWN)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](self.visit(node.left), self.visit(node.right))
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.Compare):
            return self._comparison(node)
        if isinstance(node, ast.BoolOp):
            return self._boolean(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self._call(node.func.id, [self.visit(arg) for arg in node.args])
        return UNKNOWN

    def _unary(self, node: ast.UnaryOp) -> Interval:
        operand = self.visit(node.operand)
        if isinstance(node.op, ast.USub):
            return _checked(-operand.high, -operand.low, operand.fails)
        if isinstance(node.op, ast.UAdd):
            return operand
        if isinstance(node.op, ast.Not):
            truth = operand.truth()
            flipped = {Truth.ALWAYS: Truth.NEVER, Truth.NEVER: Truth.ALWAYS}.get(truth, Truth.MAYBE)
            return _with_fails(flipped.as_interval(), operand.fails)
        return UNKNOWN

    def _comparison(self, node: ast.Compare) -> Interval:
        """A chain ``a < b <= c`` holds when every link does."""
        left = self.visit(node.left)
        fails = left.fails
        links: list[Truth] = []
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self.visit(comparator)
            fails = fails or right.fails
            links.append(_compare(op, left, right))
            left = right
        if Truth.NEVER in links:
            truth = Truth.NEVER
        elif all(link is Truth.ALWAYS for link in links):
            truth = Truth.ALWAYS
        else:
            truth = Truth.MAYBE
        return _with_fails(truth.as_interval(), fails)

    def _boolean(self, node: ast.BoolOp) -> Interval:
        """``a and b`` is ``a`` when ``a`` is false (zero), else ``b``; ``a or b`` is ``a`` when ``a`` is true."""
        values = [self.visit(value) for value in node.values]
        result = values[-1]
        for value in reversed(values[:-1]):
            truth = value.truth()
            if isinstance(node.op, ast.And):
                kept = Interval(0.0, 0.0, value.fails)  # the false value that stops the chain
                result = kept if truth is Truth.NEVER else _stop_or_go(truth, result, kept, value.fails)
            else:
                kept = _truthy_part(value)  # the true value that stops the chain
                result = value if truth is Truth.ALWAYS else _stop_or_go(_negate(truth), result, kept, value.fails)
        return result

    def _call(self, name: str, args: list[Interval]) -> Interval:
        if not args:
            return UNKNOWN
        fails = any(a.fails for a in args)
        if any(a.unknown for a in args):
            return UNKNOWN
        if name == "min":
            return Interval(min(a.low for a in args), min(a.high for a in args), fails)
        if name == "max":
            return Interval(max(a.low for a in args), max(a.high for a in args), fails)
        if name == "abs" and len(args) == 1:
            value = args[0]
            if value.low >= 0:
                return value
            if value.high <= 0:
                return Interval(-value.high, -value.low, fails)
            return Interval(0.0, max(-value.low, value.high), fails)
        if name == "clamp" and len(args) == 3:
            return _clamp(*args)
        return UNKNOWN


def _negate(truth: Truth) -> Truth:
    return {Truth.ALWAYS: Truth.NEVER, Truth.NEVER: Truth.ALWAYS}.get(truth, Truth.MAYBE)


def _truthy_part(value: Interval) -> Interval:
    """The values of ``value`` that are true (not zero): a zero end moves to the nearest number that is not zero."""
    tiny = math.ulp(0.0)
    if value.low == 0 and value.high > 0:
        return Interval(tiny, value.high, value.fails)
    if value.high == 0 and value.low < 0:
        return Interval(value.low, -tiny, value.fails)
    return value


def _stop_or_go(go: Truth, rest: Interval, stop: Interval, fails: bool) -> Interval:
    """The value of a short-circuit step: ``rest`` when the chain goes on (``go``), else ``stop``."""
    if go is Truth.ALWAYS:
        return _with_fails(rest, fails)
    return _with_fails(_hull(rest, stop), fails)


def _with_fails(value: Interval, fails: bool) -> Interval:
    if not fails or value.fails:
        return value
    return Interval(value.low, value.high, True)


def _clamp(value: Interval, low: Interval, high: Interval) -> Interval:
    """``clamp(v, lo, hi)`` is ``lo`` when ``v < lo``, else ``hi`` when ``v > hi``, else ``v``."""
    fails = value.fails or low.fails or high.fails
    parts: list[Interval] = []
    if value.low < low.high:
        parts.append(low)
    if value.high > high.low:
        parts.append(high)
    inside_low, inside_high = max(value.low, low.low), min(value.high, high.high)
    if inside_low <= inside_high:
        parts.append(Interval(inside_low, inside_high))
    if not parts:  # cannot happen for real numbers; stay safe
        return _hull(value, low, high)
    return _with_fails(_hull(*parts), fails)
