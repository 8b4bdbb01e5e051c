"""What every concern of one game shares: the scenario, the state, the compiled rules, and the lookups and checks
that turn resolution, negotiation, forecasts and queries all use.

A :class:`Context` belongs to one :class:`~game.engine.game.Game`; the concern modules (``turns``, ``negotiation``,
``agenda``, ``forecasts``, ``queries``) are functions of it, so none of them needs the facade.
"""

from __future__ import annotations

import re

from game.engine.codegen import ConditionsRunner
from game.engine.errors import N_, NegotiationError, UnknownIdError, Why
from game.engine.expr import Expr, ExprError, base_globals, failure
from game.engine.rules import Rules
from game.engine.scenario import Action, Choice, Event, Item, Negotiation, Role, Scenario, Text, localize
from game.engine.state import GameState, RuleError

#: What :meth:`Context.unavailable` computes once a phase: failing actions, and those plus the ones cooling down.
Unavailable = tuple[frozenset[str], frozenset[str]]
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: The largest magnitude of a score: a score formula may multiply levels far past anything meaningful, while
#: averages, spreads and differences of scores over many games must stay finite and a score's one decimal exact
#: (as an indicator's bounds, see the loader's ``LARGEST_BOUND``).
SCORE_LIMIT = 1e15


class Context:
    """One game's scenario, state and rules, with the caches that only save work (never part of the state)."""

    __slots__ = (
        "actions",
        "blocked",
        "bounds",
        "events",
        "globals",
        "lang",
        "opened",
        "opened_read",
        "roles",
        "rules",
        "scenario",
        "state",
    )  # fmt: skip

    def __init__(self, scenario: Scenario, state: GameState, lang: str, *, compiled: bool = True) -> None:
        self.scenario = scenario
        self.state = state
        self.lang = lang
        self.globals = base_globals()
        self.globals["turn"] = state.turn
        self.rules = rules = Rules.of(scenario, lang, compiled=compiled, record=state.recorded)
        self.roles = rules.roles
        self.actions = rules.actions
        self.events = rules.events
        self.bounds = rules.bounds
        #: Actions whose condition fails, and those plus the ones cooling down; None = not computed in this phase yet.
        self.blocked: Unavailable | None = None
        #: Items put on the table by the events and answers of the news read so far; the news list and its count.
        self.opened: set[str] = set()
        self.opened_read: tuple[int, int] = (0, 0)

    # ----------------------------------------------------------------- lookups
    def role(self, role: str) -> Role:
        """The role with this id; raises :class:`UnknownIdError` naming the roles."""
        try:
            return self.roles[role]
        except KeyError:
            raise UnknownIdError(f"unknown role {role!r}; roles: {', '.join(self.roles)}") from None

    def action(self, action_id: str) -> Action:
        """The action with this id; raises :class:`UnknownIdError`."""
        try:
            return self.actions[action_id]
        except KeyError:
            raise UnknownIdError(f"unknown action {action_id!r}") from None

    def event(self, event_id: str) -> Event:
        """The event with this id; raises :class:`UnknownIdError`."""
        try:
            return self.events[event_id]
        except KeyError:
            raise UnknownIdError(f"unknown event {event_id!r}") from None

    @staticmethod
    def choice(event: Event, choice_id: str) -> Choice:
        """The answer ``choice_id`` of ``event``; raises :class:`UnknownIdError`."""
        for choice in event.choices:
            if choice.id == choice_id:
                return choice
        raise UnknownIdError(f"event {event.id!r} has no choice {choice_id!r}")

    def item(self, item_id: str) -> Item:
        """The negotiation item with this id; raises :class:`UnknownIdError`."""
        try:
            return self.rules.items[item_id]
        except KeyError:
            raise UnknownIdError(f"unknown negotiation item {item_id!r}") from None

    def negotiation(self) -> Negotiation:
        """The scenario's negotiation section; raises :class:`NegotiationError` when it has none."""
        negotiation = self.rules.negotiation
        if negotiation is None:
            raise NegotiationError("this scenario has no negotiation")
        return negotiation

    def readable(self, expr: Expr) -> str:
        """An expression with indicator ids replaced by their labels, for people."""
        labels = self.rules.labels
        return _IDENTIFIER.sub(lambda m: labels.get(m.group(0), m.group(0)), expr.source)

    def unmet(self, condition: Expr, reason: Text | None) -> str:
        """Why a failing condition closes an action or an item, for people: the file's readable ``reason`` in the
        game's language (without a closing full stop), else ``condition not met:`` and the condition as written."""
        if reason:
            return localize(reason, self.lang).rstrip(". ")
        return Why(N_("condition not met: {condition}"), condition=self.readable(condition))

    # ----------------------------------------------------------------- evaluating rules
    def check(self, expr: Expr, rule: str, errors: list[RuleError] | None = None) -> bool:
        """Whether a condition holds now; a failing one is recorded in ``errors`` (the state's by default)."""
        try:
            return bool(eval(expr.code, self.globals, self.state.values))  # code compiled from a checked AST
        except (ArithmeticError, ValueError, TypeError) as exc:
            (self.state.errors if errors is None else errors).append(
                RuleError(self.state.turn, rule, f"{expr.source!r}: {failure(exc)}")
            )
            return False

    def eval(self, expr: Expr, rule: str, values: dict[str, float], *, record: bool = False) -> float:
        """Evaluate for a query (forecast, score): a failing rule counts as 0. Only ``record=True`` (the final
        scores) writes the failure into the state, so looking at the game never changes it."""
        try:
            return expr.evaluate(self.globals, values)
        except ExprError as exc:
            if record:
                self.state.errors.append(RuleError(self.state.turn, rule, str(exc)))
            return 0.0

    def score_on(self, role: str, values: dict[str, float], *, record: bool = False) -> float:
        """``role``'s score on ``values`` (see :meth:`eval`), limited to ``-SCORE_LIMIT..SCORE_LIMIT``."""
        result = self.eval(self.role(role).score, f"{role}.score", values, record=record)
        return max(-SCORE_LIMIT, min(SCORE_LIMIT, result))

    def failing(
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
        return frozenset(rule for rule, expr in conditions if not self.check(expr, rule, errors))

    def unavailable(self) -> Unavailable:
        """The actions whose condition fails now, and those plus the ones cooling down.

        Values and cooldowns only change in ``choose``, ``break_agreement`` and ``resolve_turn``, which forget this. A
        game restored from a save recomputes it without recording failures again (they were recorded when the phase
        began).
        """
        if self.blocked is None:
            self.blocked = self.compute_unavailable([])
        return self.blocked

    def compute_unavailable(self, errors: list[RuleError]) -> Unavailable:
        """:meth:`unavailable` computed afresh, recording failing conditions in ``errors``."""
        rules = self.rules
        blocked = self.failing(rules.failing_actions, rules.action_conditions, errors)
        turn, cooldowns = self.state.turn, rules.cooldowns
        cooling = [a for a, last in self.state.last_used.items() if turn - last <= cooldowns[a]]
        return blocked, blocked.union(cooling)
