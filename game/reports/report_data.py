"""What a debrief report says about one match, as plain values: the ending, each side's score against its own usual
range, how each side used the scenario's strategy families and what each family moved, every indicator turn by
turn, each side's decisions, the negotiation record, the teacher's interventions, the discussion questions and the
turning points (the biggest single-turn moves and their causes).

Pure: built from a :class:`~game.table.Match` and the scenario's usual ranges (if known); the HTML, CSV and JSON
writers and the class summary read these values, never the game itself.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass

from game.engine import Cause, Change, Game, NewsKind, Outcome, Proposal, ProposalStatus, localize
from game.i18n import N_, tr
from game.i18n.formats import number
from game.present import cause_text, date_of, decisions, how_it_ended, role_name, say
from game.present import score as score_text
from game.present.reference import NOT_COMPARED, how_measured, no_reference, range_note, verdict
from game.present.words import agreement_name, deal_terms, item_names, proposal_name
from game.table import Match
from game.table.facilitation import Intervention
from game.table.reference import Found

#: How many turning points a match's report and the class summary show.
TURNING_POINTS = 5
#: The computer's levels as a report names them (a policy's name is shown as it is).
LEVEL_WORDS = {"beginner": N_("beginner"), "standard": N_("standard"), "strong": N_("strong")}


def level_name(player: str) -> str:
    """A computer seat's level in words (``standard``), or its policy's name."""
    words = LEVEL_WORDS.get(player)
    return tr(words) if words is not None else player


def _and(names: list[str]) -> str:
    """``A and B`` (``A and B and C``)."""
    out = names[0] if names else ""
    for name in names[1:]:
        out = tr("{first} and {second}", first=out, second=name)
    return out


@dataclass(frozen=True, slots=True)
class SideScore:
    """One side's final score (or its score so far) and how it reads against its own usual range."""

    role: str
    name: str
    played_by: str  # "a person" or "the computer (standard)"
    score: float
    verdict: str  # "above the usual range for this side", or "" without a range
    range_note: str  # "strong computer players: 47.0 to 55.0, typically 51.0", or ""
    objectives: str  # the side's private objectives, revealed: how its score is computed


@dataclass(frozen=True, slots=True)
class FamilyUse:
    """How often one side used one strategy family, and the net change its actions made to each indicator."""

    family: str
    label: str
    actions: int
    moved: tuple[tuple[str, float], ...]  # (indicator label, net change), biggest first; none that stayed put


@dataclass(frozen=True, slots=True)
class TurningPoint:
    """One of a match's biggest single-turn moves: an indicator's net change in a turn and its main causes."""

    turn: int
    date: str
    indicator: str  # its label
    before: float
    after: float
    share: float  # the move as a share of the indicator's whole range (what ranks the moves)
    causes: tuple[str, ...]  # the causes of that turn's changes to it, biggest first

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class TurnDecisions:
    """What each side decided in one turn (role id -> its decisions in words, in order)."""

    turn: int
    date: str
    by_role: tuple[tuple[str, tuple[str, ...]], ...]


def in_language(match: Match, lang: str) -> Match:
    """``match`` as a report in ``lang`` reads it: the same match, its scenario's texts in ``lang`` (a game played
    in English is reported in Khmer when the report is asked for in Khmer). ``match`` itself is left as it is."""
    if match.game.lang == lang:
        return match
    copied = copy.copy(match)
    copied.game = Game(match.scenario, match.game.state, lang=lang, compiled=match.game.rules.compiled)
    return copied


def is_over(match: Match) -> bool:
    """Whether the match has ended (a report can also be made of a game still being played)."""
    return match.game.outcome is not None


def ending_title(match: Match) -> str:
    """The ending's title, or ``Not finished (turn 4 of 12)`` for a game still being played."""
    outcome = match.game.outcome
    if outcome is None:
        return tr("Not finished (turn {turn} of {turns})", turn=number(match.game.turn),
                  turns=number(match.scenario.turns))  # fmt: skip
    return say(match.game, match.scenario.ending(outcome.ending).title)


def ending_text(match: Match) -> str:
    """The ending's text (empty for a game still being played)."""
    outcome = match.game.outcome
    return "" if outcome is None else say(match.game, match.scenario.ending(outcome.ending).text)


def when_text(match: Match) -> str:
    """How and when the game ended, in a sentence without its full stop."""
    outcome = match.game.outcome
    turns = match.scenario.turns
    if outcome is None:
        return tr("The game was saved in turn {turn} of {turns}, before its end", turn=number(match.game.turn),
                  turns=number(turns))  # fmt: skip
    return how_it_ended(outcome, turns)


