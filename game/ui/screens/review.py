"""The turn review: what changed this turn and why, with gauges moving from old to new values.

The causes panel is condensed by default (the few moves that mattered most and their biggest causes); F or the
Full list button shows every change cause by cause, and the choice holds for the rest of the session."""

from __future__ import annotations

import pygame

from game.engine import Indicator, Stage, TurnReport
from game.i18n import N_, tr
from game.i18n.formats import turn_date
from game.present import points as points_text
from game.present import score as score_text
from game.present import visible
from game.present.balance import turn_failures
from game.present.review import condense
from game.table import score_gain, view
from game.ui.screens.base import Host
from game.ui.screens.event import set_label
from game.ui.screens.ingame import BODY, SMALL, TITLE, GameScreen
from game.ui.screens.results import ReviewRead, ShowPublic
from game.ui.screens.review_text import ReviewText
from game.ui.screens.wording import CauseGroup, group_causes, num, signed, yours
from game.ui.widgets import Document, ScrollView, draw_scrollbar, gain_colour, gauge
from game.ui.widgets import text as textlib
from game.ui.widgets.charts import Colour

#: Seconds the gauges take to move at animation speed 1.
ANIMATION_SECONDS = 1.2
#: The toggle's label in each mode: condensed (offers the full list) and full (offers the short one).
TOGGLE_LABELS = {False: N_("Full list (F)"), True: N_("Short list (F)")}


