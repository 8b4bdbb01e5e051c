"""After the game: a debrief of a computer counterpart, read from the game's history.

Pure: it reads a game and never changes it. :func:`debrief` says, for one counterpart and the player facing it,

- its **priorities**: its private objectives, what one more point of each indicator was worth to its score at the
  end of the game, its personality (how it weighs each strategy family when it picks its own actions), and the
  negotiation items it valued most and least (their base values to it);
- its **stance** on each proposal exchanged between the two, in order: who sent it, the items, how it ended, and
  where the counterpart stood *as things stood when the proposal was made*: the evaluator's score
  (:func:`game.ai.negotiation.evaluate`) against the threshold, with the main reasons. For a proposal the
  counterpart received, the front ends let the computer answer at once, so this is the evaluation it answered with
  (when it scored above the threshold but was refused because one of its items had just gone into another
  agreement, the outcome says so). For one it sent (its own proposals and counters) it is its own valuation of the
  deal: the same bundle, as if the player had offered it;
- its **willingness** over time: the part of the evaluator that does not depend on the items (trust in the player,
  current relations, recent pressure from the player), at the start and after each turn, with the causes that moved
  it that turn, the player's own moves first;
- a one-line **summary**.

How the past is rebuilt. The engine rebuilds the values at any point of the history (:meth:`Game.values_after`,
trust included: the pair's ``trust_<a>_<b>``, or the indicator the scenario names as its trust), exact even for a
game saved under an older version of the scenario. A :class:`Moment` names such a point: a turn, a number of history
entries and a number of news entries. A proposal's moment is when it was sent: after the news stage of its turn
(events and the answers to them) and after any agreement broken earlier in that turn (the news gives the order),
before the turn's actions resolve; the news, which the evaluator reads for recent provocations, is cut at the same
place. Where the stages of a turn begin is recorded by the engine (:meth:`Game.stage_start`); the changes between the
start of the actions stage and the resolution are those of agreements broken. For turns played before the engine
recorded stages (older saves), the part of the history before the resolution is recognised by its causes (events,
choices, breaks) at the start of the turn. The evaluation runs on a throwaway game holding what the evaluator reads:
the values, trust, the turn and the news so far; the real game is never touched. Not rebuilt: everything else
(capital, agreements, open proposals, the random generator); the evaluator does not read them today, and
:func:`_game_at` would have to rebuild them if it ever did.

Willingness after turn ``t`` is measured as it stands for the negotiation of turn ``t + 1`` before that turn's news:
the values at the end of turn ``t`` and the player's pressure actions of the last
:data:`~game.ai.negotiation.PROVOCATION_TURNS` turns. Its change in a turn is split exactly into causes: each change
of the pair's trust (``/ 10``) and of the relations (``/ 10``; the indicator the scenario names as its relations)
goes to the decision, event or trend that made it, and each pressure action (of the family the scenario names)
adds :data:`~game.ai.negotiation.PROVOCATION_POINTS` in its turn and takes it back when it leaves the window (any
difference from the evaluator's own figure would show as ``other``).

Scenarios without a negotiation section have no evaluator, no trust and no proposals: their debrief holds the
priorities and a willingness made of the same terms the evaluator would use that exist there (relations and recent
pressure), with no stances.

A debrief of a 12-turn game takes a few milliseconds.
"""

from __future__ import annotations

import enum
import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from game.ai.negotiation import (
    PROVOCATION_POINTS,
    PROVOCATION_TURNS,
    Evaluation,
    Reason,
    evaluate,
)
from game.engine import (
    Cause,
    Change,
    Game,
    GameState,
    ItemStatus,
    Moment,
    NegotiationError,
    NewsDetail,
    NewsKind,
    Phase,
    Proposal,
    ProposalStatus,
    Propose,
    UnknownIdError,
    localize,
    proposal_moments,
)
from game.i18n import N_, tr, tr_n
from game.i18n.formats import number, turn_date

