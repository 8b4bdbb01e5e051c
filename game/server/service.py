"""The class server's room with its store: every change the room accepts is written before it is answered.

:class:`ClassService` opens the room from its store (rebuilding every table's match with ``Match.from_dict``) or
makes a new one, gives the teacher a new token at each start, and wraps each of the room's operations with the
write that keeps it. No network here: :mod:`game.server.app` speaks to browsers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from game.engine import Phase, Scenario, localize
from game.i18n import SOURCE_LANGUAGE, language, tr, use_language
from game.server import room_view
from game.server.boards import PublicBoards
from game.server.catalogue import choices
from game.server.clock import TurnClock
from game.server.room import Room, RoomError, Table, Team, digest, new_code, new_token
from game.server.store import ClassStore, CommandRow, StoredRoom, TableRow, TeamRow
from game.server.views import seat_json
from game.table import Match

#: Loads a scenario file at a length: ``(path, turns)``; ``turns`` None is the full game.
Loader = Callable[[str, int | None], Scenario]


class ClassService:
    """One room, kept in ``store``; ``loader`` reads scenarios; new tables use ``scenario_path`` and ``turns``."""

    def __init__(
        self, store: ClassStore, loader: Loader, scenario_path: str, turns: int | None = None, lang: str | None = None
    ) -> None:
        #: Each table's public board, built once per change of the table (the store's writes tell which changed).
        self.boards = PublicBoards()
        self.store = self.boards.watching(store)
        self.loader = loader
        self.scenario_path = scenario_path
        self.turns = turns
        self.room = Room("", "")
        #: Each started table's turn timer (see :meth:`tick`).
        self.clocks: dict[str, TurnClock] = {}
        #: The language given at the start (``None``: the room's kept one, else the process's); see :attr:`lang`.
        self._chosen_lang = lang
        #: The room's language: its pages, refusals and new tables' games speak it (kept in the room's settings).
        self.lang = lang or SOURCE_LANGUAGE

    def open(self) -> str:
        """Load the stored room (or make one) and return the teacher's token for this run (a new one each time)."""
        stored = self.store.load()
        admin = new_token()
        if stored is None:
            self.room = Room(new_code(), digest(admin))
        else:
            self.room = self._rebuild(stored)
            self.room.admin_digest = digest(admin)
        self.store.save_room(self.room.code, self.room.admin_digest)
        kept = stored.settings.get("lang") if stored is not None else None
        self.lang = self._chosen_lang or kept or language()
        if self.lang != kept:
            self.store.save_setting("lang", self.lang)
        return admin

    def _rebuild(self, stored: StoredRoom) -> Room:
        room = Room(stored.code, stored.admin_digest)
        for row in stored.tables:
            scenario = self.loader(row.scenario_path, row.turns)
            table = Table(row.id, scenario, row.scenario_path, row.seed, dict(row.seats))
            if row.match is not None:
                table.match = Match.from_dict(scenario, row.scenario_path, row.match)
            room.tables[table.id] = table
        for t in stored.teams:
            room.teams[t.token_digest] = Team(t.name, t.token_digest, t.table, t.role, t.last_id)
        room.picking = stored.settings.get("picking") == "1"
        return room

    # ------------------------------------------------------------------ teams
    def join(self, code: object, name: object) -> tuple[str, Team]:
        """A team joins (kept at once); returns its token and the team."""
        token, team = self.room.join(code, name)
        self.store.write(teams=[_team_row(team)])
        return token, team

    def rejoin(self, code: object, name: object, rejoin: object, now: float) -> tuple[str, Team]:
        """A team comes back with the teacher's rejoin code: its new token (kept at once; the old one stops
        working) and the team."""
        token, team = self.room.rejoin(code, name, rejoin, now)
        self.store.write(teams=[_team_row(team)])
        return token, team

    def pick(self, token: object, table_id: object, role: object) -> Table:
        """A team takes a free seat itself (the table and every team kept)."""
        table = self.room.pick(token, table_id, role)
        self.store.write(
            [_table_row(t) for t in self.room.tables.values()], [_team_row(t) for t in self.room.teams.values()]
        )
        return table

    def command(self, token: object, table_id: object, message_id: object, data: object) -> tuple[Team, Table]:
        """A team's command, checked, applied and kept with its table and team in one transaction."""
        team, table = self.room.command(token, table_id, message_id, data)
        assert isinstance(data, Mapping) and isinstance(message_id, int)  # checked by the room
        row = CommandRow(table.id, team.name, message_id, dict(data))
        self.store.write([_table_row(table)], [_team_row(team)], row)
        return team, table

    # ------------------------------------------------------------------ the teacher
    def add_table(self, turns: object = None, seed: object = None, scenario: object = None) -> Table:
        """A new table of the room's scenario, or of the scenario of id ``scenario`` (see
        :mod:`game.server.catalogue`); ``turns``: a shorter game (``None``: the room's length for the room's scenario,
        the full game for another)."""
        path = self.scenario_file(scenario)
        length = (self.turns if path == self.scenario_path else None) if turns is None else turns
        if length is not None and (isinstance(length, bool) or not isinstance(length, int)):
            raise RoomError(tr("turns is a whole number"))
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise RoomError(tr("a seed is a whole number"))
        try:
            loaded = self.loader(path, length)
        except ValueError as exc:
            raise RoomError(str(exc)) from None
        table = self.room.add_table(loaded, path, seed)
        self.store.write([_table_row(table)])
        return table

    def scenario_file(self, scenario: object) -> str:
        """The file of the scenario of id ``scenario`` (``None``: the room's)."""
        if scenario is None:
            return self.scenario_path
        found = choices(self.scenario_path, lambda p: self.loader(p, None))
        path = next((c.path for c in found if c.id == scenario), None)
        if path is None:
            raise RoomError(tr("no scenario {scenario}; scenarios: {scenarios}", scenario=repr(scenario)[:40],
                               scenarios=", ".join(c.id for c in found)))  # fmt: skip
        return self.scenario_path if found[0].path == path else path

    def allow_picking(self, allowed: object) -> None:
        """Let teams take free seats themselves, or not (kept)."""
        if not isinstance(allowed, bool):
            raise RoomError(tr("allowed is true or false"))
        self.room.picking = allowed
        self.store.save_setting("picking", "1" if allowed else "0")

    def rejoin_code(self, name: object, now: float) -> str:
        """A one-time code for a team that lost its token (kept only while the server runs)."""
        return self.room.rejoin_code(name, now)

    def seat(self, table_id: object, role: object, who: object) -> Table:
        """Seat a team, a computer level or nobody (the table and every team kept)."""
        table = self.room.seat(table_id, role, who)
        self.store.write([_table_row(table)], [_team_row(t) for t in self.room.teams.values()])
        return table

    def start(self, table_id: object) -> Table:
        """Start a table (kept)."""
        self.room.start(table_id, lang=self.lang)
        table = self.room.table(table_id)
        self.store.write([_table_row(table)])
        return table

    def control(self, table_id: object, action: str, args: Mapping[str, Any]) -> Table:
        """One of the teacher's controls at a table (kept); ``more_time`` (``seconds``) adds to the running turn."""
        table = self.room.control(table_id, action, args)
        if action == "more_time":
            self.clocks.setdefault(table.id, TurnClock()).add(int(args["seconds"]))
        self.store.write([_table_row(table)])
        return table

    def pause_all(self, paused: bool) -> list[str]:
        """Pause (or let go on) every started table that is not over and not already so; the ids of those
        changed."""
        changed = []
        for table in self.room.tables.values():
            match = table.match
            if match is not None and not match.is_over() and match.teacher.paused != paused:
                self.control(table.id, "pause" if paused else "resume", {})
                changed.append(table.id)
        return changed

    def tick(self, now: float) -> list[str]:
        """Count every table's turn timer down to ``now``; a table whose time ran out ends its turn with what was
        committed (kept). Returns the ids of the tables that changed."""
        changed = []
        for table in self.room.tables.values():
            if table.match is None:
                continue
            clock = self.clocks.setdefault(table.id, TurnClock())
            if clock.tick(table.match, now) and table.match.game.phase is Phase.ACTIONS:
                self.control(table.id, "time_up", {})
                clock.tick(table.match, now)  # the next turn's count starts now
                changed.append(table.id)
        return changed

    def seconds_left(self, table_id: str) -> int | None:
        """Whole seconds left in a table's turn (``None``: no timer running; the whole turn's time when it was just
        set or a new turn just began), the same for the teams and the dashboard."""
        table = self.room.tables.get(table_id)
        return None if table is None else room_view.seconds_left(self, table)

    # ------------------------------------------------------------------ what people see
    def team_json(self, team: Team) -> dict[str, Any]:
        """What a team's page shows: where it sits, and its seat's view once its table has started (in the room's
        language)."""
        with use_language(self.lang):
            return self._team_json(team)

    def _team_json(self, team: Team) -> dict[str, Any]:
        table = self.room.tables.get(team.table)
        match = table.match if table is not None else None
        return {
            "type": "view",
            "team": team.name,
            "table": team.table,
            "role": team.role,
            "lang": self.lang,
            "role_name": localize(table.scenario.role(team.role).name, self.lang) if table and team.role else "",
            "last_id": team.last_id,
            "started": match is not None,
            "seconds_left": self.seconds_left(team.table),
            "view": seat_json(match, team.role) if match is not None else None,
            "picking": self.room.picking,
            "free_seats": [
                {
                    "table": t.id,
                    "role": role,
                    "role_name": localize(t.scenario.role(role).name, self.lang),
                    "turns": t.turns,
                }
                for t, role in self.room.free_seats(team)
            ],
        }

    def room_json(self, connected: Mapping[str, int]) -> dict[str, Any]:
        """What the dashboard shows (see :func:`game.server.room_view.room_json`), in the room's language."""
        with use_language(self.lang):
            return room_view.room_json(self, connected)


def _table_row(table: Table) -> TableRow:
    match = table.match.to_dict() if table.match is not None else None
    return TableRow(table.id, table.scenario_path, table.turns, table.seed, dict(table.seats), match)


def _team_row(team: Team) -> TeamRow:
    return TeamRow(team.token_digest, team.name, team.table, team.role, team.last_id)
