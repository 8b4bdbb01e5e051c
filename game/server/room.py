"""A room of the class server, pure (no I/O): teams joining with a name, tables made from a scenario, the teacher
seating teams or computer levels, starting tables, and every seat's command checked before it reaches its match.

A team proves who it is with a random token (128 bits) the room gives it when it joins; the room keeps only the
token's digest. Every command is checked in order: token, table, seat, then the table itself (phase, whose moment,
legality) through :meth:`game.table.Match.apply`. A refused command changes nothing and raises :class:`RoomError`
with a message a student can read.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.engine import RulesError, Scenario
from game.i18n import tr, tr_reason
from game.table import DEFAULT_LEVEL, LEVELS, PERSON, LogError, Match, Seat, TableError, command_from_json
from game.table import teacher as console
from game.table.log import command_role

#: The letters and digits of room codes: no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B).
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
#: The longest team name.
NAME_LIMIT = 40
#: The most teams and tables a room holds (a class is 15 to 30 students; this only stops a runaway script).
TEAM_LIMIT, TABLE_LIMIT = 200, 100
#: What a seat holds before it is filled: nobody yet (a computer at the default level takes it at the start).
EMPTY = ""
#: The prefix of a seat held by a team: ``team:NAME``.
TEAM = "team:"
#: How long a rejoin code the teacher gives a team stays good, in seconds.
REJOIN_SECONDS = 30 * 60


class RoomError(ValueError):
    """A request the room refuses; the message says why, in words a student or teacher can read (in the room's
    language); ``reason``, when there is one, says it to the page: ``token`` (join again), ``name_taken``."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


def new_code() -> str:
    """A short room code students type (6 letters and digits without look-alikes)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """A random token of 128 bits, URL-safe."""
    return secrets.token_urlsafe(16)


def digest(token: str) -> str:
    """What the room keeps of a token (never the token itself)."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def clean_name(name: object) -> str:
    """A team name as kept: trimmed, 1 to :data:`NAME_LIMIT` printable characters; raises :class:`RoomError`."""
    if not isinstance(name, str):
        raise RoomError(tr("a team name is text"))
    name = " ".join(name.split())
    if not name:
        raise RoomError(tr("type a team name"))
    if len(name) > NAME_LIMIT or not name.isprintable():
        raise RoomError(tr("a team name is at most {n} plain characters", n=NAME_LIMIT))
    return name


@dataclass
class Team:
    """A team that joined: its name, its token's digest, where it sits (table and role, or empty), and the id of the
    last command it sent (commands must carry growing ids: a replayed one is refused)."""

    name: str
    token_digest: str
    table: str = ""
    role: str = ""
    last_id: int = 0


@dataclass
class Table:
    """A table of the room: a scenario (its file and length), a seed, who sits in each role before the start
    (:data:`EMPTY`, ``team:NAME`` or a computer level), and the match once it has started."""

    id: str
    scenario: Scenario
    scenario_path: str
    seed: int
    seats: dict[str, str]
    match: Match | None = None

    @property
    def turns(self) -> int:
        """The game's length."""
        return self.scenario.turns

    def team_at(self, role: str) -> str:
        """The name of the team in ``role``'s seat, or ``""``."""
        who = self.seats.get(role, EMPTY)
        return who[len(TEAM) :] if who.startswith(TEAM) else ""