__all__ = [
    "Debrief",
    "ItemWorth",
    "Leaning",
    "Moment",
    "MoodPoint",
    "Priorities",
    "Shift",
    "ShiftKind",
    "Stance",
    "Weight",
    "debrief",
    "games_when_sent",
    "proposal_moment",
    "turn_end_moment",
    "values_at",
]

#: How many reasons a stance keeps, biggest first.
MAIN_REASONS = 3
#: How many items the priorities list on each side (most and least valued).
ITEMS_LISTED = 3
#: Changes smaller than this (in points) are "no change" in the words.
STEADY = 0.05
#: The group of an agreement item's changes in the willingness (its effects and the trust it earned when kept).
_DEAL = "deal"


# --------------------------------------------------------------------- results
class ShiftKind(enum.StrEnum):
    """What kind of cause a :class:`Shift` is."""

    PRESSURE = "pressure"  # the player's action of the provocation family
    ACTION = "action"  # any other action
    CHOICE = "choice"  # an answer to an event
    BREAK = "break"  # an agreement broken
    DEAL = "deal"  # an agreement item carried out (its effects and the trust it earned)
    FADE = "fade"  # the player's pressure leaving the evaluator's window
    EVENT = "event"
    TREND = "trend"  # a dynamic
    FACILITATOR = "facilitator"
    OTHER = "other"  # what the causes above do not explain


@dataclass(frozen=True, slots=True)
class Weight:
    """What one more point of an indicator was worth to the counterpart's score at the end of the game."""

    indicator: str
    label: str
    points: float


@dataclass(frozen=True, slots=True)
class Leaning:
    """A personality weight: how strongly the counterpart favours a strategy family's actions (1 = neutral)."""

    family: str
    label: str
    weight: float


@dataclass(frozen=True, slots=True)
class ItemWorth:
    """A negotiation item's base value to the counterpart (negative: a cost to it, usually one it gives)."""

    item: str
    label: str
    giver: str
    value: float


@dataclass(frozen=True, slots=True)
class Priorities:
    """What the counterpart cares about."""

    objectives: str  # its private objectives, as its own player reads them
    weights: tuple[Weight, ...]  # biggest first (by size), indicators that did not count left out
    personality: tuple[Leaning, ...]  # strongest first
    wants: tuple[ItemWorth, ...]  # the items it valued most (positive values), best first
    costs: tuple[ItemWorth, ...]  # the items it valued least (negative values), costliest first


@dataclass(frozen=True, slots=True)
class Stance:
    """One proposal between the player and the counterpart, and where the counterpart stood on it."""

    proposal: Proposal
    by_counterpart: bool  # the counterpart sent it (its evaluation is then its own valuation of the deal)
    give: tuple[str, ...]  # labels of the items the sender gives
    ask: tuple[str, ...]  # labels of the items the sender asks for
    outcome: ProposalStatus  # the proposal's status
    outcome_text: str  # how it ended, in words (with the agreement's fate)
    agreement: str  # the agreement it made, or ""
    evaluation: Evaluation | None  # None if it could not be evaluated (an item no longer in the scenario)
    reasons: tuple[Reason, ...]  # the main reasons, biggest first

    @property
    def margin(self) -> float:
        """Score minus threshold (0 without an evaluation)."""
        return 0.0 if self.evaluation is None else self.evaluation.score - self.evaluation.threshold

    @property
    def verdict(self) -> str:
        """``would accept`` / ``would refuse`` / ``unknown``."""
        if self.evaluation is None:
            return N_("unknown")
        return N_("would accept") if self.evaluation.accept else N_("would refuse")


@dataclass(frozen=True, slots=True)
class Shift:
    """One cause of a change in willingness: ``points`` (negative: it made the counterpart less willing)."""

    label: str  # e.g. "you pressured them with Public criticism"
    points: float
    mine: bool  # the player's own doing (an action, a decision, an agreement kept or broken, pressure fading)
    kind: ShiftKind


