"""The rules: a :class:`Game` plays one scenario, turn by turn, deterministically from its seed.

A turn runs in phases: news (events fire; some wait for their role's choice) -> actions (roles commit actions
within their political capital, and negotiate: propose, answer, counter, break) -> resolution (committed effects
apply together with the first portion of agreements made this turn, then effects falling due; items whose last turn
this is are implemented and unanswered proposals lapse; then dynamics; every value clamped) -> end check. Every
change is recorded in the history with its cause and the turn of the decision that made it, and where each stage of
a turn (news, actions, resolution) begins is recorded too (:meth:`Game.stage_start`): structure is data, so nothing
has to read the wording of causes. The values at any point of the past come from :mod:`game.engine.history`.

With a negotiation section, each pair of roles' trust lives in ``state.trust`` (``"a|b"``) and is mirrored in the
values as ``trust_a_b`` so expressions can read it (scenarios without the section have neither).
"""

from __future__ import annotations

import difflib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from types import CodeType
from typing import Any, NamedTuple

from game.engine import history as past
from game.engine.codegen import (
    ConditionsRunner,
    DynamicsRunner,
    EffectsRunner,
    Pending,
    compile_conditions,
    compile_dynamics,
    compile_effects,
)
from game.engine.commands import (
    BreakAgreement,
    Choose,
    Command,
    Commit,
    Counter,
    EndTurn,
    Propose,
    Respond,
    Withdraw,
)
from game.engine.errors import IllegalActionError, NegotiationError, UnknownIdError, WrongPhaseError
from game.engine.expr import Expr, ExprError, base_globals
from game.engine.scenario import (
    Action,
    Choice,
    Effect,
    Event,
    Item,
    Negotiation,
    Op,
    Role,
    Scenario,
    localize,
    trust_key,
    trust_name,
)
from game.engine.state import (
    STAGES,
    Agreement,
    AgreementItem,
    Cause,
    Change,
    GameState,
    ItemStatus,
    Mark,
    News,
    NewsDetail,
    NewsKind,
    Origin,
    Outcome,
    PendingChoice,
    Phase,
    Proposal,
    ProposalStatus,
    RuleError,
    Scheduled,
    Stage,
    Termination,
    choice_key,
    item_key,
)

_ADD, _SUB, _SET = Op.ADD.value, Op.SUB.value, Op.SET.value


@dataclass(frozen=True, slots=True)
class ForecastItem:
    """One expected change: ``delta`` on ``indicator``, ``delay`` turns from now, spread over ``duration`` turns."""

    indicator: str
    op: str
    amount: float
    delta: float
    delay: int
    duration: int

    @property
    def immediate(self) -> bool:
        """Whether (part of) it applies in the turn it is committed."""
        return self.delay == 0


@dataclass(frozen=True, slots=True)
class Forecast:
    """What an action or a choice is expected to do, before dynamics and other players' moves."""

    items: tuple[ForecastItem, ...]

    @property
    def immediate(self) -> tuple[ForecastItem, ...]:
        """The items that start this turn."""
        return tuple(i for i in self.items if i.delay == 0)

    @property
    def delayed(self) -> tuple[ForecastItem, ...]:
        """The items that start in a later turn."""
        return tuple(i for i in self.items if i.delay > 0)

    def totals(self) -> dict[str, float]:
        """Expected total change per indicator, all items together."""
        out: dict[str, float] = {}
        for item in self.items:
            out[item.indicator] = out.get(item.indicator, 0.0) + item.delta
        return out


@dataclass(frozen=True, slots=True)
class BreakForecast:
    """What breaking an agreement would do, by the engine's own rules (see :meth:`Game.forecast_break`).

    ``trust_before`` and ``trust_after`` are the pair's trust now and after the break, within its real range
    (``low`` to ``high``: the scenario's trust indicator's, or 0 to 100); ``effects`` are the scenario's break
    effects, applied at once after the trust falls; ``event`` is the event the break brings on next turn.
    """

    agreement: str
    role: str  # the role that would break it
    other: str  # the other party
    cancelled: tuple[str, ...]  # the items ``role`` would stop implementing
    indicator: str  # where the pair's trust is recorded
    trust_before: float
    trust_after: float
    low: float
    high: float
    effects: Forecast
    event: str | None
    #: The other party's items that would not be implemented either: all of them when the agreement was made this
    #: turn (it has not started, so breaking it voids it whole), else none (they go on).
    voided: tuple[str, ...] = ()

    @property
    def trust_change(self) -> float:
        """``trust_after - trust_before`` (never below the bottom of the range)."""
        return self.trust_after - self.trust_before


class TurnReport(NamedTuple):
    """What one resolution did: the turn resolved, its changes, and the outcome if the game ended."""

    turn: int
    changes: tuple[Change, ...]
    outcome: Outcome | None


#: One compiled effect: indicator, operator (0 add, 1 subtract, 2 set), code (None for a constant), the constant,
#: source, delay, duration, low, high.
EffectPlan = tuple[str, int, CodeType | None, float, str, int, int, float, float]
_OPS = {Op.ADD: 0, Op.SUB: 1, Op.SET: 2}
_OP_TEXT = ("+=", "-=", "=")
_new_change = tuple.__new__
#: What ``Game._unavailable`` computes once a phase: failing actions, and those plus the ones cooling down.
_Unavailable = tuple[frozenset[str], frozenset[str]]
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# Enum members the hot paths use, bound once: a module global is read several times faster than a member.
_OPEN, _PENDING, _BROKEN = ProposalStatus.OPEN, ItemStatus.PENDING, ItemStatus.BROKEN
_EVENT_NEWS, _CHOICE_NEWS, _ACTION_NEWS = NewsKind.EVENT, NewsKind.CHOICE, NewsKind.ACTION
# The numbers under which GameState.stage_starts records the stages.
_NEWS, _ACTIONS, _RESOLUTION = (STAGES.index(s) for s in (Stage.NEWS, Stage.ACTIONS, Stage.RESOLUTION))


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
                errors.append(RuleError(turn, cause_id, f"{source!r}: {exc}"))
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


