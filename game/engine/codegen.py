"""Compile a scenario's effect lists, per-turn dynamics, conditions and endings into Python functions, once per
scenario.

Effects are the engine's hottest rules. Instead of evaluating each one through ``eval`` and a generic loop, this
module writes one function per effect list (and one for all dynamics) whose body does the same work inline:
indicator names become ``basis["name"]`` look-ups (or locals, read once, where a function reads an indicator more
than once), conditions become ``if`` statements, immediate effects become clamped assignments recorded in the
history; delayed or spread effects are split into portions waiting in ``scheduled``. Numbers are floats, as the
loader compiles them for the interpreter. Expressions reaching here were checked by the loader's whitelist and ids
are plain identifiers, so the generated text holds nothing but arithmetic on the state. Behaviour is identical to
the generic path (``Game._apply_effects``), which a test asserts over many random games.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from game.engine.expr import FUNCTIONS, Expr, clamp, failure, one_line
from game.engine.scenario import Dynamic, Effect, Op
from game.engine.state import Cause, Change, RuleError, Scheduled, Termination

#: Effects waiting for later turns: due turn -> portions (``GameState.scheduled``).
Pending = dict[int, list[Scheduled]]
#: ``run(basis, values, history, errors, turn, role, text, scheduled)``: apply one list of effects.
EffectsRunner = Callable[
    [dict[str, float], dict[str, float], list[Change], list[RuleError], int, str, str, Pending], None
]
#: ``run(values, history, errors, turn, scheduled)``: apply every dynamic in file order.
DynamicsRunner = Callable[[dict[str, float], list[Change], list[RuleError], int, Pending], None]
#: ``failing(basis, errors, turn)``: the ids whose condition does not hold (or fails to evaluate) on ``basis``.
ConditionsRunner = Callable[[dict[str, float], list[RuleError], int], frozenset[str]]
#: ``ending(basis, errors, turn, final)``: the ending reached on ``basis`` (see :func:`compile_endings`).
EndingsRunner = Callable[[dict[str, float], list[RuleError], int, bool], tuple[str, Termination] | None]

_ERRORS = "(ArithmeticError, ValueError, TypeError)"
#: The most conditions one ``failing`` function numbers with the bits of one small integer.
_MASK_BITS = 60
#: The most sets of failing ids one ``failing`` function keeps for the next calls.
_MASK_CACHE = 4096


class _NonFinite(ArithmeticError):
    """An effect's value was infinite or not a number."""


class _Names(ast.NodeTransformer):
    """Rewrite indicator names as look-ups in the mapping ``basis`` (or as the locals in ``cached``), and numbers
    as floats (as the loader compiles them)."""

    def __init__(self, cached: Mapping[str, str]) -> None:
        self.cached = cached

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in FUNCTIONS or node.id == "turn":
            return node
        if node.id in self.cached:
            return ast.copy_location(ast.Name(self.cached[node.id], ast.Load()), node)
        lookup = ast.Subscript(ast.Name("basis", ast.Load()), ast.Constant(node.id), ast.Load())
        return ast.copy_location(lookup, node)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return ast.copy_location(ast.Constant(float(node.value)), node)
        return node


def _tree(expr: Expr) -> ast.Expression:
    return ast.parse(one_line(expr.source).strip(), mode="eval")


def inline(expr: Expr, cached: Mapping[str, str] | None = None) -> str:
    """The expression's source with indicator names turned into ``basis[...]`` look-ups, or into the locals
    ``cached`` names, and integers into floats."""
    tree = _Names(cached or {}).visit(_tree(expr))
    return f"({ast.unparse(ast.fix_missing_locations(tree))})"


def reads(expr: Expr) -> list[str]:
    """The indicators the expression reads, once for each time it names them."""
    names = (node.id for node in ast.walk(_tree(expr)) if isinstance(node, ast.Name))
    return [name for name in names if name not in FUNCTIONS and name != "turn"]


def _cache(counts: Counter[str], source: str, known: Iterable[str] = ()) -> tuple[dict[str, str], list[str]]:
    """The locals for the indicators read more than once (``v_`` and the id) and the statements reading them from
    ``source``; those in ``known`` already have theirs."""
    cached = {name: f"v_{name}" for name, count in counts.items() if count > 1 and name not in known}
    return cached, [f"{local} = {source}[{name!r}]" for name, local in cached.items()]


