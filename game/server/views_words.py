"""The words of a seat's page: what the student's page shows as sentences, worked out on the server from what the
seat may see (its :class:`~game.table.SeatView`), so the browser only draws them.

The briefing (the situation, the role's brief, its private objectives and capital), the news of the turn with each
event's text, an event's choices with their forecasts, a forecast in words, the turn review condensed (what each side
did, the moves that mattered most and their biggest causes), the ending and the debriefs of computer counterparts at
the end. Nothing here reads another seat's private data before the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from game.ai.debrief import Debrief, Stance
from game.engine import Cause, Change, ForecastItem, Game, NewsKind
from game.i18n import N_, language, tr, tr_n
from game.i18n.formats import turn_date, turn_end_date
from game.present import (
    cause_text,
    date_of,
    how_it_ended,
    indicator_label,
    num,
    possessive,
    role_name,
    say,
    score,
    signed,
    timing,
    visible,
)
from game.present.debriefs import counterpart_debriefs
from game.present.review import condense, left_out_words
from game.table import Match, SeatView

#: How each kind of cause is named after the cause itself (``{role}`` is the deciding role's name).
CAUSE_KINDS = {
    Cause.ACTION: N_("action by {role}"),
    Cause.CHOICE: N_("decision by {role}"),
    Cause.EVENT: N_("event"),
    Cause.DYNAMIC: N_("trend"),
    Cause.FACILITATOR: N_("the teacher"),
}


def why(game: Game, change: Change) -> str:
    """Why a change happened, with who decided it: ``Regular meetings (action by United States)``."""
    who = role_name(game, change.role) if change.role else tr("nobody")
    kind = tr(CAUSE_KINDS[change.cause], role=who) if change.cause in CAUSE_KINDS else str(change.cause)
    return tr("{cause} ({kind})", cause=cause_text(game, change), kind=kind)


def forecast_words(game: Game, items: Iterable[ForecastItem]) -> str:
    """A forecast in one line: ``Mutual trust +2, Trade access -1 (in turn 3)``; ``no direct effect`` when empty."""
    parts = []
    for item in visible(game, items):
        change = tr("set to {level}", level=num(item.amount)) if item.op == "=" else signed(item.delta)
        words = f"{indicator_label(game, item.indicator)} {change}"
        if item.delay or item.duration > 1:
            words = tr("{change} ({when})", change=words, when=timing(item, game.turn, game.scenario.turns))
        parts.append(words)
    return ", ".join(parts) if parts else tr("no direct effect")


def briefing(match: Match, seat: SeatView) -> dict[str, Any]:
    """The situation, the seat's role with its public brief and private objectives, and its political capital."""
    scenario, game = match.scenario, match.game
    role = scenario.role(seat.role)
    calendar = scenario.calendar
    turns = tr_n("{n} turn", "{n} turns", scenario.turns)
    months = tr_n("{n} month", "{n} months", calendar.months_per_turn)
    length = tr(
        "{turns} of {months} each, from {start} to the end of {end}.",
        turns=turns,
        months=months,
        start=turn_date(calendar, 1),
        end=turn_end_date(calendar, scenario.turns),
    )
    if role.capital_max > role.capital:
        capital = tr(
            "{capital} political capital a turn; unspent capital carries over, up to {most}.",
            capital=role.capital,
            most=role.capital_max,
        )
    else:
        capital = tr("{capital} political capital a turn; unspent capital does not carry over.", capital=role.capital)
    return {
        "title": say(game, scenario.title),
        "situation": say(game, scenario.description),
        "length": length,
        "brief": say(game, role.brief),
        "objectives": seat.objectives,
        "capital": capital,
        "others": [{"name": r.name, "brief": r.brief} for r in seat.roles if r.id != seat.role],
        # The teacher may show every side's objectives to the room (they are public then): the others' too.
        "revealed": [
            {"name": say(game, r.name), "objectives": say(game, r.objectives)}
            for r in scenario.roles
            if r.id != seat.role and match.teacher.revealed
        ],
    }


def news(match: Match, seat: SeatView) -> list[dict[str, Any]]:
    """The events of the seat's current turn: title, text, who decides (or what they chose) and what they changed
    at once; the text of an event the seat must answer now comes with the decision instead."""
    game = match.game
    turn = seat.turn
    chosen = {n.id: n.detail for n in seat.news if n.turn == turn and n.kind is NewsKind.CHOICE}
    changes = visible(game, [c for c in seat.history if c.turn == turn])
    asked = seat.decision.event if seat.decision is not None else ""
    out = []
    for item in seat.news:
        if item.turn != turn or item.kind is not NewsKind.EVENT:
            continue
        event = match.scenario.event(item.id)
        decides = ""
        if event.choices and event.role:
            yours = event.role == seat.role
            side = role_name(game, event.role)
            label = next((say(game, c.label) for c in event.choices if c.id == chosen.get(item.id)), "")
            if label:
                decides = (
                    tr("You chose: {choice}.", choice=label)
                    if yours
                    else tr("{side} chose: {choice}.", side=side, choice=label)
                )
            else:
                decides = tr("Your team decides on this next.") if yours else tr("{side} decides.", side=side)
        effects = [
            f"{indicator_label(game, c.indicator)} {num(c.before)} → {num(c.after)}"
            for c in changes
            if c.cause is Cause.EVENT and c.cause_id == item.id and not c.fell_due
        ]
        out.append({"id": item.id, "title": say(game, event.title), "text": say(game, event.text),
                    "asked": item.id == asked, "decides": decides, "effects": effects})  # fmt: skip
    return out


