"""A match: one game of a scenario with a seat per role, driven in the one order of a turn.

Pure (no pygame, no files). Every front end and ``simulate`` drive games through :class:`Match`:

- :meth:`Match.decision` says who must act now and what they may do (a typed :class:`Decision`);
- :meth:`Match.apply` carries out a person's command and returns what happened (typed results);
- the computer seats move by themselves, in between, always at the same moments.

The order of a turn. News: the turn's events fire (in the engine); the computer seats answer the choices they owe;
then the people answer theirs, one at a time, in scenario order. Actions: the computer seats negotiate first
(each may send one proposal; they answer those addressed to them). Then each person in scenario order plays their
part: the proposals waiting for them first (every proposal to a person is put to them before it can lapse), then
actions and negotiation, until they say :class:`~game.table.log.Done`. A proposal to a computer seat is answered at
once; one to a person who is done brings that person back once the current part ends. When every person is done,
the computer seats answer what is left and commit their actions, and the turn resolves.

Every command applied (the people's, the computers' and each resolution) goes into :attr:`Match.log`, enough to
rebuild the game exactly from the scenario, the seed and the log (:mod:`game.table.replay`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from game.ai import Policy
from game.ai.negotiator import answers_of, negotiate_turn, still_allowed
from game.engine import (
    Adjust,
    BreakAgreement,
    Change,
    Choose,
    Command,
    Commit,
    Counter,
    EndTurn,
    FacilitatorCommand,
    Game,
    Phase,
    Proposal,
    Propose,
    Respond,
    Scenario,
    TurnReport,
    Withdraw,
    localize,
)
from game.i18n import tr
from game.i18n.formats import turn_date
from game.table.facilitation import Facilitation, TurnStart
from game.table.log import CommandLog, Done, LogError, TableCommand, command_from_json, command_role, command_to_json
from game.table.results import (
    ActionCommitted,
    ActionWithdrawn,
    AgreementBroken,
    ChoiceMade,
    Facilitated,
    PartDone,
    ProposalAnswered,
    ProposalSent,
    Result,
    TurnResolved,
)
from game.table.seats import Seat, SeatKind, make_player, seat_rng, seats_for

#: Version of the dict :meth:`Match.to_dict` writes (inside a save file). Format 1 was the single-person session
#: of earlier versions, which :meth:`Match.from_dict` still reads (see there).
MATCH_FORMAT = 2

_END_TURN = EndTurn()


class TableError(ValueError):
    """A command the table refuses: not this seat's moment, a seat the computer plays, a part not finished, ..."""


class DecisionKind(enum.StrEnum):
    """What the seat that must act now is asked for."""

    CHOOSE = "choose"  # answer an event's choice (news phase)
    ANSWER = "answer"  # answer a proposal addressed to it (accept, refuse or counter)
    ACT = "act"  # commit actions, negotiate, then Done


@dataclass(frozen=True, slots=True)
class Decision:
    """Who must act now and what they may do.

    ``options`` are the commands that settle a choice or an answer (accept only when the rules allow it now; a
    :class:`~game.engine.Counter` may also answer a proposal). For :attr:`DecisionKind.ACT` they are the actions the
    role may commit now, those it may withdraw, and :class:`Done` last (proposals are open-ended)."""

    role: str
    kind: DecisionKind
    options: tuple[TableCommand, ...]
    event: str = ""
    proposal: str = ""


