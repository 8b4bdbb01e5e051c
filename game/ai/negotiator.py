"""How a computer player negotiates: answering the proposals addressed to it, and making proposals of its own.

Pure: both functions read a game and return commands; whoever runs the game applies them. Both rest on the
evaluator of :mod:`game.ai.negotiation`, whose score is a sum of labelled reasons, one per item plus a context (trust,
relations, provocations). :func:`make_proposal` evaluates every legal item once from each side's point of view and
then searches small bundles with plain additions, so a call takes a few milliseconds at most.

It adapts after a refusal. The offers a role sent that the other side turned down (refused, or answered with a
counter) are read back from the game (:func:`turned_down`), each with the worth of its items to the receiver (its
evaluation without the context: trust, relations, provocations) as things stood when it was sent and as they stand
now. Such an offer *stands* until that worth has risen by at least :data:`MATERIAL_CHANGE` points (the items came to
matter more to the receiver): a standing offer is not sent again, neither as a proposal nor as a counter; warmer
trust or relations alone do not revive it. For :data:`REFUSAL_MEMORY` turns after such a refusal, a new offer must
also be worth at least :data:`SWEETEN` points more to the receiver than the refused one is now: the proposer
sweetens its offer or asks less, or waits. It concedes only so far: while refusals stand, an offer must still bring
the proposer at least :data:`CONCESSION` of the gain of the best offer it could make without them; past that it
waits, so refusing everything does not wring every point out of it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

from game.ai.debrief import games_when_sent
from game.ai.negotiation import BundleKey, bundle_key, counter, evaluate
from game.engine import (
    Command,
    Counter,
    Game,
    NegotiationError,
    Phase,
    Proposal,
    ProposalStatus,
    Propose,
    Respond,
    UnknownIdError,
)

__all__ = [
    "CONCESSION",
    "MATERIAL_CHANGE",
    "MAX_ASK",
    "MAX_GIVE",
    "MAX_ROUNDS",
    "MIN_GAIN",
    "REFUSAL_MEMORY",
    "SWEETEN",
    "Answerer",
    "Offer",
    "Proposer",
    "TurnedDown",
    "answer_proposals",
    "answers_of",
    "best_proposals",
    "make_proposal",
    "negotiate_turn",
    "proposed_this_turn",
    "turned_down",
]

#: A proposal offers at most this many of the proposer's items ...
MAX_GIVE = 2
#: ... and asks at most this many of the other side's.
MAX_ASK = 2
#: Rounds of answers (and counters to counters) in :func:`negotiate_turn`.
MAX_ROUNDS = 3
#: The proposer's own gain (points of its own evaluation) below which a proposal does not serve it.
MIN_GAIN = 0.5
#: A turned-down offer may be sent again once its items' worth to the receiver has risen by at least this many points.
MATERIAL_CHANGE = 1.0
#: For this many turns (the turn of the refusal included) a new offer must beat each refused one ...
REFUSAL_MEMORY = 3
#: ... by at least this many points of the receiver's evaluation (both evaluated now).
SWEETEN = 0.5
#: While refusals stand, an offer must bring its proposer at least this share of the gain of its best offer.
CONCESSION = 0.5
_TURNED_DOWN = (ProposalStatus.REFUSED, ProposalStatus.COUNTERED)


@dataclass(frozen=True, slots=True)
class TurnedDown:
    """An offer the receiver turned down: the proposal, and the worth of its items to the receiver (the evaluation's
    ``gain``, without trust, relations and provocations) ``then`` (when it was sent) and ``now``."""

    proposal: Proposal
    then: float
    now: float

    @property
    def key(self) -> BundleKey:
        """The offer's items, order aside (see :func:`~game.ai.negotiation.bundle_key`)."""
        return bundle_key(self.proposal.give, self.proposal.ask)

    @property
    def standing(self) -> bool:
        """Whether it still stands: its items' worth to the receiver has not risen by :data:`MATERIAL_CHANGE`."""
        return self.now - self.then < MATERIAL_CHANGE


def turned_down(game: Game, role: str, other: str) -> list[TurnedDown]:
    """The offers ``role`` sent ``other`` (proposals and counters) that ``other`` refused or countered, oldest
    first, each with the worth of its items to ``other`` when it was sent and now (offers whose items are no longer
    in the scenario are left out)."""
    down = [p for p in game.state.proposals if p.sender == role and p.receiver == other and p.status in _TURNED_DOWN]
    if not down:
        return []
    out = []
    for proposal, past in zip(down, games_when_sent(game, down), strict=True):
        try:
            then, now = evaluate(past, proposal, other).gain, evaluate(game, proposal, other).gain
        except (NegotiationError, UnknownIdError, KeyError):
            continue
        out.append(TurnedDown(proposal, then, now))
    return out


@dataclass(frozen=True, slots=True)
class Offer:
    """A bundle found by :func:`best_proposals`: the command, the proposer's ``gain`` and the receiver's ``score``."""

    command: Propose
    gain: float
    score: float


