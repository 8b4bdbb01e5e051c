"""A scenario's rules compiled for play: the tables and effect runners the hot paths use, computed once per scenario
and language (:meth:`Rules.of`), and :func:`apply_plan`, the generic interpreter of an effect list."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from types import CodeType

from game.engine.codegen import (
    DynamicsRunner,
    EffectsRunner,
    EndingsRunner,
    Pending,
    compile_conditions,
    compile_dynamics,
    compile_effects,
    compile_endings,
)
from game.engine.expr import Expr, base_globals, failure
from game.engine.scenario import Effect, Event, Item, Negotiation, Op, Scenario, localize
from game.engine.state import Cause, Change, RuleError, Scheduled, choice_key

#: One compiled effect: indicator, operator (0 add, 1 subtract, 2 set), code (None for a constant), the constant,
#: source, delay, duration, low, high.
EffectPlan = tuple[str, int, CodeType | None, float, str, int, int, float, float]
_OPS = {Op.ADD: 0, Op.SUB: 1, Op.SET: 2}
_OP_TEXT = ("+=", "-=", "=")
_new_change = tuple.__new__


def apply_plan(
    plan: tuple[EffectPlan, ...],
    cause: Cause,
    cause_id: str,
    basis: dict[str, float],
    values: dict[str, float],
    history: list[Change],
    errors: list[RuleError],
    turn: int,
    role: str,
    text: str,
    scheduled: Pending,
) -> None:
    """The generic interpreter of an effect list (the reference for the generated code in ``codegen``).

    Each effect is evaluated against ``basis``; immediate ones are applied to ``values``, clamped and recorded;
    delayed or spread ones are split into portions: the one due now applies, the others wait in ``scheduled``.
    """
    globals_ = base_globals()
    globals_["turn"] = turn
    for indicator, op, code, amount, source, delay, duration, low, high in plan:
        if code is not None:
            try:
                amount = eval(code, globals_, basis) + 0.0  # code was compiled from a checked AST
            except (ArithmeticError, ValueError, TypeError) as exc:
                errors.append(RuleError(turn, cause_id, f"{source!r}: {failure(exc)}"))
                continue
            if amount - amount != 0.0:  # infinity or NaN
                errors.append(RuleError(turn, cause_id, f"{source!r}: the result is not a finite number"))
                continue
        portions = [(0, amount)]
        if delay or duration > 1:
            if duration > 1 and op != 2:
                amount /= duration
            note = f"{text} (from turn {turn})"
            portions = []
            for offset in range(delay, delay + duration):
                if offset == 0:
                    portions.append((0, amount))
                else:
                    item = Scheduled(turn + offset, indicator, _OP_TEXT[op], amount, cause, cause_id, role, note, turn)
                    scheduled.setdefault(turn + offset, []).append(item)
        for _, portion in portions:
            before = values[indicator]
            after = before + portion if op == 0 else before - portion if op == 1 else portion
            after = low if after < low else high if after > high else after
            if after != before:
                values[indicator] = after
                history.append(_new_change(Change, (turn, indicator, before, after, cause, cause_id, role, text, turn)))


def implementation_effects(item: Item) -> tuple[Effect, ...]:
    """An item's effects as applied when its agreement is made: each ``+=``/``-=`` spread over the item's
    ``turns`` (times the effect's own duration), each ``=`` moved to the last turn of implementation."""
    out = []
    for e in item.effects:
        if e.op is Op.SET:
            out.append(Effect(e.indicator, e.op, e.value, e.delay + item.turns - 1, e.duration))
        else:
            out.append(Effect(e.indicator, e.op, e.value, e.delay, e.duration * item.turns))
    return tuple(out)


class Rules:
    """Everything the hot path needs about a scenario, computed once per scenario and language."""

    def __init__(self, scenario: Scenario, lang: str, *, compiled: bool = True, record: bool = True) -> None:
        """``compiled=False`` keeps the generic interpreter, the reference the generated code is tested against;
        ``record=False`` generates the fast path's runners, which write no history
        (see :class:`~game.engine.state.Unrecorded`)."""
        self.bounds = {i.id: (float(i.min), float(i.max)) for i in scenario.indicators}
        self.roles = {r.id: r for r in scenario.roles}
        self.actions = {a.id: a for a in scenario.actions}
        self.events = {e.id: e for e in scenario.events}
        self.role_actions = {r.id: scenario.actions_for(r.id) for r in scenario.roles}
        self.cooldowns = {a.id: a.cooldown for a in scenario.actions}
        self.capital_rows = tuple((r.id, r.capital, r.capital_max) for r in scenario.roles)
        self.labels = {i.id: localize(i.label, lang) for i in scenario.indicators}
        self.role_action_rows = {
            role: tuple((a, a.id, a.cost, a.cooldown) for a in actions) for role, actions in self.role_actions.items()
        }
        self.scripted: dict[int, tuple[Event, ...]] = {}
        for event in scenario.events:
            if event.at_turn is not None:
                self.scripted[event.at_turn] = (*self.scripted.get(event.at_turn, ()), event)
        # For each turn, the random events whose window includes it.
        self.events_in_window = {
            turn: tuple(
                (e, e.id, e.once, e.cooldown, e.weight)
                for e in scenario.events
                if e.at_turn is None and e.first_turn <= turn and (e.last_turn is None or turn <= e.last_turn)
            )
            for turn in range(1, scenario.turns + 1)
        }
        self.compiled = compiled
        self.record = record
        self._negotiation_tables(scenario, lang)
        self._runners(scenario, lang)

    def _negotiation_tables(self, scenario: Scenario, lang: str) -> None:
        """Trust, the items, their plans and the agenda (empty without a negotiation section)."""
        self.negotiation: Negotiation | None = scenario.negotiation
        self.items: dict[str, Item] = {}
        self.event_opens: dict[str, tuple[str, ...]] = {}
        self.choice_opens: dict[tuple[str, str], tuple[str, ...]] = {}
        self.followers: dict[str, tuple[str, ...]] = {}  # item -> the items that are later forms of it
        self.agenda = False  # whether any item starts off the table or follows another
        self.item_plans: dict[str, tuple[EffectPlan, ...]] = {}
        self.item_texts: dict[str, str] = {}
        self.break_plan: tuple[EffectPlan, ...] = ()
        for indicator in scenario.indicators:
            if indicator.trust_of is not None:  # read in the middle of a sentence
                first, second = (localize(self.roles[r].name, lang) for r in indicator.trust_of)
                self.labels[indicator.id] = f"trust between {first} and {second}"
        #: Each pair of roles (sorted ids) -> the indicator that is its trust.
        self.trust = {(a, b): scenario.trust_indicator_id(a, b) for a, b in scenario.trust_pairs()}
        if self.negotiation is not None:
            self.items = {i.id: i for i in self.negotiation.items}
            # The agenda: which event or answer puts which items on the table, and each item's later forms.
            self.event_opens = {e.id: e.opens for e in scenario.events if e.opens}
            self.choice_opens = {(e.id, c.id): c.opens for e in scenario.events for c in e.choices if c.opens}
            for later in self.negotiation.items:
                if later.follows is not None:
                    self.followers[later.follows] = (*self.followers.get(later.follows, ()), later.id)
            self.agenda = any(not i.on_table or i.follows is not None for i in self.negotiation.items)
            self.item_plans = {i.id: self.plan(implementation_effects(i)) for i in self.negotiation.items}
            self.item_texts = {i.id: localize(i.label, lang) for i in self.negotiation.items}
            self.break_plan = self.plan(self.negotiation.break_effects)

    def _runners(self, scenario: Scenario, lang: str) -> None:
        """The effect runners, texts and conditions of actions, events, answers and dynamics, and the endings."""
        self.final_endings = tuple(e for e in scenario.endings if not e.early)
        self.early_endings = tuple(e for e in scenario.endings if e.early)
        #: The ending the values reach (see :func:`~game.engine.codegen.compile_endings`); None when not compiled.
        self.ending: EndingsRunner | None = None
        if self.compiled:
            early = [(e.id, e.condition) for e in self.early_endings if e.condition is not None]
            self.ending = compile_endings(early, [(e.id, e.condition) for e in self.final_endings])
        self.choice_runners = {
            (e.id, c.id): self.runner(c.effects, Cause.CHOICE, choice_key(e.id, c.id))
            for e in scenario.events
            for c in e.choices
        }
        self.choice_texts = {
            (e.id, c.id): f"{localize(e.title, lang)}: {localize(c.label, lang)}"
            for e in scenario.events
            for c in e.choices
        }
        #: The cause id of each answer to an event -> (event, choice): :func:`queries.origin` reads it.
        self.choice_keys = {choice_key(e.id, c.id): (e.id, c.id) for e in scenario.events for c in e.choices}
        self.action_runners = {a.id: self.runner(a.effects, Cause.ACTION, a.id) for a in scenario.actions}
        self.action_texts = {a.id: localize(a.label, lang) for a in scenario.actions}
        self.event_runners = {e.id: self.runner(e.effects, Cause.EVENT, e.id) for e in scenario.events}
        self.event_texts = {e.id: localize(e.title, lang) for e in scenario.events}
        texts = {d.id: localize(d.description, lang) for d in scenario.dynamics}
        self.action_conditions = [(a.id, a.condition) for a in scenario.actions if a.condition is not None]
        self.event_conditions = [(e.id, e.condition) for e in scenario.events if e.at_turn is None and e.condition]
        self.failing_actions = compile_conditions(self.action_conditions) if self.compiled else None
        self.failing_events = compile_conditions(self.event_conditions) if self.compiled else None
        if self.compiled:
            self.run_dynamics: DynamicsRunner | None = compile_dynamics(
                scenario.dynamics, texts, self.bounds, record=self.record
            )
            self.dynamics: tuple[tuple[str, Expr | None, EffectsRunner, str], ...] = ()
        else:
            self.run_dynamics = None
            self.dynamics = tuple(
                (d.id, d.condition, self.runner(d.effects, Cause.DYNAMIC, d.id), texts[d.id]) for d in scenario.dynamics
            )

    def runner(self, effects: Sequence[Effect], cause: Cause, cause_id: str) -> EffectsRunner:
        """A function applying ``effects``: generated code, or the generic loop when not compiled."""
        if self.compiled:
            return compile_effects(effects, self.bounds, cause, cause_id, record=self.record)
        return partial(apply_plan, self.plan(effects), cause, cause_id)

    def plan(self, effects: Sequence[Effect]) -> tuple[EffectPlan, ...]:
        """Flatten effects into tuples the resolution loop can unpack quickly."""
        plans = []
        for e in effects:
            value = e.value.constant()  # no names at all: evaluated once, here
            code: CodeType | None = e.value.code if value is None else None
            constant = 0.0 if value is None else value
            low, high = self.bounds[e.indicator]
            plans.append((e.indicator, _OPS[e.op], code, constant, e.value.source, e.delay, e.duration, low, high))
        return tuple(plans)

    @classmethod
    def of(cls, scenario: Scenario, lang: str, *, compiled: bool = True, record: bool = True) -> Rules:
        """The cached rules of ``scenario`` in ``lang`` (for the full path, or the fast one without ``record``)."""
        key = f"engine.rules.{lang}.{compiled}.{record}"
        rules = scenario.cache.get(key)
        if not isinstance(rules, cls):
            rules = cls(scenario, lang, compiled=compiled, record=record)
            scenario.cache[key] = rules
        return rules
