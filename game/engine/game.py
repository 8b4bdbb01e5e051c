"""The rules: a :class:`Game` plays one scenario, turn by turn, deterministically from its seed.

A turn runs in phases: news (events fire; some wait for their role's choice) -> actions (roles commit actions
within their political capital, and negotiate: propose, answer, counter, break) -> resolution (committed effects
apply together with the first portion of agreements made this turn, then effects falling due; items whose last turn
this is are implemented and unanswered proposals lapse; then dynamics; every value clamped) -> end check. Every
change is recorded in the history with its cause and the turn of the decision that made it, and where each stage of
a turn (news, actions, resolution) begins is recorded too (:meth:`Game.stage_start`): structure is data, so nothing
has to read the wording of causes.

:class:`Game` is a facade: the work is done by one module per concern, each a set of functions of a
:class:`~game.engine.context.Context` (a game's scenario, state and compiled rules), and a game is that context with
those functions as its methods (``commit = turns.commit``: no call in between, the hot paths stay as fast):

- :mod:`~game.engine.turns`: a turn's news, the actions phase and the resolution;
- :mod:`~game.engine.negotiation`: proposals, agreements, breaking one, and trust (always an indicator);
- :mod:`~game.engine.agenda`: which negotiation items may be offered now;
- :mod:`~game.engine.forecasts`: what an action, an answer or a break is expected to do;
- :mod:`~game.engine.queries`: scores, stages, origins and the values of the past.
"""

from __future__ import annotations

import random
from typing import Any

from game.engine import agenda, facilitator, forecasts, negotiation, queries, turns
from game.engine.checks import state_problems
from game.engine.commands import (
    Adjust,
    BreakAgreement,
    Choose,
    Command,
    Commit,
    Counter,
    EndNow,
    EndTurn,
    Inject,
    Propose,
    Respond,
    Withdraw,
)
from game.engine.context import Context
from game.engine.scenario import Scenario
from game.engine.state import Change, GameState, Mark, Outcome, PendingChoice, Phase, Unrecorded
from game.engine.turns import TurnReport