class _Rules:
    """Everything the hot path needs about a scenario, computed once per scenario and language."""

    def __init__(self, scenario: Scenario, lang: str, *, compiled: bool = True) -> None:
        """``compiled=False`` keeps the generic interpreter, the reference the generated code is tested against."""
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
        self.negotiation: Negotiation | None = scenario.negotiation
        self.items: dict[str, Item] = {}
        self.event_opens: dict[str, tuple[str, ...]] = {}
        self.choice_opens: dict[tuple[str, str], tuple[str, ...]] = {}
        self.followers: dict[str, tuple[str, ...]] = {}  # item -> the items that are later forms of it
        self.agenda = False  # whether any item starts off the table or follows another
        self.item_plans: dict[str, tuple[EffectPlan, ...]] = {}
        self.item_texts: dict[str, str] = {}
        self.break_plan: tuple[EffectPlan, ...] = ()
        self.trust_pairs = scenario.trust_names()
        if self.negotiation is not None:
            for name in self.trust_pairs:
                self.bounds[name] = (0.0, 100.0)
                first, second = (localize(self.roles[r].name, lang) for r in self.trust_pairs[name])
                self.labels[name] = f"trust between {first} and {second}"
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
        self.final_endings = tuple(e for e in scenario.endings if not e.early)
        self.early_endings = tuple(e for e in scenario.endings if e.early)
        self.compiled = compiled
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
        #: The cause id of each answer to an event -> (event, choice): :meth:`Game.origin` reads it.
        self.choice_keys = {choice_key(e.id, c.id): (e.id, c.id) for e in scenario.events for c in e.choices}
        self.action_runners = {a.id: self.runner(a.effects, Cause.ACTION, a.id) for a in scenario.actions}
        self.action_texts = {a.id: localize(a.label, lang) for a in scenario.actions}
        self.event_runners = {e.id: self.runner(e.effects, Cause.EVENT, e.id) for e in scenario.events}
        self.event_texts = {e.id: localize(e.title, lang) for e in scenario.events}
        texts = {d.id: localize(d.description, lang) for d in scenario.dynamics}
        self.action_conditions = [(a.id, a.condition) for a in scenario.actions if a.condition is not None]
        self.event_conditions = [(e.id, e.condition) for e in scenario.events if e.at_turn is None and e.condition]
        self.failing_actions = compile_conditions(self.action_conditions) if compiled else None
        self.failing_events = compile_conditions(self.event_conditions) if compiled else None
        if compiled:
            self.run_dynamics: DynamicsRunner | None = compile_dynamics(scenario.dynamics, texts, self.bounds)
            self.dynamics: tuple[tuple[str, Expr | None, EffectsRunner, str], ...] = ()
        else:
            self.run_dynamics = None
            self.dynamics = tuple(
                (d.id, d.condition, self.runner(d.effects, Cause.DYNAMIC, d.id), texts[d.id]) for d in scenario.dynamics
            )

    def runner(self, effects: Sequence[Effect], cause: Cause, cause_id: str) -> EffectsRunner:
        """A function applying ``effects``: generated code, or the generic loop when not compiled."""
        if self.compiled:
            return compile_effects(effects, self.bounds, cause, cause_id)
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
    def of(cls, scenario: Scenario, lang: str, *, compiled: bool = True) -> _Rules:
        """The cached rules of ``scenario`` in ``lang``."""
        key = f"engine.rules.{lang}.{compiled}"
        rules = scenario.cache.get(key)
        if not isinstance(rules, cls):
            rules = cls(scenario, lang, compiled=compiled)
            scenario.cache[key] = rules
        return rules


