"""The chart of every indicator, turn by turn: one line each, one of them highlighted at a time if the player
likes (Left/Right), drawn in a titled panel and kept between frames."""

from __future__ import annotations

import pygame

from game.engine import Outcome
from game.i18n import tr
from game.i18n.formats import turn_date
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.screens.wording import turn_values
from game.ui.widgets import line_chart

#: Size of the chart saved as PNG (independent of the window).
CHART_SIZE = (1600, 900)


class IndicatorChart:
    """Every shown indicator over the game (:attr:`series`, by label), with the index of the highlighted line
    (:attr:`highlight`, -1 for none)."""

    def __init__(self, screen: GameScreen, outcome: Outcome) -> None:
        self.screen = screen
        self.outcome = outcome
        game = screen.game
        self.series = {
            screen.say(i.label): values
            for i, values in zip(game.scenario.shown_indicators, turn_values(game).values(), strict=True)
        }
        self.highlight = -1  # index of the highlighted line, -1 = none
        self._chart: tuple[tuple[object, ...], pygame.Surface] | None = None

    def forget(self) -> None:
        """Drop the chart drawn for the window: it is drawn again when next shown."""
        self._chart = None

    def step(self, step: int) -> None:
        """Highlight the next line (``step`` 1) or the one before (-1), going round through none at all."""
        count = len(self.series)
        self.highlight = (self.highlight + 1 + step) % (count + 1) - 1  # -1 = all lines equal
        self._chart = None

    def clear(self) -> None:
        """Highlight no line: all of them equal."""
        self.highlight = -1
        self._chart = None

    def note(self) -> str:
        """The note beside the chart's title: the highlighted line, or how to highlight one."""
        names = list(self.series)
        if 0 <= self.highlight < len(names):
            return tr("{names} (Left/Right: next)", names=names[self.highlight])
        return tr("Left/Right highlights a line")

    def surface(self, size: tuple[int, int], *, font: pygame.font.Font) -> pygame.Surface:
        """The chart of every indicator over the game, drawn on its own surface."""
        screen = self.screen
        palette = screen.palette
        surface = pygame.Surface((max(1, size[0]), max(1, size[1])))
        surface.fill(palette.panel)
        calendar = screen.game.scenario.calendar
        x_labels = [tr("Start")] + [turn_date(calendar, t) for t in range(1, self.outcome.turn + 1)]
        names = list(self.series)
        highlight = names[self.highlight] if 0 <= self.highlight < len(names) else None
        indicators = screen.game.scenario.shown_indicators
        low = min(i.min for i in indicators)
        high = max(i.max for i in indicators)
        line_chart(
            surface,
            surface.get_rect().inflate(-2 * font.get_linesize() // 2, -font.get_linesize()),
            self.series,
            palette=palette,
            font=font,
            low=low,
            high=high,
            x_labels=x_labels,
            highlight=highlight,
            line_width=max(1, round(font.get_linesize() / 10)),
        )
        return surface

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The chart in a titled panel filling ``rect``; redrawn only when it changes."""
        screen = self.screen
        screen.panel(surface, rect)
        pad = screen.px(10)
        title_h = screen.panel_title(
            surface,
            pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
            tr("Every indicator, turn by turn"),
            note=self.note(),
        )
        area = pygame.Rect(
            rect.left + pad, rect.top + pad + title_h, rect.width - 2 * pad, rect.height - 2 * pad - title_h
        )
        key = (area.size, self.highlight, screen.app.scale, screen.app.settings.palette)
        if self._chart is None or self._chart[0] != key:
            self._chart = (key, self.surface(area.size, font=screen.font(SMALL)))
        surface.blit(self._chart[1], area.topleft)
