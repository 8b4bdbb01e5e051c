"""The debrief's sections on a counterpart's mind: where it stood on each proposal (would it accept, by how much,
and why), and what it cared about."""

from __future__ import annotations

from game.ai.debrief import Debrief, Stance
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import per_point
from game.present import points as points_text
from game.present import score as score_text
from game.ui.screens.ingame import HEADING, SMALL, GameScreen
from game.ui.widgets import Document

Colour = tuple[int, int, int]
Runs = list[tuple[str, Colour, bool]]


class StanceSection:
    """Where a counterpart stood on each proposal passed between it and the player."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen

    def add_to(self, doc: Document, report: Debrief) -> None:
        """A heading, then each proposal: who made it and what it held, and the counterpart's view of it."""
        palette = self.screen.palette
        doc.heading(tr("Where it stood on each proposal"), colour=palette.text, size=HEADING - 1, gap=4)
        if not report.negotiation:
            doc.para(
                tr("There were no proposals: this scenario has no negotiation table."),
                colour=palette.muted,
                size=SMALL + 1,
                gap=10,
            )
            return
        if not report.stances:
            doc.para(
                tr("No proposals passed between you and {name}.", name=report.name),
                colour=palette.muted,
                size=SMALL + 1,
                gap=10,
            )
            return
        doc.para(
            tr(
                "Its score against its threshold of {score_text}, as things stood when each proposal was made.",
                score_text=score_text(report.threshold),
            ),
            colour=palette.muted,
            size=SMALL,
            gap=6,
        )
        for stance in report.stances:
            self._stance(doc, report, stance)
        doc.space(6)

    def _stance(self, doc: Document, report: Debrief, stance: Stance) -> None:
        """One proposal: its turn, sender and items; the counterpart's view; the outcome and the main reasons."""
        palette = self.screen.palette
        proposal = stance.proposal
        calendar = self.screen.game.scenario.calendar
        give, ask = ", ".join(stance.give) or tr("nothing"), ", ".join(stance.ask) or tr("nothing")
        if stance.by_counterpart:
            sender = (
                tr("from {name}, a counter-proposal", name=report.name)
                if proposal.reply_to
                else tr("from {name}", name=report.name)
            )
            items = tr("it gives {give}; it asks {ask}", give=give, ask=ask)
        else:
            sender = tr("from you, a counter-proposal") if proposal.reply_to else tr("from you")
            items = tr("you give {give}; you ask {ask}", give=give, ask=ask)
        doc.para(
            [
                (
                    tr(
                        "Turn {turn} · {label} · {sender}: ",
                        turn=proposal.turn,
                        label=turn_date(calendar, proposal.turn),
                        sender=sender,
                    ),
                    palette.muted,
                    True,
                ),
                (items, palette.text, False),
            ],
            size=SMALL + 1,
            gap=2,
        )
        runs = self._view(stance)
        runs.append((stance.outcome_text, palette.text, True))
        doc.para(runs, size=SMALL + 1, indent=14, gap=2)
        if stance.reasons:
            reasons = "; ".join(f"{r.label} {points_text(r.points)}" for r in stance.reasons)
            doc.para(
                tr("Main reasons: {reasons}.", reasons=reasons), colour=palette.muted, size=SMALL, indent=14, gap=8
            )
        else:
            doc.space(6)

    def _view(self, stance: Stance) -> Runs:
        """The counterpart's view of a proposal: would it accept (or what its own offer was worth), against its
        threshold and by how much."""
        palette = self.screen.palette
        evaluation = stance.evaluation
        runs: Runs = []
        if evaluation is None:
            runs.append((tr("Its view can no longer be worked out. "), palette.muted, True))
            return runs
        margin = stance.margin
        gap = (tr("at the threshold") if abs(margin) < 0.05
               else tr("{value} above", value=score_text(abs(margin))) if margin > 0
               else tr("{value} below", value=score_text(abs(margin))))  # fmt: skip
        worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
        if stance.by_counterpart:
            runs.append((tr("Its own offer"), palette.accent, True))
            runs.append(
                (tr(": valued at {worth} against {bar} ({gap}). ", worth=worth, bar=bar, gap=gap), palette.text, False)
            )
        else:
            verdict = tr("Would accept") if evaluation.accept else tr("Would refuse")
            runs.append((verdict, palette.good if evaluation.accept else palette.bad, True))
            runs.append(
                (tr(": score {worth} against {bar} ({gap}). ", worth=worth, bar=bar, gap=gap), palette.text, False)
            )
        return runs


class PrioritySection:
    """What a counterpart cared about: what its score was worth per point, how it weighed its own moves, what it
    wanted most and was least willing to give, and its private objectives."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen

    def add_to(self, doc: Document, report: Debrief) -> None:
        """A heading, a line per kind of priority the counterpart has, and its objectives."""
        palette = self.screen.palette
        priorities = report.priorities
        doc.heading(tr("What it cared about"), colour=palette.text, size=HEADING - 1, gap=4)
        rows: list[tuple[str, str]] = []
        if priorities.weights:
            worth = ", ".join(f"{w.label} {per_point(w.points)}" for w in priorities.weights)
            rows.append((tr("Worth to its score, per point at the end: "), worth))
        if priorities.personality:
            weighed = ", ".join(f"{le.label} {score_text(le.weight)}" for le in priorities.personality)
            rows.append((tr("How it weighed its own moves (1 = neutral): "), weighed))
        if priorities.wants:
            wants = "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.wants)
            rows.append((tr("Wanted most from a deal: "), wants))
        if priorities.costs:
            costs = "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.costs)
            rows.append((tr("Least willing to give: "), costs))
        for head, text in rows:
            doc.para([(head, palette.muted, True), (text, palette.text, False)], size=SMALL + 1, gap=4)
        if priorities.objectives:
            doc.para(
                [
                    (tr("Its private objectives, as its own player read them: "), palette.muted, True),
                    (priorities.objectives, palette.muted, False),
                ],
                size=SMALL,
                gap=10,
            )