def answer_proposals(game: Game, role: str) -> list[Command]:
    """One answer to every open proposal addressed to ``role``, oldest first.

    Accept (:class:`Respond` with ``accept=True``) when ``role``'s evaluator accepts and the rules allow it; else a
    :class:`Counter` with the evaluator's nearest acceptable bundle, when there is one the rules allow; else refuse.
    """
    out: list[Command] = []
    countered: set[str] = set()  # one counter per sender: a role has at most one open proposal to another
    for proposal in game.open_proposals(role):
        if evaluate(game, proposal, role).accept and not game.why_not_accept(role, proposal.id):
            out.append(Respond(role, proposal.id, True))
            continue
        bundle = counter(game, proposal) if proposal.sender not in countered else None
        if bundle is not None and _sent_before(game, role, proposal.sender, bundle_key(*bundle)):
            # Not the same offer again while the refusal stands: the nearest acceptable bundle among the others.
            standing = {t.key for t in turned_down(game, role, proposal.sender) if t.standing}
            if standing:
                bundle = counter(game, proposal, exclude=standing)
        if bundle is not None:
            give, ask = bundle
            if not game.why_not_propose(role, proposal.sender, give, ask):
                countered.add(proposal.sender)
                out.append(Counter(role, proposal.id, tuple(give), tuple(ask)))
                continue
        out.append(Respond(role, proposal.id, False))
    return out


def make_proposal(game: Game, role: str, other: str) -> Propose | None:
    """The proposal from ``role`` to ``other`` that most raises ``role``'s own gain among those ``other``'s evaluator
    would accept, or ``None`` when none gains at least :data:`MIN_GAIN` (or ``role`` may not propose now)."""
    offers = best_proposals(game, role, other, limit=1)
    return offers[0].command if offers else None


def best_proposals(game: Game, role: str, other: str, *, limit: int = 3, partner_weight: float = 0.0) -> list[Offer]:
    """Up to ``limit`` acceptable proposals from ``role`` to ``other``, best gain for ``role`` first.

    Bundles give at most :data:`MAX_GIVE` of ``role``'s legal items and ask at most :data:`MAX_ASK` of ``other``'s.
    ``role``'s gain is its own evaluation of the items it receives minus those it gives (their values to it and the
    forecast change of its score), without the context; a bundle qualifies when ``other``'s evaluator accepts it and
    the gain is at least :data:`MIN_GAIN`, and it is not an offer ``other`` turned down that still stands, nor (for
    :data:`REFUSAL_MEMORY` turns after a refusal) worth less than :data:`SWEETEN` more to ``other`` than the refused
    offers, nor (while refusals stand) a gain below :data:`CONCESSION` of the best one (see :func:`turned_down`).
    Ties go to fewer items, then to the receiver's higher score, then to the item ids, so the result is
    deterministic. ``partner_weight`` (a cooperative player's) ranks bundles by the gain plus that share of
    ``other``'s own points for the items.
    """
    if game.scenario.negotiation is None or game.phase is not Phase.ACTIONS or role == other:
        return []
    mine = tuple(i.id for i in game.legal_items(role))
    theirs = tuple(i.id for i in game.legal_items(other))
    if not mine and not theirs:
        return []
    if game.why_not_propose(role, other, mine[:1], theirs[:1]):  # e.g. an open proposal to ``other`` already
        return []
    # One evaluation from each side covers every item: reasons come one per item, in order, then the context.
    for_them = evaluate(game, Propose(role, other, mine, theirs), other)
    for_me = evaluate(game, Propose(other, role, theirs, mine), role)
    count = len(mine) + len(theirs)
    their_points = [r.points for r in for_them.reasons[:count]]
    their_base = sum(r.points for r in for_them.reasons[count:])
    my_points = [r.points for r in for_me.reasons[:count]]
    # For me the order is reversed: their items (which I receive) first, then mine.
    my_gain_give = my_points[len(theirs) :]
    my_gain_ask = my_points[: len(theirs)]
    their_give = their_points[: len(mine)]
    their_ask = their_points[len(mine) :]
    gives = _subsets(range(len(mine)), MAX_GIVE, [my_gain_give[i] for i in range(len(mine))], their_give)
    asks = _subsets(range(len(theirs)), MAX_ASK, [my_gain_ask[i] for i in range(len(theirs))], their_ask)
    threshold, their_min = for_them.threshold, for_them.min_gain
    standing: set[BundleKey] = set()
    floor = -math.inf  # what a new offer's items must be worth to the receiver after a recent refusal
    for refused in turned_down(game, role, other):
        if refused.standing:
            standing.add(refused.key)
            if game.turn - refused.proposal.turn < REFUSAL_MEMORY:
                floor = max(floor, refused.now + SWEETEN)
    found: list[tuple[float, int, float, tuple[str, ...], tuple[str, ...], float]] = []
    best_gain = -math.inf  # the gain of the best offer, refusals aside
    for give, give_mine, give_theirs in gives:
        for ask, ask_mine, ask_theirs in asks:
            if not give and not ask:
                continue
            gain = give_mine + ask_mine
            worth = give_theirs + ask_theirs
            if gain < MIN_GAIN or worth < their_min:
                continue
            score = their_base + worth
            if score < threshold:
                continue
            best_gain = max(best_gain, gain)
            if worth < floor:
                continue
            give_ids = tuple(mine[i] for i in give)
            ask_ids = tuple(theirs[i] for i in ask)
            if standing and bundle_key(give_ids, ask_ids) in standing:
                continue
            rank = gain + partner_weight * (give_theirs + ask_theirs)
            found.append((-rank, len(give) + len(ask), -score, give_ids, ask_ids, gain))
    if standing:  # it concedes, but only so far
        found = [f for f in found if f[5] >= CONCESSION * best_gain]
    found.sort()
    out: list[Offer] = []
    for _, _, _, give_ids, ask_ids, gain in found:
        command = Propose(role, other, give_ids, ask_ids)
        check = evaluate(game, command, other)  # the sums above may round differently near the threshold
        if check.accept:
            out.append(Offer(command, gain, check.score))
            if len(out) >= limit:
                break
    return out


