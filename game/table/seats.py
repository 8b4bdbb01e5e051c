"""Who sits in each role's seat: a person, or the computer at a named level (or with a named policy).

Pure. :func:`seat_rng` is the one place a computer player's random generator is derived from the match seed, so the
same seed gives the same computer players in every front end and in ``simulate``.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Mapping
from dataclasses import dataclass

from game.ai import POLICIES, Policy, make_policy
from game.ai.lookahead import DEFAULT_BUDGET
from game.ai.policies import RESTRICTED_PREFIX
from game.engine import Game, Scenario
from game.i18n import N_, tr


class SeatKind(enum.StrEnum):
    """Who plays a seat."""

    PERSON = "person"
    COMPUTER = "computer"


@dataclass(frozen=True, slots=True)
class Level:
    """A named strength of the computer: a policy and its budget, with a line for people choosing it."""

    id: str
    name: str
    policy: str
    budget: int | None
    description: str


#: The computer's levels, weakest first. Measured against each other in the README (``simulate``).
LEVELS: dict[str, Level] = {
    level.id: level
    for level in (
        Level("beginner", N_("Beginner"), "casual", None,
              N_("Plays for its own side but often overlooks a better move; easy to read and to deal with.")),
        Level("standard", N_("Standard"), "greedy", None,
              N_("Takes the move that does its side the most good this turn, and proposes deals that serve it.")),
        Level("strong", N_("Strong"), "lookahead", DEFAULT_BUDGET,
              N_("Plays out many possible futures before each move; patient and hard to outplay (slower to think).")),
    )
}  # fmt: skip

#: The level a computer seat gets when none is named.
DEFAULT_LEVEL = "standard"


class SeatError(ValueError):
    """A seat that cannot be set: an unknown role, level or policy, or a malformed ``ROLE=WHO``."""


@dataclass(frozen=True, slots=True)
class Seat:
    """One role's seat. ``player`` is ``"person"`` for a person, else a level id (``standard``) or a policy name
    (``greedy``, ``greedy:FAMILY``)."""

    player: str = DEFAULT_LEVEL

    @property
    def kind(self) -> SeatKind:
        """A person or the computer."""
        return SeatKind.PERSON if self.player == SeatKind.PERSON else SeatKind.COMPUTER

    @property
    def is_person(self) -> bool:
        """Whether a person plays this seat."""
        return self.player == SeatKind.PERSON

    @property
    def level(self) -> Level | None:
        """The level, when the seat names one."""
        return LEVELS.get(self.player)

    @property
    def policy(self) -> str:
        """The policy name of a computer seat (``""`` for a person)."""
        if self.is_person:
            return ""
        level = self.level
        return level.policy if level is not None else self.player

    @property
    def budget(self) -> int | None:
        """The search budget of a computer seat's level (``None``: the policy's default)."""
        level = self.level
        return level.budget if level is not None else None

    @property
    def level_name(self) -> str:
        """The level's name (``Standard``), or the policy's name for a seat that names a policy."""
        level = self.level
        return level.name if level is not None else self.player

    def describe(self) -> str:
        """``person``, ``computer (Standard)`` or ``computer (greedy)``."""
        return tr("person") if self.is_person else tr("computer ({level})", level=tr(self.level_name))


PERSON = Seat(SeatKind.PERSON.value)


def check_player(player: str) -> str:
    """``player`` if it names a person, a level or a policy; raises :class:`SeatError` naming the known ones."""
    if player == SeatKind.PERSON or player in LEVELS or player in POLICIES or player.startswith(RESTRICTED_PREFIX):
        return player
    known = ", ".join(["person", *LEVELS, *sorted(POLICIES)])
    raise SeatError(tr("unknown player {player}; use one of: {known}", player=repr(player), known=known))


def parse_seat(text: str) -> tuple[str, Seat]:
    """Read ``ROLE=WHO`` (``us=person``, ``cambodia=strong``, ``cambodia=greedy``)."""
    role, sep, player = text.partition("=")
    role, player = role.strip(), player.strip().lower()
    if not sep or not role or not player:
        raise SeatError(tr("expected ROLE=WHO (for example us=person or cambodia=strong), not {text}", text=repr(text)))
    return role, Seat(check_player(player))


def seats_for(scenario: Scenario, given: Mapping[str, Seat]) -> dict[str, Seat]:
    """A seat for every role of ``scenario`` in scenario order: those ``given``, the others the computer at the
    standard level. Raises :class:`SeatError` for a role the scenario lacks or a seat nobody can play."""
    roles = [r.id for r in scenario.roles]
    unknown = [role for role in given if role not in roles]
    if unknown:
        raise SeatError(tr("unknown role {role}; roles: {roles}", role=repr(unknown[0]), roles=", ".join(roles)))
    for seat in given.values():
        check_player(seat.player)
    fallback = Seat()
    return {role: given.get(role, fallback) for role in roles}


def seat_rng(seed: int, index: int) -> random.Random:
    """The random generator of the computer player in the ``index``-th seat (scenario order) of a match seeded
    ``seed``: the only way a computer player's generator is made."""
    return random.Random(seed * 7919 + index)


def make_player(
    game: Game, role: str, seat: Seat, rng: random.Random, *, budget: int | None = None, negotiate: bool = True
) -> Policy:
    """The computer player of a seat. ``budget`` (``simulate --budget``) overrides the level's; with ``negotiate``
    false it makes no proposals."""
    policy = make_policy(seat.policy, game, role, rng)
    chosen = budget if budget is not None else seat.budget
    if chosen is not None and hasattr(policy, "budget"):
        policy.budget = chosen
    if hasattr(policy, "negotiate"):
        policy.negotiate = negotiate
    return policy
