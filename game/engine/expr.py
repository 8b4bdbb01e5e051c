"""Compiled expressions as the engine sees them.

The expression language is parsed, checked and compiled by ``game.content.expr``;
the engine only evaluates the result. Evaluation never raises for arithmetic
problems: a division by zero (or an overflow) is reported to the caller through
:class:`ExprError` so the game can record it with the rule's id and go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import isfinite
from types import CodeType
from typing import Any

#: Names every expression may use besides indicators.
FUNCTIONS = ("min", "max", "abs", "clamp")
#: Extra variables the engine provides to every expression.
VARIABLES = ("turn",)
#: Whitespace is insignificant in an expression: every kind becomes a space (one for one, so offsets survive), so a
#: condition spread over the lines of a YAML block reads as one line.
WHITESPACE = str.maketrans("\t\n\r\v\f", "     ")


def one_line(source: str) -> str:
    """An expression's source as Python reads it: every kind of whitespace a space."""
    return source.translate(WHITESPACE)


def clamp(value: float, low: float, high: float) -> float:
    """Return ``value`` limited to the range ``low..high``."""
    return low if value < low else high if value > high else value


def base_globals() -> dict[str, Any]:
    """A fresh globals mapping for evaluating expressions (no builtins)."""
    return {"__builtins__": {}, "min": min, "max": max, "abs": abs, "clamp": clamp, "turn": 0}


def failure(exc: BaseException) -> str:
    """What went wrong when an expression ran, in the same words whichever way it ran (Python says "float division
    by zero" or "integer division or modulo by zero" depending on the operands' types)."""
    if isinstance(exc, ZeroDivisionError):
        return "division by zero"
    return str(exc)


class ExprError(ArithmeticError):
    """An expression failed at run time (for example a division by zero)."""


@dataclass(frozen=True, slots=True, eq=False)
class Expr:
    """A checked, compiled expression: its source text, code object and the names it reads."""

    source: str
    code: CodeType = field(repr=False)
    names: frozenset[str] = frozenset()

    def evaluate(self, globals_: dict[str, Any], values: dict[str, float]) -> float:
        """Evaluate against indicator ``values``; raise :class:`ExprError` on arithmetic failure."""
        try:
            result = float(eval(self.code, globals_, values))  # code was compiled from a checked AST
        except (ZeroDivisionError, OverflowError, ValueError, TypeError) as exc:
            raise ExprError(f"{self.source!r}: {failure(exc)}") from None
        if not isfinite(result):
            raise ExprError(f"{self.source!r}: the result is not a finite number")
        return result

    def constant(self) -> float | None:
        """The value of an expression that reads no name at all (``12``, ``-2.5``, ``3 / 4``), computed once by
        whoever compiles the rules; ``None`` when it reads a name, or when it fails (the failure is then reported,
        with its rule, each time the expression runs)."""
        if self.code.co_names:
            return None
        try:
            return self.evaluate(base_globals(), {})
        except ExprError:
            return None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expr) and other.source == self.source

    def __hash__(self) -> int:
        return hash(self.source)
