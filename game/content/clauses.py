"""A condition split into the clauses it joins at its top level (``a and b and c``, ``a or b``), so a modder can see
which part of an ending's condition fails.

The split follows the expression language's own parse tree (the same :mod:`ast` parse that
:mod:`game.content.expr` checks): only the outermost ``and`` or ``or`` is split, and each clause is compiled again
as an expression of its own. ``a and b or c`` joins ``a and b`` and ``c`` with ``or``; a condition without a top
level ``and``/``or`` is one clause.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from game.content.expr import ExprSyntaxError, compile_expr
from game.engine.expr import Expr, one_line

__all__ = ["Clauses", "split_clauses"]


@dataclass(frozen=True, slots=True)
class Clauses:
    """A condition's top-level clauses, joined by ``joiner`` (``"and"``, ``"or"``, or ``""`` for a single one)."""

    joiner: str
    parts: tuple[Expr, ...]


def split_clauses(condition: Expr) -> Clauses:
    """``condition``'s top-level clauses, each a compiled expression over the names the condition reads. A text the
    expression language would not accept (it never reaches here from a loaded scenario) stays one clause."""
    body = one_line(condition.source).strip(" ")
    try:
        tree = ast.parse(body, "<scenario>", "eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Clauses("", (condition,))
    if not isinstance(tree, ast.BoolOp):
        return Clauses("", (condition,))
    joiner = "and" if isinstance(tree.op, ast.And) else "or"
    parts: list[Expr] = []
    for node in tree.values:
        text = ast.get_source_segment(body, node)
        if text is None:  # pragma: no cover - a parse of one line always has the segments
            return Clauses("", (condition,))
        try:
            parts.append(compile_expr(_without_outer_parentheses(text), condition.names))
        except ExprSyntaxError:  # pragma: no cover - a part of a checked condition is a checked expression
            return Clauses("", (condition,))
    return Clauses(joiner, tuple(parts))


def _without_outer_parentheses(text: str) -> str:
    """``text`` without parentheses around the whole of it (``(a or b)`` reads ``a or b`` as a clause's name)."""
    stripped = text.strip()
    while stripped.startswith("(") and stripped.endswith(")") and _balanced(stripped[1:-1]):
        stripped = stripped[1:-1].strip()
    return stripped


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0
