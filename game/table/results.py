"""What a command did, as typed values (:meth:`Match.apply` returns them): front ends read these rather than
fetching the newest proposal or agreement from the state."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Agreement, Change, FacilitatorCommand, Proposal, TurnReport


@dataclass(frozen=True, slots=True)
class ActionCommitted:
    """``role`` committed ``action`` for this turn."""

    role: str
    action: str


@dataclass(frozen=True, slots=True)
class ActionWithdrawn:
    """``role`` took ``action`` back."""

    role: str
    action: str


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    """``role`` answered ``event`` with ``choice``."""

    role: str
    event: str
    choice: str


@dataclass(frozen=True, slots=True)
class ProposalSent:
    """A proposal went out (a counter-proposal too); it is open until its receiver answers."""

    proposal: Proposal


@dataclass(frozen=True, slots=True)
class ProposalAnswered:
    """``proposal`` (as it stands after the answer) was accepted, refused or countered by its receiver. ``agreement``
    is the agreement an acceptance made; ``counter`` the proposal a counter sent back; ``by_computer`` says whether
    the computer answered (at once, for a computer receiver)."""

    proposal: Proposal
    agreement: Agreement | None = None
    counter: Proposal | None = None
    by_computer: bool = False


@dataclass(frozen=True, slots=True)
class AgreementBroken:
    """``role`` broke ``agreement`` (as it stands after the break)."""

    role: str
    agreement: Agreement


@dataclass(frozen=True, slots=True)
class PartDone:
    """``role`` finished its part of the turn."""

    role: str


@dataclass(frozen=True, slots=True)
class TurnResolved:
    """The turn resolved (every seat had played its part): what changed, and the outcome if the game ended."""

    report: TurnReport


@dataclass(frozen=True, slots=True)
class Facilitated:
    """A facilitator's command was carried out; ``change`` is the change an adjustment recorded."""

    command: FacilitatorCommand
    change: Change | None = None


Result = (
    ActionCommitted
    | ActionWithdrawn
    | ChoiceMade
    | ProposalSent
    | ProposalAnswered
    | AgreementBroken
    | PartDone
    | TurnResolved
    | Facilitated
)