@dataclass
class Room:
    """One class: its code, the teacher's token digest, its tables and its teams (by token digest)."""

    code: str
    admin_digest: str
    tables: dict[str, Table] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    #: Whether teams may take a free seat themselves (:meth:`pick`).
    picking: bool = False
    #: The rejoin codes the teacher gave, by team name (casefolded): the code's digest and when it lapses.
    rejoins: dict[str, tuple[str, float]] = field(default_factory=dict)

    # ------------------------------------------------------------------ who is who
    def is_admin(self, token: object) -> bool:
        """Whether ``token`` is the teacher's."""
        return isinstance(token, str) and secrets.compare_digest(digest(token), self.admin_digest)

    def team(self, token: object) -> Team:
        """The team holding ``token``; raises :class:`RoomError` for any other."""
        if not isinstance(token, str) or not token:
            raise RoomError(tr("this page has no valid team token: join again with the room code"), "token")
        team = self.holder(token)
        if team is None:
            raise RoomError(tr("unknown team token: join again with the room code"), "token")
        return team

    def holder(self, token: str) -> Team | None:
        """The team holding ``token``, or ``None`` (a rejoin code replaces a team's token)."""
        return self.teams.get(digest(token))

    def team_named(self, name: str) -> Team | None:
        """The team of this name (names are compared without case)."""
        key = name.casefold()
        return next((t for t in self.teams.values() if t.name.casefold() == key), None)

    def join(self, code: object, name: object) -> tuple[str, Team]:
        """A new team joins with the room code and a name: returns its token (given once) and the team."""
        if not isinstance(code, str) or code.strip().upper() != self.code:
            raise RoomError(tr("wrong room code: check the code on the teacher's screen"))
        name = clean_name(name)
        if len(self.teams) >= TEAM_LIMIT:
            raise RoomError(tr("the room is full ({n} teams): ask the teacher", n=TEAM_LIMIT))
        if self.team_named(name) is not None:
            raise RoomError(
                tr(
                    "a team called {name} is already here: choose another name, or, if it is your team on another "
                    "device, ask the teacher for a rejoin code",
                    name=repr(name),
                ),
                "name_taken",
            )
        token = new_token()
        team = Team(name, digest(token))
        self.teams[team.token_digest] = team
        return token, team

    def rejoin_code(self, name: object, now: float) -> str:
        """A one-time code for the team called ``name`` to come back without its token (good for
        :data:`REJOIN_SECONDS`; a new code replaces the last)."""
        team = self.team_named(name) if isinstance(name, str) else None
        if team is None:
            raise RoomError(tr("no team called {name} has joined", name=repr(name)[:40]))
        code = new_code()
        self.rejoins[team.name.casefold()] = (digest(code), now + REJOIN_SECONDS)
        return code

    def rejoin(self, code: object, name: object, rejoin: object, now: float) -> tuple[str, Team]:
        """The team called ``name`` comes back with the teacher's ``rejoin`` code: a new token (the old one stops
        working) and the team."""
        if not isinstance(code, str) or code.strip().upper() != self.code:
            raise RoomError(tr("wrong room code: check the code on the teacher's screen"))
        team = self.team_named(clean_name(name))
        given = self.rejoins.get(team.name.casefold()) if team is not None else None
        if (
            team is None
            or given is None
            or not isinstance(rejoin, str)
            or now > given[1]
            or not secrets.compare_digest(digest(rejoin.strip().upper()), given[0])
        ):
            raise RoomError(tr("that rejoin code is not right or has lapsed: ask the teacher for a new one"))
        del self.rejoins[team.name.casefold()]
        token = new_token()
        old, team.token_digest = team.token_digest, digest(token)
        # The team keeps its place in the list (the dashboard's order does not jump).
        self.teams = {(team.token_digest if key == old else key): t for key, t in self.teams.items()}
        return token, team

    # ------------------------------------------------------------------ the teacher's tables
    def add_table(self, scenario: Scenario, scenario_path: str, seed: int | None = None) -> Table:
        """A new table of ``scenario`` (already of the length to play), every seat empty."""
        if len(self.tables) >= TABLE_LIMIT:
            raise RoomError(tr("a room holds at most {n} tables", n=TABLE_LIMIT))
        number = 1 + max((int(t[1:]) for t in self.tables if t[1:].isdigit()), default=0)
        table = Table(f"t{number}", scenario, scenario_path, secrets.randbelow(2**31) if seed is None else seed,
                      {r.id: EMPTY for r in scenario.roles})  # fmt: skip
        self.tables[table.id] = table
        return table

    def table(self, table_id: object) -> Table:
        """The table of this id; raises :class:`RoomError`."""
        table = self.tables.get(table_id) if isinstance(table_id, str) else None
        if table is None:
            raise RoomError(tr("there is no table {table}", table=repr(table_id)[:20]))
        return table

    def seat(self, table_id: object, role: object, who: object) -> Table:
        """Put ``who`` in ``role``'s seat of a table not started yet: ``team:NAME`` (a team that joined; it leaves
        any seat it had), a computer level, or ``""`` (empty again)."""
        table = self.table(table_id)
        if table.match is not None:
            raise RoomError(tr("table {table} has started: its seats are set", table=table.id))
        if not isinstance(role, str) or role not in table.seats:
            raise RoomError(tr("table {table} has no role {role}; roles: {roles}", table=table.id, role=repr(role)[:20],
                                  roles=", ".join(table.seats)))  # fmt: skip
        if not isinstance(who, str) or not (who == EMPTY or who in LEVELS or who.startswith(TEAM)):
            raise RoomError(
                tr("seat a team (team:NAME), a computer level ({levels}) or nobody", levels=", ".join(LEVELS))
            )
        self._leave(table, role)
        if who.startswith(TEAM):
            team = self.team_named(who[len(TEAM) :])
            if team is None:
                raise RoomError(tr("no team called {name} has joined", name=repr(who[len(TEAM) :])[:40]))
            old = self.tables.get(team.table)
            if old is not None and old.match is not None:
                raise RoomError(tr("{team} plays at table {table}, which has started", team=team.name, table=old.id))
            if old is not None:
                self._leave(old, team.role)
            team.table, team.role = table.id, role
            who = TEAM + team.name
        table.seats[role] = who
        return table

    def free_seats(self, team: Team) -> list[tuple[Table, str]]:
        """The seats ``team`` may take itself now: every empty seat of a table not started, when the teacher lets
        teams pick and the team's own table has not started."""
        own = self.tables.get(team.table)
        if not self.picking or (own is not None and own.match is not None):
            return []
        return [
            (t, role) for t in self.tables.values() if t.match is None for role, who in t.seats.items() if who == EMPTY
        ]

    def pick(self, token: object, table_id: object, role: object) -> Table:
        """A team takes a free seat itself (see :meth:`free_seats`), leaving the seat it had."""
        team = self.team(token)
        if not self.picking:
            raise RoomError(tr("the teacher seats the teams: wait for your seat"))
        table = self.table(table_id)
        if not any(t is table and r == role for t, r in self.free_seats(team)):
            raise RoomError(tr("that seat is not free: choose another"))
        return self.seat(table.id, role, TEAM + team.name)

    def _leave(self, table: Table, role: str) -> None:
        """Empty a seat (its team, if any, sits nowhere)."""
        name = table.team_at(role)
        team = self.team_named(name) if name else None
        if team is not None:
            team.table = team.role = ""
        table.seats[role] = EMPTY

    def start(self, table_id: object, *, lang: str = "en") -> Match:
        """Start a table: a team's seat is a person's; an empty seat gets the computer at the default level."""
        table = self.table(table_id)
        if table.match is not None:
            raise RoomError(tr("table {table} has already started", table=table.id))
        if not any(who.startswith(TEAM) for who in table.seats.values()):
            raise RoomError(tr("seat at least one team at table {table} before starting it", table=table.id))
        seats = {
            role: PERSON if who.startswith(TEAM) else Seat(who or DEFAULT_LEVEL) for role, who in table.seats.items()
        }
        table.match = Match.start(table.scenario, seats, table.seed, scenario_path=table.scenario_path, lang=lang)
        return table.match

    # ------------------------------------------------------------------ a seat's command
    def command(self, token: object, table_id: object, message_id: object, data: object) -> tuple[Team, Table]:
        """Check and carry out one command of a team: raises :class:`RoomError` (nothing changed) or returns the
        team and its table (the command applied, the team's ``last_id`` moved on)."""
        team = self.team(token)
        if isinstance(message_id, bool) or not isinstance(message_id, int) or message_id <= 0:
            raise RoomError(tr("a command needs a whole number id greater than 0"))
        if message_id <= team.last_id:
            raise RoomError(
                tr("command {id} was already received (the last was {last})", id=message_id, last=team.last_id)
            )
        if not team.table:
            raise RoomError(tr("your team has no seat yet: wait for the teacher"))
        if table_id is not None and table_id != team.table:
            raise RoomError(tr("your team does not sit at that table"))
        table = self.tables[team.table]
        if table.match is None:
            raise RoomError(tr("your table has not started yet: wait for the teacher"))
        if not isinstance(data, Mapping):
            raise RoomError(tr("a command is an object with a type"))
        try:
            command = command_from_json(data)
        except LogError as exc:
            raise RoomError(tr("not a command: {problem}", problem=exc)) from None
        if command_role(command) != team.role:
            raise RoomError(
                tr("your team plays {side}: it cannot act for another seat", side=table.match.role_name(team.role))
            )
        match = table.match
        _refused(lambda: match.apply(team.role, command))
        team.last_id = message_id
        return team, table

    # ------------------------------------------------------------------ the teacher's controls
    def control(self, table_id: object, action: str, args: Mapping[str, Any]) -> Table:
        """One of the teacher's controls at a started table: ``pause``, ``resume``, ``timer`` (``seconds``: a
        number or null), ``more_time`` (``seconds``), ``time_up``, ``inject`` (``event``), ``reveal`` (``shown``),
        ``end``."""
        table = self.table(table_id)
        match = table.match
        if match is None:
            raise RoomError(tr("table {table} has not started", table=table.id))
        controls: dict[str, Callable[[], object]] = {
            "pause": lambda: console.pause(match),
            "resume": lambda: console.resume(match),
            "timer": lambda: console.set_timer(match, _seconds(args.get("seconds"))),
            "more_time": lambda: console.more_time(match, _seconds(args.get("seconds")) or 0),
            "time_up": lambda: console.time_up(match),
            "inject": lambda: console.inject(match, str(args.get("event", ""))),
            "reveal": lambda: console.reveal(match, bool(args.get("shown", True))),
            "end": lambda: console.end_now(match),
        }
        if action not in controls:
            raise RoomError(tr("unknown control {action}; controls: {controls}", action=repr(action)[:20],
                                  controls=", ".join(controls)))  # fmt: skip
        _refused(controls[action])
        return table


def _seconds(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RoomError(tr("a turn timer is a whole number of seconds (or null: no timer)"))
    return value


def _refused(call: Callable[[], object]) -> None:
    """Run ``call``; the table's and the engine's refusals become a :class:`RoomError` with their message."""
    try:
        call()
    except (TableError, RulesError, KeyError, ValueError) as exc:
        first = exc.args[0] if exc.args else None
        text = tr_reason(first) if isinstance(first, str) else str(exc)
        raise RoomError(text or tr("the table refused that")) from None
