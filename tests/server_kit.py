"""Helpers shared by the class server's tests: a room of two teams at a started table, and playing its
decisions through the room's checked commands."""

from __future__ import annotations

from pathlib import Path

from game.paths import DEFAULT_SCENARIO
from game.server.host import load_at_length
from game.server.room import Table
from game.server.service import ClassService
from game.server.store import SqliteStore
from game.table import command_to_json

#: A short game keeps the tests quick.
TURNS = 3
SCENARIO = str(DEFAULT_SCENARIO.resolve())


def service_at(path: Path) -> tuple[ClassService, str]:
    """A class service kept in ``path``, opened: the service and the teacher's token."""
    service = ClassService(SqliteStore(path), load_at_length, SCENARIO, TURNS)
    return service, service.open()


def seated(service: ClassService) -> tuple[Table, dict[str, str]]:
    """Two teams joined, seated as the scenario's roles at a new table, started: the table and each role's
    token."""
    table = service.add_table(seed=7)
    tokens = {}
    for role, name in zip(table.seats, ("Blue", "Gold"), strict=False):
        token, _ = service.join(service.room.code, name)
        service.seat(table.id, role, f"team:{name}")
        tokens[role] = token
    service.start(table.id)
    return table, tokens


def play_once(service: ClassService, table: Table, tokens: dict[str, str], option: int = -1) -> str:
    """The seat whose moment it is sends one of its decision's options (by default the last: Done when acting);
    returns that role."""
    assert table.match is not None
    decision = table.match.decision()
    assert decision is not None
    team = service.room.team(tokens[decision.role])
    command = decision.options[option if decision.kind.value == "act" else 0]
    service.command(tokens[decision.role], table.id, team.last_id + 1, command_to_json(command))
    return decision.role