@dataclass(frozen=True, slots=True)
class MoodPoint:
    """The counterpart's willingness at the start (``turn`` 0) or after a turn, and what moved it that turn."""

    turn: int
    mood: float
    reasons: tuple[Reason, ...]  # the evaluator's context terms (trust, relations, recent pressure)
    change: float  # since the previous point (0 at the start)
    shifts: tuple[Shift, ...]  # every cause of the change, biggest first
    note: str  # the point in words

    @property
    def moves(self) -> tuple[Shift, ...]:
        """The player's own shifts, biggest first."""
        return tuple(s for s in self.shifts if s.mine)


@dataclass(frozen=True, slots=True)
class Debrief:
    """The debrief of ``counterpart`` for ``player`` (see the module's docstring)."""

    counterpart: str
    player: str
    name: str  # the counterpart's display name
    player_name: str
    negotiation: bool  # whether the scenario has a negotiation section
    threshold: float  # the evaluator's threshold (0 without negotiation)
    priorities: Priorities
    stances: tuple[Stance, ...]
    willingness: tuple[MoodPoint, ...]  # the start, then one point per turn played
    summary: str

    @property
    def start(self) -> float:
        """Willingness at the start."""
        return self.willingness[0].mood if self.willingness else 0.0

    @property
    def end(self) -> float:
        """Willingness after the last turn."""
        return self.willingness[-1].mood if self.willingness else 0.0

    @property
    def measured(self) -> bool:
        """Whether anything in the scenario measures willingness (trust, relations or pressure ever counted)."""
        return any(p.reasons or p.change for p in self.willingness)


# --------------------------------------------------------------------- the past
def turn_end_moment(game: Game, turn: int) -> Moment:
    """After turn ``turn`` resolved (0: the start, before the first news), seen from the next turn's negotiation."""
    history = bisect_right([c.turn for c in game.history], turn)
    news = bisect_right([n.turn for n in game.state.news], turn)
    return Moment(turn + 1, history, news)


def proposal_moment(game: Game, proposal: Proposal) -> Moment:
    """When ``proposal`` was sent: its turn's news stage done, the agreements broken before it in that turn broken,
    nothing of the turn's resolution yet (see the module's docstring)."""
    return proposal_moments(game, [proposal])[0]


def games_when_sent(game: Game, proposals: Sequence[Proposal]) -> list[Game]:
    """For each proposal, a throwaway game holding what the evaluator reads as things stood when it was sent (see
    the module's docstring): evaluate a proposal in it to know how its receiver weighed it then. On the engine's
    fast path, which keeps no history, the engine remembers that moment of each proposal itself
    (:meth:`Game.when_sent`)."""
    return [_game_at(game, moment, values) for moment, values in game.when_sent(proposals)]


def values_at(game: Game, moment: Moment) -> dict[str, float]:
    """Every value (indicators and trust) at ``moment``, rebuilt from the history by the engine."""
    return game.values_after(moment.history)


def _values_at(game: Game, moments: Sequence[Moment]) -> list[dict[str, float]]:
    """The values at each moment, in one pass over the history."""
    return game.values_after_each([m.history for m in moments])


def _game_at(game: Game, moment: Moment, values: dict[str, float]) -> Game:
    """A throwaway game holding what the evaluator reads at ``moment``: values, trust, turn and news so far."""
    state = game.state
    copy = GameState(
        scenario_id=state.scenario_id,
        fingerprint=state.fingerprint,
        seed=state.seed,
        rng=random.Random(0),
        turn=moment.turn,
        phase=Phase.ACTIONS,
        values=dict(values),
        previous=dict(values),
        capital=dict(state.capital),
        committed={role: [] for role in state.committed},
        news=state.news[: moment.news],
    )
    return Game(game.scenario, copy, lang=game.lang)


