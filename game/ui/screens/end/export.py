"""What the end screen exports: the chart saved as a PNG (a title line and the chart of every indicator at a fixed
size, written to the data folder's ``charts``) and the debrief report (HTML, CSV of every change and JSON, written to
the data folder's ``reports``); and the line under the page saying where the last one went (or why it could not be
written). Exporting reads the match and changes nothing in it."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.engine import Ending
from game.i18n import tr
from game.reports.report import ReportError, write_match_report
from game.storage import StorageError, data_dir
from game.table.reference import Found
from game.ui import theme
from game.ui.screens.end.chart import CHART_SIZE, IndicatorChart
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.widgets import text as textlib


class ChartExport:
    """Saves the chart of every indicator; remembers where it went (:attr:`saved_path`) or what went wrong
    (:attr:`error`)."""

    def __init__(
        self,
        screen: GameScreen,
        chart: IndicatorChart,
        ending: Ending,
        reference: Callable[[], Found | None] = lambda: None,
    ) -> None:
        self.screen = screen
        #: Each side's usual range for the report (waits briefly while it is being worked out).
        self.reference = reference
        self.chart = chart
        self.ending = ending
        self.saved_path: Path | None = None
        self.error = ""
        #: The files of the last report written (the HTML page first), and why the last one could not be.
        self.report_files: tuple[Path, ...] = ()
        self.report_error = ""
        self._last = ""  # "chart" or "report": which export the message line tells about

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
            self.error = tr("Could not save the chart: {exc}", exc=exc)
            self.saved_path = None
            self._last = "chart"
            return None
        self.saved_path, self.error, self._last = path, "", "chart"
        return path

    def save_report(self) -> tuple[Path, ...]:
        """Write the debrief report of this match into the data folder's ``reports``; returns its files (the HTML
        page first), or none (with :attr:`report_error` set) if it cannot be written."""
        screen = self.screen
        match = screen.match
        self._last = "report"
        found = self.reference()
        who = "-".join(match.persons) or "computer"
        name = f"{time.strftime('%Y%m%d-%H%M%S')} {match.scenario.id} {who} seed {match.seed}"  # i18n: not shown
        try:
            folder = data_dir() / "reports"
            self.report_files = write_match_report(match, found, folder, name).files
        except (ReportError, StorageError, OSError) as exc:
            self.report_files, self.report_error = (), tr("Could not write the report: {exc}", exc=exc)
            return ()
        self.report_error = ""
        return self.report_files

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
        who = ", ".join(match.role_name(r) for r in match.persons) or tr("computer players")
        sub = tr("Played as {who} · seed {seed} · every indicator at the end of each turn", who=who, seed=match.seed)
        textlib.draw(
            surface, sub, (30, 20 + title_font.get_linesize()), font=font, colour=palette.muted, max_width=width - 60
        )
        top = 30 + title_font.get_linesize() + font.get_linesize()
        surface.blit(self.chart.surface((width - 40, height - top - 20), font=font), (20, top))
        return surface

    def message(self) -> tuple[str, bool]:
        """The line about the last export: where it went (True) or why it could not be written (False); empty
        when nothing was exported yet."""
        if self._last == "report":
            if self.report_files:
                page = self.report_files[0]
                return tr(
                    "Report written to {parent} (open {name} in a browser)", parent=page.parent, name=page.name
                ), True
            return self.report_error, False
        if self.saved_path is not None:
            return tr("Chart saved to {saved_path}", saved_path=self.saved_path), True
        return self.error, False

    def draw_message(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Where the last export went; else why it could not be written, or the app's message (a problem), if
        any."""
        screen = self.screen
        palette = screen.palette
        font = screen.font(SMALL + 1)
        text, good = self.message()
        if text and good:
            textlib.draw(
                surface,
                text,
                rect.topleft,
                font=font,
                colour=palette.good,
                max_width=rect.width,
            )
        elif text or screen.app.message:
            textlib.draw(
                surface,
                text or screen.app.message,
                rect.topleft,
                font=font,
                colour=palette.bad,
                max_width=rect.width,
            )