def final_scores(match: Match) -> dict[str, float]:
    """Every side's final score (its score now, for a game still being played)."""
    outcome = match.game.outcome
    return dict(outcome.scores) if outcome is not None else match.game.scores()


def side_scores(match: Match, found: Found | None) -> list[SideScore]:
    """Each side's score read against its own usual range, in scenario order."""
    scores = final_scores(match)
    out = []
    for role in match.scenario.roles:
        score = scores.get(role.id, 0.0)
        bounds = found.reference.roles.get(role.id) if found is not None else None
        seat = match.seats[role.id]
        played_by = tr("a person") if seat.is_person else tr("the computer ({level})", level=level_name(seat.player))
        out.append(
            SideScore(
                role.id, role_name(match.game, role.id), played_by, score,
                verdict(score, bounds) if found is not None else "",
                range_note(found.reference, bounds) if found is not None else "",
                say(match.game, role.objectives),
            )
        )  # fmt: skip
    return out


def score_notes(found: Found | None, outcome: Outcome | None = None) -> tuple[str, ...]:
    """What the reader must know to read the scores: why they are not compared, and where the ranges come from."""
    return (tr(NOT_COMPARED), how_measured(found, outcome) if found is not None else no_reference())


def score_line(side: SideScore) -> str:
    """``United States 58.3: above the usual range for this side``."""
    text = f"{side.name} {score_text(side.score)}"
    return f"{text}: {side.verdict}" if side.verdict else text


# ----------------------------------------------------------------------------------------------- strategies
def strategy_use(match: Match, role: str) -> list[FamilyUse]:
    """How ``role`` used each of the scenario's strategy families: how many actions it took of each (resolved, as
    the news records them), and the net change those actions made to each shown indicator."""
    game = match.game
    scenario = match.scenario
    family_of = {a.id: a.family for a in scenario.actions}
    counts: dict[str, int] = defaultdict(int)
    for news in game.state.news:
        if news.kind is NewsKind.ACTION and news.role == role and news.id in family_of:
            counts[family_of[news.id]] += 1
    shown = {i.id: say(game, i.label) for i in scenario.indicators if not i.hidden}
    moved: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for change in game.history:
        if change.cause is Cause.ACTION and change.role == role and change.indicator in shown:
            family_id = family_of.get(change.cause_id)
            if family_id is not None:
                moved[family_id][change.indicator] += change.delta
    out = []
    for family in scenario.families:
        nets = [(shown[i], d) for i, d in moved[family.id].items() if round(d) != 0 or abs(d) >= 0.5]
        nets.sort(key=lambda pair: -abs(pair[1]))
        out.append(FamilyUse(family.id, say(game, family.label), counts[family.id], tuple(nets)))
    return out


# ----------------------------------------------------------------------------------------------- turn by turn
def last_turn(match: Match) -> int:
    """The last turn played (or being played)."""
    outcome = match.game.outcome
    return outcome.turn if outcome is not None else match.game.turn


def indicator_series(match: Match) -> list[tuple[str, tuple[float, ...], float, float]]:
    """Every shown indicator as (label, values per turn, its minimum, its maximum): index 0 is the start, index
    ``t`` the end of turn ``t``."""
    game = match.game
    shown = match.scenario.shown_indicators
    values = game.values_by_turn([i.id for i in shown])
    return [(say(game, i.label), tuple(values[i.id]), i.min, i.max) for i in shown]


def decisions_by_turn(match: Match) -> list[TurnDecisions]:
    """Each side's decisions, turn by turn: event answers, proposals sent and answered, agreements broken,
    actions."""
    game = match.game
    roles = [r.id for r in match.scenario.roles]
    out = []
    for turn in range(1, last_turn(match) + 1):
        by_role = tuple((role, tuple(decisions(game, role, turn))) for role in roles)
        out.append(TurnDecisions(turn, date_of(game, turn), by_role))
    return out


def negotiation_record(match: Match) -> list[tuple[int, str]]:
    """The negotiation, in order: (turn, what happened) for every proposal sent, answered or lapsed, every
    agreement made or broken and every agreement item carried out."""
    game = match.game
    proposals = {p.id: p for p in game.state.proposals}
    out = []
    for news in game.state.news:
        line = ""
        if news.kind is NewsKind.PROPOSAL and news.id in proposals:
            proposal = proposals[news.id]
            sender, receiver = role_name(game, proposal.sender), role_name(game, proposal.receiver)
            terms = deal_terms(item_names(game, proposal.give), item_names(game, proposal.ask))
            if news.detail == "sent" and proposal.reply_to:
                line = tr("{sender} sent a counter-proposal to {receiver}: {terms}", sender=sender, receiver=receiver,
                          terms=terms)  # fmt: skip
            elif news.detail == "sent":
                line = tr("{sender} sent a proposal to {receiver}: {terms}", sender=sender, receiver=receiver,
                          terms=terms)  # fmt: skip
            else:
                line = _answer_line(game, proposal, news.detail)
        elif news.kind is NewsKind.AGREEMENT:
            line = _agreement_line(game, news.id, news.role, news.detail)
        if line:
            out.append((news.turn, line))
    return out


