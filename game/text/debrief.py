"""The end of a terminal game: each side's score against its own usual range, and the debrief of a computer
counterpart (pure functions from a debrief to lines).

What the counterpart cared about, where it stood on each proposal, and how the player's moves shifted its
willingness to deal, turn by turn (see :mod:`game.ai.debrief`). Plain ASCII words, wrapped to the console width.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.debrief import Debrief, Stance, debrief
from game.ai.negotiation import Reason
from game.engine import Game, Scenario
from game.i18n import tr
from game.present import date_of, per_point, possessive, say
from game.present import points as points_text
from game.present import score as score_text
from game.present.reference import NOT_COMPARED, how_measured, no_reference, score_sentence
from game.table.reference import Found, ReferenceCache, find_reference
from game.text.console import wrap


def score_reference(scenario: Scenario) -> Found | None:
    """The scenario's score reference: stored in its file, else cached in the user's data folder, else worked out
    now with the standard level on every side (about a second for the default scenario) and cached."""
    from game.storage import data_dir, read_json, write_json_atomic

    return find_reference(scenario, ReferenceCache(lambda: data_dir() / "cache", read_json, write_json_atomic))


def reference_lines(game: Game, found: Found | None) -> list[str]:
    """Each side's final score against its own side's usual range, after saying why the scores of different sides
    are not compared, and where the ranges come from."""
    outcome = game.outcome
    scores = outcome.scores if outcome is not None else {}
    out = [tr("How each side did, against its own usual range:"), *wrap(tr(NOT_COMPARED))]
    if found is None:
        return out + wrap(no_reference())
    for role in game.scenario.roles:
        sentence = score_sentence(say(game, role.name), scores.get(role.id, 0.0), found.reference, role.id)
        out += wrap(sentence, indent="  ", hanging="    ")
    return out + wrap(how_measured(found, outcome))


def debrief_lines(game: Game, counterpart: str, player: str) -> list[str]:
    """The whole debrief of ``counterpart`` for ``player``: summary, priorities, proposals, willingness."""
    report = debrief(game, counterpart, player)
    name = report.name
    out = [tr("=== Debrief: how {name} saw the game ===", name=name), *wrap(report.summary), ""]
    out += priority_lines(report)
    out.append("")
    out += stance_lines(game, report)
    out.append("")
    out += willingness_lines(report)
    return out


def priority_lines(report: Debrief) -> list[str]:
    """What the counterpart cared about: objectives, score weights, personality, items most and least wanted."""
    name, priorities = report.name, report.priorities
    out = [tr("What {name} cared about:", name=name)]
    if priorities.objectives:
        text = tr('Its private objectives, as its own player read them: "{text}"', text=priorities.objectives)
        out += wrap(text, indent="  ", hanging="    ")
    if priorities.weights:
        weights = ", ".join(f"{w.label} {per_point(w.points)}" for w in priorities.weights)
        out += wrap(tr("What one more point was worth to its score at the end: {weights}.", weights=weights),
                    indent="  ", hanging="    ")  # fmt: skip
    if priorities.personality:
        leanings = ", ".join(f"{le.label} {score_text(le.weight)}" for le in priorities.personality)
        out += wrap(
            tr("How it weighed its own moves (1 is neutral): {leanings}.", leanings=leanings),
            indent="  ",
            hanging="    ",
        )
    if priorities.wants:
        wants = "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.wants)
        out += wrap(tr("What it wanted most from a deal: {wants}.", wants=wants), indent="  ", hanging="    ")
    if priorities.costs:
        costs = "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.costs)
        out += wrap(tr("What it was least willing to give: {costs}.", costs=costs), indent="  ", hanging="    ")
    return out


def stance_lines(game: Game, report: Debrief) -> list[str]:
    """Each proposal between the two sides, with the counterpart's score against its threshold at the time."""
    name = report.name
    if not report.negotiation:
        return wrap(tr("This scenario has no negotiation table, so there were no proposals to weigh."))
    if not report.stances:
        return wrap(tr("No proposals passed between you and {name}.", name=name))
    out = wrap(
        tr(
            "Where {name} stood on each proposal: its score against its threshold of {threshold}, as things stood "
            "when the proposal was made (after that turn's news):",
            name=name,
            threshold=score_text(report.threshold),
        )
    )
    for stance in report.stances:
        out += _stance(game, report, stance)
    return out