def _change_lines(
    amount: str,
    effect: Effect,
    low: float,
    high: float,
    cause_id: str,
    known: float | None = None,
    *,
    record: bool,
    cached: str | None = None,
) -> list[str]:
    """Statements applying ``amount`` to the effect's indicator now: clamp, store, record (the cause is the
    function's global ``CAUSE``; the decision was made this turn; without ``record``, the change is not written
    into the history). With ``known`` (the amount is that constant), a change that can only go up is only checked
    against the top of the range, one that can only go down against the bottom (values always stay within their
    ranges), and a constant set is clamped here. ``cached``: the local holding the indicator's value, kept in
    step."""
    before = cached or "b"
    lines = [] if cached else [f"b = v[{effect.indicator!r}]"]
    if effect.op is Op.SET and known is not None:
        after = repr(clamp(known, low, high))
    else:
        after = "a"
        apply = {Op.ADD: f"{before} + {amount}", Op.SUB: f"{before} - {amount}", Op.SET: amount}[effect.op]
        rises = known is not None and effect.op is not Op.SET and (known >= 0) == (effect.op is Op.ADD)
        falls = known is not None and effect.op is not Op.SET and not rises
        bounds = [f"if a < {low!r}:", f"    a = {low!r}"] if not rises else []
        if not falls:
            bounds += [f"{'el' if bounds else ''}if a > {high!r}:", f"    a = {high!r}"]
        lines += [f"a = {apply}", *bounds]
    lines.append(f"if {after} != {before}:")
    if record:
        row = f"(turn, {effect.indicator!r}, {before}, {after}, CAUSE, {cause_id!r}, role, text, turn)"
        lines.append(f"    history.append(new(Change, {row}))")
    lines.append(f"    v[{effect.indicator!r}] = {f'{cached} = ' if cached else ''}{after}")
    return lines


def _schedule_lines(
    effect: Effect,
    low: float,
    high: float,
    cause_id: str,
    known: float | None = None,
    *,
    record: bool,
    cached: str | None = None,
) -> list[str]:
    """Statements splitting a delayed or spread effect of amount ``d`` (or the constant ``known``) into portions:
    the one due now applies, the rest wait (each remembering this turn as the turn of its decision; without
    ``record``, the portions carry no text)."""
    spread = effect.duration > 1 and effect.op is not Op.SET
    lines: list[str] = []
    set_to = None  # a constant set is clamped when compiling; other portions are clamped as they apply
    if known is None:
        amount = "p"
        lines.append(f"p = d / {effect.duration}" if spread else "p = d")
    else:
        amount = repr(known / effect.duration if spread else known)
        set_to = known if effect.op is Op.SET else None
    note = "note"
    if record:
        lines.append("note = text + ' (from turn ' + str(turn) + ')'")
    else:
        note = "''"
    for offset in range(effect.delay, effect.delay + effect.duration):
        if offset == 0:
            lines += _change_lines(amount, effect, low, high, cause_id, set_to, record=record, cached=cached)
            continue
        item = f"(turn + {offset}, {effect.indicator!r}, {effect.op.value!r}, {amount}, CAUSE, {cause_id!r}, role, "
        item += f"{note}, turn)"
        lines.append(f"scheduled.setdefault(turn + {offset}, []).append(new(Scheduled, {item}))")
    return lines


def _effect_lines(
    effects: Sequence[Effect],
    bounds: dict[str, tuple[float, float]],
    cause_id: str,
    *,
    record: bool = True,
    cached: Mapping[str, str] | None = None,
) -> list[str]:
    """Statements applying ``effects``; they read ``basis`` and write ``v``, ``history`` (only with ``record``),
    ``errors``, ``scheduled``. ``cached``: the locals holding indicators (read for both ``basis`` and ``v``,
    which must then be the same mapping, and kept in step)."""
    cached = cached or {}
    lines: list[str] = []
    for effect in effects:
        where = repr(repr(effect.value.source))  # the message quotes the source, as the interpreter does
        low, high = bounds[effect.indicator]
        local = cached.get(effect.indicator)
        value = effect.value.constant()  # computed once, when the scenario is compiled
        if value is not None:
            if effect.delay or effect.duration > 1:
                lines += _schedule_lines(effect, low, high, cause_id, value, record=record, cached=local)
            else:
                lines += _change_lines(repr(value), effect, low, high, cause_id, value, record=record, cached=local)
            continue
        lines += [
            "try:",
            f"    d = {inline(effect.value, cached)} + 0.0",
            "    if d - d != 0.0:",
            "        raise NonFinite()",
            "except NonFinite:",
            f"    errors.append(RuleError(turn, {cause_id!r}, {where} + ': the result is not a finite number'))",
            f"except {_ERRORS} as exc:",
            f"    errors.append(RuleError(turn, {cause_id!r}, {where} + ': ' + failure(exc)))",
            "else:",
        ]
        if effect.delay or effect.duration > 1:
            body = _schedule_lines(effect, low, high, cause_id, record=record, cached=local)
        else:
            body = _change_lines("d", effect, low, high, cause_id, record=record, cached=local)
        lines += ["    " + line for line in body]
    return lines


def _build(
    name: str, params: str, body: list[str], cause: Cause | None = None, names: Mapping[str, Any] | None = None
) -> Any:
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
        **(names or {}),
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


def _dynamic_reads(dynamics: Sequence[Dynamic]) -> Counter[str]:
    """How many times the dynamics read each indicator, where they are written: conditions, amounts, and the
    value before each change made now."""
    counts: Counter[str] = Counter()
    for dynamic in dynamics:
        if dynamic.condition is not None:
            counts.update(reads(dynamic.condition))
        for effect in dynamic.effects:
            counts.update(reads(effect.value))
            if effect.delay == 0:
                counts[effect.indicator] += 1
    return counts


