"""The command log of a match: every command with its seat and turn, enough to rebuild the match exactly from the
scenario, the seed and the log (see :mod:`game.table.replay`).

Commands are the engine's own (:mod:`game.engine.commands`) plus :class:`Done`, a person saying their part of the
turn is over. The resolution of a turn is logged as :class:`~game.engine.EndTurn` with no role.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from math import isfinite
from typing import Any, NamedTuple, overload

from game.engine import (
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
from game.i18n import tr
from game.table.seats import SeatKind


@dataclasses.dataclass(frozen=True, slots=True)
class Done:
    """``role`` (a person) has finished its part of the turn: the next person's part, or the resolution."""

    role: str


#: Anything a seat may send to a match.
TableCommand = Command | Done

#: The name each command has in a save file.
_NAMES: dict[type[Any], str] = {
    Commit: "commit",
    Withdraw: "withdraw",
    Choose: "choose",
    EndTurn: "end_turn",
    Propose: "propose",
    Respond: "respond",
    Counter: "counter",
    BreakAgreement: "break",
    Done: "done",
    Adjust: "adjust",
    Inject: "inject",
    EndNow: "end_now",
}
#: The commands a facilitator sends (they speak for no role).
_FACILITATOR = (Adjust, Inject, EndNow)
_TYPES = {name: kind for kind, name in _NAMES.items()}


#: Who sent a logged command: a person, the computer (the seat kinds), the table (a turn's resolution) or the
#: teacher (a facilitator's command).
_PERSON, _COMPUTER, _TABLE, _TEACHER = SeatKind.PERSON.value, SeatKind.COMPUTER.value, "table", "teacher"


class LogEntry(NamedTuple):
    """One command as it was applied: the turn, the role that sent it (``""`` for the resolution), whether a person
    or the computer sent it, and the command."""

    turn: int
    role: str
    by: str  # person | computer | table | teacher
    command: TableCommand


class CommandLog:
    """The log of a match, oldest first: reads as a sequence of :class:`LogEntry`.

    It stores only the commands. Each entry's turn, role and seat follow from them exactly: every turn's resolution is
    logged as :class:`~game.engine.EndTurn`, so an entry's turn is the first turn plus the resolutions before it; a
    command names its role; and the seats of a match never change. (A log grows by a few commands a turn in every
    ``simulate`` game; one list append each is all it costs there.)
    """

    __slots__ = ("commands", "first_turn", "persons")

    def __init__(
        self, commands: Iterable[TableCommand] = (), *, first_turn: int = 1, persons: Iterable[str] = ()
    ) -> None:
        self.commands: list[TableCommand] = list(commands)
        self.first_turn = first_turn
        self.persons = frozenset(persons)

    def add(self, command: TableCommand) -> None:
        """Log one command at the end."""
        self.commands.append(command)

    def __len__(self) -> int:
        return len(self.commands)

    def __iter__(self) -> Iterator[LogEntry]:
        turn, persons = self.first_turn, self.persons
        for command in self.commands:
            if isinstance(command, EndTurn):
                yield LogEntry(turn, "", _TABLE, command)
                turn += 1
                continue
            if isinstance(command, _FACILITATOR):
                yield LogEntry(turn, "", _TEACHER, command)
                continue
            role = command_role(command)
            yield LogEntry(turn, role, _PERSON if role in persons else _COMPUTER, command)

    @overload
    def __getitem__(self, index: int) -> LogEntry: ...

    @overload
    def __getitem__(self, index: slice) -> list[LogEntry]: ...

    def __getitem__(self, index: int | slice) -> LogEntry | list[LogEntry]:
        return list(self)[index]

    def __delitem__(self, index: int) -> None:
        del self.commands[index]


class LogError(ValueError):
    """A logged command that cannot be read back."""


def command_to_json(command: TableCommand) -> dict[str, Any]:
    """``{"type": "propose", "sender": "us", ...}``; tuples become lists."""
    out: dict[str, Any] = {"type": _NAMES[type(command)]}
    for item in dataclasses.fields(command):
        value = getattr(command, item.name)
        out[item.name] = list(value) if isinstance(value, tuple) else value
    return out


def command_from_json(data: Mapping[str, Any]) -> TableCommand:
    """Rebuild :func:`command_to_json` output; raises :class:`LogError` if it does not describe a command."""
    if not isinstance(data, Mapping):
        raise LogError(tr("a logged command should be an object, not {value}", value=repr(data)[:60]))
    kind = _TYPES.get(str(data.get("type")))
    if kind is None:
        raise LogError(tr("unknown command type {type}", type=repr(data.get("type"))[:40]))
    values: dict[str, Any] = {}
    for item in dataclasses.fields(kind):
        if item.name not in data:
            raise LogError(tr("a {command} command lacks {field}", command=_NAMES[kind], field=repr(item.name)))
        value = data[item.name]
        if item.name in ("give", "ask"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise LogError(
                    tr(
                        "{field} of a {command} command should be a list of ids",
                        field=repr(item.name),
                        command=_NAMES[kind],
                    )
                )
            value = tuple(value)
        elif item.name == "accept":
            if not isinstance(value, bool):
                raise LogError(tr("'accept' of a respond command should be true or false"))
        elif item.name == "value":
            if isinstance(value, bool) or not isinstance(value, int | float) or not isfinite(value):
                raise LogError(
                    tr(
                        "'value' of an {command} command should be a number, not {value}",
                        command=_NAMES[kind],
                        value=repr(value)[:40],
                    )
                )
            value = float(value)
        elif not isinstance(value, str):
            raise LogError(
                tr(
                    "{field} of a {command} command should be text, not {value}",
                    field=repr(item.name),
                    command=_NAMES[kind],
                    value=repr(value)[:40],
                )
            )
        values[item.name] = value
    command: TableCommand = kind(**values)
    return command


def command_role(command: TableCommand) -> str:
    """The role a command speaks for (``""`` for :class:`EndTurn` and a facilitator's commands)."""
    if isinstance(command, Propose):
        return command.sender
    return str(getattr(command, "role", ""))