def _stance(game: Game, report: Debrief, stance: Stance) -> list[str]:
    proposal = stance.proposal
    when = {"date": date_of(game, proposal.turn), "turn": proposal.turn}
    if stance.by_counterpart:
        owner = possessive(report.name)
        if proposal.reply_to:
            head = tr("{owner} counter-proposal of {date}, turn {turn}:", owner=owner, **when)
        else:
            head = tr("{owner} proposal of {date}, turn {turn}:", owner=owner, **when)
        items = tr("it gives {give}; it asks {ask}.", give=_list(stance.give), ask=_list(stance.ask))
    else:
        if proposal.reply_to:
            head = tr("Your counter-proposal of {date}, turn {turn}:", **when)
        else:
            head = tr("Your proposal of {date}, turn {turn}:", **when)
        items = tr("you give {give}; you ask {ask}.", give=_list(stance.give), ask=_list(stance.ask))
    out = wrap(f"{head} {items}", indent="  ", hanging="    ")
    evaluation = stance.evaluation
    if evaluation is None:
        judged = tr("Its view of it can no longer be worked out (an item is not in the scenario any more).")
    elif stance.by_counterpart:
        worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
        judged = tr(
            "Its own valuation of the deal: {worth} against {bar} ({margin}).",
            worth=worth,
            bar=bar,
            margin=_margin(stance.margin),
        )
    else:
        worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
        judged = tr(
            "Its score: {worth} against {bar}, so it {verdict} ({margin}).",
            worth=worth,
            bar=bar,
            verdict=tr(stance.verdict),
            margin=_margin(stance.margin),
        )
    out += wrap(f"{judged} {stance.outcome_text}", indent="    ", hanging="    ")
    if stance.reasons:
        out += wrap(tr("Main reasons: {reasons}.", reasons=_reasons(stance.reasons)), indent="    ", hanging="      ")
    return out


def willingness_lines(report: Debrief) -> list[str]:
    """The counterpart's willingness at the start and after each turn, with what moved it."""
    name = report.name
    points = report.willingness
    if not report.measured:
        return wrap(tr("Nothing in this scenario measures {owner} willingness to deal (it has no negotiation "
                       "table and no relations indicator), so there is no record of how your moves shifted it.",
                       owner=possessive(name)))  # fmt: skip
    if report.negotiation:
        what = tr(
            "It is the part of its judgement that does not depend on what is offered: trust, current relations "
            "and your recent pressure. A proposal passed when the worth of its items to {name} plus this "
            "reached its threshold of {threshold}.",
            name=name,
            threshold=score_text(report.threshold),
        )
    else:
        what = tr(
            "This scenario has no negotiation table, so it is what a counterpart would weigh before any offer: "
            "current relations and your recent pressure."
        )
    out = wrap(tr("How your moves shifted {owner} willingness to deal. {what}", owner=possessive(name), what=what))
    first = points[0]
    start = tr("At the start: {mood}{reasons}.", mood=points_text(first.mood), reasons=_terms(first.reasons))
    out += wrap(start, indent="  ", hanging="    ")
    for point in points[1:]:
        out += wrap(point.note, indent="  ", hanging="    ")
    last = points[-1]
    if len(points) > 1:
        end = tr("At the end: {mood}{reasons}.", mood=points_text(last.mood), reasons=_terms(last.reasons))
        out += wrap(end, indent="  ", hanging="    ")
    return out


def _terms(reasons: Sequence[Reason]) -> str:
    return f" ({_reasons(reasons)})" if reasons else ""


def _reasons(reasons: Sequence[Reason]) -> str:
    return "; ".join(tr("{label} {points}", label=r.label, points=points_text(r.points)) for r in reasons)


def _list(labels: Sequence[str]) -> str:
    return ", ".join(labels) if labels else tr("nothing")


def _margin(margin: float) -> str:
    if abs(margin) < 0.05:
        return tr("right at the threshold")
    if margin > 0:
        return tr("{amount} above it", amount=score_text(abs(margin)))
    return tr("{amount} below it", amount=score_text(abs(margin)))
