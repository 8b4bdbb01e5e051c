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


@dataclass(frozen=True, slots=True)
class Propose:
    """``sender`` offers ``receiver`` the items in ``give`` in exchange for those in ``ask``."""

    sender: str
    receiver: str
    give: tuple[str, ...] = ()
    ask: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Respond:
    """``role``, the receiver of ``proposal``, accepts it (making an agreement) or refuses it."""

    role: str
    proposal: str
    accept: bool


@dataclass(frozen=True, slots=True)
class Counter:
    """``role`` refuses ``proposal`` and sends its sender a proposal of its own: ``give`` for ``ask``."""

    role: str
    proposal: str
    give: tuple[str, ...] = ()
    ask: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BreakAgreement:
    """``role`` stops implementing its pending items of ``agreement``, at a cost in trust."""

    role: str
    agreement: str


@dataclass(frozen=True, slots=True)
class Adjust:
    """A facilitator sets ``indicator`` to ``value`` (clamped to its range), for ``reason`` (recorded with it)."""

    indicator: str
    value: float
    reason: str


@dataclass(frozen=True, slots=True)
class Inject:
    """A facilitator makes ``event`` fire at the next news phase, whatever its condition, window or weight."""

    event: str


@dataclass(frozen=True, slots=True)
class EndNow:
    """A facilitator ends the game now: the ending is computed from the state as it stands."""


#: The commands only a facilitator (a teacher) sends; they speak for no role.
FacilitatorCommand = Adjust | Inject | EndNow

Command = Commit | Withdraw | Choose | EndTurn | Propose | Respond | Counter | BreakAgreement | Adjust | Inject | EndNow
