"""Documents of an evaluation: an empty document in a screen's fonts, a breakdown read item by item, and what is
counted before any item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.ai.negotiation import Evaluation, Reason
from game.i18n import tr
from game.present import points as points_text
from game.present import score as score_text
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.negotiate.words import effects_summary, points_colour
from game.ui.widgets import Document


def new_doc(screen: GameScreen) -> Document:
    """An empty document in the screen's fonts and scale."""
    return Document(lambda size, bold: screen.font(size, bold=bold), screen.px)


def add_breakdown(
    doc: Document,
    screen: GameScreen,
    evaluation: Evaluation,
    *,
    groups: Sequence[tuple[str, Sequence[str]]],
    verdict: tuple[str, str],
    effects: bool = False,
) -> None:
    """An evaluation read item by item: under each group's title (``groups`` in the evaluator's order: the items the
    sender gives, then those it asks), each item with its points (and, with ``effects``, what it does); then what
    else was counted (trust, relations, provocations); then the total against the threshold and ``verdict`` (words
    for accept, for refuse) in its colour."""
    palette, game = screen.palette, screen.game
    reasons = list(evaluation.reasons)
    for title, items in groups:
        doc.para(title.upper(), colour=palette.muted, size=SMALL, bold=True, gap=3)
        if not items:
            doc.para(tr("Nothing."), colour=palette.muted, size=BODY - 1, indent=8, gap=6)
        for item_id in items:
            points = reasons.pop(0).points
            item = game.item(item_id)
            doc.para(
                [
                    (f"{points_text(points)}  ", points_colour(screen, points), True),
                    (screen.say(item.label), palette.text, effects),
                ],
                size=BODY - 1,
                indent=4,
                gap=1 if effects else 2,
            )
            if effects:
                doc.para(effects_summary(screen, item), colour=palette.muted, size=SMALL, indent=16, gap=4)
        doc.space(4)
    if reasons:
        doc.para(tr("ALSO COUNTED"), colour=palette.muted, size=SMALL, bold=True, gap=3)
        add_reasons(doc, screen, reasons)
        doc.space(4)
    words, colour = (verdict[0], palette.good) if evaluation.accept else (verdict[1], palette.bad)
    doc.para(
        [
            (tr("Total "), palette.muted, False),
            (score_text(evaluation.score), palette.text, True),
            (
                tr(" against a threshold of {score_text}: ", score_text=score_text(evaluation.threshold)),
                palette.muted,
                False,
            ),
            (words, colour, True),
        ],
        size=BODY - 1,
        gap=6,
    )


def add_context(doc: Document, screen: GameScreen, evaluation: Evaluation) -> None:
    """The reasons of an evaluation of no item: what is counted before any item (trust, relations...)."""
    add_reasons(doc, screen, evaluation.reasons)


def add_reasons(doc: Document, screen: GameScreen, reasons: Iterable[Reason]) -> None:
    """One line a reason: its points (coloured by their sign) and what they are for."""
    palette = screen.palette
    for reason in reasons:
        doc.para(
            [
                (f"{points_text(reason.points)}  ", points_colour(screen, reason.points), True),
                (reason.label, palette.text, False),
            ],
            size=BODY - 1,
            indent=4,
            gap=2,
        )