class Game(Context):
    """One game of a scenario. Create with :meth:`new` or :meth:`from_dict`.

    The public API: what the game is now (below), and the functions of the concern modules, bound as methods."""

    def __init__(self, scenario: Scenario, state: GameState, *, lang: str = "en", compiled: bool = True) -> None:
        super().__init__(scenario, state, lang, compiled=compiled)

    # ----------------------------------------------------------------- creation and saving
    @classmethod
    def new(
        cls, scenario: Scenario, seed: int = 0, *, lang: str = "en", compiled: bool = True, record: bool = True
    ) -> Game:
        """Start a game at turn 1; the news of turn 1 has already happened.

        ``record=False`` plays the fast path, for games nobody reads the past of (rollouts, ``simulate``): no
        history is kept (:class:`~game.engine.state.Unrecorded`), so the causes and texts of changes are never
        built, and the game cannot be saved; the values, news, outcome and random draws are those of the full path.
        """
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
            history=[] if record else Unrecorded(),
        )
        game = cls(scenario, state, lang=lang, compiled=compiled)
        turns.begin_turn(game)
        return game

    def to_dict(self) -> dict[str, Any]:
        """The whole state as a JSON-compatible dict."""
        return self.state.to_dict()

    @classmethod
    def from_dict(cls, scenario: Scenario, data: dict[str, Any], *, lang: str = "en") -> Game:
        """Restore a game saved with :meth:`to_dict` against the same scenario (older saves are converted).

        Raises ``KeyError``, ``TypeError`` or ``ValueError`` when the data is not a game's, and ``ValueError`` naming
        what does not fit when it is a game that does not fit ``scenario`` (:func:`~game.engine.checks.state_problems`).
        """
        state = GameState.from_dict(data)
        problems = state_problems(scenario, state)
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise ValueError(problems[0] + more)
        return cls(scenario, state, lang=lang)

    def clone(self, *, record: bool | None = None, reseed: int | None = None) -> Game:
        """An independent copy of this game (same scenario object); ``record=False`` copies it onto the fast path
        (see :meth:`new`), ``None`` keeps this game's path; ``reseed`` starts the copy's random generator afresh
        from that seed (the draws of the real game's future stay unknown to it)."""
        state = self.state.clone(record=record, reseed=reseed)
        if self.state.recorded and not state.recorded and state.proposals:  # the past the fast path must remember
            state.sent = {p.id: (values, moment.news) for p, (moment, values) in
                          zip(state.proposals, queries.when_sent(self, state.proposals), strict=True)}  # fmt: skip
        return Game(self.scenario, state, lang=self.lang, compiled=self.rules.compiled)

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
        return self.state.capital[self.role(role).id]

    def committed(self, role: str) -> list[str]:
        """Action ids ``role`` has committed this turn."""
        return list(self.state.committed[self.role(role).id])

    def marks(self) -> list[Mark]:
        """Where each stage of each turn began, in order (none for turns played before stages were recorded)."""
        return self.state.marks()

    def apply(self, command: Command) -> TurnReport | None:
        """Carry out a command; returns the turn report for :class:`EndTurn`."""
        if isinstance(command, Commit):
            turns.commit(self, command.role, command.action)
        elif isinstance(command, Withdraw):
            turns.withdraw(self, command.role, command.action)
        elif isinstance(command, Choose):
            turns.choose(self, command.role, command.event, command.choice)
        elif isinstance(command, EndTurn):
            return turns.resolve_turn(self)
        elif isinstance(command, Propose):
            negotiation.propose(self, command.sender, command.receiver, command.give, command.ask)
        elif isinstance(command, Respond):
            negotiation.respond(self, command.role, command.proposal, command.accept)
        elif isinstance(command, Counter):
            negotiation.counter(self, command.role, command.proposal, command.give, command.ask)
        elif isinstance(command, BreakAgreement):
            negotiation.break_agreement(self, command.role, command.agreement)
        elif isinstance(command, Adjust):
            facilitator.adjust(self, command.indicator, command.value, command.reason)
        elif isinstance(command, Inject):
            facilitator.inject(self, command.event)
        elif isinstance(command, EndNow):
            facilitator.end_now(self)
        else:  # pragma: no cover - the Command union is closed
            raise TypeError(f"not a command: {command!r}")
        return None

    # ----------------------------------------------------------------- the turn: game.engine.turns
    why_not = turns.why_not
    legal_actions = turns.legal_actions
    commit = turns.commit
    withdraw = turns.withdraw
    choose = turns.choose
    resolve_turn = turns.resolve_turn

    # ----------------------------------------------------------------- negotiation: game.engine.negotiation, agenda
    # (``item`` and ``readable`` come with the context)
    trust = negotiation.trust
    open_proposals = negotiation.open_proposals
    proposal = negotiation.find_proposal
    agreements = negotiation.agreements
    agreement = negotiation.find_agreement
    why_not_propose = negotiation.why_not_propose
    propose = negotiation.propose
    why_not_accept = negotiation.why_not_accept
    respond = negotiation.respond
    counter = negotiation.counter
    break_agreement = negotiation.break_agreement
    legal_items = agenda.legal_items
    on_table = agenda.on_table
    why_not_item = agenda.why_not_item
    off_table_reason = agenda.off_table_reason

    # ----------------------------------------------------------------- a facilitator: game.engine.facilitator
    why_not_adjust = facilitator.why_not_adjust
    why_not_inject = facilitator.why_not_inject

    # ----------------------------------------------------------------- forecasts: game.engine.forecasts
    forecast = forecasts.forecast
    forecast_choice = forecasts.forecast_choice
    forecast_effects = forecasts.forecast_effects
    forecast_break = forecasts.forecast_break

    # ----------------------------------------------------------------- queries: game.engine.queries
    score = queries.score
    score_of = queries.score_of
    scores = queries.scores
    stage_start = queries.stage_start
    stage_of = queries.stage_of
    origin = queries.origin
    values_after = queries.values_after
    values_after_each = queries.values_after_each
    values_at = queries.values_at
    value_at = queries.value_at
    value_series = queries.value_series
    values_by_turn = queries.values_by_turn
    changes_in_turn = queries.changes_in_turn
    proposal_moments = queries.proposal_moments
    when_sent = queries.when_sent
    causes = queries.causes
