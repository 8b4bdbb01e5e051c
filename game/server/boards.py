"""Each table's public board as JSON, built once per change of that table rather than at every message.

The dashboard gets the whole room after every change anywhere: with thirty tables, building every table's board
each time was most of the server's work. A board only changes when its table does, and every change of a table is
written to the store before it is answered (the rule of :class:`~game.server.service.ClassService`), so
:class:`PublicBoards` watches the store: writing a table forgets its board, and the next room message builds it
again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from game.server.store import ClassStore, CommandRow, StoredRoom, TableRow, TeamRow
from game.server.views import public_json
from game.table import Match


class PublicBoards:
    """The public board of each started table, kept from one write of the table to the next."""

    def __init__(self) -> None:
        self._boards: dict[str, dict[str, Any]] = {}
        #: Each kept board's JSON text, encoded the first time a room message needs it.
        self._texts: dict[str, str] = {}
        #: What else is made from each kept board (the news and agreements in words), kept as long as the board.
        self._words: dict[str, Any] = {}

    def of(self, table_id: str, match: Match) -> dict[str, Any]:
        """The public JSON of ``match`` (table ``table_id``): the one built since the table was last written, or a
        new one. Callers must not change it (it is shared by every room message until the table changes)."""
        board = self._boards.get(table_id)
        if board is None:
            board = self._boards[table_id] = public_json(match)
        return board

    def words(self, table_id: str, build: Callable[[], Any]) -> Any:
        """What ``build`` makes of the table's kept board (built once while the board is kept)."""
        if table_id not in self._words:
            self._words[table_id] = build()
        return self._words[table_id]

    def forget(self, table_ids: Sequence[str] = ()) -> None:
        """Build these tables' boards afresh next time."""
        for table_id in table_ids:
            self._boards.pop(table_id, None)
            self._texts.pop(table_id, None)
            self._words.pop(table_id, None)

    def text(self, table_id: str, board: dict[str, Any]) -> str:
        """``board`` as JSON text: encoded once while it is the table's kept board."""
        if self._boards.get(table_id) is not board:
            return encode(board)
        text = self._texts.get(table_id)
        if text is None:
            text = self._texts[table_id] = encode(board)
        return text

    def room_text(self, room: dict[str, Any]) -> str:
        """A room message (:meth:`~game.server.service.ClassService.room_json`) as JSON text, each table's public
        board spliced in as the text kept for it (the same text :func:`encode` would give)."""
        tables = []
        for entry in room["tables"]:
            public = entry.get("public")
            if public is None:
                tables.append(encode(entry))
                continue
            rest = encode({key: value for key, value in entry.items() if key != "public"})
            tables.append(f'{rest[:-1]}{"," if len(rest) > 2 else ""}"public":{self.text(entry["id"], public)}}}')
        rest = encode({key: value for key, value in room.items() if key != "tables"})
        return f'{rest[:-1]}{"," if len(rest) > 2 else ""}"tables":[{",".join(tables)}]}}'

    def watching(self, store: ClassStore) -> ClassStore:
        """``store``, forgetting the board of each table written through it."""
        return _Forgetting(store, self)


def encode(data: Any) -> str:
    """JSON text as the server sends it (compact)."""
    return json.dumps(data, separators=(",", ":"))


class _Forgetting:
    """A :class:`ClassStore` that passes everything on to another, forgetting the boards of the tables it writes
    (before writing them: a failed write leaves no stale board either)."""

    def __init__(self, store: ClassStore, boards: PublicBoards) -> None:
        self.inner = store
        self.boards = boards

    def load(self) -> StoredRoom | None:
        """The inner store's room."""
        return self.inner.load()

    def save_room(self, code: str, admin_digest: str) -> None:
        """Keep the room in the inner store."""
        self.inner.save_room(code, admin_digest)

    def save_setting(self, key: str, value: str) -> None:
        """Keep a setting in the inner store."""
        self.inner.save_setting(key, value)

    def write(
        self, tables: Sequence[TableRow] = (), teams: Sequence[TeamRow] = (), command: CommandRow | None = None
    ) -> None:
        """Forget the written tables' boards and write to the inner store."""
        self.boards.forget([t.id for t in tables])
        self.inner.write(tables, teams, command)

    def close(self) -> None:
        """Close the inner store."""
        self.inner.close()