# --------------------------------------------------------------------- the debrief
def debrief(game: Game, counterpart: str, player: str) -> Debrief:
    """The debrief of ``counterpart`` (usually a computer player) for ``player``; raises ``ValueError`` for an
    unknown role or a role debriefed about itself."""
    roles = {r.id for r in game.scenario.roles}
    for role in (counterpart, player):
        if role not in roles:
            raise ValueError(tr("unknown role {role}; roles: {roles}", role=repr(role), roles=", ".join(sorted(roles))))
    if counterpart == player:
        raise ValueError(tr("a role cannot be debriefed about itself"))
    builder = _Builder(game, counterpart, player)
    willingness = builder.willingness()
    stances = builder.stances()
    return Debrief(
        counterpart=counterpart,
        player=player,
        name=builder.name,
        player_name=builder.player_name,
        negotiation=builder.negotiation,
        threshold=builder.threshold,
        priorities=builder.priorities(),
        stances=stances,
        willingness=willingness,
        summary=_summary(builder.name, willingness, stances),
    )


class _Builder:
    """What one debrief needs of the game, computed once."""

    def __init__(self, game: Game, counterpart: str, player: str) -> None:
        self.game = game
        self.scenario = scenario = game.scenario
        self.counterpart = counterpart
        self.player = player
        self.lang = game.lang
        self.name = localize(scenario.role(counterpart).name, game.lang)
        self.player_name = localize(scenario.role(player).name, game.lang)
        self.negotiation = scenario.negotiation is not None
        self.threshold = scenario.negotiation.threshold if scenario.negotiation is not None else 0.0
        self.trust = scenario.trust_indicator_id(counterpart, player) if self.negotiation else ""
        self.events = {e.id: e for e in scenario.events}
        self.dynamics = {d.id: d for d in scenario.dynamics}
        relations = scenario.relations()  # what the scenario names as the relations, and its pressure family
        self.relations = relations.id if relations is not None else ""
        self.middle = None if relations is None else (relations.min + relations.max) / 2.0
        self.pressure = scenario.pressure_family
        outcome = game.outcome
        self.last = outcome.turn if outcome is not None else game.turn - 1

    # ----------------------------------------------------------------- priorities
    def priorities(self) -> Priorities:
        game, scenario, role = self.game, self.scenario, self.scenario.role(self.counterpart)
        values = dict(game.state.values)
        now = game.score_of(self.counterpart, values)
        weights = []
        names = [i.id for i in scenario.indicators]
        for name in names:
            indicator = scenario.indicator(name)
            value = values[name]
            step = 1.0 if value + 1.0 <= indicator.max else -1.0
            values[name] = value + step
            points = (game.score_of(self.counterpart, values) - now) / step
            values[name] = value
            if abs(points) >= 1e-9:
                weights.append(Weight(name, localize(indicator.label, self.lang), points))
        weights.sort(key=lambda w: (-abs(w.points), w.label))
        families = {f.id: localize(f.label, self.lang) for f in scenario.families}
        leanings = sorted((Leaning(f, families.get(f, f), float(w)) for f, w in role.personality.items()),
                          key=lambda le: (-le.weight, le.label))  # fmt: skip
        worths: list[ItemWorth] = []
        if scenario.negotiation is not None:
            for item in scenario.negotiation.items:
                value = float(item.value.get(self.counterpart, 0.0))
                worths.append(ItemWorth(item.id, localize(item.label, self.lang), item.giver, value))
        wants = sorted((w for w in worths if w.value > 0), key=lambda w: (-w.value, w.label))[:ITEMS_LISTED]
        costs = sorted((w for w in worths if w.value < 0), key=lambda w: (w.value, w.label))[:ITEMS_LISTED]
        return Priorities(
            localize(role.objectives, self.lang), tuple(weights), tuple(leanings), tuple(wants), tuple(costs)
        )

    # ----------------------------------------------------------------- proposals
    def stances(self) -> tuple[Stance, ...]:
        game = self.game
        pair = {self.counterpart, self.player}
        proposals = [p for p in game.state.proposals if {p.sender, p.receiver} == pair]
        if not proposals or not self.negotiation:
            return ()
        out = []
        for proposal, (moment, at) in zip(proposals, game.when_sent(proposals), strict=True):
            mine = proposal.sender == self.counterpart
            evaluation: Evaluation | None
            try:
                past = _game_at(game, moment, at)
                if mine:  # its own valuation: the same deal as if the player had offered it
                    bundle = Propose(self.player, self.counterpart, proposal.ask, proposal.give)
                    evaluation = evaluate(past, bundle, self.counterpart)
                else:
                    evaluation = evaluate(past, proposal, self.counterpart)
            except (NegotiationError, UnknownIdError, KeyError):
                evaluation = None
            reasons = (
                ()
                if evaluation is None
                else tuple(sorted(evaluation.reasons, key=lambda r: -abs(r.points))[:MAIN_REASONS])
            )
            agreement, text = self.outcome_of(proposal)
            out.append(
                Stance(
                    proposal,
                    mine,
                    self.labels(proposal.give),
                    self.labels(proposal.ask),
                    proposal.status,
                    text,
                    agreement,
                    evaluation,
                    reasons,
                )
            )
        return tuple(out)

    def labels(self, items: Sequence[str]) -> tuple[str, ...]:
        out = []
        for item_id in items:
            try:
                out.append(localize(self.game.item(item_id).label, self.lang))
            except UnknownIdError:
                out.append(item_id)
        return tuple(out)

    def who(self, role: str, *, capital: bool = False) -> str:
        word = tr("you") if role == self.player else tr("they") if role == self.counterpart else self.role_name(role)
        return word[:1].upper() + word[1:] if capital else word

    def role_name(self, role: str) -> str:
        try:
            return localize(self.scenario.role(role).name, self.lang)
        except KeyError:
            return role

    def outcome_of(self, proposal: Proposal) -> tuple[str, str]:
        """The agreement a proposal made (or "") and how it ended, in words."""
        game = self.game
        answerer = self.who(proposal.receiver, capital=True)
        status = proposal.status
        if status is ProposalStatus.ACCEPTED:
            agreement = next((a for a in game.state.agreements if a.proposal == proposal.id), None)
            if agreement is None:
                return "", tr("{who} accepted.", who=answerer)
            breakers = [n.role for n in game.state.news if n.kind is NewsKind.AGREEMENT and n.id == agreement.id
                        and n.detail == ItemStatus.BROKEN]  # fmt: skip
            if breakers:
                fate = tr("later broken by {who}", who=self.who(breakers[0]))
            elif agreement.open:
                fate = tr("still being carried out when the game ended")
            else:
                fate = tr("carried out in full")
            said = tr(
                "{who} accepted: {agreement}, {fate}.", who=answerer, agreement=_agreement_name(agreement.id), fate=fate
            )
            return agreement.id, said
        if status is ProposalStatus.REFUSED:
            return "", tr("{who} refused{why}.", who=answerer, why=self.taken(proposal))
        if status is ProposalStatus.COUNTERED:
            return "", tr("{who} answered with a counter-proposal{why}.", who=answerer, why=self.taken(proposal))
        if status is ProposalStatus.WITHDRAWN:
            return "", tr("It lapsed unanswered at the end of the turn.")
        if status is ProposalStatus.OPEN:
            return "", tr("It was still open when the game ended.")
        return "", f"{status.capitalize()}."

    def taken(self, proposal: Proposal) -> str:
        """``, as Restore trade preferences had just been agreed in agreement 1`` when an item of a refused proposal
        went into another agreement of the same turn before the answer (the rules then forbid accepting it), else ""."""
        news = self.game.state.news
        answered = next((i for i, n in enumerate(news) if n.kind is NewsKind.PROPOSAL and n.id == proposal.id
                         and n.detail == proposal.status), len(news))  # fmt: skip
        made = {n.id for n in news[:answered] if n.kind is NewsKind.AGREEMENT and n.detail == NewsDetail.MADE}
        wanted = set(proposal.items())
        for agreement in self.game.state.agreements:
            if agreement.id in made and agreement.proposal != proposal.id and agreement.turn == proposal.turn:
                common = [p.item for p in agreement.items if p.item in wanted]
                if common:
                    return tr(
                        ", as {item} had just been agreed in {agreement}",
                        item=self.labels(common)[0],
                        agreement=_agreement_name(agreement.id),
                    )
        return ""

    # ----------------------------------------------------------------- willingness
    def willingness(self) -> tuple[MoodPoint, ...]:
        game = self.game
        moments = [turn_end_moment(game, t) for t in range(self.last + 1)]
        values = _values_at(game, moments)
        pressure = self.pressure_by_turn()
        levels: list[tuple[float, tuple[Reason, ...]]] = []
        for moment, at in zip(moments, values, strict=True):
            levels.append(self.mood(moment, at, pressure))
        causes = self.causes_by_turn(pressure)
        calendar = self.scenario.calendar
        out: list[MoodPoint] = []
        for turn, (mood, reasons) in enumerate(levels):
            if turn == 0:
                note = tr("At the start: {mood}.", mood=_num(mood))
                out.append(MoodPoint(0, mood, reasons, 0.0, (), note))
                continue
            change = mood - levels[turn - 1][0]
            shifts = list(causes.get(turn, []))
            rest = change - sum(s.points for s in shifts)
            if abs(rest) > 1e-6:
                shifts.append(Shift(tr("other"), rest, False, ShiftKind.OTHER))
            shifts = [s for s in shifts if abs(s.points) > 1e-9]
            shifts.sort(key=lambda s: (-abs(s.points), s.label))
            note = _note(tr("Turn {turn} ({date})", turn=turn, date=turn_date(calendar, turn)), mood, change, shifts)
            out.append(MoodPoint(turn, mood, reasons, change, tuple(shifts), note))
        return tuple(out)

    def mood(
        self, moment: Moment, values: dict[str, float], pressure: dict[int, list[str]]
    ) -> tuple[float, tuple[Reason, ...]]:
        """The evaluator's context at ``moment``: from the evaluator itself when the scenario negotiates."""
        if self.negotiation:
            past = _game_at(self.game, moment, values)
            evaluation = evaluate(past, Propose(self.player, self.counterpart, (), ()), self.counterpart)
            return evaluation.score, evaluation.reasons
        reasons = []
        if self.middle is not None:
            reasons.append(Reason(tr("Current relations"), (values[self.relations] - self.middle) / 10.0))
        count = sum(len(pressure.get(t, [])) for t in range(moment.turn - PROVOCATION_TURNS, moment.turn))
        if count:
            label = tr_n(
                "Recent pressure from {name} ({n} action)",
                "Recent pressure from {name} ({n} actions)",
                count,
                name=self.player_name,
            )
            reasons.append(Reason(label, PROVOCATION_POINTS * count))
        return sum(r.points for r in reasons), tuple(reasons)

    def pressure_by_turn(self) -> dict[int, list[str]]:
        """The player's actions of the provocation family, by turn."""
        out: dict[int, list[str]] = {}
        for news in self.game.state.news:
            if news.kind is not NewsKind.ACTION or news.role != self.player:
                continue
            try:
                action = self.scenario.action(news.id)
            except KeyError:
                continue
            if self.pressure is not None and action.family == self.pressure:
                out.setdefault(news.turn, []).append(news.id)
        return out

    def causes_by_turn(self, pressure: dict[int, list[str]]) -> dict[int, list[Shift]]:
        """Each turn's shifts of willingness, grouped by the decision, event or trend that made them."""
        totals: dict[int, dict[tuple[str, str, str], float]] = {}
        labels: dict[tuple[str, str, str], tuple[str, bool, ShiftKind]] = {}
        for change in self.game.history:
            counts = (change.indicator == self.trust and self.trust) or (
                change.indicator == self.relations and self.middle is not None
            )
            if not counts:
                continue
            points = change.delta / 10.0  # both terms are a value divided by 10
            key = self.cause_key(change)
            if key not in labels:
                labels[key] = self.cause_label(key, change.text)
            bucket = totals.setdefault(change.turn, {})
            bucket[key] = bucket.get(key, 0.0) + points
        for turn, actions in pressure.items():
            for action_id in actions:
                key = (Cause.ACTION, action_id, self.player)
                if key not in labels:
                    labels[key] = self.cause_label(key, "")
                bucket = totals.setdefault(turn, {})
                bucket[key] = bucket.get(key, 0.0) + PROVOCATION_POINTS
            fade = turn + PROVOCATION_TURNS
            if fade <= self.last:
                key = (ShiftKind.FADE, str(turn), self.player)
                labels[key] = (tr("your pressure of turn {turn} wore off", turn=turn), True, ShiftKind.FADE)
                bucket = totals.setdefault(fade, {})
                bucket[key] = bucket.get(key, 0.0) - PROVOCATION_POINTS * len(actions)
        out: dict[int, list[Shift]] = {}
        for turn, bucket in totals.items():
            for key, points in bucket.items():
                label, mine, kind = labels[key]
                out.setdefault(turn, []).append(Shift(label, points, mine, kind))
        return out

    @staticmethod
    def cause_key(change: Change) -> tuple[str, str, str]:
        """The group of a change in the willingness: its cause, what made it and whose doing it was."""
        if change.cause is Cause.KEPT or change.cause is Cause.AGREEMENT:
            return (_DEAL, change.cause_id, change.role)  # an item carried out: its effects and the trust it earned
        return (change.cause, change.cause_id, change.role)

    def cause_label(self, key: tuple[str, str, str], text: str) -> tuple[str, bool, ShiftKind]:
        """(label, the player's doing, kind) of a cause (``text``: the text of one of its changes, the words to
        fall back on for an id the scenario no longer knows)."""
        cause, cause_id, role = key
        mine = role == self.player
        scenario = self.scenario
        if cause == Cause.ACTION:
            try:
                action = scenario.action(cause_id)
                label, family = localize(action.label, self.lang), action.family
            except KeyError:
                label, family = text or cause_id, ""
            if mine:
                if self.pressure is not None and family == self.pressure:
                    return tr("you pressured them with {action}", action=label), True, ShiftKind.PRESSURE
                return tr("your action {action}", action=label), True, ShiftKind.ACTION
            if role == self.counterpart:
                return tr("their own action {action}", action=label), False, ShiftKind.ACTION
            owner = _possessive(self.role_name(role))
            return tr("{owner} action {action}", owner=owner, action=label), False, ShiftKind.ACTION
        if cause == Cause.BREAK:
            return (
                tr("{who} broke {agreement}", who=self.who(role), agreement=_agreement_name(cause_id)),
                mine,
                ShiftKind.BREAK,
            )
        if cause == _DEAL:
            origin = self.game.origin(Cause.AGREEMENT, cause_id)
            item = self.labels([origin.part])[0] if origin.part else text
            said = tr(
                "{who} carried out {item} ({agreement})",
                who=self.who(role),
                item=item,
                agreement=_agreement_name(origin.id),
            )
            return said, mine, ShiftKind.DEAL
        text = text.rstrip(". ")
        if cause == Cause.CHOICE:
            if mine:
                owner = tr("your")
            elif role == self.counterpart:
                owner = tr("their")
            else:
                owner = _possessive(self.role_name(role))
            origin = self.game.origin(Cause.CHOICE, cause_id)
            try:
                event = scenario.event(origin.id)
                choice = next(c for c in event.choices if c.id == origin.part)
                title, answer = localize(event.title, self.lang), localize(choice.label, self.lang)
                text = tr("{title} ({choice})", title=title, choice=answer)
            except (KeyError, StopIteration):
                pass
            return tr("{owner} answer to {event}", owner=owner, event=text), mine, ShiftKind.CHOICE
        if cause == Cause.EVENT:
            fired = self.events.get(cause_id)
            if fired is not None:
                text = localize(fired.title, self.lang).rstrip(". ")
            return tr("event: {title}", title=text), False, ShiftKind.EVENT
        if cause == Cause.DYNAMIC:
            dynamic = self.dynamics.get(cause_id)
            if dynamic is not None:
                text = localize(dynamic.description, self.lang).rstrip(". ")
            return tr("trend: {text}", text=text), False, ShiftKind.TREND
        if cause == Cause.FACILITATOR:
            return text or cause, mine, ShiftKind.FACILITATOR
        return text or cause, mine, ShiftKind.OTHER


