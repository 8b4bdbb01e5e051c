"""Where the class server keeps its room: SQLite (the standard library's ``sqlite3``, WAL mode), one file
``class.sqlite3`` in the data folder.

Behind :class:`ClassStore`, a small interface a PostgreSQL store could also fill: load everything at start, and
:meth:`ClassStore.write` the tables and teams that changed, with the command that changed them, in one transaction.
A table's match is kept whole (``Match.to_dict()`` as JSON) after every command, so a server killed at any moment
starts again exactly where the last answered command left it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from game.storage import data_dir

#: The store's file name in the data folder.
FILE_NAME = "class.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rooms (code TEXT PRIMARY KEY, admin_digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
    id TEXT PRIMARY KEY, scenario_path TEXT NOT NULL, turns INTEGER NOT NULL, seed INTEGER NOT NULL,
    seats TEXT NOT NULL, match TEXT
);
CREATE TABLE IF NOT EXISTS players (
    token_digest TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, table_id TEXT NOT NULL, role TEXT NOT NULL,
    last_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS commands (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, table_id TEXT NOT NULL, team TEXT NOT NULL, message_id INTEGER NOT NULL,
    command TEXT NOT NULL, at REAL NOT NULL
);
"""  # i18n: not shown


@dataclass(frozen=True, slots=True)
class TableRow:
    """A table as stored: its scenario file and length, seed, seats (role: who) and match (``None`` before the
    start)."""

    id: str
    scenario_path: str
    turns: int
    seed: int
    seats: dict[str, str]
    match: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class TeamRow:
    """A team as stored (its token only as a digest)."""

    token_digest: str
    name: str
    table: str
    role: str
    last_id: int


@dataclass(frozen=True, slots=True)
class CommandRow:
    """A command a team sent (kept for the record; the match's own log is what rebuilds the game)."""

    table: str
    team: str
    message_id: int
    command: dict[str, Any]


@dataclass
class StoredRoom:
    """Everything a store holds of the room."""

    code: str
    admin_digest: str
    tables: list[TableRow] = field(default_factory=list)
    teams: list[TeamRow] = field(default_factory=list)
    #: The room's settings (``picking``: "1" when teams may take free seats themselves).
    settings: dict[str, str] = field(default_factory=dict)


class ClassStore(Protocol):
    """What the class server needs of its storage."""

    def load(self) -> StoredRoom | None:
        """The stored room, or ``None`` when there is none yet."""

    def save_room(self, code: str, admin_digest: str) -> None:
        """Keep the room's code and the teacher's token digest (replacing any room before)."""

    def save_setting(self, key: str, value: str) -> None:
        """Keep one of the room's settings."""

    def write(
        self, tables: Sequence[TableRow] = (), teams: Sequence[TeamRow] = (), command: CommandRow | None = None
    ) -> None:
        """Keep these tables and teams (and the command that changed them), all or nothing."""

    def close(self) -> None:
        """Release the store."""


def archive(path: Path) -> Path | None:
    """Put the class kept in ``path`` aside (``class-YYYYMMDD-HHMMSS.sqlite3`` beside it, with everything its
    write-ahead log still held) so that the next store there starts a new room; the new name, or ``None`` when
    there was nothing to put aside."""
    if not path.exists():
        return None
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # i18n: not shown
    finally:
        db.close()
    target = path.with_name(f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return target


class SqliteStore:
    """A :class:`ClassStore` in one SQLite file (WAL mode; each write one transaction)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / FILE_NAME
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")  # i18n: not shown
        self._db.execute("PRAGMA synchronous=NORMAL")  # i18n: not shown
        self._db.executescript(_SCHEMA)

    def load(self) -> StoredRoom | None:
        """The stored room, or ``None``."""
        row = self._db.execute("SELECT code, admin_digest FROM rooms LIMIT 1").fetchone()  # i18n: not shown
        if row is None:
            return None
        room = StoredRoom(str(row[0]), str(row[1]))
        for tid, path, turns, seed, seats, match in self._db.execute(
            "SELECT id, scenario_path, turns, seed, seats, match FROM tables ORDER BY rowid"  # i18n: not shown
        ):
            room.tables.append(TableRow(tid, path, int(turns), int(seed), json.loads(seats),
                                        None if match is None else json.loads(match)))  # fmt: skip
        for digest, name, table, role, last_id in self._db.execute(
            "SELECT token_digest, name, table_id, role, last_id FROM players ORDER BY rowid"  # i18n: not shown
        ):
            room.teams.append(TeamRow(digest, name, table, role, int(last_id)))
        room.settings = {
            str(k): str(v)
            for k, v in self._db.execute("SELECT key, value FROM settings")  # i18n: not shown
        }
        return room

    def save_room(self, code: str, admin_digest: str) -> None:
        """Keep the room (one room per file)."""
        with self._transaction():
            self._db.execute("DELETE FROM rooms")  # i18n: not shown
            sql = "INSERT INTO rooms (code, admin_digest) VALUES (?, ?)"  # i18n: not shown
            self._db.execute(sql, (code, admin_digest))

    def save_setting(self, key: str, value: str) -> None:
        """Keep one setting."""
        with self._transaction():
            sql = "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"  # i18n: not shown
            self._db.execute(sql, (key, value))

    def write(
        self, tables: Sequence[TableRow] = (), teams: Sequence[TeamRow] = (), command: CommandRow | None = None
    ) -> None:
        """Keep tables, teams and a command in one transaction."""
        with self._transaction():
            self._db.executemany(
                "INSERT INTO tables (id, scenario_path, turns, seed, seats, match) "  # i18n: not shown
                "VALUES (?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET scenario_path = excluded.scenario_path, turns = excluded.turns, "
                "seed = excluded.seed, seats = excluded.seats, match = excluded.match",  # keeps the tables' order
                [(t.id, t.scenario_path, t.turns, t.seed, json.dumps(t.seats),
                  None if t.match is None else json.dumps(t.match, separators=(",", ":"))) for t in tables],
            )  # fmt: skip
            self._db.executemany(
                "INSERT INTO players (token_digest, name, table_id, role, last_id) "  # i18n: not shown
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET token_digest = excluded.token_digest, table_id = excluded.table_id, "
                "role = excluded.role, last_id = excluded.last_id",  # keeps the teams' order, a new token too
                [(t.token_digest, t.name, t.table, t.role, t.last_id) for t in teams],
            )
            if command is not None:
                self._db.execute(
                    "INSERT INTO commands (table_id, team, message_id, command, at) "  # i18n: not shown
                    "VALUES (?, ?, ?, ?, ?)",
                    (command.table, command.team, command.message_id, json.dumps(command.command), time.time()),
                )

    def close(self) -> None:
        """Close the file."""
        self._db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on an error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")  # i18n: not shown

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._db.execute("COMMIT" if error is None else "ROLLBACK")