def _answer_line(game: Game, proposal: Proposal, status: str) -> str:
    """``United States refused Cambodia's proposal of Jan 2023``; a lapsed one says so."""
    name = proposal_name(game, proposal, terms=False)
    if status == ProposalStatus.WITHDRAWN:
        return _capitalized(tr("{proposal} lapsed unanswered", proposal=name))
    receiver = role_name(game, proposal.receiver)
    if status == ProposalStatus.ACCEPTED:
        return tr("{side} accepted {proposal}", side=receiver, proposal=name)
    if status == ProposalStatus.REFUSED:
        return tr("{side} refused {proposal}", side=receiver, proposal=name)
    if status == ProposalStatus.COUNTERED:
        return tr("{side} answered {proposal} with a counter-proposal", side=receiver, proposal=name)
    return f"{receiver} {status} {name}"


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _agreement_line(game: Game, agreement_id: str, role: str, detail: str) -> str:
    if detail == "made":
        agreement = game.agreement(agreement_id)
        parties = _and([role_name(game, r) for r in agreement.parties])
        return _capitalized(tr("{agreement} made between {parties}", agreement=agreement_name(agreement_id),
                               parties=parties))  # fmt: skip
    if detail == "broken":
        if not role:
            return tr("A party broke {agreement}", agreement=agreement_name(agreement_id))
        return tr("{side} broke {agreement}", side=role_name(game, role), agreement=agreement_name(agreement_id))
    if detail == "implemented":
        origin = game.origin(Cause.AGREEMENT, agreement_id)
        label = say(game, game.item(origin.part).label) if origin.part else agreement_id
        return tr("Carried out in full: {item} ({agreement})", item=label, agreement=agreement_name(origin.id))
    return ""


def interventions(match: Match) -> list[Intervention]:
    """What the teacher did, in order."""
    return list(match.teacher.interventions)


def teacher_changes(match: Match) -> list[Change]:
    """The numbers the teacher set by hand (in the history, caused by the facilitator)."""
    return [c for c in match.game.history if c.cause is Cause.FACILITATOR]


def questions(match: Match) -> list[tuple[str, str]]:
    """The lesson's discussion questions for this ending (general first) as (question, notes); none without a
    lesson or before the game ends (then the general ones)."""
    lesson = match.scenario.lesson
    if lesson is None:
        return []
    outcome = match.game.outcome
    chosen = lesson.questions_after(outcome.ending if outcome is not None else "")
    lang = match.game.lang
    return [(localize(q.text, lang), localize(q.notes, lang) if q.notes else "") for q in chosen]


# ----------------------------------------------------------------------------------------------- turning points
def turning_points(match: Match, count: int = TURNING_POINTS) -> list[TurningPoint]:
    """The match's ``count`` biggest single-turn moves of a shown indicator (its net change in one turn, as a share
    of its range), biggest first, each with the causes of that turn's changes to it."""
    game = match.game
    shown = {i.id: i for i in match.scenario.shown_indicators}
    moves: dict[tuple[int, str], list[Change]] = defaultdict(list)
    for change in game.history:
        if change.indicator in shown:
            moves[(change.turn, change.indicator)].append(change)
    points = []
    for (turn, indicator_id), changes in moves.items():
        indicator = shown[indicator_id]
        before, after = changes[0].before, changes[-1].after
        span = max(indicator.max - indicator.min, 1e-9)
        if round(after - before) == 0 and abs(after - before) < 0.5:
            continue
        causes = tuple(_cause_words(game, c) for c in sorted(changes, key=lambda c: -abs(c.delta))[:4])
        points.append(TurningPoint(turn, date_of(game, turn), say(game, indicator.label), before, after,
                                   abs(after - before) / span, causes))  # fmt: skip
    points.sort(key=lambda p: (-p.share, p.turn))
    return points[:count]


def _cause_words(game: Game, change: Change) -> str:
    """``Public criticism (United States) +6``: a change's cause with who made it and how much it moved."""
    from game.present import signed

    who = f" ({role_name(game, change.role)})" if change.role and change.cause is not Cause.BREAK else ""
    return f"{cause_text(game, change).rstrip('.')}{who} {signed(change.delta)}"