# --------------------------------------------------------------------- words
def _agreement_name(agreement_id: str) -> str:
    """``agreement 3``: as players know an agreement (as :func:`game.present.agreement_name`, a layer above)."""
    digits = agreement_id.lstrip("a")
    return tr("agreement {number}", number=digits if digits.isdigit() else agreement_id)


def _possessive(name: str) -> str:
    """``Cambodia's``, ``United States'``."""
    return tr("{name}'", name=name) if name.endswith("s") else tr("{name}'s", name=name)


def _num(value: float) -> str:
    """As the front ends write points of a weighing (:func:`game.present.points`, a layer above): one decimal,
    never ``-0.0``."""
    return number(round(value, 1) + 0.0, 1, grouping=False)


def _signed(value: float) -> str:
    return number(round(value, 1) + 0.0, 1, signed=True, grouping=False)


def _note(head: str, mood: float, change: float, shifts: Sequence[Shift]) -> str:
    """``Turn 4 (Oct 2023): willingness fell 3.5, to -4.1: you pressured them with X (-2.2); ...``."""
    if abs(change) < STEADY:
        text = tr("{head}: willingness held at {mood}", head=head, mood=_num(mood))
    elif change > 0:
        text = tr("{head}: willingness rose {amount}, to {mood}", head=head, amount=_num(abs(change)), mood=_num(mood))
    else:
        text = tr("{head}: willingness fell {amount}, to {mood}", head=head, amount=_num(abs(change)), mood=_num(mood))
    mine = [s for s in shifts if s.mine and abs(s.points) >= STEADY][:3]
    others = [s for s in shifts if not s.mine and abs(s.points) >= STEADY][:2]
    parts = [tr("{cause} ({points})", cause=s.label, points=_signed(s.points)) for s in mine]
    if others:
        rest = ", ".join(tr("{cause} ({points})", cause=s.label, points=_signed(s.points)) for s in others)
        parts.append(tr("also {causes}", causes=rest) if parts else rest)
    if parts:
        return tr("{text}: {causes}.", text=text, causes="; ".join(parts))
    return tr("{text}.", text=text)


