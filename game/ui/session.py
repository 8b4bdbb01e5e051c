"""A running game as the front ends see it: the scenario, who plays which role, and the computer players.

Pure (no pygame). Screens call :meth:`Session.submit` with engine commands for the human roles and
:meth:`Session.end_turn` to let the computer roles move and resolve the turn; everything that happened is then read
from ``session.game`` (history, news, outcome) and ``session.reports``. A human's proposal goes through
:meth:`Session.propose`, which returns the computer's answer at once; the computers' own proposals are sent when
the actions phase of a turn begins (:meth:`Session.let_computers_negotiate`) and wait, listed by
:meth:`Session.open_proposals_for`, until a person answers them with :meth:`Session.respond` or
:meth:`Session.counter` (a counter to a computer is answered at once, like a proposal). Agreements are broken with
:meth:`Session.break_agreement`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.ai import make_policy
from game.ai.negotiator import answer_proposals, negotiate_turn
from game.ai.policies import Policy
from game.engine import (
    Agreement,
    BreakAgreement,
    Choose,
    Command,
    Counter,
    EndTurn,
    Game,
    Phase,
    Proposal,
    Propose,
    Respond,
    Scenario,
    TurnReport,
    localize,
)

#: Version of the dict :meth:`Session.to_dict` writes (inside a save file).
SESSION_FORMAT = 1

HUMAN = "human"


@dataclass
class Session:
    """One game in progress. ``players`` maps each role to ``"human"`` or a policy name; with ``negotiate`` false
    the computer players neither propose nor answer proposals."""

    scenario: Scenario
    scenario_path: str
    game: Game
    players: dict[str, str]
    seed: int
    policies: dict[str, Policy] = field(default_factory=dict)
    reports: list[TurnReport] = field(default_factory=list)
    on_turn_end: Callable[[Session], None] | None = None  # e.g. autosave
    negotiate: bool = True

    # ----------------------------------------------------------------- creation
    @classmethod
    def start(
        cls,
        scenario: Scenario,
        scenario_path: str,
        *,
        humans: tuple[str, ...],
        seed: int,
        computer: str = "greedy",
        lang: str = "en",
        negotiate: bool = True,
    ) -> Session:
        """A new game: ``humans`` play their roles, the computer (policy ``computer``) plays the others."""
        roles = [r.id for r in scenario.roles]
        unknown = [h for h in humans if h not in roles]
        if unknown:
            raise ValueError(f"unknown role {unknown[0]!r}; roles: {', '.join(roles)}")
        game = Game.new(scenario, seed, lang=lang)
        players = {r: (HUMAN if r in humans else computer) for r in roles}
        session = cls(scenario, scenario_path, game, players, seed, negotiate=negotiate)
        session._make_policies()
        session.let_computers_negotiate()
        return session

    def _make_policies(self, states: Mapping[str, Any] | None = None) -> None:
        self.policies = {}
        for index, (role, kind) in enumerate(self.players.items()):
            if kind == HUMAN:
                continue
            rng = random.Random(self.seed * 7919 + index)
            if states and role in states:
                version, internal, gauss = states[role]
                rng.setstate((int(version), tuple(int(x) for x in internal), gauss))
            policy = make_policy(kind, self.game, role, rng)
            if hasattr(policy, "negotiate"):
                policy.negotiate = self.negotiate
            self.policies[role] = policy

    # ----------------------------------------------------------------- queries
    @property
    def humans(self) -> list[str]:
        """The roles people play, in scenario order."""
        return [r for r, kind in self.players.items() if kind == HUMAN]

    @property
    def turn_label(self) -> str:
        """``Turn 3 of 12 · Jul 2023``."""
        game = self.game
        return f"Turn {game.turn} of {self.scenario.turns} · {self.scenario.calendar.label(game.turn)}"

    def role_name(self, role: str) -> str:
        """The role's display name."""
        return localize(self.scenario.role(role).name, self.game.lang)

    def waiting_choices(self) -> list[tuple[str, str]]:
        """(event id, role) of pending event choices that a person must answer."""
        return [(p.event, p.role) for p in self.game.pending_choices() if self.players.get(p.role) == HUMAN]

    @property
    def has_negotiation(self) -> bool:
        """Whether the scenario has a negotiation section (items, trust, agreements)."""
        return self.scenario.negotiation is not None

    def open_proposals_for(self, role: str) -> list[Proposal]:
        """The open proposals waiting for ``role``'s answer, oldest first (none without negotiation)."""
        if not self.has_negotiation:
            return []
        return self.game.open_proposals(role)

    def agreement_from(self, proposal_id: str) -> Agreement | None:
        """The agreement that accepting ``proposal_id`` made, if it was accepted."""
        return next((a for a in self.game.state.agreements if a.proposal == proposal_id), None)

    # ----------------------------------------------------------------- commands
    def submit(self, command: Command) -> TurnReport | None:
        """Apply one command of a human role (an :class:`EndTurn` ends the turn for everybody)."""
        if isinstance(command, EndTurn):
            return self.end_turn()
        if isinstance(command, Propose):
            self.propose(command)
            return None
        report = self.game.apply(command)
        if isinstance(command, Choose):
            self.let_computers_negotiate()  # the last answer may have opened the actions phase
        return report

    def propose(self, command: Propose) -> Respond | Counter | None:
        """Send a human role's proposal; a computer receiver answers at once (accept, refuse or counter), and that
        answer is returned. ``None`` when the receiver is a person (or negotiation is off): it waits for them."""
        self.game.apply(command)
        return self._computer_answer(self.game.state.proposals[-1])

    def respond(self, role: str, proposal_id: str, accept: bool) -> Agreement | None:
        """``role`` (a person) accepts or refuses a proposal addressed to it; returns the agreement an acceptance
        made. Raises :class:`~game.engine.NegotiationError` when the rules refuse (see ``game.why_not_accept``)."""
        self.game.apply(Respond(role, proposal_id, accept))
        return self.agreement_from(proposal_id) if accept else None

    def counter(
        self, role: str, proposal_id: str, give: Sequence[str] = (), ask: Sequence[str] = ()
    ) -> Respond | Counter | None:
        """``role`` refuses a proposal addressed to it and sends its sender ``give`` for ``ask`` instead; a computer
        sender answers the counter-proposal at once, like :meth:`propose`, and that answer is returned."""
        self.game.apply(Counter(role, proposal_id, tuple(give), tuple(ask)))
        return self._computer_answer(self.game.state.proposals[-1])

    def break_agreement(self, role: str, agreement_id: str) -> None:
        """``role`` stops implementing its pending items of an agreement, at the cost in trust and relations the
        scenario sets (see ``game.break_agreement``)."""
        self.game.apply(BreakAgreement(role, agreement_id))

    def _computer_answer(self, proposal: Proposal) -> Respond | Counter | None:
        """A computer receiver's answer to ``proposal``, applied; ``None`` when a person (or nobody, with
        negotiation off) is to answer it."""
        game = self.game
        if not self.negotiate or proposal.receiver not in self.policies:
            return None
        for answer in answer_proposals(game, proposal.receiver):
            if isinstance(answer, Respond | Counter) and answer.proposal == proposal.id:
                game.apply(answer)
                return answer
        return None  # pragma: no cover - answer_proposals answers every open proposal

    def let_computers_negotiate(self) -> list[Command]:
        """In the actions phase: computer roles answer the proposals addressed to them and send (at most once a
        turn) proposals of their own; returns the commands applied. Does nothing with ``negotiate`` false."""
        if not self.negotiate or self.game.phase is not Phase.ACTIONS:
            return []
        return negotiate_turn(self.game, self.policies)

    def let_computers_answer(self) -> None:
        """Computer roles answer their pending event choices."""
        game = self.game
        while True:
            pending = [p for p in game.pending_choices() if p.role in self.policies]
            if not pending:
                return
            for role in dict.fromkeys(p.role for p in pending):  # each role once: it answers all its choices
                for command in self.policies[role].decide(game, role):
                    game.apply(command)

    def end_turn(self) -> TurnReport:
        """Computer roles answer open proposals, commit their actions, then the turn resolves; the computers' proposals
        for the next turn are sent; returns what changed."""
        game = self.game
        self.let_computers_answer()
        if game.phase is Phase.ACTIONS:
            self.let_computers_negotiate()
            for role, policy in self.policies.items():
                for command in policy.decide(game, role):
                    game.apply(command)
        report = game.resolve_turn()
        self.reports.append(report)
        self.let_computers_answer()
        self.let_computers_negotiate()
        if self.on_turn_end is not None:
            self.on_turn_end(self)
        return report

    # ----------------------------------------------------------------- saving
    def to_dict(self) -> dict[str, Any]:
        """Everything needed to continue exactly: the game, the players and the computer players' RNGs."""
        rngs = {}
        for role, policy in self.policies.items():
            version, internal, gauss = policy.rng.getstate()
            rngs[role] = [version, list(internal), gauss]
        return {
            "format": SESSION_FORMAT,
            "seed": self.seed,
            "players": dict(self.players),
            "policy_rngs": rngs,
            "lang": self.game.lang,
            "negotiate": self.negotiate,
            "game": self.game.to_dict(),
            "reports": [[r.turn, [list(c) for c in r.changes]] for r in self.reports],
        }

    @classmethod
    def from_dict(cls, scenario: Scenario, scenario_path: str, data: Mapping[str, Any]) -> Session:
        """Restore :meth:`to_dict` output; raises ``ValueError``/``KeyError``/``TypeError`` if it does not fit."""
        from game.engine import Change

        if data.get("format") != SESSION_FORMAT:
            raise ValueError(f"unsupported session format {data.get('format')!r}")
        game = Game.from_dict(scenario, dict(data["game"]), lang=str(data.get("lang", "en")))
        players = {str(k): str(v) for k, v in data["players"].items()}
        if set(players) != {r.id for r in scenario.roles}:
            raise ValueError("the saved players do not match the scenario's roles")
        negotiate = bool(data.get("negotiate", True))
        session = cls(scenario, scenario_path, game, players, int(data["seed"]), negotiate=negotiate)
        session._make_policies(data.get("policy_rngs") or {})
        for turn, changes in data.get("reports", []):
            report_changes = tuple(Change(*c) for c in changes)
            session.reports.append(TurnReport(int(turn), report_changes, None))
        return session
