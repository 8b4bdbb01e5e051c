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


def clamp(value: float, low: float, high: float) -> float:
    """Return ``value`` limited to the range ``low..high``."""
    return low if value < low else high if value > high else value


def base_globals() -> dict[str, Any]:
    """A fresh globals mapping for evaluating expressions (no builtins)."""
    return {"__builtins__": {}, "min": min, "max": max, "abs": abs, "clamp": clamp, "turn": 0}


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
            raise ExprError(f"{self.source!r}: {exc}") from None
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
