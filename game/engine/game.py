"""The rules: a :class:`Game` plays one scenario, turn by turn, deterministically from its seed.

A turn runs in phases: news (events fire; some wait for their role's choice) -> actions (roles commit actions
within their political capital, and negotiate: propose, answer, counter, break) -> resolution (committed effects
apply together with the first portion of agreements made this turn, then effects falling due; items whose last turn
this is are implemented and unanswered proposals lapse; then dynamics; every value clamped) -> end check. Every
change is recorded in the history with its cause and the turn of the decision that made it, and where each stage of
a turn (news, actions, resolution) begins is recorded too (:meth:`Game.stage_start`): structure is data, so nothing
has to read the wording of causes.

:class:`Game` is a facade: the work is done by one module per concern, each a set of functions of the game's
:class:`~game.engine.context.Context` (its scenario, state and compiled rules):

- :mod:`~game.engine.turns`: a turn's news, the actions phase and the resolution;
- :mod:`~game.engine.negotiation`: proposals, agreements, breaking one, and trust (always an indicator);
- :mod:`~game.engine.agenda`: which negotiation items may be offered now;
- :mod:`~game.engine.forecasts`: what an action, an answer or a break is expected to do;
- :mod:`~game.engine.queries`: scores, stages, origins and the values of the past.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from game.engine import agenda, forecasts, negotiation, queries, turns
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
from game.engine.context import Context
from game.engine.expr import Expr
from game.engine.forecasts import BreakForecast, Forecast
from game.engine.scenario import Action, Effect, Item, Scenario
from game.engine.state import (
    Agreement,
    Cause,
    Change,
    GameState,
    Mark,
    Origin,
    Outcome,
    PendingChoice,
    Phase,
    Proposal,
    Stage,
)
from game.engine.turns import TurnReport


class Game:
    """One game of a scenario. Create with :meth:`new` or :meth:`from_dict`."""

    def __init__(self, scenario: Scenario, state: GameState, *, lang: str = "en", compiled: bool = True) -> None:
        self.scenario = scenario
        self.state = state
        self.lang = lang
        self._ctx = Context(scenario, state, lang, compiled=compiled)

    # ----------------------------------------------------------------- creation and saving
    @classmethod
    def new(cls, scenario: Scenario, seed: int = 0, *, lang: str = "en", compiled: bool = True) -> Game:
        """Start a game at turn 1; the news of turn 1 has already happened."""
        values = {i.id: float(i.initial) for i in scenario.indicators}
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
        )
        game = cls(scenario, state, lang=lang, compiled=compiled)
        turns.begin_turn(game._ctx)
        return game

    def to_dict(self) -> dict[str, Any]:
        """The whole state as a JSON-compatible dict."""
        return self.state.to_dict()

    @classmethod
    def from_dict(cls, scenario: Scenario, data: dict[str, Any], *, lang: str = "en") -> Game:
        """Restore a game saved with :meth:`to_dict` against the same scenario (older saves are converted)."""
        return cls(scenario, GameState.from_dict(data), lang=lang)

    def clone(self) -> Game:
        """An independent copy of this game (same scenario object)."""
        return Game(self.scenario, self.state.clone(), lang=self.lang, compiled=self._ctx.rules.compiled)

    # ----------------------------------------------------------------- the state now
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
        """The current value of an indicator (trust between two roles included)."""
        return self.state.values[indicator]

    def pending_choices(self, role: str | None = None) -> list[PendingChoice]:
        """Events still waiting for an answer (of ``role`` if given)."""
        return [p for p in self.state.pending if role is None or p.role == role]

    def capital(self, role: str) -> int:
        """Capital ``role`` has left to spend this turn."""
        return self.state.capital[self._ctx.role(role).id]

    def committed(self, role: str) -> list[str]:
        """Action ids ``role`` has committed this turn."""
        return list(self.state.committed[self._ctx.role(role).id])

    def readable(self, expr: Expr) -> str:
        """An expression with indicator ids replaced by their labels, for people."""
        return self._ctx.readable(expr)

    # ----------------------------------------------------------------- the turn (game.engine.turns)
    def why_not(self, role: str, action_id: str) -> str:
        """Why ``role`` cannot commit ``action_id`` now, or ``""`` if it can."""
        return turns.why_not(self._ctx, role, action_id)

    def legal_actions(self, role: str) -> list[Action]:
        """The actions ``role`` may commit now, in scenario order."""
        return turns.legal_actions(self._ctx, role)

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
        turns.commit(self._ctx, role, action_id)

    def withdraw(self, role: str, action_id: str) -> None:
        """Take back a committed action and refund its cost."""
        turns.withdraw(self._ctx, role, action_id)

    def choose(self, role: str, event_id: str, choice_id: str) -> None:
        """Answer a pending event; the choice's effects apply at once."""
        turns.choose(self._ctx, role, event_id, choice_id)

    def resolve_turn(self) -> TurnReport:
        """Resolve the turn: committed actions together, then due effects, then dynamics; then the end check."""
        return turns.resolve_turn(self._ctx)

    # ----------------------------------------------------------------- negotiation (game.engine.negotiation, agenda)
    def trust(self, first: str, second: str) -> float:
        """Trust between two roles; raises :class:`NegotiationError` without a negotiation section."""
        return negotiation.trust(self._ctx, first, second)

    def item(self, item_id: str) -> Item:
        """The negotiation item with this id."""
        return self._ctx.item(item_id)

    def legal_items(self, role: str) -> list[Item]:
        """The items ``role`` gives that may be put in a proposal now (see :func:`agenda.legal_items`)."""
        return agenda.legal_items(self._ctx, role)

    def on_table(self, item_id: str) -> bool:
        """Whether an item is on the negotiation agenda now, its condition aside (see :func:`agenda.on_table`)."""
        return agenda.on_table(self._ctx, item_id)

    def why_not_item(self, item_id: str) -> str:
        """Why an item cannot be put in a proposal now (by either side), or ``""`` if it can."""
        return agenda.why_not_item(self._ctx, item_id)

    def open_proposals(self, role: str | None = None) -> list[Proposal]:
        """Open proposals, oldest first; with ``role``, only those waiting for its answer."""
        return negotiation.open_proposals(self._ctx, role)

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal with this id (any status)."""
        return negotiation.find_proposal(self._ctx, proposal_id)

    def agreements(self, role: str | None = None) -> list[Agreement]:
        """Every agreement made so far (of ``role``, if given), oldest first, with each item's schedule."""
        return negotiation.agreements(self._ctx, role)

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement with this id."""
        return negotiation.find_agreement(self._ctx, agreement_id)

    def why_not_propose(self, sender: str, receiver: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> str:
        """Why ``sender`` cannot propose ``give`` for ``ask`` to ``receiver`` now, or ``""`` if it can."""
        return negotiation.why_not_propose(self._ctx, sender, receiver, give, ask)

    def propose(self, sender: str, receiver: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> Proposal:
        """Send a proposal; raises :class:`NegotiationError` (with the reason) if the rules do not allow it."""
        return negotiation.propose(self._ctx, sender, receiver, give, ask)

    def why_not_accept(self, role: str, proposal_id: str) -> str:
        """Why ``role`` cannot accept the proposal now, or ``""`` if it can."""
        return negotiation.why_not_accept(self._ctx, role, proposal_id)

    def respond(self, role: str, proposal_id: str, accept: bool) -> Agreement | None:
        """Accept (returning the agreement made) or refuse a proposal addressed to ``role``."""
        return negotiation.respond(self._ctx, role, proposal_id, accept)

    def counter(self, role: str, proposal_id: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> Proposal:
        """Refuse a proposal addressed to ``role`` and send its sender ``give`` for ``ask`` instead."""
        return negotiation.counter(self._ctx, role, proposal_id, give, ask)

    def break_agreement(self, role: str, agreement_id: str) -> None:
        """``role`` stops implementing its pending items of an agreement (see :func:`negotiation.break_agreement`)."""
        negotiation.break_agreement(self._ctx, role, agreement_id)

    # ----------------------------------------------------------------- forecasts (game.engine.forecasts)
    def forecast(self, action_id: str) -> Forecast:
        """Expected immediate and delayed effects of an action, on the current state."""
        return forecasts.forecast(self._ctx, action_id)

    def forecast_choice(self, event_id: str, choice_id: str) -> Forecast:
        """Expected effects of answering ``event_id`` with ``choice_id``."""
        return forecasts.forecast_choice(self._ctx, event_id, choice_id)

    def forecast_effects(self, effects: Sequence[Effect], rule: str = "") -> Forecast:
        """Expected changes of a list of effects on the current state (no dynamics, no other players)."""
        return forecasts.forecast_effects(self._ctx, effects, rule)

    def forecast_break(self, role: str, agreement_id: str) -> BreakForecast:
        """What ``role`` breaking ``agreement_id`` now would do (see :func:`forecasts.forecast_break`)."""
        return forecasts.forecast_break(self._ctx, role, agreement_id)

    # ----------------------------------------------------------------- queries (game.engine.queries)
    def score(self, role: str) -> float:
        """``role``'s score on the current state (its private objectives)."""
        return queries.score(self._ctx, role)

    def score_of(self, role: str, values: dict[str, float]) -> float:
        """``role``'s score if the indicators had ``values`` (clamped to their ranges first)."""
        return queries.score_of(self._ctx, role, values)

    def scores(self) -> dict[str, float]:
        """Every role's score on the current state."""
        return queries.scores(self._ctx)

    def marks(self) -> list[Mark]:
        """Where each stage of each turn began, in order (none for turns played before stages were recorded)."""
        return self.state.marks()

    def stage_start(self, turn: int, stage: Stage) -> Mark | None:
        """Where ``stage`` of ``turn`` began: its history and news counts; ``None`` if it has not begun."""
        return queries.stage_start(self._ctx, turn, stage)

    def stage_of(self, index: int) -> Stage | None:
        """The stage in which history entry ``index`` was recorded (``None`` if that was not recorded)."""
        return queries.stage_of(self._ctx, index)

    def origin(self, cause: Cause, cause_id: str) -> Origin:
        """What a cause id refers to (see :func:`queries.origin`)."""
        return queries.origin(self._ctx, cause, cause_id)

    def values_after(self, count: int) -> dict[str, float]:
        """Every value after the first ``count`` history entries (0: the initial values)."""
        return queries.values_after(self._ctx, count)

    def values_after_each(self, counts: Sequence[int]) -> list[dict[str, float]]:
        """:meth:`values_after` for each of ``counts``, in one pass over the history."""
        return queries.values_after_each(self._ctx, counts)

    def values_at(self, turn: int) -> dict[str, float]:
        """Every value at the end of ``turn`` (0: the start, before the first news; the current turn: now)."""
        return queries.values_at(self._ctx, turn)

    def value_at(self, indicator: str, turn: int) -> float:
        """One value at the end of ``turn`` (0: the start); raises ``KeyError`` for an unknown name."""
        return queries.value_at(self._ctx, indicator, turn)

    def value_series(self, indicator: str) -> list[float]:
        """One value per turn: index 0 the start, index ``t`` the end of turn ``t``, the last one now."""
        return queries.value_series(self._ctx, indicator)

    def values_by_turn(self, names: Sequence[str] | None = None) -> dict[str, list[float]]:
        """:meth:`value_series` of every value (or of ``names``), in one pass over the history."""
        return queries.values_by_turn(self._ctx, names)

    def changes_in_turn(self, turn: int) -> list[Change]:
        """The history entries of one turn."""
        return queries.changes_in_turn(self._ctx, turn)

    def causes(self, indicator: str, *, last: int = 5) -> list[Change]:
        """The most recent changes of an indicator, newest first ("why did this move?")."""
        return queries.causes(self._ctx, indicator, last=last)
