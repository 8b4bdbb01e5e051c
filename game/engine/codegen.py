"""Compile a scenario's effect lists and per-turn dynamics into Python functions, once per scenario.

Effects are the engine's hottest rules. Instead of evaluating each one through ``eval`` and a generic loop, this
module writes one function per effect list (and one for all dynamics) whose body does the same work inline:
indicator names become ``basis["name"]`` look-ups, conditions become ``if`` statements, immediate effects become
clamped assignments recorded in the history; delayed or spread effects are split into portions
waiting in ``scheduled``. Expressions
reaching here were checked by the loader's whitelist and ids are plain identifiers, so the generated text holds
nothing but arithmetic on the state. Behaviour is identical to the generic path (``Game._apply_effects``), which a
test asserts over many random games.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Any

from game.engine.expr import FUNCTIONS, Expr, clamp, failure, one_line
from game.engine.scenario import Dynamic, Effect, Op
from game.engine.state import Cause, Change, RuleError, Scheduled

#: Effects waiting for later turns: due turn -> portions (``GameState.scheduled``).
Pending = dict[int, list[Scheduled]]
#: ``run(basis, values, history, errors, turn, role, text, scheduled)``: apply one list of effects.
EffectsRunner = Callable[
    [dict[str, float], dict[str, float], list[Change], list[RuleError], int, str, str, Pending], None
]
#: ``run(values, history, errors, turn, scheduled)``: apply every dynamic in file order.
DynamicsRunner = Callable[[dict[str, float], list[Change], list[RuleError], int, Pending], None]

_ERRORS = "(ArithmeticError, ValueError, TypeError)"


class _NonFinite(ArithmeticError):
    """An effect's value was infinite or not a number."""


class _Names(ast.NodeTransformer):
    """Rewrite indicator names as look-ups in the mapping ``basis``."""

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in FUNCTIONS or node.id == "turn":
            return node
        lookup = ast.Subscript(ast.Name("basis", ast.Load()), ast.Constant(node.id), ast.Load())
        return ast.copy_location(lookup, node)


def inline(expr: Expr) -> str:
    """The expression's source with indicator names turned into ``basis[...]`` look-ups."""
    tree = _Names().visit(ast.parse(one_line(expr.source).strip(), mode="eval"))
    return f"({ast.unparse(ast.fix_missing_locations(tree))})"


def _change_lines(
    amount: str, effect: Effect, low: float, high: float, cause_id: str, known: float | None = None, *, record: bool
) -> list[str]:
    """Statements applying ``amount`` to the effect's indicator now: clamp, store, record (the cause is the
    function's global ``CAUSE``; the decision was made this turn; without ``record``, the change is not written
    into the history). With ``known`` (the amount is that constant), a change that can only go up is only checked
    against the top of the range, and one that can only go down against the bottom (values always stay within
    their ranges)."""
    apply = {Op.ADD: f"b + {amount}", Op.SUB: f"b - {amount}", Op.SET: amount}[effect.op]
    rises = known is not None and effect.op is not Op.SET and (known >= 0) == (effect.op is Op.ADD)
    falls = known is not None and effect.op is not Op.SET and not rises
    clamp = [f"if a < {low!r}:", f"    a = {low!r}"] if not rises else []
    if not falls:
        clamp += [f"{'el' if clamp else ''}if a > {high!r}:", f"    a = {high!r}"]
    lines = [f"b = v[{effect.indicator!r}]", f"a = {apply}", *clamp, "if a != b:", f"    v[{effect.indicator!r}] = a"]
    if record:
        row = f"(turn, {effect.indicator!r}, b, a, CAUSE, {cause_id!r}, role, text, turn)"
        lines.append(f"    history.append(new(Change, {row}))")
    return lines


def _schedule_lines(effect: Effect, low: float, high: float, cause_id: str, *, record: bool) -> list[str]:
    """Statements splitting a delayed or spread effect into portions: the one due now applies, the rest wait
    (each remembering this turn as the turn of its decision; without ``record``, the portions carry no text)."""
    spread = effect.duration > 1 and effect.op is not Op.SET
    note = "note = text + ' (from turn ' + str(turn) + ')'" if record else "note = ''"
    lines = [f"p = d / {effect.duration}" if spread else "p = d", note]
    for offset in range(effect.delay, effect.delay + effect.duration):
        if offset == 0:
            lines += _change_lines("p", effect, low, high, cause_id, record=record)
            continue
        item = f"(turn + {offset}, {effect.indicator!r}, {effect.op.value!r}, p, CAUSE, {cause_id!r}, role, note, turn)"
        lines.append(f"scheduled.setdefault(turn + {offset}, []).append(new(Scheduled, {item}))")
    return lines


