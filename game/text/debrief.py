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
    out = ["How each side did, against its own usual range:", *wrap(NOT_COMPARED)]
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
    out = [f"=== Debrief: how {name} saw the game ===", *wrap(report.summary), ""]
    out += priority_lines(report)
    out.append("")
    out += stance_lines(game, report)
    out.append("")
    out += willingness_lines(report)
    return out


def priority_lines(report: Debrief) -> list[str]:
    """What the counterpart cared about: objectives, score weights, personality, items most and least wanted."""
    name, priorities = report.name, report.priorities
    out = [f"What {name} cared about:"]
    if priorities.objectives:
        text = f'Its private objectives, as its own player read them: "{priorities.objectives}"'
        out += wrap(text, indent="  ", hanging="    ")
    if priorities.weights:
        weights = ", ".join(f"{w.label} {per_point(w.points)}" for w in priorities.weights)
        out += wrap(f"What one more point was worth to its score at the end: {weights}.", indent="  ",
                    hanging="    ")  # fmt: skip
    if priorities.personality:
        leanings = ", ".join(f"{le.label} {score_text(le.weight)}" for le in priorities.personality)
        out += wrap(f"How it weighed its own moves (1 is neutral): {leanings}.", indent="  ", hanging="    ")
    if priorities.wants:
        wants = "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.wants)
        out += wrap(f"What it wanted most from a deal: {wants}.", indent="  ", hanging="    ")
    if priorities.costs:
        costs = "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.costs)
        out += wrap(f"What it was least willing to give: {costs}.", indent="  ", hanging="    ")
    return out


def stance_lines(game: Game, report: Debrief) -> list[str]:
    """Each proposal between the two sides, with the counterpart's score against its threshold at the time."""
    name = report.name
    if not report.negotiation:
        return wrap("This scenario has no negotiation table, so there were no proposals to weigh.")
    if not report.stances:
        return wrap(f"No proposals passed between you and {name}.")
    out = wrap(
        f"Where {name} stood on each proposal: its score against its threshold of {score_text(report.threshold)}, "
        "as things stood when the proposal was made (after that turn's news):"
    )
    for stance in report.stances:
        out += _stance(game, report, stance)
    return out


def _stance(game: Game, report: Debrief, stance: Stance) -> list[str]:
    proposal = stance.proposal
    owner = possessive(report.name) if stance.by_counterpart else "Your"
    kind = "counter-proposal" if proposal.reply_to else "proposal"
    head = f"{owner} {kind} of {date_of(game, proposal.turn)}, turn {proposal.turn}:"
    if stance.by_counterpart:
        items = f"it gives {_list(stance.give)}; it asks {_list(stance.ask)}."
    else:
        items = f"you give {_list(stance.give)}; you ask {_list(stance.ask)}."
    out = wrap(f"{head} {items}", indent="  ", hanging="    ")
    evaluation = stance.evaluation
    if evaluation is None:
        judged = "Its view of it can no longer be worked out (an item is not in the scenario any more)."
    elif stance.by_counterpart:
        worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
        judged = f"Its own valuation of the deal: {worth} against {bar} ({_margin(stance.margin)})."
    else:
        worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
        judged = f"Its score: {worth} against {bar}, so it {stance.verdict} ({_margin(stance.margin)})."
    out += wrap(f"{judged} {stance.outcome_text}", indent="    ", hanging="    ")
    if stance.reasons:
        out += wrap("Main reasons: " + _reasons(stance.reasons) + ".", indent="    ", hanging="      ")
    return out


def willingness_lines(report: Debrief) -> list[str]:
    """The counterpart's willingness at the start and after each turn, with what moved it."""
    name = report.name
    points = report.willingness
    if not report.measured:
        return wrap(f"Nothing in this scenario measures {name}'s willingness to deal (it has no negotiation table "
                    "and no relations indicator), so there is no record of how your moves shifted it.")  # fmt: skip
    if report.negotiation:
        what = (
            "It is the part of its judgement that does not depend on what is offered: trust, current relations "
            f"and your recent pressure. A proposal passed when the worth of its items to {name} plus this "
            f"reached its threshold of {score_text(report.threshold)}."
        )
    else:
        what = (
            "This scenario has no negotiation table, so it is what a counterpart would weigh before any offer: "
            "current relations and your recent pressure."
        )
    out = wrap(f"How your moves shifted {name}'s willingness to deal. {what}")
    first = points[0]
    out += wrap(f"At the start: {points_text(first.mood)}" + _terms(first.reasons) + ".", indent="  ", hanging="    ")
    for point in points[1:]:
        out += wrap(point.note, indent="  ", hanging="    ")
    last = points[-1]
    if len(points) > 1:
        out += wrap(f"At the end: {points_text(last.mood)}" + _terms(last.reasons) + ".", indent="  ", hanging="    ")
    return out


def _terms(reasons: Sequence[Reason]) -> str:
    return f" ({_reasons(reasons)})" if reasons else ""


def _reasons(reasons: Sequence[Reason]) -> str:
    return "; ".join(f"{r.label} {points_text(r.points)}" for r in reasons)


def _list(labels: Sequence[str]) -> str:
    return ", ".join(labels) if labels else "nothing"


def _margin(margin: float) -> str:
    if abs(margin) < 0.05:
        return "right at the threshold"
    return f"{score_text(abs(margin))} {'above' if margin > 0 else 'below'} it"
