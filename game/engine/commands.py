"""Small command objects: the only way front ends change a game (see :meth:`Game.apply`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Commit:
    """``role`` commits ``action`` for this turn, paying its cost now."""

    role: str
    action: str


@dataclass(frozen=True, slots=True)
class Withdraw:
    """``role`` takes back an action it committed this turn and gets its capital back."""

    role: str
    action: str


@dataclass(frozen=True, slots=True)
class Choose:
    """``role`` answers ``event`` with ``choice``."""

    role: str
    event: str
    choice: str


@dataclass(frozen=True, slots=True)
class EndTurn:
    """Resolve the turn with whatever has been committed."""


Command = Commit | Withdraw | Choose | EndTurn
