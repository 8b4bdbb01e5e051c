"""How a computer counterpart weighs a proposal: a score made of labelled reasons, against the scenario's threshold.

Pure: it reads a game and never changes it, so a screen can show the receiver's breakdown live, before the proposal
is sent. The score is a sum of :class:`Reason` values, from the receiving role's point of view:

- each item: its base ``value`` to the receiver (times a personality weight, 1.0 for now; an item the receiver
  gives is usually negative for it, its domestic cost) plus the forecast change of the receiver's own score from
  the item's effects;
- trust in the other side: ``(trust - 50) / 10``;
- current relations, when the scenario names an indicator as its relations (``negotiation.relations_indicator``,
  by default ``relations``): its distance from the middle of its range, divided by 10;
- recent provocations: -2 for each action of the scenario's pressure family (``negotiation.pressure_family``, by
  default ``pressure``) the other side took in the last two turns.

The receiver accepts when the score is at least ``negotiation.threshold`` *and* the items alone (what it gets less
what it gives, each at its value plus the forecast change of its score) gain it at least ``negotiation.min_gain``:
trust and good relations make it readier to deal, but never make it take a package that costs it more than it brings.
When only that second rule refuses, the reasons say so (a reason of 0 points). :func:`counter` looks for the nearest
bundle it would accept instead.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations

from game.engine import Game, NegotiationError, NewsKind, Proposal, Propose, localize
from game.i18n import N_, tr, tr_n
from game.i18n.formats import number

__all__ = [
    "PROVOCATION_FAMILY",
    "Bundle",
    "BundleKey",
    "Evaluation",
    "Reason",
    "bundle_key",
    "counter",
    "evaluate",
    "evaluate_for",
]

#: The strategy family whose actions count as provocations when a scenario declares none (see
#: :attr:`Scenario.pressure_family <game.engine.Scenario.pressure_family>`, which the evaluator reads).
PROVOCATION_FAMILY = "pressure"
#: Points per provocation in the last :data:`PROVOCATION_TURNS` turns.
PROVOCATION_POINTS = -2.0
PROVOCATION_TURNS = 2
#: The personality weight of an item's value (items belong to no strategy family yet).
ITEM_WEIGHT = 1.0
#: ``counter`` changes at most this many items, among the most relevant of each side.
MAX_CHANGES = 3
MAX_CANDIDATES = 8

#: ``(give, ask)``: the items the sender gives and those it asks of the receiver.
Bundle = tuple[tuple[str, ...], tuple[str, ...]]
#: A bundle whose order does not matter (see :func:`bundle_key`).
BundleKey = tuple[frozenset[str], frozenset[str]]
#: The reason shown when the items alone gain the receiver too little, however well the rest disposes it.
_NO_GAIN = N_("The items alone are worth {gain} to us, short of the {min_gain} a deal must gain")


@dataclass(frozen=True, slots=True)
class Reason:
    """One labelled part of an evaluation: ``points`` for (or, negative, against) accepting."""

    label: str
    points: float


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The receiver's view of a proposal: ``score`` (the sum of the reasons' points) against ``threshold``, and
    ``gain`` (the items' points alone) against ``min_gain``; it accepts when both reach their mark."""

    score: float
    threshold: float
    accept: bool
    reasons: tuple[Reason, ...]
    gain: float = 0.0
    min_gain: float = 0.0


def evaluate(game: Game, proposal: Proposal | Propose | Bundle, receiver: str) -> Evaluation:
    """How ``receiver`` weighs a proposal (a sent :class:`Proposal`, a :class:`Propose` command, or a bundle
    ``(give, ask)`` from the other side's point of view); raises :class:`NegotiationError` without a negotiation
    section and :class:`~game.engine.UnknownIdError` for unknown ids."""
    sender, give, ask = _parts(game, proposal, receiver)
    view = _View(game, sender, receiver)
    reasons = [view.item_reason(i, gives=False) for i in give]
    reasons += [view.item_reason(i, gives=True) for i in ask]
    gain = 0.0
    for reason in reasons:
        gain += reason.points
    reasons += view.context
    score = sum(r.points for r in reasons)
    if (give or ask) and score >= view.threshold and gain < view.min_gain:
        shown = {"gain": number(gain, 1, signed=True), "min_gain": number(view.min_gain, 1, signed=True)}
        reasons.append(Reason(tr(_NO_GAIN, **shown), 0.0))
    return _evaluation(view.threshold, reasons, gain, view.min_gain)


def evaluate_for(
    game: Game, sender: str, receiver: str, give: Sequence[str], ask: Sequence[str], role: str
) -> Evaluation:
    """How ``role`` weighs ``sender`` giving ``give`` to ``receiver`` for ``ask``: the receiver's own evaluation, or,
    for the sender, the same bundle as if the other side had offered it (what it gets against what it gives)."""
    if role == receiver:
        return evaluate(game, Propose(sender, receiver, tuple(give), tuple(ask)), role)
    return evaluate(game, Propose(receiver, sender, tuple(ask), tuple(give)), role)


