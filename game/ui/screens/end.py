"""The end of the game: the ending, every side's score, a chart of every indicator, the key decisions, and what next."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine import Termination
from game.text.views import decisions, indicator_label
from game.ui import theme
from game.ui.screens import flow
from game.ui.screens.ingame import BODY, HEADING, SMALL, TITLE, GameScreen
from game.ui.screens.wording import biggest_changes, cause_owner, num, signed, turn_values
from game.ui.widgets import Document, ScrollView, line_chart, mix, news_colour
from game.ui.widgets import text as textlib

if TYPE_CHECKING:
    from game.ui.app import App

#: Size of the chart saved as PNG (independent of the window).
CHART_SIZE = (1600, 900)


class EndScreen(GameScreen):
    """Shown once the game is over. Announces the ending (``Ending: <title>`` on stdout) when it appears."""

    pausable = False

    def __init__(self, app: App, role: str | None = None) -> None:
        super().__init__(app, role)
        game = self.game
        outcome = game.outcome
        if outcome is None:
            raise RuntimeError("the end screen needs a finished game")
        self.outcome = outcome
        self.ending = game.scenario.ending(outcome.ending)
        self.series = {self.say(i.label): values for i, values in
                       zip(game.scenario.indicators, turn_values(game).values(), strict=True)}
        self.highlight = -1  # index of the highlighted line, -1 = none
        self.narrow = False
        self.tight = False
        self.tab = 0  # narrow windows: 0 = the ending and decisions, 1 = the chart
        self.scroll = ScrollView()
        self.saved_path: Path | None = None
        self.save_error = ""
        self._doc: Document | None = None
        self._chart: tuple[tuple[object, ...], pygame.Surface] | None = None

    def on_enter(self) -> None:
        """Print ``Ending: <title>`` (once per game; autoplay stops there)."""
        self.app.announce_ending(self.say(self.ending.title))

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Header with the ending and scores; chart and story side by side (or in tabs); the four buttons."""
        self._doc = None
        self._chart = None
        margin = min(self.px(24), rect.width // 30)
        inner = rect.inflate(-2 * margin, -2 * margin)
        gap = self.px(12)
        design_w, design_h = rect.width / self.app.scale, rect.height / self.app.scale
        self.tight = design_h < 480
        self.narrow = design_w < 1000 or design_h < 560
        # Header: how it ended (left out when tight), the ending's title, the scores.
        title_font = self.title_font()
        self.when_h = 0 if self.tight else self.font(SMALL, bold=True).get_linesize()
        self.score_h = self.font(BODY, bold=True).get_linesize() + self.px(8)
        self.header = pygame.Rect(inner.left, inner.top, inner.width,
                                  self.when_h + title_font.get_linesize() + self.px(6) + self.score_h)
        # Footer: the buttons, with key hints beside them when there is room (or above, unless tight).
        if self.tight:
            labels = ["Again (P)", "Other side (O)", "Save chart (S)", "Title (T)"]
        else:
            labels = ["Play again (P)", "Play the other side (O)", "Save chart as PNG (S)", "Back to title (T)"]
        hints = [("Up/Down", "scroll"), ("Left/Right", "highlight a line"), ("Tab", "buttons"), ("Enter", "press")]
        if self.narrow:
            hints.insert(0, ("E / C", "ending / chart"))
        buttons_h = self.buttons_height(labels, inner.width)
        row_w = sum(self.button_width(t) for t in labels) + self.px(10) * (len(labels) - 1)
        beside_w = inner.width - row_w - self.px(24)
        beside = self.fit_hints(hints, beside_w, 1) if buttons_h <= self.button_height() and beside_w > 0 else []
        if len(beside) == len(hints) or self.tight:
            self.hints = beside
            hints_h = self.key_hints_height(beside, beside_w) if beside else 0
            footer_h = buttons_h
            self.hint_rect = pygame.Rect(inner.left, inner.bottom - (footer_h + hints_h) // 2, max(0, beside_w),
                                         hints_h)
        else:
            self.hints = hints
            hints_h = self.key_hints_height(hints, inner.width)
            footer_h = buttons_h + hints_h + self.px(8)
            self.hint_rect = pygame.Rect(inner.left, inner.bottom - footer_h, inner.width, hints_h)
        rects = self.flow_buttons(labels, inner)
        message_h = self.font(SMALL + 1).get_linesize() + self.px(6)
        self.message_rect = pygame.Rect(inner.left, inner.bottom - footer_h - message_h, inner.width, message_h)
        # Body: chart and story.
        body = pygame.Rect(inner.left, self.header.bottom + gap, inner.width,
                           self.message_rect.top - self.px(4) - self.header.bottom - gap)
        self.tabs_rect = pygame.Rect(0, 0, 0, 0)
        if not self.narrow:
            chart_w = round(body.width * 0.58)
            self.chart_rect = pygame.Rect(body.left, body.top, chart_w, body.height)
            self.story_rect = pygame.Rect(body.left + chart_w + gap, body.top, body.width - chart_w - gap,
                                          body.height)
        else:  # one at a time, in tabs
            tab_h = self.tab_height()
            self.tabs_rect = pygame.Rect(body.left, body.top, body.width, tab_h)
            self.chart_rect = self.story_rect = pygame.Rect(body.left, body.top + tab_h, body.width,
                                                            body.height - tab_h)
        keys = [pygame.K_p, pygame.K_o, pygame.K_s, pygame.K_t]
        commands = [self.play_again, self.play_other_side, self.save_chart, self.back_to_title]
        for label_text, button_rect, key, command in zip(labels, rects, keys, commands, strict=True):
            self.button(button_rect, label_text, command, key=key)

    # ----------------------------------------------------------------- content
    def document(self) -> Document:
        """The ending's text, your key decisions turn by turn, and the biggest single causes of change."""
        if self._doc is not None:
            return self._doc
        palette, game, session = self.palette, self.game, self.session
        doc = Document(lambda size, bold: self.font(size, bold=bold), self.px)
        if self.tight:
            doc.para(self.when_text() + ".", colour=palette.accent, size=SMALL + 1, bold=True, gap=6)
        doc.para(self.say(self.ending.text), colour=palette.text, size=BODY, gap=12)
        doc.para("Scores come from each side's private objectives, so both sides can do well.",
                 colour=palette.muted, size=SMALL, gap=12)
        humans = session.humans
        for role in humans:
            mine = len(humans) == 1
            doc.heading("Your key decisions" if mine else f"Key decisions: {session.role_name(role)}",
                        colour=palette.text, size=HEADING - 1, gap=4)
            calendar = game.scenario.calendar
            for turn in range(1, self.outcome.turn + 1):
                done = decisions(game, role, turn)
                doc.para([(f"Turn {turn} · {calendar.label(turn)}: ", palette.muted, True),
                          ("; ".join(done) if done else "no action", palette.text if done else palette.muted,
                           False)], size=SMALL + 1, gap=3)
            doc.space(10)
        doc.heading("The biggest single changes", colour=palette.text, size=HEADING - 1, gap=4)
        for change in biggest_changes(game.history, 8):
            good = game.scenario.indicator(change.indicator).good
            doc.para([(f"Turn {change.turn} · ", palette.muted, False),
                      (f"{indicator_label(game, change.indicator)} ", palette.text, False),
                      (signed(change.delta), news_colour(change.delta, good, palette), True),
                      (f" · {change.text} ({cause_owner(game, change, humans)})", palette.muted, False)],
                     size=SMALL + 1, gap=3)
        self._doc = doc
        return doc

    def chart_surface(self, size: tuple[int, int], *, font: pygame.font.Font) -> pygame.Surface:
        """The chart of every indicator over the game, drawn on its own surface."""
        palette = self.palette
        surface = pygame.Surface((max(1, size[0]), max(1, size[1])))
        surface.fill(palette.panel)
        calendar = self.game.scenario.calendar
        x_labels = ["Start"] + [calendar.label(t) for t in range(1, self.outcome.turn + 1)]
        names = list(self.series)
        highlight = names[self.highlight] if 0 <= self.highlight < len(names) else None
        indicators = self.game.scenario.indicators
        low = min(i.min for i in indicators)
        high = max(i.max for i in indicators)
        line_chart(surface, surface.get_rect().inflate(-2 * font.get_linesize() // 2, -font.get_linesize()),
                   self.series, palette=palette, font=font, low=low, high=high, x_labels=x_labels,
                   highlight=highlight, line_width=max(1, round(font.get_linesize() / 10)))
        return surface

    # ----------------------------------------------------------------- commands
    def play_again(self) -> None:
        """The same scenario and side with a new seed."""
        session = self.session
        seed = random.Random().randrange(10**6)
        flow.start_game(self.app, session.scenario, session.scenario_path, humans=tuple(session.humans), seed=seed)

    def play_other_side(self) -> None:
        """The same scenario and seed, playing the next role instead."""
        session = self.session
        roles = [r.id for r in session.scenario.roles]
        humans = session.humans or roles[:1]
        other = tuple(roles[(roles.index(h) + 1) % len(roles)] for h in humans)
        flow.start_game(self.app, session.scenario, session.scenario_path, humans=other, seed=session.seed)

    def save_chart(self) -> None:
        """Save the chart as a PNG in the data folder's ``charts``; the path (or the problem) is shown."""
        self.export_chart()

    def export_chart(self) -> Path | None:
        """Write the chart PNG; returns its path, or None (with :attr:`save_error` set) if it cannot be saved."""
        from game.storage import StorageError, data_dir

        session = self.session
        try:
            folder = data_dir() / "charts"
            folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            role = "-".join(session.humans) or "computer"
            path = folder / f"{session.scenario.id}-{role}-seed{session.seed}-{stamp}.png"
            pygame.image.save(self.export_surface(), str(path))
        except (OSError, StorageError, pygame.error) as exc:
            self.save_error = f"Could not save the chart: {exc}"
            self.saved_path = None
            return None
        self.saved_path, self.save_error = path, ""
        return path

    def export_surface(self) -> pygame.Surface:
        """The chart as saved: a title line and the chart at :data:`CHART_SIZE`."""
        width, height = CHART_SIZE
        font = theme.font(20)
        title_font = theme.font(30, bold=True)
        surface = pygame.Surface(CHART_SIZE)
        palette = self.palette
        surface.fill(palette.panel)
        session = self.session
        title = f"{self.say(session.scenario.title)}: {self.say(self.ending.title)}"
        textlib.draw(surface, title, (30, 20), font=title_font, colour=palette.text, max_width=width - 60)
        who = ", ".join(session.role_name(r) for r in session.humans) or "computer players"
        sub = f"Played as {who} · seed {session.seed} · every indicator at the end of each turn"
        textlib.draw(surface, sub, (30, 20 + title_font.get_linesize()), font=font, colour=palette.muted,
                     max_width=width - 60)
        top = 30 + title_font.get_linesize() + font.get_linesize()
        surface.blit(self.chart_surface((width - 40, height - top - 20), font=font), (20, top))
        return surface

    def back_to_title(self) -> None:
        """Leave for the title screen."""
        flow.back_to_title(self.app)

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Up/Down scroll the story, Left/Right highlight one line of the chart; Tab/Enter for the buttons."""
        step = self.px(40)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll.scroll(-event.y * step)
            return True
        if event.type == pygame.KEYDOWN:
            moves = {pygame.K_DOWN: step, pygame.K_UP: -step, pygame.K_PAGEDOWN: self.story_rect.height - step,
                     pygame.K_PAGEUP: step - self.story_rect.height}
            if event.key in moves:
                self.scroll.scroll(moves[event.key])
                return True
            if event.key in (pygame.K_e, pygame.K_c) and self.narrow:
                self.tab = 1 if event.key == pygame.K_c else 0
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                count = len(self.series)
                step_ = 1 if event.key == pygame.K_RIGHT else -1
                self.highlight = (self.highlight + 1 + step_) % (count + 1) - 1  # -1 = all lines equal
                self._chart = None
                return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.tabs_rect.collidepoint(event.pos):
            self.tab = 0 if event.pos[0] < self.tabs_rect.centerx else 1
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.chart_rect.collidepoint(event.pos):
            self.highlight = -1
            self._chart = None
            return True
        return super().handle(event)

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Header and scores, chart, story, the saved-chart message and key hints."""
        palette = self.palette
        surface.fill(palette.background)
        rect = self.header
        title_font = self.title_font()
        if not self.tight:
            textlib.draw(surface, self.when_text().upper(), rect.topleft, font=self.font(SMALL, bold=True),
                         colour=palette.accent, max_width=rect.width)
        textlib.draw(surface, self.say(self.ending.title), (rect.left, rect.top + self.when_h), font=title_font,
                     colour=palette.text, max_width=rect.width)
        self._draw_scores(surface, pygame.Rect(rect.left, rect.bottom - self.score_h, rect.width, self.score_h))
        if self.narrow:
            self.draw_tabs(surface, self.tabs_rect, [("Ending", "E"), ("Chart", "C")], active=self.tab)
        if not self.narrow or self.tab == 1:
            self._draw_chart(surface)
        if not self.narrow or self.tab == 0:
            self.panel(surface, self.story_rect)
            view = self.story_rect.inflate(-2 * self.px(12), -2 * self.px(12))
            bar = self.px(6)
            self.scroll.draw(surface, view, self.document().render(ScrollView.content_width(view, bar)),
                             palette=palette, bar=bar, fade=palette.panel)
        # Message and hints.
        font = self.font(SMALL + 1)
        if self.saved_path is not None:
            textlib.draw(surface, f"Chart saved to {self.saved_path}", self.message_rect.topleft, font=font,
                         colour=palette.good, max_width=self.message_rect.width)
        elif self.save_error or self.app.message:
            textlib.draw(surface, self.save_error or self.app.message, self.message_rect.topleft, font=font,
                         colour=palette.bad, max_width=self.message_rect.width)
        self.draw_key_hints(surface, self.hint_rect, self.hints)

    def _draw_chart(self, surface: pygame.Surface) -> None:
        self.panel(surface, self.chart_rect)
        pad = self.px(10)
        title_h = self.panel_title(surface, pygame.Rect(self.chart_rect.left + pad, self.chart_rect.top + pad,
                                                        self.chart_rect.width - 2 * pad, 40),
                                   "Every indicator, turn by turn", note=self._chart_note())
        chart_area = pygame.Rect(self.chart_rect.left + pad, self.chart_rect.top + pad + title_h,
                                 self.chart_rect.width - 2 * pad, self.chart_rect.height - 2 * pad - title_h)
        key = (chart_area.size, self.highlight, self.app.scale, self.app.settings.palette)
        if self._chart is None or self._chart[0] != key:
            self._chart = (key, self.chart_surface(chart_area.size, font=self.font(SMALL)))
        surface.blit(self._chart[1], chart_area.topleft)

    def when_text(self) -> str:
        """``The game ended early, after turn 7 of 12`` / ``The game is over after all 12 turns``."""
        turns = self.game.scenario.turns
        if self.outcome.termination is Termination.EARLY:
            return f"The game ended early, after turn {self.outcome.turn} of {turns}"
        return f"The game is over after all {turns} turns"

    def title_font(self) -> pygame.font.Font:
        """The ending's title: large, a little less so in small windows."""
        return self.font(TITLE if self.tight else TITLE + 6, bold=True)

    def _chart_note(self) -> str:
        names = list(self.series)
        if 0 <= self.highlight < len(names):
            return f"{names[self.highlight]} (Left/Right: next)"
        return "Left/Right highlights a line"

    def _draw_scores(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One chip per role: name and score; yours highlighted."""
        palette, session = self.palette, self.session
        font = self.font(BODY, bold=True)
        x = rect.left
        height = font.get_linesize() + self.px(8)
        for role in self.game.scenario.roles:
            mine = role.id in session.humans
            name = session.role_name(role.id) + (" (you)" if mine and len(session.humans) == 1 else "")
            text = f"{name}  {num(self.outcome.scores.get(role.id, 0.0))}"
            width = min(textlib.width_of(font, text) + self.px(24), rect.right - x)
            if width < self.px(60):
                break
            chip = pygame.Rect(x, rect.top, width, height)
            pygame.draw.rect(surface, mix(palette.panel, palette.accent, 0.25) if mine else palette.panel, chip,
                             border_radius=height // 2)
            pygame.draw.rect(surface, palette.accent if mine else palette.border, chip,
                             width=max(1, self.px(2) if mine else 1), border_radius=height // 2)
            textlib.draw(surface, text, (chip.left + self.px(12), chip.top + self.px(4)), font=font,
                         colour=palette.text if mine else palette.muted, max_width=chip.width - self.px(24))
            x = chip.right + self.px(10)