class Game:
    """One game of a scenario. Create with :meth:`new` or :meth:`from_dict`."""

    def __init__(self, scenario: Scenario, state: GameState, *, lang: str = "en", compiled: bool = True) -> None:
        self.scenario = scenario
        self.state = state
        self.lang = lang
        self._globals = base_globals()
        self._globals["turn"] = state.turn
        self._rules = rules = _Rules.of(scenario, lang, compiled=compiled)
        self._roles = rules.roles
        self._actions = rules.actions
        self._events = rules.events
        self._bounds = rules.bounds
        # Actions whose condition fails, and the open actions per role; None = not computed in this phase yet.
        self._blocked: _Unavailable | None = None
        # Items put on the table by the events and answers of the news read so far (``_opened``): news list, count.
        self._opened: set[str] = set()
        self._opened_read: tuple[int, int] = (0, 0)

    # ----------------------------------------------------------------- creation and saving
    @classmethod
    def new(cls, scenario: Scenario, seed: int = 0, *, lang: str = "en", compiled: bool = True) -> Game:
        """Start a game at turn 1; the news of turn 1 has already happened."""
        values = {i.id: float(i.initial) for i in scenario.indicators}
        trust: dict[str, float] = {}
        if scenario.negotiation is not None:
            initial = float(scenario.negotiation.trust_initial)
            for name, (low, high) in scenario.trust_names().items():
                trust[trust_key(low, high)] = values[name] = initial
        state = GameState(
            scenario_id=scenario.id,
            fingerprint=scenario.fingerprint,
            seed=seed,
            rng=random.Random(seed),
            turn=1,
            phase=Phase.ACTIONS,
            values=values,
            previous=dict(values),
            capital={r.id: 0 for r in scenario.roles},
            committed={r.id: [] for r in scenario.roles},
            trust=trust,
        )
        game = cls(scenario, state, lang=lang, compiled=compiled)
        game._begin_turn()
        return game

    def to_dict(self) -> dict[str, Any]:
        """The whole state as a JSON-compatible dict."""
        return self.state.to_dict()

    @classmethod
    def from_dict(cls, scenario: Scenario, data: dict[str, Any], *, lang: str = "en") -> Game:
        """Restore a game saved with :meth:`to_dict` against the same scenario."""
        return cls(scenario, GameState.from_dict(data), lang=lang)

    def clone(self) -> Game:
        """An independent copy of this game (same scenario object)."""
        return Game(self.scenario, self.state.clone(), lang=self.lang, compiled=self._rules.compiled)

    # ----------------------------------------------------------------- queries
    @property
    def turn(self) -> int:
        """The current turn, 1-based."""
        return self.state.turn

    @property
    def phase(self) -> Phase:
        """The current phase."""
        return self.state.phase

    @property
    def history(self) -> list[Change]:
        """Every change so far, oldest first."""
        return self.state.history

    @property
    def outcome(self) -> Outcome | None:
        """The outcome once the game is over, else ``None``."""
        return self.state.outcome

    def is_over(self) -> bool:
        """Whether the game has ended."""
        return self.state.phase is Phase.OVER

    def value(self, indicator: str) -> float:
        """The current value of an indicator."""
        return self.state.values[indicator]

    def pending_choices(self, role: str | None = None) -> list[PendingChoice]:
        """Events still waiting for an answer (of ``role`` if given)."""
        return [p for p in self.state.pending if role is None or p.role == role]

    def capital(self, role: str) -> int:
        """Capital ``role`` has left to spend this turn."""
        return self.state.capital[self._role(role).id]

    def committed(self, role: str) -> list[str]:
        """Action ids ``role`` has committed this turn."""
        return list(self.state.committed[self._role(role).id])

    def why_not(self, role: str, action_id: str) -> str:
        """Why ``role`` cannot commit ``action_id`` now, or ``""`` if it can."""
        action = self._action(action_id)
        state = self.state
        if action.role != self._role(role).id:
            return f"action {action_id!r} belongs to role {action.role!r}, not {role!r}"
        if state.phase is not Phase.ACTIONS:
            return f"actions can only be committed in the actions phase (now: {state.phase.value})"
        if action_id in state.committed[role]:
            return "already committed this turn"
        last = state.last_used.get(action_id)
        if last is not None and state.turn - last <= action.cooldown:
            ready = last + action.cooldown + 1
            if ready > self.scenario.turns:
                return "cooling down until after the game ends"
            return f"cooling down until turn {ready}"
        if action.cost > state.capital[role]:
            return f"costs {action.cost} capital, {state.capital[role]} left"
        if action.condition is not None and action_id in self._unavailable()[0]:
            return f"condition not met: {self.readable(action.condition)}"
        return ""

    def readable(self, expr: Expr) -> str:
        """An expression with indicator ids replaced by their labels, for people."""
        labels = self._rules.labels
        return _IDENTIFIER.sub(lambda m: labels.get(m.group(0), m.group(0)), expr.source)

    def legal_actions(self, role: str) -> list[Action]:
        """The actions ``role`` may commit now, in scenario order."""
        state = self.state
        if state.phase is not Phase.ACTIONS:
            return []
        capital = state.capital[role]
        committed = state.committed[role]
        unavailable = (self._blocked or self._unavailable())[1]
        return [
            action
            for action, action_id, cost, _ in self._rules.role_action_rows[role]
            if cost <= capital and action_id not in unavailable and action_id not in committed
        ]

    def score(self, role: str) -> float:
        """``role``'s score on the current state (its private objectives)."""
        return self._eval(self._role(role).score, f"{role}.score", self.state.values)

    def score_of(self, role: str, values: dict[str, float]) -> float:
        """``role``'s score if the indicators had ``values`` (clamped to their ranges first)."""
        bounded = {}
        for key, value in values.items():
            low, high = self._bounds[key]
            bounded[key] = low if value < low else high if value > high else value
        return self._eval(self._role(role).score, f"{role}.score", bounded)

    def scores(self) -> dict[str, float]:
        """Every role's score on the current state."""
        return {r: self.score(r) for r in self._roles}

    def forecast(self, action_id: str) -> Forecast:
        """Expected immediate and delayed effects of an action, on the current state."""
        return self.forecast_effects(self._action(action_id).effects, action_id)

    def forecast_choice(self, event_id: str, choice_id: str) -> Forecast:
        """Expected effects of answering ``event_id`` with ``choice_id``."""
        event = self._event(event_id)
        return self.forecast_effects(self._choice(event, choice_id).effects, choice_key(event_id, choice_id))

    def forecast_effects(self, effects: Sequence[Effect], rule: str = "") -> Forecast:
        """Expected changes of a list of effects on the current state (no dynamics, no other players)."""
        return self._forecast_on(effects, rule, self.state.values)

    def forecast_break(self, role: str, agreement_id: str) -> BreakForecast:
        """What ``role`` breaking ``agreement_id`` now would do: the items cancelled, the pair's trust before and
        after (clamped to its range, as :meth:`break_agreement` does), the break effects (on the values after the
        trust falls) and the event brought on; raises :class:`NegotiationError` if it may not break it now."""
        agreement = self._breakable(role, agreement_id)
        negotiation = self._negotiation()
        first, second = agreement.parties
        other = second if first == role else first
        name, before, after = self._trust_after(first, second, -negotiation.trust_broken)
        values = dict(self.state.values)
        values[name] = after
        low, high = self._rules.bounds[name]
        stopped = self._stopped_by_break(role, agreement)
        return BreakForecast(
            agreement=agreement.id,
            role=role,
            other=other,
            cancelled=tuple(i.item for i in agreement.items if i.giver == role and i in stopped),
            indicator=name,
            trust_before=before,
            trust_after=after,
            low=low,
            high=high,
            effects=self._forecast_on(negotiation.break_effects, agreement.id, values),
            event=negotiation.break_event,
            voided=tuple(i.item for i in agreement.items if i.giver != role and i in stopped),
        )

    def _forecast_on(self, effects: Sequence[Effect], rule: str, values: dict[str, float]) -> Forecast:
        items = []
        for effect in effects:
            amount = self._eval(effect.value, rule, values)
            current = values[effect.indicator]
            if effect.op is Op.SET:
                target = amount
            elif effect.op is Op.ADD:
                target = current + amount
            else:
                target = current - amount
            if effect.delay == 0 and effect.duration == 1:
                low, high = self._bounds[effect.indicator]
                target = low if target < low else high if target > high else target
            items.append(
                ForecastItem(effect.indicator, effect.op.value, amount, target - current, effect.delay, effect.duration)
            )
        return Forecast(tuple(items))

    # ----------------------------------------------------------------- the record: stages, origins, the past
    def marks(self) -> list[Mark]:
        """Where each stage of each turn began, in order (none for turns played before stages were recorded)."""
        return self.state.marks()

    def stage_start(self, turn: int, stage: Stage) -> Mark | None:
        """Where ``stage`` of ``turn`` began: its history and news counts; ``None`` if it has not begun (or was
        played before stages were recorded)."""
        flat, number = self.state.stage_starts, STAGES.index(stage)
        for i in range(len(flat) - 4, -1, -4):  # most questions are about recent turns
            if flat[i] == turn and flat[i + 1] == number:
                return Mark(turn, stage, flat[i + 2], flat[i + 3])
            if flat[i] < turn:
                break
        return None

    def stage_of(self, index: int) -> Stage | None:
        """The stage in which history entry ``index`` was recorded (``None`` if that was not recorded)."""
        turn = self.state.history[index].turn
        found = None
        for mark in self.state.marks():
            if mark.history > index or mark.turn > turn:
                break
            found = mark
        return found.stage if found is not None and found.turn == turn else None

    def origin(self, cause: Cause, cause_id: str) -> Origin:
        """What a cause id refers to. For an answer to an event (:attr:`Cause.CHOICE`): the event and the choice;
        for an agreement item (:attr:`Cause.AGREEMENT`, :attr:`Cause.KEPT`, and the id of an ``implemented``
        agreement news entry): the agreement and the item; otherwise the id itself, with no part. Ids are looked
        up among the keys the engine built, never split; an id that is no longer known (a scenario edited since the
        game was saved) comes back whole."""
        if cause is Cause.CHOICE:
            found = self._rules.choice_keys.get(cause_id)
            if found is not None:
                return Origin(cause, found[0], found[1])
        elif cause is Cause.AGREEMENT or cause is Cause.KEPT:
            for agreement in self.state.agreements:
                for part in agreement.items:
                    if item_key(agreement.id, part.item) == cause_id:
                        return Origin(cause, agreement.id, part.item)
        return Origin(cause, cause_id, "")

    def values_after(self, count: int) -> dict[str, float]:
        """Every value (indicators and trust) after the first ``count`` history entries (0: the initial values)."""
        return past.values_after_each(self.state.values, self.state.history, [count])[0]

    def values_after_each(self, counts: Sequence[int]) -> list[dict[str, float]]:
        """:meth:`values_after` for each of ``counts``, in one pass over the history."""
        return past.values_after_each(self.state.values, self.state.history, counts)

    def values_at(self, turn: int) -> dict[str, float]:
        """Every value at the end of ``turn`` (0: the start, before the first news; the current turn: now)."""
        return self.values_after(past.turn_ends(self.state.history, max(turn, 0))[-1])

    def value_at(self, indicator: str, turn: int) -> float:
        """One value at the end of ``turn`` (0: the start); raises ``KeyError`` for an unknown name."""
        count = past.turn_ends(self.state.history, max(turn, 0))[-1]
        return past.value_after(self.state.values, self.state.history, indicator, count)

    def value_series(self, indicator: str) -> list[float]:
        """One value per turn: index 0 the start, index ``t`` the end of turn ``t``; the last entry is the value
        now (the last turn played, or the current turn so far). Raises ``KeyError`` for an unknown name."""
        if indicator not in self.state.values:
            raise KeyError(indicator)
        return self.values_by_turn([indicator])[indicator]

    def values_by_turn(self, names: Sequence[str] | None = None) -> dict[str, list[float]]:
        """:meth:`value_series` of every value (or of ``names``), in one pass over the history."""
        last = self.state.outcome.turn if self.state.outcome is not None else self.state.turn
        return past.series(self.state.values, self.state.history, last, names)

    def changes_in_turn(self, turn: int) -> list[Change]:
        """The history entries of one turn."""
        return [c for c in self.state.history if c.turn == turn]

    def causes(self, indicator: str, *, last: int = 5) -> list[Change]:
        """The most recent changes of an indicator, newest first ("why did this move?")."""
        found: list[Change] = []
        for change in reversed(self.state.history):
            if change.indicator == indicator:
                found.append(change)
                if len(found) == last:
                    break
        return found

    # ----------------------------------------------------------------- commands
    def apply(self, command: Command) -> TurnReport | None:
        """Carry out a command; returns the turn report for :class:`EndTurn`."""
        if isinstance(command, Commit):
            self.commit(command.role, command.action)
        elif isinstance(command, Withdraw):
            self.withdraw(command.role, command.action)
        elif isinstance(command, Choose):
            self.choose(command.role, command.event, command.choice)
        elif isinstance(command, EndTurn):
            return self.resolve_turn()
        elif isinstance(command, Propose):
            self.propose(command.sender, command.receiver, command.give, command.ask)
        elif isinstance(command, Respond):
            self.respond(command.role, command.proposal, command.accept)
        elif isinstance(command, Counter):
            self.counter(command.role, command.proposal, command.give, command.ask)
        elif isinstance(command, BreakAgreement):
            self.break_agreement(command.role, command.agreement)
        else:  # pragma: no cover - the Command union is closed
            raise TypeError(f"not a command: {command!r}")
        return None

    def commit(self, role: str, action_id: str) -> None:
        """Commit an action for this turn and pay its cost; raises :class:`IllegalActionError` if not allowed."""
        state = self.state
        action = self._actions.get(action_id)
        # Fast path: an open action of this role (right phase, condition holds, not cooling down), affordable, new.
        if (
            action is None
            or state.phase is not Phase.ACTIONS
            or action.role != role
            or action_id in (self._blocked or self._unavailable())[1]
            or action.cost > state.capital[role]
            or action_id in state.committed[role]
        ):
            reason = self.why_not(role, action_id) or "not allowed now"
            raise IllegalActionError(f"{role} cannot take {action_id!r}: {reason}")
        state.capital[role] -= action.cost
        state.committed[role].append(action_id)

    def withdraw(self, role: str, action_id: str) -> None:
        """Take back a committed action and refund its cost."""
        self._role(role)
        if self.state.phase is not Phase.ACTIONS:
            raise WrongPhaseError(f"cannot withdraw in the {self.state.phase.value} phase")
        committed = self.state.committed[role]
        if action_id not in committed:
            raise IllegalActionError(f"{role} has not committed {action_id!r}")
        committed.remove(action_id)
        self.state.capital[role] += self._actions[action_id].cost

    def choose(self, role: str, event_id: str, choice_id: str) -> None:
        """Answer a pending event; the choice's effects apply at once."""
        rules = self._rules
        key = (event_id, choice_id)
        if key not in rules.choice_runners:
            self._choice(self._event(event_id), choice_id)  # raises UnknownIdError naming what is unknown
        state = self.state
        pending = _new_change(PendingChoice, (event_id, role))
        if pending not in state.pending:
            raise WrongPhaseError(f"no choice of {role!r} is pending for event {event_id!r}")
        state.pending.remove(pending)
        state.news.append(_new_change(News, (state.turn, _CHOICE_NEWS, event_id, role, choice_id)))
        run, text = rules.choice_runners[key], rules.choice_texts[key]
        run(state.values, state.values, state.history, state.errors, state.turn, role, text, state.scheduled)
        self._blocked = None
        if not state.pending and state.phase is Phase.NEWS:
            self._enter_actions()

    def resolve_turn(self) -> TurnReport:
        """Resolve the turn: committed actions together, then due effects, then dynamics; then the end check."""
        state = self.state
        if state.phase is Phase.NEWS:
            waiting = ", ".join(f"{p.role} on {p.event}" for p in state.pending)
            raise WrongPhaseError(f"choices are still pending: {waiting}")
        if state.phase is Phase.OVER:
            raise WrongPhaseError("the game is over")
        turn = state.turn
        start = len(state.history)
        snapshot = dict(state.values)
        rules = self._rules
        values, history, errors, scheduled = state.values, state.history, state.errors, state.scheduled
        last_used, news, runners, texts = state.last_used, state.news, rules.action_runners, rules.action_texts
        state.stage_starts += (turn, _RESOLUTION, start, len(news))
        for role_id, committed in state.committed.items():
            if not committed:
                continue
            for action_id in committed:
                last_used[action_id] = turn
                news.append(_new_change(News, (turn, _ACTION_NEWS, action_id, role_id, "")))
                runners[action_id](snapshot, values, history, errors, turn, role_id, texts[action_id], scheduled)
            state.committed[role_id] = []
        if rules.negotiation is not None:
            self._start_agreements(turn, snapshot)
        self._apply_due(turn)
        if rules.negotiation is not None:
            self._close_turn_of_negotiation(turn)
        if rules.run_dynamics is not None:
            rules.run_dynamics(state.values, state.history, state.errors, turn, state.scheduled)
        else:
            self._apply_dynamics(turn)
        self._end_check()
        report = _new_change(TurnReport, (turn, tuple(history[start:]), state.outcome))
        if state.outcome is None:
            state.turn += 1
            self._begin_turn()
        return report

    # ----------------------------------------------------------------- negotiation
    def trust(self, first: str, second: str) -> float:
        """Trust between two roles (0..100); raises :class:`NegotiationError` without a negotiation section."""
        self._role(first)
        self._role(second)
        negotiation = self.scenario.negotiation
        if negotiation is not None and negotiation.trust_indicator is not None and first != second:
            return self.state.values[negotiation.trust_indicator]
        try:
            return self.state.trust[trust_key(first, second)]
        except KeyError:
            raise NegotiationError(f"there is no trust between {first!r} and {second!r} in this scenario") from None

    def item(self, item_id: str) -> Item:
        """The negotiation item with this id."""
        try:
            return self._rules.items[item_id]
        except KeyError:
            raise UnknownIdError(f"unknown negotiation item {item_id!r}") from None

    def legal_items(self, role: str) -> list[Item]:
        """The items ``role`` gives that may be put in a proposal now (in either side's proposal), in file order:
        they are on the table (:meth:`on_table`), their condition holds and they are not in force in an open
        agreement."""
        self._role(role)
        if self.state.phase is not Phase.ACTIONS or self._rules.negotiation is None:
            return []
        in_force = self._in_force()
        agenda = self._rules.agenda
        return [
            item
            for item in self._rules.negotiation.items
            if item.giver == role
            and item.id not in in_force
            and (not agenda or not self._off_table(item))
            and self._item_condition_holds(item)
        ]

    def on_table(self, item_id: str) -> bool:
        """Whether an item is on the negotiation agenda now, its condition aside: an item with ``on_table`` false
        once an event or answer that ``opens`` it has happened; an item that ``follows`` another once that one has
        been fully implemented; the earlier form no longer once it has (it gives way to its later forms)."""
        return not self._off_table(self.item(item_id))

    def why_not_item(self, item_id: str) -> str:
        """Why an item cannot be put in a proposal now (by either side), or ``""`` if it can."""
        item = self.item(item_id)
        if self._rules.negotiation is None:  # pragma: no cover - an item implies a negotiation section
            return "this scenario has no negotiation"
        if self.state.phase is not Phase.ACTIONS:
            return f"proposals are made in the actions phase (now: {self.state.phase.value})"
        if item_id in self._in_force():
            return f"item {item_id!r} is already in force in an open agreement"
        off = self._off_table(item)
        if off:
            return f"item {item_id!r} {off}"
        if item.condition is not None and not self._item_condition_holds(item):
            return f"item {item_id!r}: condition not met: {self.readable(item.condition)}"
        return ""

    def open_proposals(self, role: str | None = None) -> list[Proposal]:
        """Open proposals, oldest first; with ``role``, only those waiting for its answer."""
        return [p for p in self.state.proposals if p.status is _OPEN and (role is None or p.receiver == role)]

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal with this id (any status)."""
        for proposal in self.state.proposals:
            if proposal.id == proposal_id:
                return proposal
        raise UnknownIdError(f"unknown proposal {proposal_id!r}")

    def agreements(self, role: str | None = None) -> list[Agreement]:
        """Every agreement made so far (of ``role``, if given), oldest first, with each item's schedule."""
        return [a for a in self.state.agreements if role is None or role in a.parties]

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement with this id."""
        for agreement in self.state.agreements:
            if agreement.id == agreement_id:
                return agreement
        raise UnknownIdError(f"unknown agreement {agreement_id!r}")

    def why_not_propose(self, sender: str, receiver: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> str:
        """Why ``sender`` cannot propose ``give`` for ``ask`` to ``receiver`` now, or ``""`` if it can."""
        return self._proposal_problem(sender, receiver, tuple(give), tuple(ask), check_open=True)

    def propose(self, sender: str, receiver: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> Proposal:
        """Send a proposal; raises :class:`NegotiationError` (with the reason) if the rules do not allow it."""
        give, ask = tuple(give), tuple(ask)
        problem = self._proposal_problem(sender, receiver, give, ask, check_open=True)
        if problem:
            raise NegotiationError(f"{sender} cannot propose to {receiver}: {problem}")
        return self._send(sender, receiver, give, ask, None)

    def why_not_accept(self, role: str, proposal_id: str) -> str:
        """Why ``role`` cannot accept the proposal now (its items changed state since it was sent, it is not
        addressed to ``role``, it is closed, ...), or ``""`` if it can."""
        try:
            proposal = self._answerable(role, proposal_id)
        except NegotiationError as exc:
            return str(exc)
        return self._proposal_problem(proposal.sender, proposal.receiver, proposal.give, proposal.ask, check_open=False)

    def respond(self, role: str, proposal_id: str, accept: bool) -> Agreement | None:
        """Accept (returning the agreement made) or refuse a proposal addressed to ``role``."""
        proposal = self._answerable(role, proposal_id)
        if not accept:
            self._answer(proposal, ProposalStatus.REFUSED)
            return None
        problem = self._proposal_problem(
            proposal.sender, proposal.receiver, proposal.give, proposal.ask, check_open=False
        )
        if problem:
            raise NegotiationError(f"{role} cannot accept {proposal_id}: {problem}")
        self._answer(proposal, ProposalStatus.ACCEPTED)
        return self._make_agreement(proposal)

    def counter(self, role: str, proposal_id: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> Proposal:
        """Refuse a proposal addressed to ``role`` and send its sender ``give`` for ``ask`` instead."""
        proposal = self._answerable(role, proposal_id)
        give, ask = tuple(give), tuple(ask)
        problem = self._proposal_problem(role, proposal.sender, give, ask, check_open=True)
        if problem:
            raise NegotiationError(f"{role} cannot counter {proposal_id}: {problem}")
        self._answer(proposal, ProposalStatus.COUNTERED)
        return self._send(role, proposal.sender, give, ask, proposal.id)

    def break_agreement(self, role: str, agreement_id: str) -> None:
        """``role`` stops implementing its pending items of an agreement: they are cancelled, the pair's trust falls
        by the scenario's ``broken``, the break effects apply at once and the break event fires next turn.

        An agreement broken in the turn it was made has not started (its first portions apply at this turn's
        resolution): it is void, so the other party's items are cancelled too and nothing of it is implemented (the
        breaker gets nothing for the trust it loses). Broken later, the other party's items go on."""
        agreement = self._breakable(role, agreement_id)
        state = self.state
        negotiation = self._negotiation()
        stopped = self._stopped_by_break(role, agreement)
        cancelled = {item_key(agreement_id, i.item) for i in stopped}
        items = tuple(replace(i, status=ItemStatus.BROKEN) if i in stopped else i for i in agreement.items)
        state.agreements[state.agreements.index(agreement)] = replace(agreement, items=items)
        for due, portions in list(state.scheduled.items()):
            kept = [p for p in portions if not (p.cause is Cause.AGREEMENT and p.cause_id in cancelled)]
            if len(kept) != len(portions):
                if kept:
                    state.scheduled[due] = kept
                else:
                    del state.scheduled[due]
        turn = state.turn
        state.news.append(News(turn, NewsKind.AGREEMENT, agreement_id, role, ItemStatus.BROKEN))
        text = f"{localize(self._roles[role].name, self.lang)} broke agreement {agreement_id}"
        first, second = agreement.parties
        self._move_trust(first, second, -negotiation.trust_broken, Cause.BREAK, agreement_id, role, text)
        apply_plan(
            self._rules.break_plan, Cause.BREAK, agreement_id, state.values, state.values, state.history, state.errors,
            turn, role, text, state.scheduled,
        )  # fmt: skip
        if negotiation.break_event is not None and negotiation.break_event not in state.queued:
            state.queued.append(negotiation.break_event)
        self._blocked = None

    def _stopped_by_break(self, role: str, agreement: Agreement) -> list[AgreementItem]:
        """The items ``role`` breaking ``agreement`` now would cancel: its own pending ones, and the other party's
        too when the agreement was made this turn (it has not started: breaking it voids it whole)."""
        void = agreement.turn == self.state.turn
        return [i for i in agreement.items if i.status is ItemStatus.PENDING and (void or i.giver == role)]

    def _breakable(self, role: str, agreement_id: str) -> Agreement:
        """The agreement ``role`` may break now; raises :class:`NegotiationError` (or :class:`UnknownIdError`)."""
        self._role(role)
        self._negotiation()
        agreement = self.agreement(agreement_id)
        phase = self.state.phase
        if phase is not Phase.ACTIONS:
            raise NegotiationError(f"agreements can only be broken in the actions phase (now: {phase.value})")
        if role not in agreement.parties:
            raise NegotiationError(f"{role} is not a party to {agreement_id}")
        if not any(i.giver == role and i.status is ItemStatus.PENDING for i in agreement.items):
            raise NegotiationError(f"{role} has nothing left to implement in {agreement_id}")
        return agreement

    def _negotiation(self) -> Negotiation:
        negotiation = self._rules.negotiation
        if negotiation is None:
            raise NegotiationError("this scenario has no negotiation")
        return negotiation

    def _in_force(self) -> set[str]:
        """Items that are part of an open agreement (and not broken)."""
        return {i.item for a in self.state.agreements if a.open for i in a.items if i.status is not _BROKEN}

    def _off_table(self, item: Item) -> str:
        """Why ``item`` is off the agenda now (the rest of a sentence that starts with the item), or ``""``."""
        rules = self._rules
        if not rules.agenda:
            return ""
        if not item.on_table and item.id not in self._opened_items():
            return "is not on the table yet: it comes with later news"
        if item.follows is not None or item.id in rules.followers:
            implemented = self._implemented()
            if item.follows is not None and item.follows not in implemented:
                earlier = rules.item_texts.get(item.follows, item.follows)
                return f"comes onto the table only once {earlier!r} has been fully implemented"
            if item.id in implemented and item.id in rules.followers:
                later = ", ".join(repr(rules.item_texts.get(i, i)) for i in rules.followers[item.id])
                return f"has been implemented and has given way to its later form ({later})"
        return ""

    def _implemented(self) -> set[str]:
        """Items fully implemented in some agreement."""
        return {i.item for a in self.state.agreements for i in a.items if i.status is ItemStatus.IMPLEMENTED}

    def _opened_items(self) -> set[str]:
        """Items put on the table by an event that fired or an answer given so far (read from the news, where both
        are recorded; the news only grows, so each entry is read once per game object)."""
        rules = self._rules
        news = self.state.news
        read_list, read = self._opened_read
        if read_list != id(news) or read > len(news):
            self._opened, read = set(), 0
        opened = self._opened
        for entry in news[read:]:
            if entry.kind is _EVENT_NEWS:
                opened.update(rules.event_opens.get(entry.id, ()))
            elif entry.kind is _CHOICE_NEWS:
                opened.update(rules.choice_opens.get((entry.id, entry.detail), ()))
        self._opened_read = (id(news), len(news))
        return opened

    def _item_condition_holds(self, item: Item) -> bool:
        return item.condition is None or self._check(item.condition, item.id, [])

    def _proposal_problem(
        self, sender: str, receiver: str, give: tuple[str, ...], ask: tuple[str, ...], *, check_open: bool
    ) -> str:
        """The first rule a proposal breaks, or ``""``."""
        self._role(sender)
        self._role(receiver)
        state = self.state
        if self._rules.negotiation is None:
            return "this scenario has no negotiation"
        if state.phase is not Phase.ACTIONS:
            return f"proposals are made in the actions phase (now: {state.phase.value})"
        if sender == receiver:
            return "a role cannot propose to itself"
        if not give and not ask:
            return "a proposal needs at least one item"
        items = self._rules.items
        seen: set[str] = set()
        in_force = self._in_force()
        for side, owner in ((give, sender), (ask, receiver)):
            for item_id in side:
                item = items.get(item_id)
                if item is None:
                    hint = difflib.get_close_matches(item_id, list(items), n=1)
                    return f"unknown item {item_id!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
                if item_id in seen:
                    return f"item {item_id!r} is listed twice"
                seen.add(item_id)
                if item.giver != owner:
                    if side is give:
                        return f"item {item_id!r} is given by {item.giver}, so {sender} cannot offer it"
                    return f"item {item_id!r} is given by {item.giver}, so it cannot be asked of {receiver}"
                if item_id in in_force:
                    return f"item {item_id!r} is already in force in an open agreement"
                off = self._off_table(item) if self._rules.agenda else ""
                if off:
                    return f"item {item_id!r} {off}"
                if item.condition is not None and not self._item_condition_holds(item):
                    return f"item {item_id!r}: condition not met: {self.readable(item.condition)}"
        if check_open:
            for proposal in state.proposals:
                if proposal.status is not _OPEN:
                    continue
                if proposal.sender == sender and proposal.receiver == receiver:
                    return f"{sender} already has an open proposal to {receiver} ({proposal.id})"
        return ""

    def _answerable(self, role: str, proposal_id: str) -> Proposal:
        self._role(role)
        self._negotiation()
        proposal = self.proposal(proposal_id)
        if self.state.phase is not Phase.ACTIONS:
            raise NegotiationError(f"proposals are answered in the actions phase (now: {self.state.phase.value})")
        if proposal.status is not ProposalStatus.OPEN:
            raise NegotiationError(f"proposal {proposal_id} is not open (it was {proposal.status})")
        if proposal.receiver != role:
            raise NegotiationError(f"proposal {proposal_id} is addressed to {proposal.receiver}, not {role}")
        return proposal

    def _send(
        self, sender: str, receiver: str, give: tuple[str, ...], ask: tuple[str, ...], reply_to: str | None
    ) -> Proposal:
        state = self.state
        state.proposal_serial += 1
        proposal = Proposal(
            f"p{state.proposal_serial}", state.turn, sender, receiver, give, ask, ProposalStatus.OPEN, reply_to
        )
        state.proposals.append(proposal)
        state.news.append(News(state.turn, NewsKind.PROPOSAL, proposal.id, sender, NewsDetail.SENT))
        return proposal

    def _answer(self, proposal: Proposal, status: ProposalStatus) -> None:
        state = self.state
        state.proposals[state.proposals.index(proposal)] = replace(proposal, status=status)
        role = proposal.sender if status is ProposalStatus.WITHDRAWN else proposal.receiver
        state.news.append(News(state.turn, NewsKind.PROPOSAL, proposal.id, role, status))

    def _make_agreement(self, proposal: Proposal) -> Agreement:
        state = self.state
        state.agreement_serial += 1
        turn = state.turn
        items = self._rules.items
        agreement = Agreement(
            id=f"a{state.agreement_serial}",
            turn=turn,
            parties=(proposal.sender, proposal.receiver),
            items=tuple(AgreementItem(i, items[i].giver, turn, turn + items[i].turns - 1) for i in proposal.items()),
            proposal=proposal.id,
        )
        state.agreements.append(agreement)
        state.news.append(News(turn, NewsKind.AGREEMENT, agreement.id, proposal.receiver, NewsDetail.MADE))
        return agreement

    def _start_agreements(self, turn: int, basis: dict[str, float]) -> None:
        """Resolution: the items of agreements made this turn start; their effects are read from ``basis``."""
        state = self.state
        rules = self._rules
        for agreement in state.agreements:
            if agreement.turn != turn:
                continue
            for part in agreement.items:
                if part.status is not _PENDING:
                    continue
                cause_id = item_key(agreement.id, part.item)
                text = f"Agreement {agreement.id}: {rules.item_texts[part.item]}"
                apply_plan(
                    rules.item_plans[part.item], Cause.AGREEMENT, cause_id, basis, state.values, state.history,
                    state.errors, turn, part.giver, text, state.scheduled,
                )  # fmt: skip

    def _close_turn_of_negotiation(self, turn: int) -> None:
        """Resolution: items whose last turn this is are implemented (trust rises); unanswered proposals lapse."""
        state = self.state
        negotiation = self._negotiation()
        for index, agreement in enumerate(state.agreements):
            if not any(i.end == turn and i.status is _PENDING for i in agreement.items):
                continue
            items = []
            for part in agreement.items:
                if part.end == turn and part.status is ItemStatus.PENDING:
                    part = replace(part, status=ItemStatus.IMPLEMENTED)
                    cause_id = item_key(agreement.id, part.item)
                    state.news.append(News(turn, NewsKind.AGREEMENT, cause_id, part.giver, ItemStatus.IMPLEMENTED))
                    text = f"Kept: {self._rules.item_texts[part.item]} ({agreement.id})"
                    first, second = agreement.parties
                    self._move_trust(first, second, negotiation.trust_kept, Cause.KEPT, cause_id, part.giver, text)
                items.append(part)
            state.agreements[index] = replace(agreement, items=tuple(items))
        for proposal in state.proposals:
            if proposal.status is _OPEN:
                self._answer(proposal, ProposalStatus.WITHDRAWN)

    def _move_trust(
        self, first: str, second: str, delta: float, cause: Cause, cause_id: str, role: str, text: str
    ) -> None:
        """Change a pair's trust (kept in ``state.trust`` and, for expressions, in the values; or the scenario's
        trust indicator, within its range), recorded."""
        state = self.state
        name, before, after = self._trust_after(first, second, delta)
        if after != before:
            state.values[name] = after
            if self._negotiation().trust_indicator is None:
                state.trust[trust_key(first, second)] = after
            state.history.append(Change(state.turn, name, before, after, cause, cause_id, role, text, state.turn))

    def _trust_after(self, first: str, second: str, delta: float) -> tuple[str, float, float]:
        """Where the pair's trust is recorded (the scenario's trust indicator, or ``trust_<a>_<b>``), its value now,
        and its value after moving by ``delta`` within its range: the one rule :meth:`_move_trust` and
        :meth:`forecast_break` share."""
        bound = self._negotiation().trust_indicator
        if bound is not None:
            before = self.state.values[bound]
            low, high = self._rules.bounds[bound]
            return bound, before, min(max(before + delta, low), high)
        before = self.state.trust[trust_key(first, second)]
        return trust_name(first, second), before, min(max(before + delta, 0.0), 100.0)

    # ----------------------------------------------------------------- internals
    def _apply_dynamics(self, turn: int) -> None:
        """The generic (not generated) path: every dynamic in file order."""
        state = self.state
        for dynamic_id, condition, run, text in self._rules.dynamics:
            if condition is not None and not self._check(condition, dynamic_id):
                continue
            run(state.values, state.values, state.history, state.errors, turn, "", text, state.scheduled)

    def _begin_turn(self) -> None:
        state = self.state
        state.stage_starts += (state.turn, _NEWS, len(state.history), len(state.news))
        self._globals["turn"] = state.turn
        state.previous = dict(state.values)
        capital = state.capital
        for role_id, gain, ceiling in self._rules.capital_rows:
            gained = capital[role_id] + gain
            capital[role_id] = gained if gained < ceiling else ceiling
        state.phase = Phase.NEWS
        if state.queued:
            queued, state.queued = state.queued, []
            for event_id in queued:
                self._fire(self._events[event_id])
        for event in self._events_to_fire():
            self._fire(event)
        self._blocked = None
        if not state.pending:
            self._enter_actions()

    def _events_to_fire(self) -> list[Event]:
        state = self.state
        turn = state.turn
        rules = self._rules
        scripted = rules.scripted.get(turn)
        fired = [e for e in scripted if self._allowed(e)] if scripted else []
        draws = self.scenario.events_per_turn
        if draws <= 0:
            return fired
        last_fired = state.event_fired
        failing = self._failing(rules.failing_events, rules.event_conditions)
        eligible = []
        weights = []
        for event, event_id, once, cooldown, weight in rules.events_in_window.get(turn, ()):
            if event_id in failing:
                continue
            previous = last_fired.get(event_id)
            if previous is not None and (once or turn - previous <= cooldown):
                continue
            eligible.append(event)
            weights.append(weight)
        rng = state.rng
        quiet = self.scenario.quiet_weight
        for _ in range(draws):
            if not eligible:
                break
            pick = rng.random() * (quiet + sum(weights))
            if pick < quiet:
                continue
            pick -= quiet
            for index, weight in enumerate(weights):
                pick -= weight
                if pick < 0:
                    fired.append(eligible.pop(index))
                    weights.pop(index)
                    break
        return fired

    def _allowed(self, event: Event) -> bool:
        last = self.state.event_fired.get(event.id)
        if last is not None and (event.once or self.state.turn - last <= event.cooldown):
            return False
        return event.condition is None or self._check(event.condition, event.id)

    def _fire(self, event: Event) -> None:
        state = self.state
        state.event_fired[event.id] = state.turn
        state.news.append(_new_change(News, (state.turn, _EVENT_NEWS, event.id, event.role or "", "")))
        run = self._rules.event_runners[event.id]
        text = self._rules.event_texts[event.id]
        run(state.values, state.values, state.history, state.errors, state.turn, "", text, state.scheduled)
        if event.choices and event.role is not None:
            state.pending.append(_new_change(PendingChoice, (event.id, event.role)))

    def _apply_due(self, turn: int) -> None:
        due = self.state.scheduled.pop(turn, None)
        if not due:
            return
        values, history, bounds = self.state.values, self.state.history, self._bounds
        for _, indicator, op, amount, cause, cause_id, role, text, since in due:
            before = values[indicator]
            after = before + amount if op == _ADD else before - amount if op == _SUB else amount
            low, high = bounds[indicator]
            after = low if after < low else high if after > high else after
            if after != before:
                values[indicator] = after
                row = (turn, indicator, before, after, cause, cause_id, role, text, since)
                history.append(_new_change(Change, row))

    def _end_check(self) -> None:
        state = self.state
        for ending in self._rules.early_endings:
            if ending.condition is not None and self._check(ending.condition, ending.id):
                self._finish(ending.id, Termination.EARLY)
                return
        if state.turn >= self.scenario.turns:
            for ending in self._rules.final_endings:
                if ending.condition is None or self._check(ending.condition, ending.id):
                    self._finish(ending.id, Termination.FINAL)
                    return
            # Unreachable for validated scenarios (the last ending has no condition); end anyway.
            self._finish(self._rules.final_endings[-1].id if self._rules.final_endings else "", Termination.FINAL)

    def _finish(self, ending_id: str, how: Termination) -> None:
        state = self.state
        scores = {r: self._eval(role.score, f"{r}.score", state.values, record=True) for r, role in self._roles.items()}
        state.outcome = Outcome(ending_id, state.turn, how, scores)
        state.phase = Phase.OVER
        state.pending = []
        state.news.append(News(state.turn, NewsKind.ENDING, ending_id, "", how.value))

    def _eval(self, expr: Expr, rule: str, values: dict[str, float], *, record: bool = False) -> float:
        """Evaluate for a query (forecast, score): a failing rule counts as 0. Only ``record=True`` (the final
        scores) writes the failure into the state, so looking at the game never changes it."""
        try:
            return expr.evaluate(self._globals, values)
        except ExprError as exc:
            if record:
                self.state.errors.append(RuleError(self.state.turn, rule, str(exc)))
            return 0.0

    def _enter_actions(self) -> None:
        """Start the actions phase. Action conditions are tested here, once, as part of the turn (so a failing
        one is recorded deterministically, never because somebody looked at the legal actions)."""
        state = self.state
        state.phase = Phase.ACTIONS
        state.stage_starts += (state.turn, _ACTIONS, len(state.history), len(state.news))
        self._blocked = self._compute_unavailable(state.errors)

    def _unavailable(self) -> _Unavailable:
        """The actions whose condition fails now, and those plus the ones cooling down.

        Values and cooldowns only change in ``choose`` and ``resolve_turn``, which forget this. A game restored
        from a save recomputes it without recording failures again (they were recorded when the phase began).
        """
        if self._blocked is None:
            self._blocked = self._compute_unavailable([])
        return self._blocked

    def _compute_unavailable(self, errors: list[RuleError]) -> _Unavailable:
        rules = self._rules
        blocked = self._failing(rules.failing_actions, rules.action_conditions, errors)
        turn, cooldowns = self.state.turn, rules.cooldowns
        cooling = [a for a, last in self.state.last_used.items() if turn - last <= cooldowns[a]]
        return blocked, blocked.union(cooling)

    def _failing(
        self,
        compiled: ConditionsRunner | None,
        conditions: list[tuple[str, Expr]],
        errors: list[RuleError] | None = None,
    ) -> frozenset[str]:
        """The ids whose condition does not hold now (generated code when available, else one by one)."""
        state = self.state
        errors = state.errors if errors is None else errors
        if compiled is not None:
            return compiled(state.values, errors, state.turn)
        return frozenset(rule for rule, expr in conditions if not self._check(expr, rule, errors))

    def _check(self, expr: Expr, rule: str, errors: list[RuleError] | None = None) -> bool:
        try:
            return bool(eval(expr.code, self._globals, self.state.values))  # code compiled from a checked AST
        except (ArithmeticError, ValueError, TypeError) as exc:
            (self.state.errors if errors is None else errors).append(
                RuleError(self.state.turn, rule, f"{expr.source!r}: {exc}")
            )
            return False

    def _role(self, role: str) -> Role:
        try:
            return self._roles[role]
        except KeyError:
            raise UnknownIdError(f"unknown role {role!r}; roles: {', '.join(self._roles)}") from None

    def _action(self, action_id: str) -> Action:
        try:
            return self._actions[action_id]
        except KeyError:
            raise UnknownIdError(f"unknown action {action_id!r}") from None

    def _event(self, event_id: str) -> Event:
        try:
            return self._events[event_id]
        except KeyError:
            raise UnknownIdError(f"unknown event {event_id!r}") from None

    @staticmethod
    def _choice(event: Event, choice_id: str) -> Choice:
        for choice in event.choices:
            if choice.id == choice_id:
                return choice
        raise UnknownIdError(f"event {event.id!r} has no choice {choice_id!r}")