def _effect_lines(
    effects: Sequence[Effect], bounds: dict[str, tuple[float, float]], cause_id: str, *, record: bool = True
) -> list[str]:
    """Statements applying ``effects``; they read ``basis`` and write ``v``, ``history`` (only with ``record``),
    ``errors``, ``scheduled``."""
    lines: list[str] = []
    for effect in effects:
        where = repr(repr(effect.value.source))  # the message quotes the source, as the interpreter does
        low, high = bounds[effect.indicator]
        value = effect.value.constant()  # computed once, when the scenario is compiled
        if value is not None:
            if effect.delay or effect.duration > 1:
                lines += [f"d = {value!r}", *_schedule_lines(effect, low, high, cause_id, record=record)]
            else:
                lines += _change_lines(repr(value), effect, low, high, cause_id, value, record=record)
            continue
        lines += [
            "try:",
            f"    d = {inline(effect.value)} + 0.0",
            "    if d - d != 0.0:",
            "        raise NonFinite()",
            "except NonFinite:",
            f"    errors.append(RuleError(turn, {cause_id!r}, {where} + ': the result is not a finite number'))",
            f"except {_ERRORS} as exc:",
            f"    errors.append(RuleError(turn, {cause_id!r}, {where} + ': ' + failure(exc)))",
            "else:",
        ]
        if effect.delay or effect.duration > 1:
            body = _schedule_lines(effect, low, high, cause_id, record=record)
        else:
            body = _change_lines("d", effect, low, high, cause_id, record=record)
        lines += ["    " + line for line in body]
    return lines


def _build(name: str, params: str, body: list[str], cause: Cause | None = None) -> Any:
    source = f"def {name}({params}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    namespace: dict[str, Any] = {
        "__builtins__": {
            "ArithmeticError": ArithmeticError,
            "ValueError": ValueError,
            "TypeError": TypeError,
            "str": str,
            "frozenset": frozenset,
        },
        "min": min,
        "max": max,
        "abs": abs,
        "clamp": clamp,
        "failure": failure,
        "Change": Change,
        "Scheduled": Scheduled,
        "RuleError": RuleError,
        "NonFinite": _NonFinite,
        "new": tuple.__new__,
        "CAUSE": cause,
    }
    exec(compile(source, f"<scenario {name}>", "exec"), namespace)  # generated from checked expressions only
    return namespace[name]


def compile_effects(
    effects: Sequence[Effect],
    bounds: dict[str, tuple[float, float]],
    cause: Cause,
    cause_id: str,
    *,
    record: bool = True,
) -> EffectsRunner:
    """One function applying an action's, event's or choice's effects (``record=False``: the fast path, which
    writes no history and no texts; the values, errors and scheduled amounts are the same)."""
    body = _effect_lines(effects, bounds, cause_id, record=record)
    runner: EffectsRunner = _build("effects", "basis, v, history, errors, turn, role, text, scheduled", body, cause)
    return runner


def compile_dynamics(
    dynamics: Sequence[Dynamic], texts: dict[str, str], bounds: dict[str, tuple[float, float]], *, record: bool = True
) -> DynamicsRunner:
    """One function applying every dynamic in order, each reading the values as they are at that point
    (``record=False``: without history, as :func:`compile_effects`)."""
    body: list[str] = ["basis = v", "role = ''"]
    for dynamic in dynamics:
        text = [f"text = {texts[dynamic.id]!r}"] if record else []
        action = [*text, *_effect_lines(dynamic.effects, bounds, dynamic.id, record=record)]
        if dynamic.condition is None:
            body += action
            continue
        where = repr(repr(dynamic.condition.source))
        body += [
            "try:",
            f"    ok = {inline(dynamic.condition)}",
            f"except {_ERRORS} as exc:",
            f"    errors.append(RuleError(turn, {dynamic.id!r}, {where} + ': ' + failure(exc)))",
            "    ok = False",
            "if ok:",
            *("    " + line for line in action),
        ]
    runner: DynamicsRunner = _build("dynamics", "v, history, errors, turn, scheduled", body, Cause.DYNAMIC)
    return runner


#: ``failing(basis, errors, turn)``: the ids whose condition does not hold (or fails to evaluate) on ``basis``.
ConditionsRunner = Callable[[dict[str, float], list[RuleError], int], frozenset[str]]


def compile_conditions(items: Sequence[tuple[str, Expr]]) -> ConditionsRunner:
    """One function testing many named conditions at once (action preconditions, random events' conditions)."""
    body: list[str] = ["out = []"]
    for rule_id, condition in items:
        where = repr(repr(condition.source))
        body += [
            "try:",
            f"    if not {inline(condition)}:",
            f"        out.append({rule_id!r})",
            f"except {_ERRORS} as exc:",
            f"    errors.append(RuleError(turn, {rule_id!r}, {where} + ': ' + failure(exc)))",
            f"    out.append({rule_id!r})",
        ]
    body.append("return frozenset(out)")
    runner: ConditionsRunner = _build("failing", "basis, errors, turn", body)
    return runner