def event_choice(match: Match, event_id: str) -> dict[str, Any]:
    """An event the seat must answer: its title and text, and each choice's description and forecast."""
    game = match.game
    event = match.scenario.event(event_id)
    choices = {}
    for choice in event.choices:
        forecast = game.forecast_choice(event.id, choice.id)
        choices[choice.id] = {
            "description": say(game, choice.description) if choice.description else "",
            "forecast": forecast_words(game, forecast.items),
        }
    return {"title": say(game, event.title), "text": say(game, event.text), "choices": choices}


def did(match: Match, seat: SeatView, turn: int) -> list[dict[str, Any]]:
    """What each side did in ``turn``, from the public news the seat sees: actions taken and events answered."""
    game = match.game
    out = []
    for role in match.scenario.roles:
        done = []
        for item in seat.news:
            if item.turn != turn or item.role != role.id:
                continue
            if item.kind is NewsKind.ACTION:
                done.append(say(game, match.scenario.action(item.id).label))
            elif item.kind is NewsKind.CHOICE:
                event = match.scenario.event(item.id)
                answer = next((say(game, c.label) for c in event.choices if c.id == item.detail), item.detail)
                done.append(tr("answered {event}: {choice}", event=say(game, event.title), choice=answer))
        name = tr("You") if role.id == seat.role else say(game, role.name)
        out.append({"role": role.id, "name": name, "did": done})
    return out


def moves(match: Match, changes: Sequence[Change]) -> dict[str, Any]:
    """A turn's changes condensed: the moves that mattered most, each with its biggest causes, and what was left
    out."""
    game = match.game
    condensed = condense(match.scenario, changes)
    told = []
    for move in condensed.moves:
        causes = [{"delta": share.delta, "why": why(game, share.first)} for share in move.causes]
        told.append({"indicator": move.indicator, "label": indicator_label(game, move.indicator),
                     "before": move.before, "after": move.after, "causes": causes,
                     "more_causes": move.more_causes})  # fmt: skip
    return {"moves": told, "left_out": left_out_words(condensed), "total": condensed.total}


def ending(match: Match, seat: SeatView) -> dict[str, Any] | None:
    """The end as this seat sees it: the ending's title and text, when and how the game ended, each side's score
    and objectives (revealed at the end), the seat's decisions turn by turn, and the computer counterparts'
    debriefs for this seat."""
    game, outcome = match.game, match.game.outcome
    if outcome is None or seat.ending is None:
        return None
    turns = game.scenario.turns
    when = how_it_ended(outcome, turns) + "."
    sides = [
        {"role": r.id, "name": say(game, r.name), "you": r.id == seat.role,
         "score": score(outcome.scores.get(r.id, 0.0)), "objectives": seat.ending.objectives.get(r.id, "")}
        for r in match.scenario.roles
    ]  # fmt: skip
    debriefs = [debrief_json(game, d) for d in counterpart_debriefs(match) if d.player == seat.role]
    recap = [
        {"turn": turn, "date": date_of(game, turn), "did": did(match, seat, turn)[_index(match, seat.role)]["did"]}
        for turn in range(1, outcome.turn + 1)
    ]
    text = say(game, match.scenario.ending(outcome.ending).text)
    return {"title": seat.ending.title, "text": text, "when": when, "sides": sides, "debriefs": debriefs,
            "recap": recap}  # fmt: skip


def _index(match: Match, role: str) -> int:
    return [r.id for r in match.scenario.roles].index(role)


def debrief_json(game: Game, report: Debrief) -> dict[str, Any]:
    """A computer counterpart's debrief in sentences: what it cared about and how the player's moves shifted its
    willingness to deal."""
    priorities = report.priorities
    cared = []
    if priorities.objectives:
        cared.append(tr("Its private objectives: {objectives}", objectives=priorities.objectives))
    if priorities.wants:
        wants = "; ".join(w.label for w in priorities.wants)
        cared.append(tr("What it wanted most from a deal: {items}.", items=wants))
    if priorities.costs:
        costs = "; ".join(w.label for w in priorities.costs)
        cared.append(tr("What it was least willing to give: {items}.", items=costs))
    shifts = [point.note for point in report.willingness[1:]] if report.measured else []
    return {"name": report.name, "summary": report.summary, "cared": cared,
            "stances": [_stance(game, report, s) for s in report.stances], "willingness": shifts}  # fmt: skip


def _stance(game: Game, report: Debrief, stance: Stance) -> str:
    """One proposal between the counterpart and the player, and how it ended, in a sentence."""
    proposal = stance.proposal
    give, ask = "; ".join(stance.give) or tr("nothing"), "; ".join(stance.ask) or tr("nothing")
    values = {"date": date_of(game, proposal.turn), "give": give, "ask": ask}
    if stance.by_counterpart:
        whose = possessive(report.name) if language() == "en" else report.name
        if proposal.reply_to:
            said = tr("{whose} counter-proposal of {date}: it gives {give}, it asks {ask}.", whose=whose, **values)
        else:
            said = tr("{whose} proposal of {date}: it gives {give}, it asks {ask}.", whose=whose, **values)
    elif proposal.reply_to:
        said = tr("Your counter-proposal of {date}: you give {give}, you ask {ask}.", **values)
    else:
        said = tr("Your proposal of {date}: you give {give}, you ask {ask}.", **values)
    return f"{said} {stance.outcome_text}"
