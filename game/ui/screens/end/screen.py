"""The end screen itself: it builds its parts (the headline, the story of the ending, the chart and its export,
the debrief and its willingness chart), holds what they share (the page, the window's layout) and routes input
to them."""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from game.ai.debrief import Debrief
from game.i18n import tr
from game.table.reference import Found
from game.ui.screens.base import Host
from game.ui.screens.end.chart import IndicatorChart
from game.ui.screens.end.counterparts import counterpart_debriefs
from game.ui.screens.end.debrief import DebriefStory
from game.ui.screens.end.export import ChartExport
from game.ui.screens.end.headline import Headline
from game.ui.screens.end.mood import MoodChart
from game.ui.screens.end.pages import CHART, DEBRIEF, ENDING
from game.ui.screens.end.ranges import UsualRanges
from game.ui.screens.end.story import EndingStory
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.screens.results import NewGame, ToTitle
from game.ui.widgets import Document, ScrollView


class EndScreen(GameScreen):
    """Shown once the game is over. Announces the ending (``Ending: <title>`` on stdout) when it appears."""

    timed = False  # the turn timer does not count here

    pausable = False

    def __init__(self, app: Host, role: str | None = None) -> None:
        super().__init__(app, role)
        game = self.game
        outcome = game.outcome
        if outcome is None:
            raise RuntimeError(tr("the end screen needs a finished game"))
        self.outcome = outcome
        self.ending = game.scenario.ending(outcome.ending)
        self.narrow = False
        self.tight = False
        self.page = ENDING
        self.tabs: list[tuple[str, str]] = []
        self.tab_pages: list[str] = []
        self.tab_rects: list[pygame.Rect] = []
        self.debrief_rect = self.mood_rect = pygame.Rect(0, 0, 0, 0)
        self._debriefs: list[Debrief] | None = None
        # Each side's usual range: stored in the scenario or cached, at once; else worked out in the background
        # (about a second of standard-level games), so the screen never waits for it.
        self.ranges = UsualRanges(game.scenario)
        self.headline = Headline(self, outcome, self.ending, lambda: self.reference)
        self.story = EndingStory(
            self,
            self.say(self.ending.text),
            outcome,
            reference=lambda: self.reference,
            pending=self.reference_pending,
        )
        self.chart = IndicatorChart(self, outcome)
        self.export = ChartExport(self, self.chart, self.ending, lambda: self.wait_for_reference(5.0))
        self.mood = MoodChart(self, self.debriefs)
        self.debrief = DebriefStory(self, self.debriefs, self.mood)

    # ----------------------------------------------------------------- what the parts hold
    @property
    def reference(self) -> Found | None:
        """Each side's usual range, once known (None until then, or if there is none)."""
        return self.ranges.found

    @property
    def series(self) -> dict[str, list[float]]:
        """Every shown indicator's value at the start and the end of each turn, by label (the chart's lines)."""
        return self.chart.series

    @property
    def scroll(self) -> ScrollView:
        """The scrolling of the ending's story."""
        return self.story.scroll

    @property
    def debrief_scroll(self) -> ScrollView:
        """The scrolling of the debrief."""
        return self.debrief.scroll

    @property
    def mood_turn(self) -> int:
        """The turn picked on the willingness chart (-1: the last)."""
        return self.mood.turn

    @property
    def mood_xs(self) -> list[int]:
        """Where the willingness chart's points were last drawn (window x), for clicks."""
        return self.mood.xs

    @property
    def saved_path(self) -> Path | None:
        """Where the chart was last saved (None if it was not)."""
        return self.export.saved_path

    @property
    def save_error(self) -> str:
        """Why the chart could not be saved, if it could not."""
        return self.export.error

    def reference_pending(self) -> bool:
        """Whether the usual ranges are still being worked out (once they are, the story is rebuilt with them)."""
        if self.ranges.collect():
            self.story.forget()  # the story shows the ranges now
        return self.ranges.pending

    def wait_for_reference(self, timeout: float | None = None) -> Found | None:
        """Wait (at most ``timeout`` seconds) for the usual ranges being worked out; returns them (None if none)."""
        self.ranges.wait(timeout)
        self.reference_pending()
        return self.reference

    def on_enter(self) -> None:
        """Print ``Ending: <title>`` (once per game; autoplay stops there)."""
        self.app.announce_ending(self.say(self.ending.title))

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Header with the ending and scores; a row of page tabs; the page (wide windows: chart and story side by
        side, or the debrief's story beside its willingness chart; narrow ones: one at a time); the five buttons."""
        for part in (self.story, self.chart, self.debrief, self.mood):
            part.forget()
        margin = min(self.px(24), rect.width // 30)
        inner = rect.inflate(-2 * margin, -2 * margin)
        design_w, design_h = rect.width / self.app.scale, rect.height / self.app.scale
        self.tight = design_h < 480
        self.narrow = design_w < 1000 or design_h < 560
        # Header: how it ended (left out when tight), the ending's title, the scores.
        self.header = self.headline.place(inner, tight=self.tight)
        # Footer: the buttons, with key hints beside them when there is room (or above, unless tight).
        if self.tight:  # one row of five buttons: the keys (P, O, S, R, T) still work
            labels = [tr("Again"), tr("Other side"), tr("Save chart"), tr("Report"), tr("Title")]
        else:
            labels = [tr("Play again (P)"), tr("Play the other side (O)"), tr("Save chart as PNG (S)"),
                      tr("Export report (R)"), tr("Back to title (T)")]  # fmt: skip
        if self.narrow:
            self.tabs = [(tr("Ending"), "E"), (tr("Chart"), "C"), (tr("Debrief"), "D")]
            self.tab_pages = [ENDING, CHART, DEBRIEF]
        else:
            self.tabs = [(tr("Ending and chart"), "E"), (tr("Debrief"), "D")]
            self.tab_pages = [ENDING, DEBRIEF]
        if self.page not in self.tab_pages:
            self.page = ENDING
        footer_h = self._place_hints(labels, inner)
        rects = self.flow_buttons(labels, inner)
        message_h = self.font(SMALL + 1).get_linesize() + self.px(6)
        self.message_rect = pygame.Rect(inner.left, inner.bottom - footer_h - message_h, inner.width, message_h)
        self._place_pages(inner)
        keys = [pygame.K_p, pygame.K_o, pygame.K_s, pygame.K_r, pygame.K_t]
        commands = [self.play_again, self.play_other_side, self.save_chart, self.export_report, self.back_to_title]
        for label_text, button_rect, key, command in zip(labels, rects, keys, commands, strict=True):
            self.button(button_rect, label_text, command, key=key)

    def _place_hints(self, labels: list[str], inner: pygame.Rect) -> int:
        """Place the key hints beside the buttons when they all fit there (or when tight), else above them;
        returns the footer's height."""
        arrows = tr("pick a turn") if self.page == DEBRIEF else tr("highlight a line")
        hints = [
            (tr("Up/Down"), tr("scroll")),
            (tr("Left/Right"), arrows),
            (tr("Tab"), tr("buttons")),
            (tr("Enter"), tr("press")),
        ]
        if self.page == DEBRIEF and self.narrow:
            hints.pop(1)  # no chart of its own to pick on: Left/Right move between the buttons
        if self.narrow:  # wide windows show the pages' keys on their tabs, with room to spare
            hints.insert(0, ("E / C / D", tr("pages")))
        buttons_h = self.buttons_height(labels, inner.width)
        row_w = sum(self.button_width(t) for t in labels) + self.px(10) * (len(labels) - 1)
        beside_w = inner.width - row_w - self.px(24)
        beside = self.fit_hints(hints, beside_w, 1) if buttons_h <= self.button_height() and beside_w > 0 else []
        if len(beside) == len(hints) or self.tight:
            self.hints = beside
            hints_h = self.key_hints_height(beside, beside_w) if beside else 0
            footer_h = buttons_h
            self.hint_rect = pygame.Rect(
                inner.left, inner.bottom - (footer_h + hints_h) // 2, max(0, beside_w), hints_h
            )
        else:
            self.hints = hints
            hints_h = self.key_hints_height(hints, inner.width)
            footer_h = buttons_h + hints_h + self.px(8)
            self.hint_rect = pygame.Rect(inner.left, inner.bottom - footer_h, inner.width, hints_h)
        return footer_h

    def _place_pages(self, inner: pygame.Rect) -> None:
        """Place the tabs and the page between the header and the message line: in wide windows the chart beside
        the story (and the debrief beside its willingness chart); in narrow ones each alone."""
        gap = self.px(12)
        body = pygame.Rect(
            inner.left,
            self.header.bottom + gap,
            inner.width,
            self.message_rect.top - self.px(4) - self.header.bottom - gap,
        )
        tab_h = self.tab_height()
        self.tabs_rect = pygame.Rect(body.left, body.top, body.width, tab_h)
        page = pygame.Rect(body.left, body.top + tab_h, body.width, body.height - tab_h)
        if not self.narrow:
            chart_w = round(page.width * 0.58)
            self.chart_rect = pygame.Rect(page.left, page.top, chart_w, page.height)
            self.story_rect = pygame.Rect(page.left + chart_w + gap, page.top, page.width - chart_w - gap, page.height)
            # The debrief: its story on the left, the willingness chart and the picked turn's causes on the right.
            self.debrief_rect = pygame.Rect(page.left, page.top, chart_w, page.height)
            self.mood_rect = pygame.Rect(page.left + chart_w + gap, page.top, page.width - chart_w - gap, page.height)
        else:  # one at a time, in tabs; the debrief's chart goes inside its story
            self.chart_rect = self.story_rect = self.debrief_rect = page
            self.mood_rect = pygame.Rect(0, 0, 0, 0)

    # ----------------------------------------------------------------- content
    def document(self) -> Document:
        """The ending's text, your key decisions turn by turn, and the biggest single causes of change."""
        return self.story.document(self.when_text() if self.tight else None)

    def debriefs(self) -> list[Debrief]:
        """The debrief of each computer counterpart for each person playing (computed once; see
        :func:`~game.ui.screens.end.counterparts.counterpart_debriefs`)."""
        if self._debriefs is None:
            self._debriefs = counterpart_debriefs(self.match)
        return self._debriefs

    def debrief_document(self) -> Document:
        """Each counterpart's debrief: summary, willingness turn by turn, its stance on each proposal, and what it
        cared about. In narrow windows the willingness chart comes first, inside the story."""
        return self.debrief.document(self._chart_height())

    def _chart_height(self) -> int | None:
        """The height of the willingness chart inside the debrief's story (narrow windows only)."""
        if not self.narrow:
            return None
        return max(self.px(90), min(self.px(200), round(self.debrief_rect.height * 0.7)))

    def when_text(self) -> str:
        """``The game ended early, after turn 7 of 12`` / ``The game is over after all 12 turns``."""
        return self.headline.when_text()

    def title_font(self) -> pygame.font.Font:
        """The ending's title: large, a little less so in small windows."""
        return self.headline.title_font()

    def score_chips(self, width: int) -> list[str]:
        """The text of each role's chip in a header ``width`` pixels wide (see :meth:`Headline.score_chips`)."""
        return self.headline.score_chips(width)

    # ----------------------------------------------------------------- commands
    def play_again(self) -> None:
        """The same scenario and seats with a new seed."""
        match = self.match
        seed = random.Random().randrange(10**6)
        self.request(NewGame(match.scenario, match.scenario_path, dict(match.seats), seed))

    def play_other_side(self) -> None:
        """The same scenario and seed, each seat moved on to the next role (the person plays the other side)."""
        match = self.match
        roles = [r.id for r in match.scenario.roles]
        seats = {roles[(index + 1) % len(roles)]: match.seats[role] for index, role in enumerate(roles)}
        self.request(NewGame(match.scenario, match.scenario_path, seats, match.seed))

    def save_chart(self) -> None:
        """Save the chart as a PNG in the data folder's ``charts``; the path (or the problem) is shown."""
        self.export_chart()

    def export_chart(self) -> Path | None:
        """Write the chart PNG; returns its path, or None (with :attr:`save_error` set) if it cannot be saved."""
        return self.export.save()

    def export_surface(self) -> pygame.Surface:
        """The chart as saved: a title line and the chart at :data:`~game.ui.screens.end.chart.CHART_SIZE`."""
        return self.export.surface()

    def export_report(self) -> None:
        """Write the debrief report (HTML, CSV of every change, JSON) into the data folder's ``reports``; the
        folder (or the problem) is shown under the page."""
        self.export.save_report()

    def back_to_title(self) -> None:
        """Leave for the title screen."""
        self.request(ToTitle())

    # ----------------------------------------------------------------- input
    def show(self, page: str) -> None:
        """Turn to a page (``ending``, ``chart`` in narrow windows, ``debrief``); the key hints follow it."""
        if page == CHART and not self.narrow:
            page = ENDING  # the chart is beside the ending
        if page != self.page:
            self.page = page
            self.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        """E, C and D turn the pages; Up/Down scroll the page's story; Left/Right highlight one line of the chart
        (or, on the debrief, pick a turn of the willingness chart); Tab/Enter for the buttons."""
        if event.type == pygame.MOUSEWHEEL:
            scroll = self.debrief_scroll if self.page == DEBRIEF else self.scroll
            scroll.scroll(-event.y * self.px(40))
            return True
        if event.type == pygame.KEYDOWN and self._key(event.key):
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self._click(event.pos):
            return True
        return super().handle(event)

    def _key(self, key: int) -> bool:
        """A key of this screen's own: scrolling, the pages' keys, Left/Right; False for any other."""
        step = self.px(40)
        scroll = self.debrief_scroll if self.page == DEBRIEF else self.scroll
        view = self.debrief_rect if self.page == DEBRIEF else self.story_rect
        moves = {
            pygame.K_DOWN: step,
            pygame.K_UP: -step,
            pygame.K_PAGEDOWN: view.height - step,
            pygame.K_PAGEUP: step - view.height,
        }
        if key in moves:
            scroll.scroll(moves[key])
            return True
        pages = {pygame.K_e: ENDING, pygame.K_c: CHART, pygame.K_d: DEBRIEF}
        if key in pages:
            self.show(pages[key])
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and self.page == DEBRIEF and not self.narrow:
            self.pick_turn(1 if key == pygame.K_RIGHT else -1)
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and self.page != DEBRIEF:
            self.chart.step(1 if key == pygame.K_RIGHT else -1)
            return True
        return False

    def _click(self, pos: tuple[int, int]) -> bool:
        """A click on a tab, on the willingness chart (picks the nearest turn) or on the chart (every line equal
        again); False for a click elsewhere."""
        for tab, page in zip(self.tab_rects, self.tab_pages, strict=False):
            if tab.collidepoint(pos):
                self.show(page)
                return True
        if self.page == DEBRIEF and self.mood.click(pos, self.mood_rect):
            return True
        if self.page != DEBRIEF and self.chart_rect.collidepoint(pos):
            self.chart.clear()
            return True
        return False

    def pick_turn(self, step: int) -> None:
        """Move the picked turn of the willingness chart (wrapping around)."""
        self.mood.pick(step)

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Header and scores, chart, story, the saved-chart message and key hints."""
        self.reference_pending()  # picks up the usual ranges once they are worked out
        surface.fill(self.palette.background)
        self.headline.draw(surface, self.header)
        self.tab_rects = self.draw_tabs(surface, self.tabs_rect, self.tabs, active=self.tab_pages.index(self.page))
        if self.page == CHART or (self.page == ENDING and not self.narrow):
            self.chart.draw(surface, self.chart_rect)
        if self.page == ENDING:
            self.story.draw(surface, self.story_rect, when=self.when_text() if self.tight else None)
        if self.page == DEBRIEF:
            self.debrief.draw(surface, self.debrief_rect, chart_height=self._chart_height())
            if not self.narrow:
                self.mood.draw(surface, self.mood_rect)
        self.export.draw_message(surface, self.message_rect)
        self.draw_key_hints(surface, self.hint_rect, self.hints)