def _summary(name: str, willingness: Sequence[MoodPoint], stances: Sequence[Stance]) -> str:
    """``Cambodia ended less willing to deal than it began (-3.4); it accepted 2 of your 5 proposals.``"""
    if not willingness:
        text = tr("{name} had no turn to change its mind", name=name)
    elif not any(p.reasons or p.change for p in willingness):
        text = tr("Nothing in this scenario measures how willing {name} was to deal", name=name)
    else:
        change = willingness[-1].mood - willingness[0].mood
        if abs(change) < STEADY:
            text = tr(
                "{name} ended about as willing to deal as it began ({mood})", name=name, mood=_num(willingness[-1].mood)
            )
        elif change > 0:
            text = tr("{name} ended more willing to deal than it began ({change})", name=name, change=_signed(change))
        else:
            text = tr("{name} ended less willing to deal than it began ({change})", name=name, change=_signed(change))
    received = [s for s in stances if not s.by_counterpart]
    if received:
        accepted = sum(1 for s in received if s.outcome is ProposalStatus.ACCEPTED)
        text = tr_n(
            "{text}; it accepted {accepted} of your {n} proposal",
            "{text}; it accepted {accepted} of your {n} proposals",
            len(received),
            text=text,
            accepted=accepted,
        )
    sent = [s for s in stances if s.by_counterpart]
    if sent:
        taken = sum(1 for s in sent if s.outcome is ProposalStatus.ACCEPTED)
        text = tr("{text}, and you accepted {taken} of its {sent}", text=text, taken=taken, sent=len(sent))
    return tr("{text}.", text=text)
