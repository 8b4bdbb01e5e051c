"""What the teacher's dashboard shows, as JSON: the room code, the scenarios and computer levels to choose from, the
teams (connected or not, and where they sit) and every table with its seats, controls' state and public board.

Only the public board of a started table (:func:`game.server.views.public_json`): never a seat's private view.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from game.engine import Scenario, localize
from game.server.board_words import board_words
from game.server.boards import PublicBoards
from game.server.catalogue import choices
from game.server.clock import TurnClock, time_left
from game.server.room import Room, Table
from game.table import DEFAULT_LEVEL, LEVELS


class Served(Protocol):
    """What the dashboard's JSON reads of the room's service (:class:`game.server.service.ClassService`)."""

    room: Room
    lang: str
    scenario_path: str
    turns: int | None
    clocks: dict[str, TurnClock]
    boards: PublicBoards

    def loader(self, path: str, turns: int | None, /) -> Scenario:
        """A scenario file at a length."""


def room_json(service: Served, connected: Mapping[str, int]) -> dict[str, Any]:
    """The room as the dashboard draws it; ``connected``: how many pages each team (by name) has open."""
    room = service.room
    return {
        "type": "room",
        "code": room.code,
        "lang": service.lang,
        "picking": room.picking,
        "scenario": Path(service.scenario_path).name,
        "scenarios": [
            {
                "id": c.id,
                "title": localize(c.titles, service.lang) if c.titles else c.title,
                "turns": c.turns,
                "shortest": c.shortest,
                "room": i == 0,
            }
            for i, c in enumerate(choices(service.scenario_path, lambda p: service.loader(p, None)))
        ],
        "room_turns": service.turns,
        "levels": list(LEVELS),
        "default_level": DEFAULT_LEVEL,
        "teams": [
            {
                "name": t.name,
                "table": t.table,
                "role": t.role,
                "connected": connected.get(t.name, 0) > 0,
                "rejoin_waiting": t.name.casefold() in room.rejoins,
            }  # a rejoin code given and not used yet
            for t in room.teams.values()
        ],
        "tables": [table_json(service, t) for t in room.tables.values()],
    }


def table_json(service: Served, table: Table) -> dict[str, Any]:
    """One table for the dashboard: its scenario, seats, timer and, once started, its public board."""
    scenario = table.scenario
    match = table.match
    public = None if match is None else service.boards.of(table.id, match)
    words = None
    if match is not None and public is not None:
        shown = public
        words = service.boards.words(table.id, lambda: board_words(match, shown))
    return {
        "id": table.id,
        "title": localize(scenario.title, service.lang),
        "scenario_file": Path(table.scenario_path).name,
        "turns": table.turns,
        "seed": table.seed,
        "seats": table.seats,
        "started": match is not None,
        "over": match is not None and match.is_over(),
        "revealed": match is not None and match.teacher.revealed,
        "seconds_left": seconds_left(service, table),
        "roles": {r.id: localize(r.name, service.lang) for r in scenario.roles},
        "events": [{"id": e.id, "title": localize(e.title, service.lang)} for e in scenario.events],
        "words": words,
        "public": public,  # last: the room's text splices each kept board in at the end of its table
    }


def seconds_left(service: Served, table: Table) -> int | None:
    """Whole seconds left in a table's turn (``None``: no timer): see :func:`~game.server.clock.time_left`."""
    return time_left(service.clocks.get(table.id), table.match)