def compile_dynamics(
    dynamics: Sequence[Dynamic], texts: dict[str, str], bounds: dict[str, tuple[float, float]], *, record: bool = True
) -> DynamicsRunner:
    """One function applying every dynamic in order, each reading the values as they are at that point
    (``record=False``: without history, as :func:`compile_effects`).

    A condition's ``try`` also holds its dynamic's effects: they catch their own failures, and nothing else in
    them can raise the errors it catches."""
    cached, body = _cache(_dynamic_reads(dynamics), "v")
    body += ["basis = v", "role = ''"]
    for dynamic in dynamics:
        text = [f"text = {texts[dynamic.id]!r}"] if record else []
        action = [*text, *_effect_lines(dynamic.effects, bounds, dynamic.id, record=record, cached=cached)]
        if dynamic.condition is None:
            body += action
            continue
        where = repr(repr(dynamic.condition.source))
        body += [
            "try:",
            f"    if {inline(dynamic.condition, cached)}:",
            *("        " + line for line in action),
            f"except {_ERRORS} as exc:",
            f"    errors.append(RuleError(turn, {dynamic.id!r}, {where} + ': ' + failure(exc)))",
        ]
    runner: DynamicsRunner = _build("dynamics", "v, history, errors, turn, scheduled", body, Cause.DYNAMIC)
    return runner


def compile_conditions(items: Sequence[tuple[str, Expr]]) -> ConditionsRunner:
    """One function testing many named conditions at once (action preconditions, random events' conditions).

    Up to ``_MASK_BITS`` conditions, the failing ones are the bits of a number, whose set of ids is made once
    and kept (up to ``_MASK_CACHE`` of them)."""
    counts: Counter[str] = Counter()
    for _, condition in items:
        counts.update(reads(condition))
    cached, body = _cache(counts, "basis")
    masked = len(items) <= _MASK_BITS
    body.append("m = 0" if masked else "out = []")
    for bit, (rule_id, condition) in enumerate(items):
        where = repr(repr(condition.source))
        fail = f"m += {1 << bit}" if masked else f"out.append({rule_id!r})"
        body += [
            "try:",
            f"    if not {inline(condition, cached)}:",
            f"        {fail}",
            f"except {_ERRORS} as exc:",
            f"    errors.append(RuleError(turn, {rule_id!r}, {where} + ': ' + failure(exc)))",
            f"    {fail}",
        ]
    if not masked:
        body.append("return frozenset(out)")
        runner: ConditionsRunner = _build("failing", "basis, errors, turn", body)
        return runner
    ids = tuple(rule_id for rule_id, _ in items)
    sets: dict[int, frozenset[str]] = {}

    def failing_ids(mask: int) -> frozenset[str]:
        found = frozenset([rule_id for bit, rule_id in enumerate(ids) if mask >> bit & 1])
        if len(sets) < _MASK_CACHE:
            sets[mask] = found
        return found

    body += ["found = SETS.get(m)", "if found is None:", "    found = IDS(m)", "return found"]
    runner = _build("failing", "basis, errors, turn", body, names={"SETS": sets, "IDS": failing_ids})
    return runner


def compile_endings(early: Sequence[tuple[str, Expr]], final: Sequence[tuple[str, Expr | None]]) -> EndingsRunner:
    """One function finding the ending reached: the first ``early`` ending whose condition holds, else (only when
    asked for the ``final`` one) the first ``final`` ending whose condition holds or that has none, else the last
    final ending (``""`` without any), else ``None``. A failing condition is recorded and does not hold."""
    body: list[str] = []
    found: dict[str, tuple[str, Termination]] = {}
    cached: dict[str, str] = {}
    for group, how in ((early, Termination.EARLY), (final, Termination.FINAL)):
        if how is Termination.FINAL:
            body += ["if not final:", "    return None"]
        counts: Counter[str] = Counter()
        for _, condition in group:
            counts.update(reads(condition) if condition is not None else ())
        more, loads = _cache(counts, "basis", cached)
        cached.update(more)
        body += loads
        for ending_id, condition in group:
            name = f"E{len(found)}"
            found[name] = (ending_id, how)
            if condition is None:
                body.append(f"return {name}")
                break
            where = repr(repr(condition.source))
            body += [
                "try:",
                f"    if {inline(condition, cached)}:",
                f"        return {name}",
                f"except {_ERRORS} as exc:",
                f"    errors.append(RuleError(turn, {ending_id!r}, {where} + ': ' + failure(exc)))",
            ]
        else:
            if how is Termination.FINAL:
                found["LAST"] = (final[-1][0] if final else "", Termination.FINAL)
                body.append("return LAST")
    runner: EndingsRunner = _build("ending", "basis, errors, turn, final", body, names=found)
    return runner
