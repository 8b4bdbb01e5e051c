"""Each side's final score in words a class cannot misread: against its own side's usual range, never against the
other sides' scores (see :mod:`game.table.reference`). The same words in every front end and in ``simulate``."""

from __future__ import annotations

from game.engine import Outcome, ScoreRange, ScoreReference, Termination
from game.i18n import N_, tr, tr_n
from game.present.words import score as score_text
from game.table.reference import Found, Placement, ReferenceOrigin, placement
from game.table.seats import LEVELS

#: Why the scores are read this way, said before any score is.
NOT_COMPARED = N_(
    "Each side is scored on its own private objectives, so the scores of different sides are not compared: a higher "
    "number does not mean that side won. Each score is read against its own side's usual range instead."
)

#: Where a score falls: against the usual range for this side, and the fewest words.
PLACEMENT_WORDS = {
    "above": (N_("above the usual range for this side"), N_("above its usual range")),
    "within": (N_("within the usual range for this side"), N_("within its usual range")),
    "below": (N_("below the usual range for this side"), N_("below its usual range")),
}


def players(reference: ScoreReference) -> str:
    """Who played every side to make the reference: ``strong computer players`` (a level) or ``computer players
    (greedy)`` (a policy)."""
    level = LEVELS.get(reference.policy)
    if level is not None:
        return tr("{level} computer players", level=tr(level.name).lower())
    return tr("computer players ({policy})", policy=reference.policy)


def span(bounds: ScoreRange) -> str:
    """``47 to 55`` (or ``51`` when the range is one value)."""
    if score_text(bounds.low) == score_text(bounds.high):
        return score_text(bounds.low)
    return tr("{low} to {high}", low=score_text(bounds.low), high=score_text(bounds.high))


def placement_words(where: Placement) -> str:
    """``above the usual range for this side``, ``within ...``, ``below ...``."""
    words = PLACEMENT_WORDS.get(where.value)
    return tr(words[0]) if words else f"{where.value} the usual range for this side"  # i18n: not shown


def verdict(score: float, bounds: ScoreRange | None) -> str:
    """Where a score falls, in a few words: ``above the usual range for this side`` (or ``no usual range for this
    side`` when the reference leaves the side out)."""
    if bounds is None:
        return tr("no usual range known for this side")
    return placement_words(placement(score, bounds))


def short_verdict(score: float, bounds: ScoreRange | None) -> str:
    """The fewest words, for a chip or a table cell: ``above its usual range``; empty without a range."""
    if bounds is None:
        return ""
    where = placement(score, bounds).value
    words = PLACEMENT_WORDS.get(where)
    return tr(words[1]) if words else f"{where} its usual range"  # i18n: not shown


def range_note(reference: ScoreReference, bounds: ScoreRange | None) -> str:
    """``strong computer players: 47.0 to 55.0, typically 51.0`` (empty without a range)."""
    if bounds is None:
        return ""
    return tr("{players}: {range}", players=players(reference), range=span_note(bounds))


def span_note(bounds: ScoreRange) -> str:
    """``47.0 to 55.0, typically 51.0`` (or ``51`` when the range is one value)."""
    if score_text(bounds.low) == score_text(bounds.high):
        return span(bounds)
    return tr("{range}, typically {typical}", range=span(bounds), typical=score_text(bounds.typical))


def score_sentence(name: str, score: float, reference: ScoreReference, role: str) -> str:
    """``United States 58.3: above the usual range for this side (strong computer players: 47 to 55, typically
    51).``"""
    bounds = reference.roles.get(role)
    note = range_note(reference, bounds)
    values = {"name": name, "score": score_text(score), "verdict": verdict(score, bounds)}
    if note:
        return tr("{name} {score}: {verdict} ({note}).", note=note, **values)
    return tr("{name} {score}: {verdict}.", **values)


def how_measured(found: Found, outcome: Outcome | None = None) -> str:
    """Where the usual ranges come from, in a sentence: who played, how many games, and whether the scenario's
    author stored them or this computer worked them out (the same words whether just now or earlier, so the same
    game always reads the same). For a game the teacher ended before its last turn (``outcome``), a second sentence
    says that the ranges are those of games played to their end."""
    reference = found.reference
    if found.origin is ReferenceOrigin.STORED:
        source = tr("measured by the scenario's author")
    else:
        source = tr("worked out on this computer, as the scenario stores none")
    said = tr_n(
        "A side's usual range is where 8 games in 10 end for that side when {players} play every side ({n} game; "
        "{source}).",
        "A side's usual range is where 8 games in 10 end for that side when {players} play every side ({n} games; "
        "{source}).",
        reference.games,
        players=players(reference),
        source=source,
    )
    if outcome is not None and outcome.termination is Termination.STOPPED:
        said = tr(
            "{said} This game was ended by the teacher in turn {turn}: the usual ranges come from games played to "
            "their end, so read these scores with care.",
            said=said,
            turn=outcome.turn,
        )
    return said


def no_reference() -> str:
    """Said when no usual range is known yet."""
    return tr("No usual range is known yet for this scenario, so the scores stand alone.")
