"""The willingness chart of the debrief: how willing each computer counterpart was to deal, turn by turn, with a
picked turn (Left/Right or a click) whose moves are told in words under the chart in wide windows."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ai.debrief import Debrief
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import points as points_text
from game.present import score as score_text
from game.ui.screens.end.counterparts import mood_name
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.widgets import text as textlib
from game.ui.widgets.charts import trend_chart

Colour = tuple[int, int, int]
#: A line of the picked turn's words: its text, font and colour.
Line = tuple[str, pygame.font.Font, Colour]


class MoodChart:
    """The willingness chart (one line per counterpart, from ``debriefs``), with the picked turn (:attr:`turn`, -1
    for the last) and where its points were last drawn (:attr:`xs`, window x, for clicks)."""

    def __init__(self, screen: GameScreen, debriefs: Callable[[], list[Debrief]]) -> None:
        self.screen = screen
        self.debriefs = debriefs
        self.turn = -1  # the turn picked on the willingness chart (-1: the last)
        self.xs: list[int] = []  # where the chart's points are drawn (window x), for clicks
        self._chart: tuple[tuple[object, ...], pygame.Surface, list[int]] | None = None

    def forget(self) -> None:
        """Drop the chart drawn for the window: it is drawn again when next shown."""
        self._chart = None

    def pick(self, step: int) -> None:
        """Move the picked turn of the willingness chart (wrapping around)."""
        points = len(self.debriefs()[0].willingness) if self.debriefs() else 0
        if not points:
            return
        current = self.turn if 0 <= self.turn < points else points - 1
        self.turn = (current + step) % points
        self._chart = None

    def click(self, pos: tuple[int, int], rect: pygame.Rect) -> bool:
        """Pick the turn nearest a click inside the chart's panel ``rect``; False if the click is elsewhere."""
        if not (rect.collidepoint(pos) and self.xs):
            return False
        self.turn = min(range(len(self.xs)), key=lambda i: abs(self.xs[i] - pos[0]))
        self._chart = None
        return True

    def surface(
        self, size: tuple[int, int], *, font: pygame.font.Font, picked: int = -1
    ) -> tuple[pygame.Surface, list[int]]:
        """The willingness chart (one line per counterpart) on its own surface, and the x of each turn's point."""
        screen = self.screen
        palette = screen.palette
        surface = pygame.Surface((max(1, size[0]), max(1, size[1])))
        surface.fill(palette.panel)
        reports = self.debriefs()
        if not reports:
            return surface, []
        calendar = screen.game.scenario.calendar
        count = len(reports[0].willingness)
        x_labels = [tr("Start")] + [turn_date(calendar, t) for t in range(1, count)]
        series = {mood_name(d, reports): [p.mood for p in d.willingness] for d in reports}
        colours = {name: palette.accent for name in series} if len(series) == 1 else None
        first = reports[0]
        reference = first.threshold if first.negotiation else None
        label = tr("threshold {value}", value=score_text(first.threshold)) if reference is not None else ""
        xs = trend_chart(
            surface,
            surface.get_rect().inflate(-font.get_linesize(), -font.get_linesize() // 2),
            series,
            palette=palette,
            font=font,
            x_labels=x_labels,
            colours=colours,
            reference=reference,
            reference_label=label,
            selected=picked,
            line_width=max(2, round(font.get_linesize() / 9)),
        )
        return surface, xs

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Wide windows: the willingness chart in a titled panel filling ``rect``, then what moved it in the picked
        turn (or, when nothing measures it, why there is no chart)."""
        screen = self.screen
        screen.panel(surface, rect)
        pad = screen.px(10)
        inner = rect.inflate(-2 * pad, -2 * pad)
        reports = self.debriefs()
        measured = bool(reports) and reports[0].measured
        title_h = screen.panel_title(
            surface,
            pygame.Rect(inner.left, inner.top, inner.width, 40),
            tr("Willingness to deal"),
            note=tr("Left/Right picks a turn") if measured else "",
        )
        if not measured:
            textlib.draw_wrapped(
                surface,
                tr(
                    "Nothing in this scenario measures a counterpart's willingness to deal: it "
                    "has no negotiation table and no relations indicator."
                ),
                pygame.Rect(inner.left, inner.top + title_h, inner.width, inner.height - title_h),
                font=screen.font(SMALL + 1),
                colour=screen.palette.muted,
            )
            return
        points = reports[0].willingness
        picked = self.turn if 0 <= self.turn < len(points) else len(points) - 1
        chart_h = max(screen.px(80), round((inner.height - title_h) * 0.55))
        area = pygame.Rect(inner.left, inner.top + title_h, inner.width, chart_h)
        key = (area.size, picked, screen.app.scale, screen.app.settings.palette)
        if self._chart is None or self._chart[0] != key:
            chart, xs = self.surface(area.size, font=screen.font(SMALL), picked=picked)
            self._chart = (key, chart, xs)
        surface.blit(self._chart[1], area.topleft)
        self.xs = [area.left + x for x in self._chart[2]]
        self._draw_words(surface, inner, area.bottom + screen.px(8), reports, picked)

    def _draw_words(
        self, surface: pygame.Surface, inner: pygame.Rect, top: int, reports: list[Debrief], picked: int
    ) -> None:
        """The picked turn, in words, for each counterpart from ``top`` down, as far as ``inner`` has room."""
        y = top
        for report in reports:
            for text, line_font, colour in self._turn_lines(report, reports, picked):
                for part in textlib.wrap(line_font, text, inner.width):
                    if y + line_font.get_linesize() > inner.bottom:
                        return
                    textlib.draw(surface, part, (inner.left, y), font=line_font, colour=colour)
                    y += line_font.get_linesize()
            y += self.screen.px(6)

    def _turn_lines(self, report: Debrief, reports: list[Debrief], picked: int) -> list[Line]:
        """How far one counterpart's willingness moved in the picked turn, then its causes (the player's first)."""
        screen = self.screen
        palette = screen.palette
        bold, font = screen.font(SMALL + 1, bold=True), screen.font(SMALL)
        point = report.willingness[min(picked, len(report.willingness) - 1)]
        lines: list[Line] = []
        who = f"{mood_name(report, reports)}: " if len(reports) > 1 else ""
        if point.turn == 0:
            terms = "; ".join(f"{r.label} {points_text(r.points)}" for r in point.reasons)
            lines.append(
                (
                    tr("{who}At the start: {points_text}", who=who, points_text=points_text(point.mood)),
                    bold,
                    palette.text,
                )
            )
            if terms:
                lines.append((terms, font, palette.muted))
            return lines
        head = tr(
            "{who}Turn {turn} · {label}: ",
            who=who,
            turn=point.turn,
            label=turn_date(screen.game.scenario.calendar, point.turn),
        )
        if abs(point.change) < 0.05:
            head += tr("held at {score_text}", score_text=score_text(point.mood))
            colour = palette.muted
        else:
            change, mood = score_text(abs(point.change)), score_text(point.mood)
            if point.change > 0:
                head += tr("rose {change}, to {mood}", change=change, mood=mood)
            else:
                head += tr("fell {change}, to {mood}", change=change, mood=mood)
            colour = palette.good if point.change > 0 else palette.bad
        lines.append((head, bold, colour))
        shown = [s for s in point.shifts if abs(s.points) >= 0.05][:5]
        for shift in sorted(shown, key=lambda s: (not s.mine, -abs(s.points))):
            prefix = tr("You: ") if shift.mine else ""
            text = f"{prefix}{shift.label} ({points_text(shift.points)})"
            lines.append((text, font, palette.text if shift.mine else palette.muted))
        if not shown:
            lines.append((tr("Nothing moved it this turn."), font, palette.muted))
        return lines