def counter(game: Game, proposal: Proposal, *, exclude: Collection[BundleKey] = ()) -> Bundle | None:
    """The nearest bundle ``proposal.receiver`` would accept, or ``None`` if it finds none.

    Written from the receiver's side, ready for ``Counter(proposal.receiver, proposal.id, give, ask)``: ``give``
    are items the receiver gives (from those it was asked for), ``ask`` the items it asks of the sender (those it
    was offered, plus perhaps more). Nearest means fewest changes (items dropped from what it was asked, items of
    the sender's added to what it gets), then the best score for the receiver; only items that may be put on the
    table now are used, and at most :data:`MAX_CHANGES` changes are tried. Bundles in ``exclude`` (keys of
    :func:`bundle_key`, from the receiver's side: what it gives, what it asks) are never returned.
    """
    receiver, sender = proposal.receiver, proposal.sender
    view = _View(game, sender, receiver)
    need = max(view.threshold - sum(r.points for r in view.context), view.min_gain)  # what the items must reach
    legal_gets = {i.id for i in game.legal_items(sender)}
    legal_gives = {i.id for i in game.legal_items(receiver)}
    gets = [i for i in proposal.give if i in legal_gets]
    gives = [i for i in proposal.ask if i in legal_gives]
    points = {i: view.item_reason(i, gives=False).points for i in legal_gets}
    points.update({i: view.item_reason(i, gives=True).points for i in legal_gives})
    # Candidates: asked items it would most like to keep for itself, and the sender's items it wants most.
    droppable = sorted(gives, key=lambda i: (points[i], i))[:MAX_CANDIDATES]
    addable = sorted((i for i in legal_gets if i not in gets), key=lambda i: (-points[i], i))[:MAX_CANDIDATES]
    for changes in range(MAX_CHANGES + 1):  # items that are no longer legal are dropped without counting
        best: tuple[float, Bundle] | None = None
        for drops in range(changes + 1):
            for dropped in combinations(droppable, drops):
                for added in combinations(addable, changes - drops):
                    new_gives = tuple(i for i in gives if i not in dropped)
                    new_gets = (*gets, *added)
                    if not new_gives and not new_gets:
                        continue
                    if exclude and (frozenset(new_gives), frozenset(new_gets)) in exclude:
                        continue
                    score = sum(points[i] for i in new_gives) + sum(points[i] for i in new_gets)
                    if score >= need and (best is None or score > best[0]):
                        best = (score, (new_gives, new_gets))
        if best is not None:
            return best[1]
    return None


def bundle_key(give: Sequence[str], ask: Sequence[str]) -> BundleKey:
    """A bundle as a value that ignores the order of its items: two offers with the same key are the same offer."""
    return frozenset(give), frozenset(ask)


def _evaluation(threshold: float, reasons: list[Reason], gain: float, min_gain: float) -> Evaluation:
    score = 0.0
    for reason in reasons:
        score += reason.points
    return Evaluation(score, threshold, score >= threshold and gain >= min_gain, tuple(reasons), gain, min_gain)


def _parts(
    game: Game, proposal: Proposal | Propose | Bundle, receiver: str
) -> tuple[str, Sequence[str], Sequence[str]]:
    """``(sender, give, ask)`` of any of the accepted forms."""
    if isinstance(proposal, Proposal | Propose):
        return proposal.sender, proposal.give, proposal.ask
    give, ask = proposal
    if give:
        return game.item(give[0]).giver, give, ask
    others = [r.id for r in game.scenario.roles if r.id != receiver]
    if len(others) != 1:
        # A programming error, never a player's: the front ends always name the sender.
        problem = "a bundle that gives nothing needs a Proposal or Propose naming its sender"  # i18n: not shown
        raise NegotiationError(problem)
    return others[0], give, ask


class _View:
    """What the receiver's evaluation needs of one game state, computed once."""

    def __init__(self, game: Game, sender: str, receiver: str) -> None:
        negotiation = game.scenario.negotiation
        if negotiation is None:
            raise NegotiationError(tr("this scenario has no negotiation"))
        self.game = game
        self.receiver = receiver
        self.threshold = negotiation.threshold
        self.min_gain = negotiation.min_gain
        self.now = game.score(receiver)
        lang = game.lang
        other = localize(game.scenario.role(sender).name, lang)
        context = [Reason(tr("Trust in {name}", name=other), (game.trust(sender, receiver) - 50.0) / 10.0)]
        relations = game.scenario.relations()
        if relations is not None:
            middle = (relations.min + relations.max) / 2.0
            context.append(Reason(tr("Current relations"), (game.value(relations.id) - middle) / 10.0))
        provocations = _provocations(game, sender)
        if provocations:
            label = tr_n(
                "Recent pressure from {name} ({n} action)",
                "Recent pressure from {name} ({n} actions)",
                provocations,
                name=other,
            )
            context.append(Reason(label, PROVOCATION_POINTS * provocations))
        self.context = context

    def item_reason(self, item_id: str, *, gives: bool) -> Reason:
        """One item's worth to the receiver: its base value plus the forecast change of the receiver's score."""
        game = self.game
        item = game.item(item_id)
        worth = ITEM_WEIGHT * float(item.value.get(self.receiver, 0.0))
        values = dict(game.state.values)
        for indicator, delta in game.forecast_effects(item.effects, item.id).totals().items():
            values[indicator] += delta
        worth += game.score_of(self.receiver, values) - self.now
        label = localize(item.label, game.lang)
        if gives:
            return Reason(tr("{item} (we give)", item=label), worth)
        return Reason(tr("{item} (they give)", item=label), worth)


def _provocations(game: Game, sender: str) -> int:
    """Actions of the provocation family that ``sender`` took in the last turns."""
    scenario = game.scenario
    family = scenario.pressure_family
    if family is None:
        return 0
    since = game.turn - PROVOCATION_TURNS
    count = 0
    for news in reversed(game.state.news):
        if news.turn < since:
            break
        if news.kind is not NewsKind.ACTION or news.role != sender:
            continue
        if scenario.action(news.id).family == family:
            count += 1
    return count