class ReviewScreen(GameScreen):
    """After End turn: the moves of the resolved turn that mattered most, or every change grouped by cause (F);
    Continue goes on."""

    timed = False  # the turn timer does not count here

    def __init__(self, app: Host, report: TurnReport, role: str | None = None) -> None:
        super().__init__(app, role)
        self.report = report
        game = self.game
        resolution = game.stage_start(report.turn, Stage.RESOLUTION)
        if resolution is not None:
            start = resolution.history
        else:  # a turn resolved before the engine recorded its stages: the report's changes end the turn
            start = max(0, sum(1 for c in game.history if c.turn <= report.turn) - len(report.changes))
        self.before = game.values_after(start)
        self.after = game.values_at(report.turn)
        self.groups: list[CauseGroup] = group_causes(game, visible(game, report.changes), self.match.persons)
        self.condensed = condense(game.scenario, report.changes)
        self.full = app.review_full  # the last choice of the session
        # Good or bad news is judged for the one person looking, by their own score; a review shared by several
        # people judges nothing (their objectives are private until the end).
        persons = self.match.persons
        self.reader = persons[0] if len(persons) == 1 else None
        self.direction = ({i.id: yours(i) for i in view(self.match, self.reader, since=self.before).indicators}
                          if self.reader else {})  # fmt: skip
        speed = app.settings.animation_speed
        self.progress = 1.0 if speed <= 0 else 0.0
        self.duration = ANIMATION_SECONDS / speed if speed > 0 else 0.0
        self.causes_scroll = ScrollView()
        self.gauge_top = 0  # pixels scrolled in the gauge list
        self.focus_panel = "causes"
        self._doc: Document | None = None
        self.tabs_rect = pygame.Rect(0, 0, 0, 0)

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Header, the gauges and the causes (side by side when there is room, else stacked), Continue."""
        self._doc = None
        margin = min(self.px(24), rect.width // 30)
        inner = rect.inflate(-2 * margin, -2 * margin)
        gap = self.px(12)
        title_font = self.font(TITLE, bold=True)
        self.header = pygame.Rect(
            inner.left, inner.top, inner.width, title_font.get_linesize() + self.font(BODY).get_linesize() + self.px(6)
        )
        over = self.game.is_over()
        label_text = tr("See how it ended (Enter)") if over else tr("On to turn {turn} (Enter)", turn=self.game.turn)
        widest = max(map(tr, TOGGLE_LABELS.values()), key=self.button_width)
        toggle, button = self.flow_buttons([widest, label_text], inner)
        buttons = toggle.union(button)
        hints_w = inner.width - buttons.width - self.px(16)
        if toggle.top != button.top:  # on two rows: the hints beside the lower one
            hints_w = inner.width - button.width - self.px(16)
        self.hint_lines = 1 if rect.height / self.app.scale < 480 else 2
        self.hints_w = hints_w
        self.hints = self.key_list()
        hints_h = self.key_hints_height(self.hints, hints_w)
        footer_h = max(buttons.height, hints_h)
        self.hint_rect = pygame.Rect(inner.left, inner.bottom - footer_h + (footer_h - hints_h) // 2, hints_w, hints_h)
        body = pygame.Rect(
            inner.left, self.header.bottom + gap, inner.width, inner.bottom - footer_h - gap - self.header.bottom - gap
        )
        if rect.width / self.app.scale >= 740:
            left_w = round(body.width * 0.42)
            self.gauge_rect = pygame.Rect(body.left, body.top, left_w, body.height)
            self.cause_rect = pygame.Rect(body.left + left_w + gap, body.top, body.width - left_w - gap, body.height)
            self.tabs_rect = pygame.Rect(0, 0, 0, 0)
        else:  # one at a time, in tabs
            tab_h = self.tab_height()
            self.tabs_rect = pygame.Rect(body.left, body.top, body.width, tab_h)
            self.gauge_rect = self.cause_rect = pygame.Rect(
                body.left, body.top + tab_h, body.width, body.height - tab_h
            )
        self.continue_button = self.button(button, label_text, self.done)  # first: Enter continues
        self.toggle_button = self.button(toggle, tr(TOGGLE_LABELS[self.full]), self.toggle, key=pygame.K_f)
        self.shortcuts[pygame.K_F3] = lambda: self.request(ShowPublic())  # the projector (the review is left)

    def key_list(self) -> list[tuple[str, str]]:
        """The key hints that fit, for the list shown now."""
        hints = [(tr("Up/Down"), tr("scroll")), ("F", tr("short list") if self.full else tr("full list")),
                 (tr("Enter"), tr("continue")), (tr("Tab"), tr("causes / gauges")), ("F3", tr("public board")),
                 (tr("Esc"), tr("menu"))]  # fmt: skip
        return self.fit_hints(hints, self.hints_w, self.hint_lines)

    def toggle(self) -> None:
        """Between the condensed review and the full list; the session remembers the choice."""
        self.full = self.app.review_full = not self.full
        self._doc = None
        self.causes_scroll = ScrollView()
        self.focus_panel = "causes"
        set_label(self.toggle_button, tr(TOGGLE_LABELS[self.full]))
        self.hints = self.key_list()
        self.app.dirty = True

    # ----------------------------------------------------------------- content
    def document(self) -> Document:
        """The moves that mattered most then who did what (condensed), or who did what then every change grouped
        by cause (full)."""
        if self._doc is None:
            doc = Document(lambda size, bold: self.font(size, bold=bold), self.px)
            words = ReviewText(self.match, self.palette, self.colour, self.say)
            if self.full:
                words.sides(doc, self.report.turn)
                words.full(doc, self.groups)
            else:  # what mattered first: the decisions behind it follow
                words.condensed(doc, self.condensed)
                words.sides(doc, self.report.turn)
            failed = turn_failures(self.game.state.errors, self.report.turn)  # a fault of the scenario file
            if failed:
                doc.para(tr("SCENARIO RULES THAT FAILED"), colour=self.palette.muted, size=SMALL, bold=True, gap=4)
            for line in failed:
                doc.para(line, colour=self.palette.muted, size=SMALL, gap=4)
            self._doc = doc
        return self._doc

    def colour(self, indicator: str, before: float, after: float) -> Colour:
        """The colour of a move: good or bad news for the one person looking (by their own score), else neutral."""
        moved = round(after - before, 1) != 0
        reader = self.reader
        gain = score_gain(self.match, reader, indicator, before, after, self.after) if moved and reader else None
        return gain_colour(moved, gain, self.palette)

    def score_line(self) -> str:
        """``Your score: 45.3 (+1.2 this turn)`` for a single person; nobody's score when several people share the
        screen (scores are private until the end)."""
        persons = self.match.persons
        if len(persons) != 1:
            return tr("Every change of the turn, and why it happened.")
        game = self.game
        before = game.score_of(persons[0], self.before)
        after = game.score_of(persons[0], self.after)
        return tr(
            "Your score: {score_text} ({points_text} this turn)",
            score_text=score_text(after),
            points_text=points_text(after - before),
        )

    # ----------------------------------------------------------------- input and time
    def update(self, dt: float) -> bool:
        """Move the gauges."""
        if self.progress >= 1.0:
            return False
        self.progress = min(1.0, self.progress + dt / max(self.duration, 1e-6))
        return True

    def handle(self, event: pygame.event.Event) -> bool:
        """Scrolling (Up/Down, PgUp/PgDn, wheel), Tab between the panels; Enter continues."""
        step = self.px(40)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.tabs_rect.collidepoint(event.pos):
            self.focus_panel = "causes" if event.pos[0] < self.tabs_rect.centerx else "gauges"
            return True
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            tabbed = self.tabs_rect.width > 0
            if (tabbed and self.focus_panel == "gauges") or (not tabbed and self.gauge_rect.collidepoint(pos)):
                self.gauge_top -= event.y * step
            else:
                self.causes_scroll.scroll(-event.y * step)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.focus_panel = "gauges" if self.focus_panel == "causes" else "causes"
                return True
            if event.key in (pygame.K_c, pygame.K_g):
                self.focus_panel = "gauges" if event.key == pygame.K_g else "causes"
                return True
            page = max(step, self.cause_rect.height - step)
            moves = {pygame.K_DOWN: step, pygame.K_UP: -step, pygame.K_PAGEDOWN: page, pygame.K_PAGEUP: -page}
            if event.key in moves:
                if self.focus_panel == "gauges":
                    self.gauge_top += moves[event.key]
                else:
                    self.causes_scroll.scroll(moves[event.key])
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):  # between the buttons
                self.move_focus(-1 if event.key == pygame.K_LEFT else 1)
                return True
        return super().handle(event)

    def done(self) -> None:
        """On to the next turn, or to the end."""
        self.dismiss(ReviewRead())

    def autoplay(self) -> None:
        """Read, and continue."""
        self.done()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Header, gauges (animated), causes and hints."""
        palette, game = self.palette, self.game
        surface.fill(palette.background)
        title_font = self.font(TITLE, bold=True)
        calendar = game.scenario.calendar
        textlib.draw(
            surface,
            tr("Review of turn {turn} · {label}", turn=self.report.turn, label=turn_date(calendar, self.report.turn)),
            self.header.topleft,
            font=title_font,
            colour=palette.text,
            max_width=self.header.width,
        )
        textlib.draw(
            surface,
            self.score_line(),
            (self.header.left, self.header.top + title_font.get_linesize()),
            font=self.font(BODY),
            colour=palette.muted,
            max_width=self.header.width,
        )
        tabbed = self.tabs_rect.width > 0
        if tabbed:
            self.draw_tabs(
                surface,
                self.tabs_rect,
                [(tr("Causes"), "C"), (tr("Gauges"), "G")],
                active=0 if self.focus_panel == "causes" else 1,
            )
        if not tabbed or self.focus_panel == "gauges":
            self._draw_gauges(surface, self.gauge_rect)
        if not tabbed or self.focus_panel == "causes":
            rect = self.cause_rect
            self.panel(surface, rect, focused=self.focus_panel == "causes" and not tabbed)
            pad = self.px(12)
            view = rect.inflate(-2 * pad, -2 * pad)
            bar = self.px(6)
            content = self.document().render(ScrollView.content_width(view, bar))
            self.causes_scroll.draw(surface, view, content, palette=palette, bar=bar, fade=palette.panel)
        self.draw_key_hints(surface, self.hint_rect, self.hints)

    def _draw_gauges(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette, game = self.palette, self.game
        self.panel(surface, rect, focused=self.focus_panel == "gauges" and not self.tabs_rect.width)
        pad = self.px(12)
        title_h = self.panel_title(
            surface,
            pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
            tr("Indicators this turn"),
            note=tr("before and after"),
        )
        area = pygame.Rect(
            rect.left + pad, rect.top + pad + title_h, rect.width - 2 * pad, rect.height - 2 * pad - title_h
        )
        label_font = self.font(BODY)
        row_h = label_font.get_linesize() + self.px(18)
        indicators = game.scenario.shown_indicators
        total = row_h * len(indicators)
        self.gauge_top = max(0, min(self.gauge_top, total - area.height))
        eased = 1 - (1 - self.progress) ** 3
        bar = self.px(6)
        clip = surface.get_clip()
        surface.set_clip(area)
        width = area.width - (2 * bar if total > area.height else 0)
        for index, indicator in enumerate(indicators):
            y = area.top + index * row_h - self.gauge_top
            if y + row_h < area.top or y > area.bottom:
                continue
            self._gauge_row(surface, indicator, pygame.Rect(area.left, y, width, row_h), eased)
        surface.set_clip(clip)
        if total > area.height:
            draw_scrollbar(
                surface,
                pygame.Rect(area.right - bar, area.top, bar, area.height),
                offset=self.gauge_top,
                view=area.height,
                total=total,
                palette=palette,
            )

    def _gauge_row(self, surface: pygame.Surface, indicator: Indicator, row: pygame.Rect, eased: float) -> None:
        """One indicator's row: its label, the numbers before and after, the change, and its gauge moving by
        ``eased`` (0 to 1) from the old value to the new."""
        palette = self.palette
        label_font = self.font(BODY)
        number_font = self.font(SMALL + 1, bold=True)
        old, new = self.before[indicator.id], self.after[indicator.id]
        shown = old + (new - old) * eased
        delta = float(num(new)) - float(num(old))  # the change as shown, so that the numbers add up
        numbers = (
            tr("{before} to {after}", before=num(old), after=num(new))
            if delta
            else tr("{num}, no change", num=num(new))
        )
        numbers_w = textlib.width_of(number_font, numbers)
        delta_text = signed(delta) if delta else ""
        delta_w = textlib.width_of(number_font, "+00.0")
        colour = palette.text if delta else palette.muted
        textlib.draw(
            surface,
            self.say(indicator.label),
            (row.left, row.top),
            font=label_font,
            colour=colour,
            max_width=row.width - numbers_w - delta_w - self.px(16),
        )
        textlib.draw(
            surface,
            numbers,
            (row.right - delta_w - self.px(8), row.top + self.px(2)),
            font=number_font,
            colour=palette.muted,
            align="right",
        )
        if delta_text:
            textlib.draw(
                surface,
                delta_text,
                (row.right, row.top + self.px(2)),
                font=number_font,
                colour=self.colour(indicator.id, old, new),
                align="right",
            )
        gauge(
            surface,
            pygame.Rect(row.left, row.top + label_font.get_linesize() + self.px(2), row.width, self.px(7)),
            value=shown,
            low=indicator.min,
            high=indicator.max,
            previous=old if delta else None,
            palette=palette,
            good=self.direction.get(indicator.id, "neutral"),
        )
