"""The chart saved as a PNG: a title line and the chart of every indicator at a fixed size, written to the data
folder's ``charts``; and the line under the page saying where it went (or why it could not be saved)."""

from __future__ import annotations

import time
from pathlib import Path

import pygame

from game.engine import Ending
from game.storage import StorageError, data_dir
from game.ui import theme
from game.ui.screens.end.chart import CHART_SIZE, IndicatorChart
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.widgets import text as textlib


class ChartExport:
    """Saves the chart of every indicator; remembers where it went (:attr:`saved_path`) or what went wrong
    (:attr:`error`)."""

    def __init__(self, screen: GameScreen, chart: IndicatorChart, ending: Ending) -> None:
        self.screen = screen
        self.chart = chart
        self.ending = ending
        self.saved_path: Path | None = None
        self.error = ""

    def save(self) -> Path | None:
        """Write the chart PNG; returns its path, or None (with :attr:`error` set) if it cannot be saved."""
        match = self.screen.match
        try:
            folder = data_dir() / "charts"
            folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            role = "-".join(match.persons) or "computer"
            path = folder / f"{match.scenario.id}-{role}-seed{match.seed}-{stamp}.png"
            pygame.image.save(self.surface(), str(path))
        except (OSError, StorageError, pygame.error) as exc:
            self.error = f"Could not save the chart: {exc}"
            self.saved_path = None
            return None
        self.saved_path, self.error = path, ""
        return path

    def surface(self) -> pygame.Surface:
        """The chart as saved: a title line and the chart at :data:`CHART_SIZE`."""
        screen = self.screen
        width, height = CHART_SIZE
        font = theme.font(20)
        title_font = theme.font(30, bold=True)
        surface = pygame.Surface(CHART_SIZE)
        palette = screen.palette
        surface.fill(palette.panel)
        match = screen.match
        title = f"{screen.say(match.scenario.title)}: {screen.say(self.ending.title)}"
        textlib.draw(surface, title, (30, 20), font=title_font, colour=palette.text, max_width=width - 60)
        who = ", ".join(match.role_name(r) for r in match.persons) or "computer players"
        sub = f"Played as {who} · seed {match.seed} · every indicator at the end of each turn"
        textlib.draw(
            surface, sub, (30, 20 + title_font.get_linesize()), font=font, colour=palette.muted, max_width=width - 60
        )
        top = 30 + title_font.get_linesize() + font.get_linesize()
        surface.blit(self.chart.surface((width - 40, height - top - 20), font=font), (20, top))
        return surface

    def draw_message(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Where the chart was saved; else why it could not be, or the app's message (a problem), if any."""
        screen = self.screen
        palette = screen.palette
        font = screen.font(SMALL + 1)
        if self.saved_path is not None:
            textlib.draw(
                surface,
                f"Chart saved to {self.saved_path}",
                rect.topleft,
                font=font,
                colour=palette.good,
                max_width=rect.width,
            )
        elif self.error or screen.app.message:
            textlib.draw(
                surface,
                self.error or screen.app.message,
                rect.topleft,
                font=font,
                colour=palette.bad,
                max_width=rect.width,
            )