def _sent_before(game: Game, role: str, other: str, key: BundleKey) -> bool:
    """Whether ``role`` sent ``other`` this offer before and ``other`` turned it down (a cheap first check)."""
    return any(
        p.sender == role and p.receiver == other and p.status in _TURNED_DOWN and bundle_key(p.give, p.ask) == key
        for p in game.state.proposals
    )


def proposed_this_turn(game: Game, role: str) -> bool:
    """Whether ``role`` already sent a proposal of its own (not a counter) this turn."""
    turn = game.turn
    return any(p.sender == role and p.turn == turn and p.reply_to is None for p in game.state.proposals)


class Answerer(Protocol):
    """A computer player that answers proposals its own way instead of with :func:`answer_proposals`."""

    def answer(self, game: Game, role: str) -> list[Command]:
        """One answer to every open proposal addressed to ``role``, oldest first."""
        ...


def answers_of(player: object, game: Game, role: str) -> list[Command]:
    """``player``'s answers to the open proposals addressed to ``role``: its own :meth:`Answerer.answer` when it
    has one, else the evaluator's (:func:`answer_proposals`)."""
    # Duck-typed (getattr, not isinstance on the Protocol), like ``propose`` in :func:`negotiate_turn`.
    answer = getattr(player, "answer", None)
    return answer(game, role) if answer is not None else answer_proposals(game, role)


class Proposer(Protocol):
    """A computer player that makes proposals of its own: at most one per turn, in the actions phase."""

    def propose(self, game: Game, role: str) -> list[Command]:
        """The proposals ``role`` sends now (at most one), or ``[]``."""
        ...


def still_allowed(game: Game, role: str, answer: Command) -> Command:
    """``answer`` checked again just before it is applied: a role's answers to all its open proposals are decided
    together, and accepting one can take an item another one needs (two sides asking for the same thing). An
    acceptance or a counter that the rules no longer allow becomes a refusal."""
    if isinstance(answer, Respond) and answer.accept and game.why_not_accept(role, answer.proposal):
        return Respond(role, answer.proposal, False)
    if isinstance(answer, Counter):
        sender = game.proposal(answer.proposal).sender
        if game.why_not_propose(role, sender, answer.give, answer.ask):
            return Respond(role, answer.proposal, False)
    return answer


def negotiate_turn(game: Game, players: Mapping[str, object], *, rounds: int = MAX_ROUNDS) -> list[Command]:
    """A turn's negotiation among computer players: each of ``players`` that is a :class:`Proposer` may send one
    proposal (in ``players`` order), then every role in ``players`` answers the proposals addressed to it with
    :func:`answers_of` (its own answers, or the evaluator's), for up to ``rounds`` rounds of counters. Proposals to
    other roles (people) stay open. Applies the commands to ``game`` and returns them, in order."""
    applied: list[Command] = []
    if game.scenario.negotiation is None or game.phase is not Phase.ACTIONS:
        return applied
    for role, player in players.items():
        # Duck-typed (getattr, not isinstance on the Protocol): that check costs microseconds on the hot path.
        propose = getattr(player, "propose", None)
        if propose is not None and not proposed_this_turn(game, role):
            for command in propose(game, role):
                game.apply(command)
                applied.append(command)
    if not game.open_proposals():
        return applied
    for _ in range(rounds):
        answered = False
        for role, player in players.items():
            for answer in answers_of(player, game, role):
                command = still_allowed(game, role, answer)
                game.apply(command)
                applied.append(command)
                answered = True
        if not answered:
            break
    return applied


def _subsets(
    indices: Sequence[int], largest: int, mine: Sequence[float], theirs: Sequence[float]
) -> list[tuple[tuple[int, ...], float, float]]:
    """Every subset of ``indices`` with at most ``largest`` members, with the sums of both sides' points."""
    out: list[tuple[tuple[int, ...], float, float]] = []
    for size in range(min(largest, len(indices)) + 1):
        for subset in combinations(indices, size):
            out.append((subset, sum(mine[i] for i in subset), sum(theirs[i] for i in subset)))
    return out
