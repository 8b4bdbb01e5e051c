"""The debrief page's story: for each computer counterpart, a summary, how the player's moves shifted its
willingness turn by turn, where it stood on each proposal and what it cared about, in a scrolling panel. In narrow
windows the willingness chart comes first, inside the story."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ai.debrief import Debrief, MoodPoint
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import points as points_text
from game.present import score as score_text
from game.ui.screens.end.mood import MoodChart
from game.ui.screens.end.stances import PrioritySection, StanceSection
from game.ui.screens.ingame import BODY, HEADING, SMALL, GameScreen
from game.ui.widgets import Document, ScrollView

Colour = tuple[int, int, int]


class DebriefStory:
    """Each counterpart's debrief (from ``debriefs``) as a document, built once until :meth:`forget`, drawn in a
    scrolling panel; ``mood`` draws the willingness chart placed inside it in narrow windows."""

    def __init__(self, screen: GameScreen, debriefs: Callable[[], list[Debrief]], mood: MoodChart) -> None:
        self.screen = screen
        self.debriefs = debriefs
        self.mood = mood
        self.stances = StanceSection(screen)
        self.priorities = PrioritySection(screen)
        self.scroll = ScrollView()
        self._doc: Document | None = None

    def forget(self) -> None:
        """Drop the built document: it is built again when next shown."""
        self._doc = None

    def document(self, chart_height: int | None = None) -> Document:
        """Each counterpart's debrief: summary, willingness turn by turn, its stance on each proposal, and what it
        cared about. With ``chart_height`` (narrow windows) the willingness chart comes first, inside the story."""
        if self._doc is not None:
            return self._doc
        screen = self.screen
        palette = screen.palette
        doc = Document(lambda size, bold: screen.font(size, bold=bold), screen.px)
        reports = self.debriefs()
        if not reports:
            doc.para(tr("There is nobody to debrief in this game."), colour=palette.muted, size=BODY)
        for index, report in enumerate(reports):
            if index:
                doc.rule(palette.border, gap=10)
            title = tr("How {name} saw the game", name=report.name)
            if len({d.player for d in reports}) > 1:
                title = tr("How {name} saw the game, facing {player}", name=report.name, player=report.player_name)
            doc.heading(title, colour=palette.text, size=HEADING, gap=4)
            doc.para(report.summary, colour=palette.text, size=BODY, gap=6)
            if chart_height is not None and index == 0 and report.measured:
                doc.custom(chart_height, self._draw_chart_block, gap=6, pixels=True)
            if report.measured:
                doc.para(self._willingness_words(report), colour=palette.muted, size=SMALL, gap=10)
            self._mood_section(doc, report)
            self.stances.add_to(doc, report)
            self.priorities.add_to(doc, report)
        self._doc = doc
        return doc

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, *, chart_height: int | None = None) -> None:
        """The debrief in a panel filling ``rect``, scrolled by :attr:`scroll`."""
        screen = self.screen
        palette = screen.palette
        screen.panel(surface, rect)
        view = rect.inflate(-2 * screen.px(12), -2 * screen.px(12))
        bar = screen.px(6)
        content = self.document(chart_height).render(ScrollView.content_width(view, bar))
        self.scroll.draw(surface, view, content, palette=palette, bar=bar, fade=palette.panel)

    @staticmethod
    def _willingness_words(report: Debrief) -> str:
        """What willingness means, with or without a negotiation table."""
        if report.negotiation:
            return tr(
                "Willingness is the part of its judgement that does not depend on what is offered: "
                "trust, current relations and your recent pressure. A proposal passed when the worth of "
                "its items to {name} plus this reached its threshold of {score_text}.",
                name=report.name,
                score_text=score_text(report.threshold),
            )
        return tr(
            "This scenario has no negotiation table. Willingness here is what a counterpart would weigh before "
            "any offer: current relations and your recent pressure."
        )

    def _draw_chart_block(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The willingness chart inside the story (narrow windows)."""
        screen = self.screen
        pygame.draw.rect(surface, screen.palette.panel_alt, rect, width=1, border_radius=screen.px(6))
        chart, _ = self.mood.surface((rect.width - 2, rect.height - 2), font=screen.font(SMALL))
        chart.set_colorkey(screen.palette.panel)
        surface.blit(chart, (rect.left + 1, rect.top + 1))

    def _mood_section(self, doc: Document, report: Debrief) -> None:
        """Where willingness stood at the start, then how it moved turn by turn."""
        palette = self.screen.palette
        doc.heading(tr("How your moves shifted its willingness"), colour=palette.text, size=HEADING - 1, gap=4)
        points = report.willingness
        if not report.measured:
            doc.para(
                tr("Nothing in this scenario measures it (no negotiation table and no relations indicator)."),
                colour=palette.muted,
                size=SMALL + 1,
                gap=10,
            )
            return
        start = points[0]
        terms = "; ".join(f"{r.label} {points_text(r.points)}" for r in start.reasons)
        doc.para(
            [
                (tr("At the start: "), palette.muted, True),
                (points_text(start.mood), palette.text, True),
                (f" ({terms})" if terms else "", palette.muted, False),
            ],
            size=SMALL + 1,
            gap=4,
        )
        for point in points[1:]:
            self._mood_point(doc, point)
        doc.space(8)

    def _mood_point(self, doc: Document, point: MoodPoint) -> None:
        """One turn: how far willingness moved (in words and colour), then the causes, the player's first."""
        palette = self.screen.palette
        calendar = self.screen.game.scenario.calendar
        if abs(point.change) < 0.05:
            move, colour = tr("held"), palette.muted
        elif point.change > 0:
            move, colour = tr("rose {value}", value=score_text(point.change)), palette.good
        else:
            move, colour = tr("fell {value}", value=score_text(-point.change)), palette.bad
        doc.para(
            [
                (
                    tr("Turn {turn} · {label}: ", turn=point.turn, label=turn_date(calendar, point.turn)),
                    palette.muted,
                    True,
                ),
                (move, colour, True),
                (tr(", to {mood}", mood=score_text(point.mood)), palette.text, False),
            ],
            size=SMALL + 1,
            gap=1,
        )
        mine = [s for s in point.shifts if s.mine and abs(s.points) >= 0.05][:3]
        others = [s for s in point.shifts if not s.mine and abs(s.points) >= 0.05][:2]
        runs: list[tuple[str, Colour, bool]] = []
        if mine:
            runs.append((tr("You: "), palette.text, True))
            runs.append(("; ".join(f"{s.label} ({points_text(s.points)})" for s in mine) + ". ", palette.text, False))
        if others:
            runs.append((tr("Also: "), palette.muted, True))
            runs.append(("; ".join(f"{s.label} ({points_text(s.points)})" for s in others) + ".", palette.muted, False))
        if runs:
            doc.para(runs, size=SMALL, indent=14, gap=5)
        else:
            doc.space(4)