class Match:
    """One game with its seats. Create with :meth:`start` or :meth:`from_dict`."""

    def __init__(
        self,
        scenario: Scenario,
        game: Game,
        seats: Mapping[str, Seat],
        seed: int,
        *,
        scenario_path: str = "",
        negotiate: bool = True,
        budget: int | None = None,
        origin: dict[str, Any] | None = None,
        rng_states: Mapping[str, Any] | None = None,
        players: Mapping[str, Policy] | None = None,
    ) -> None:
        self.scenario = scenario
        self.scenario_path = scenario_path
        self.game = game
        self.seats: dict[str, Seat] = seats_for(scenario, seats)
        self.seed = seed
        self.negotiate = negotiate
        self.budget = budget
        #: The game state the log starts from (``None``: a new game of ``seed``); set for matches converted from
        #: saves made before the log existed.
        self.origin = origin
        self.reports: list[TurnReport] = []
        #: Called after the turn(s) a command resolved, once the match waits for a person again (autosave).
        self.on_turn_end: Callable[[Match], None] | None = None
        self.persons: tuple[str, ...] = tuple(r for r, s in self.seats.items() if s.is_person)
        self.log = CommandLog(first_turn=game.turn, persons=self.persons)
        self.players: dict[str, Policy] = self._make_players(players, rng_states)
        #: The teacher's side of the match: what they did and the controls they set (:mod:`game.table.teacher`).
        self.teacher = Facilitation()
        self._has_negotiation = scenario.negotiation is not None
        self._done: set[str] = set()
        self._current: str | None = None
        self._negotiated = 0  # the turn whose opening negotiation the computer seats have had
        self._closing = False  # the turn timer ran out: nobody comes back to answer a late proposal

    def _make_players(
        self, players: Mapping[str, Policy] | None, rng_states: Mapping[str, Any] | None
    ) -> dict[str, Policy]:
        out: dict[str, Policy] = {}
        for index, (role, seat) in enumerate(self.seats.items()):
            if seat.is_person:
                continue
            if players is not None and role in players:
                out[role] = players[role]
                continue
            rng = seat_rng(self.seed, index)
            if rng_states and role in rng_states:
                version, internal, gauss = rng_states[role]
                rng.setstate((int(version), tuple(int(x) for x in internal), gauss))
            out[role] = make_player(self.game, role, seat, rng, budget=self.budget, negotiate=self.negotiate)
        return out

    # ----------------------------------------------------------------- creation
    @classmethod
    def start(
        cls,
        scenario: Scenario,
        seats: Mapping[str, Seat],
        seed: int,
        *,
        scenario_path: str = "",
        lang: str = "en",
        negotiate: bool = True,
        budget: int | None = None,
        record: bool = True,
    ) -> Match:
        """A new match; the computer seats make their first moves at once (all of them, if nobody is a person:
        the match is then over when this returns). ``record=False`` plays the engine's fast path (no history: see
        :meth:`Game.new`), for matches of computer seats nobody will look back on (``simulate``, benchmarks)."""
        game = Game.new(scenario, seed, lang=lang, record=record)
        match = cls(scenario, game, seats, seed, scenario_path=scenario_path, negotiate=negotiate, budget=budget)
        match._advance()
        return match

    @classmethod
    def around(cls, game: Game, players: Mapping[str, Policy], *, negotiate: bool = True) -> Match:
        """A match of computer seats around an existing game, with these players (tests and tools that build their
        own players); it does not move until :meth:`play` is called."""
        seats = {role: Seat(player.name) for role, player in players.items()}
        return cls(game.scenario, game, seats, game.state.seed, negotiate=negotiate, players=players)

    def play(self, turns: int | None = None) -> list[TurnReport]:
        """Let the computer seats play on: at most ``turns`` turns (all, by default), stopping earlier when a person
        must act or the game ends; returns the reports of the turns resolved."""
        before = len(self.reports)
        self._advance(turns)
        return self.reports[before:]

    # ----------------------------------------------------------------- queries
    def role_name(self, role: str) -> str:
        """A role's display name."""
        return localize(self.scenario.role(role).name, self.game.lang)

    @property
    def turn_label(self) -> str:
        """``Turn 3 of 12 · Jul 2023``, and where the scenario says so whether the turn follows the public record
        (``· on the record``) or is invented (``· plausible future``)."""
        game = self.game
        values = {"turn": game.turn, "turns": self.scenario.turns, "date": turn_date(self.scenario.calendar, game.turn)}
        on_record = self.scenario.calendar.on_record(game.turn)
        if on_record is None:
            return tr("Turn {turn} of {turns} · {date}", **values)
        if on_record:
            return tr("Turn {turn} of {turns} · {date} · on the record", **values)
        return tr("Turn {turn} of {turns} · {date} · plausible future", **values)

    def is_over(self) -> bool:
        """Whether the game has ended."""
        return self.game.is_over()

    @property
    def has_negotiation(self) -> bool:
        """Whether the scenario has a negotiation section (items, trust, agreements)."""
        return self._has_negotiation

    def open_proposals_for(self, role: str) -> list[Proposal]:
        """The open proposals waiting for ``role``'s answer, oldest first (none without negotiation)."""
        return self.game.open_proposals(role) if self._has_negotiation else []

    def done(self, role: str) -> bool:
        """Whether ``role`` (a person) has finished its part of this turn."""
        return role in self._done

    def decision(self) -> Decision | None:
        """Who must act now and what they may do; ``None`` once the game is over."""
        game = self.game
        if game.is_over() or not self.persons:
            return None
        if game.phase is Phase.NEWS:
            for pending in game.pending_choices():
                if pending.role in self.players:
                    continue  # pragma: no cover - the computer seats answer before a person is asked
                event = self.scenario.event(pending.event)
                options = tuple(Choose(pending.role, event.id, c.id) for c in event.choices)
                return Decision(pending.role, DecisionKind.CHOOSE, options, event=event.id)
            return None  # pragma: no cover - the news phase only lasts while somebody owes a choice
        role = self._current or self._next_person()
        if role is None:  # pragma: no cover - the turn resolves as soon as every person is done
            return None
        waiting = game.open_proposals(role) if self._has_negotiation else []
        if waiting:
            proposal = waiting[0].id
            refuse = Respond(role, proposal, False)
            answers = (refuse,) if game.why_not_accept(role, proposal) else (Respond(role, proposal, True), refuse)
            return Decision(role, DecisionKind.ANSWER, answers, proposal=proposal)
        commits = tuple(Commit(role, a.id) for a in game.legal_actions(role))
        withdraws = tuple(Withdraw(role, a) for a in game.committed(role))
        return Decision(role, DecisionKind.ACT, (*commits, *withdraws, Done(role)))

    def waiting_for(self) -> str | None:
        """The role that must act now (``None`` when the game is over)."""
        decision = self.decision()
        return decision.role if decision is not None else None

    # ----------------------------------------------------------------- commands
    def apply(self, role: str, command: TableCommand) -> tuple[Result, ...]:
        """Carry out a command of the person in ``role``'s seat; then the computer seats move, and the turn resolves
        when every person is done. Raises :class:`TableError` when it is not that seat's moment, and the engine's
        errors (:class:`~game.engine.IllegalActionError`, :class:`~game.engine.NegotiationError`, ...) when the
        rules refuse the command; nothing changes then."""
        seat = self.seats.get(role)
        if seat is None:
            raise TableError(tr("unknown role {role}; roles: {roles}", role=repr(role), roles=", ".join(self.seats)))
        if not seat.is_person:
            raise TableError(tr("{name} is played by the computer", name=self.role_name(role)))
        if command_role(command) != role:
            raise TableError(
                tr(
                    "a command for {target} cannot come from {role}'s seat",
                    target=command_role(command) or tr("the table"),
                    role=role,
                )
            )
        if self.teacher.paused:
            raise TableError(tr("the game is paused by the teacher"))
        decision = self.decision()
        if decision is None:
            raise TableError(tr("the game is over"))
        if decision.role != role:
            raise TableError(
                tr(
                    "it is {name}'s moment to decide, not {other}'s",
                    name=self.role_name(decision.role),
                    other=self.role_name(role),
                )
            )
        if decision.kind is DecisionKind.CHOOSE and not isinstance(command, Choose):
            raise TableError(
                tr("{name} must first answer the news ({event})", name=self.role_name(role), event=decision.event)
            )
        if isinstance(command, Done) and decision.kind is DecisionKind.ANSWER:
            raise TableError(
                tr(
                    "{name} must first answer proposal {proposal}",
                    name=self.role_name(role),
                    proposal=decision.proposal,
                )
            )
        reports = len(self.reports)
        results = self._apply_person(role, command)
        self._advance()
        results.extend(TurnResolved(report) for report in self.reports[reports:])
        return tuple(results)

    def _apply_person(self, role: str, command: TableCommand) -> list[Result]:
        game = self.game
        results: list[Result] = []
        if isinstance(command, Done):
            self._done.add(role)
            self._current = None
            results.append(PartDone(role))
        elif isinstance(command, Commit):
            game.commit(role, command.action)
            results.append(ActionCommitted(role, command.action))
        elif isinstance(command, Withdraw):
            game.withdraw(role, command.action)
            results.append(ActionWithdrawn(role, command.action))
        elif isinstance(command, Choose):
            game.choose(role, command.event, command.choice)
            results.append(ChoiceMade(role, command.event, command.choice))
        elif isinstance(command, Propose):
            sent = game.propose(command.sender, command.receiver, command.give, command.ask)
            self.log.add(command)
            return [ProposalSent(sent), *self._delivered(sent)]
        elif isinstance(command, Counter):
            sent = game.counter(role, command.proposal, command.give, command.ask)
            self.log.add(command)
            answered = ProposalAnswered(game.proposal(command.proposal), counter=sent)
            return [answered, ProposalSent(sent), *self._delivered(sent)]
        elif isinstance(command, Respond):
            agreement = game.respond(role, command.proposal, command.accept)
            results.append(ProposalAnswered(game.proposal(command.proposal), agreement=agreement))
        elif isinstance(command, BreakAgreement):
            game.break_agreement(role, command.agreement)
            results.append(AgreementBroken(role, game.agreement(command.agreement)))
        else:
            raise TableError(tr("{command} is not a command a seat sends", command=type(command).__name__))
        self.log.add(command)
        return results

    def facilitate(self, command: FacilitatorCommand) -> Facilitated:
        """Carry out a facilitator's command (logged like the others); the engine's errors say why one is refused.
        The controls that change no number (pause, timer, undo, ...) are in :mod:`game.table.teacher`."""
        self.game.apply(command)
        self.log.add(command)
        return Facilitated(command, self.game.history[-1] if isinstance(command, Adjust) else None)

    def close_turn(self) -> tuple[Result, ...]:
        """End every person's part of this turn now (a turn timer ran out): the turn resolves with what was
        committed, and proposals still waiting for a person lapse. Raises :class:`TableError` while somebody owes an
        answer to the news or once the game is over."""
        if self.game.phase is not Phase.ACTIONS:
            if self.game.phase is Phase.NEWS:
                raise TableError(tr("the news must be answered first"))
            raise TableError(tr("the game is over"))
        results: list[Result] = []
        for role in self.persons:
            if role not in self._done:
                self._done.add(role)
                self.log.add(Done(role))
                results.append(PartDone(role))
        self._current = None
        self._closing = True
        reports = len(self.reports)
        self._advance()
        results.extend(TurnResolved(report) for report in self.reports[reports:])
        return tuple(results)

    def rewind(self, start: TurnStart, game: Game) -> None:
        """Go back to ``start``: ``game`` is the game its log prefix rebuilds (see :func:`game.table.teacher.undo`);
        the later commands, reports and turn starts are dropped and the computer seats get back their generators."""
        self.game = game
        del self.log.commands[start.at :]
        del self.reports[start.reports :]
        self.players = self._make_players(None, start.rngs)
        self.teacher.starts = [s for s in self.teacher.starts if s.turn <= start.turn]
        self._done = set()
        self._closing = False
        self._negotiated = start.negotiated
        self._current = self._next_person() if game.phase is Phase.ACTIONS and self.persons else None

    def _mark_start(self) -> None:
        """Record where this turn's part for the people began, the first time a person is asked in it."""
        starts = self.teacher.starts
        turn = self.game.turn
        if starts and starts[-1].turn >= turn:
            return
        rngs = {}
        for role, player in self.players.items():
            version, internal, gauss = player.rng.getstate()
            rngs[role] = [version, list(internal), gauss]
        starts.append(TurnStart(turn, len(self.log), rngs, self._negotiated, len(self.reports)))

    def _delivered(self, proposal: Proposal) -> list[Result]:
        """A proposal reached its receiver: a computer answers at once; a person who was done comes back."""
        receiver = proposal.receiver
        self._done.discard(receiver)
        player = self.players.get(receiver)
        if player is None or not self.negotiate:
            return []
        game = self.game
        for computed in answers_of(player, game, receiver):
            if not isinstance(computed, Counter | Respond) or computed.proposal != proposal.id:
                continue  # its answer to another proposal: that one waits for its own turn
            answer = still_allowed(game, receiver, computed)
            if isinstance(answer, Counter):
                counter = game.counter(receiver, answer.proposal, answer.give, answer.ask)
                self.log.add(answer)
                return [ProposalAnswered(game.proposal(proposal.id), counter=counter, by_computer=True),
                        ProposalSent(counter), *self._delivered(counter)]  # fmt: skip
            if isinstance(answer, Respond):
                agreement = game.respond(receiver, answer.proposal, answer.accept)
                self.log.add(answer)
                return [ProposalAnswered(game.proposal(proposal.id), agreement=agreement, by_computer=True)]
        return []  # pragma: no cover - every player answers every open proposal

    def _logged(self, commands: list[Command]) -> None:
        """Log commands a computer helper has already applied."""
        self.log.commands.extend(commands)

    def _next_person(self) -> str | None:
        """The first person in scenario order who has not finished this turn's part."""
        return next((r for r in self.persons if r not in self._done), None)

    # ----------------------------------------------------------------- the computer seats, and the turn
    def _advance(self, turns: int | None = None) -> None:
        """Let the computer seats move and resolve turns until a person must act or the game is over (or ``turns``
        turns have resolved). This is the hot loop of ``simulate``: it binds what it uses, and appends straight to
        the log's list of commands."""
        game = self.game
        state = game.state
        apply = game.apply
        players = self.players
        persons = self.persons
        reports = self.reports
        logged = self.log.commands.append
        # Without people, proposals only come from computer players that make them: none, no negotiation to run.
        proposing = bool(persons) or any(getattr(p, "propose", None) is not None for p in players.values())
        negotiating = self.negotiate and self._has_negotiation and bool(players) and proposing
        resolved = 0
        over, news = Phase.OVER, Phase.NEWS
        while state.phase is not over and (turns is None or resolved < turns):
            turn = state.turn
            if state.phase is news:
                while state.pending:
                    for pending in state.pending:
                        if pending.role in players:
                            role = pending.role
                            break
                    else:
                        break
                    for command in players[role].decide(game, role):
                        apply(command)
                        logged(command)
                if state.phase is news:
                    break  # a person owes a choice
            if self._negotiated != turn:
                self._negotiated = turn
                if negotiating:
                    sent = negotiate_turn(game, players)
                    if sent:
                        self._logged(sent)
            if persons:
                if any(role not in self._done for role in persons):
                    break
                if negotiating:
                    self._logged(negotiate_turn(game, players))  # answers to what is still open
                    back = {p.receiver for p in game.open_proposals() if p.receiver in self._done}
                    if back and not self._closing:
                        self._done -= back
                        continue
            for role, player in players.items():
                for command in player.decide(game, role):
                    apply(command)
                    logged(command)
            logged(_END_TURN)
            reports.append(game.resolve_turn())
            if persons:
                self._done.clear()
                self._current = None
                self._closing = False
            resolved += 1
        if state.phase is Phase.ACTIONS and persons and self._current is None:
            self._current = self._next_person()
        if persons and state.phase is not over:
            self._mark_start()
        if resolved and self.on_turn_end is not None:
            self.on_turn_end(self)

    # ----------------------------------------------------------------- saving
    def to_dict(self) -> dict[str, Any]:
        """Everything needed to continue exactly: the game, the seats, the log and the computers' generators."""
        rngs = {}
        for role, player in self.players.items():
            version, internal, gauss = player.rng.getstate()
            rngs[role] = [version, list(internal), gauss]
        return {
            "format": MATCH_FORMAT,
            "seed": self.seed,
            "seats": {role: seat.player for role, seat in self.seats.items()},
            "policy_rngs": rngs,
            "lang": self.game.lang,
            "negotiate": self.negotiate,
            "budget": self.budget,
            "turns": self.scenario.turns,  # the game's length: loading derives the same scenario (of_length)
            "game": self.game.to_dict(),
            "origin": self.origin,
            "log": [command_to_json(c) for c in self.log.commands],
            "done": [r for r in self.persons if r in self._done],
            "current": self._current,
            "negotiated": self._negotiated,
            "reports": [[r.turn, [list(c) for c in r.changes]] for r in self.reports],
            "teacher": self.teacher.to_dict(),
        }

    @classmethod
    def from_dict(cls, scenario: Scenario, scenario_path: str, data: Mapping[str, Any]) -> Match:
        """Restore :meth:`to_dict` output. Also reads format 1 (a save of the single-person game from before seats
        and the log): its players become seats and its log starts at the saved state. Raises ``ValueError``,
        ``KeyError`` or ``TypeError`` if the data does not fit the scenario."""
        fmt = data.get("format")
        if fmt not in (1, MATCH_FORMAT):
            raise ValueError(tr("unsupported match format {format}", format=repr(fmt)))
        lang = str(data.get("lang", "en"))
        game = Game.from_dict(scenario, dict(data["game"]), lang=lang)
        if fmt == 1:
            players = {str(k): str(v) for k, v in data["players"].items()}
            seats = {role: Seat(SeatKind.PERSON.value if p == "human" else p) for role, p in players.items()}
        else:
            seats = {str(k): Seat(str(v)) for k, v in data["seats"].items()}
        if set(seats) != {r.id for r in scenario.roles}:
            raise ValueError(tr("the saved seats do not match the scenario's roles"))
        budget = data.get("budget")
        match = cls(scenario, game, seats, int(data["seed"]), scenario_path=scenario_path,
                    negotiate=bool(data.get("negotiate", True)), budget=None if budget is None else int(budget),
                    origin=dict(data["game"]) if fmt == 1 else data.get("origin"),
                    rng_states=data.get("policy_rngs") or {})  # fmt: skip
        if fmt == 1:
            match._negotiated = game.turn  # the old session had let the computers negotiate already
        else:
            rows = data["log"]
            if not isinstance(rows, list):
                raise LogError(tr("the log should be a list of commands"))
            first = int(data["origin"]["turn"]) if isinstance(data.get("origin"), dict) else 1
            match.log = CommandLog(map(command_from_json, rows), first_turn=first, persons=match.persons)
            match._done = {str(r) for r in data.get("done", [])} & set(match.persons)
            current = data.get("current")
            match._current = str(current) if current in match.persons else None
            match._negotiated = int(data.get("negotiated", game.turn))
        for turn, changes in data.get("reports", []):
            match.reports.append(TurnReport(int(turn), tuple(Change.from_row(c) for c in changes), None))
        if game.phase is Phase.ACTIONS and match.persons and match._current is None:
            match._current = match._next_person()
        match.teacher = Facilitation.from_dict(data.get("teacher"))
        return match
