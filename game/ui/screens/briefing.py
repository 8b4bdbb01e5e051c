"""The briefing: your role's public brief and private objectives (from the seat's own view), the starting situation
and the sources. In a hot-seat game each person reads their own, after their own first privacy screen."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine import Role
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import source_credit
from game.table import SeatView
from game.ui.screens.base import Host
from game.ui.screens.ingame import BODY, HEADING, SMALL, TITLE, GameScreen
from game.ui.screens.results import BriefingRead
from game.ui.screens.wording import num, yours, yours_words
from game.ui.widgets import Document, ScrollView, gauge
from game.ui.widgets import text as textlib

Drawer = Callable[[pygame.Surface, pygame.Rect], None]


class BriefingScreen(GameScreen):
    """Read before turn 1: who you are, what you want (privately), where things stand. Enter continues."""

    timed = False  # the turn timer does not count here

    def __init__(self, app: Host, role: str | None = None) -> None:
        super().__init__(app, role)
        self.scroll = ScrollView()
        self.doc: Document | None = None
        self.body = pygame.Rect(0, 0, 0, 0)
        self.header_h = 0

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """The document panel and the Continue button."""
        self.doc = None
        margin = min(self.px(28), rect.width // 30)
        width = min(rect.width - 2 * margin, self.px(1000))
        left = rect.centerx - width // 2
        self.header_h = self._header_height(width)
        label = tr("Start turn {turn} (Enter)", turn=self.game.turn)
        button = self.flow_buttons([label], pygame.Rect(left, 0, width, rect.bottom - margin))[0]
        hints_w = width - button.width - self.px(16)
        tight = rect.height / self.app.scale < 480
        self.hints = self.fit_hints(
            [
                (tr("Up/Down"), tr("scroll")),
                (tr("Enter"), tr("continue")),
                (tr("PgUp/PgDn"), tr("page")),
                (tr("Esc"), tr("menu")),
            ],
            hints_w,
            1 if tight else 2,
        )
        hints_h = self.key_hints_height(self.hints, hints_w)
        footer_h = max(button.height, hints_h)
        button.bottom = rect.bottom - margin
        self.hint_rect = pygame.Rect(
            left, rect.bottom - margin - footer_h + (footer_h - hints_h) // 2, hints_w, hints_h
        )
        top = margin + self.header_h
        self.body = pygame.Rect(left, top, width, rect.bottom - margin - footer_h - self.px(12) - top)
        self.header_rect = pygame.Rect(left, margin, width, self.header_h)
        self.continue_button = self.button(button, label, self.done)

    def _header_height(self, width: int) -> int:
        title = textlib.wrapped_height(self.font(TITLE, bold=True), self._title(), width)
        return self.font(SMALL).get_linesize() + title + self.px(12)

    def _title(self) -> str:
        return tr("Your briefing: {role_name}", role_name=self.match.role_name(self.role))

    # ----------------------------------------------------------------- content
    def document(self) -> Document:
        """The briefing text (built once per layout)."""
        if self.doc is not None:
            return self.doc
        game, palette = self.game, self.palette
        scenario = game.scenario
        role = scenario.role(self.role)
        seat = self.seat_view()
        brief = next(r.brief for r in seat.roles if r.id == self.role)
        doc = Document(lambda size, bold: self.font(size, bold=bold), self.px)
        doc.heading(tr("The situation"), colour=palette.text, size=HEADING)
        doc.para(self.say(scenario.description), colour=palette.text, size=BODY, gap=14)
        doc.heading(tr("Your brief"), colour=palette.text, size=HEADING)
        doc.para(brief, colour=palette.text, size=BODY, gap=14)
        doc.para(
            [
                (tr("Your private objectives"), palette.text, True),
                (tr("   PRIVATE: only you should see this"), palette.focus, True),
            ],
            size=HEADING - 1,
        )
        doc.para(seat.objectives, colour=palette.text, size=BODY, gap=8)
        doc.para(
            tr("The other sides never see these until the game ends; your final score is computed from them."),
            colour=palette.muted,
            size=SMALL,
            gap=14,
        )
        self._how_a_turn_works(doc, role)
        self._where_things_stand(doc, seat)
        self._sources(doc)
        self.doc = doc
        return doc

    def _how_a_turn_works(self, doc: Document, role: Role) -> None:
        scenario, palette = self.game.scenario, self.palette
        carry = (
            tr("unspent capital carries over, up to {capital_max}", capital_max=role.capital_max)
            if role.capital_max > role.capital
            else tr("unspent capital does not carry over")
        )
        doc.heading(tr("How a turn works"), colour=palette.text, size=HEADING)
        doc.para(
            tr(
                "Each turn is {months_per_turn} months; the game lasts {turns} turns, from {label} to "
                "{label2}. You get {capital} political capital per turn ({carry}). Commit actions with "
                "the number keys or Enter, see each action's forecast before you commit, then end the "
                "turn with E. Everything committed by both sides happens together, followed by events "
                "and the slow currents that link the indicators.",
                months_per_turn=scenario.calendar.months_per_turn,
                turns=scenario.turns,
                label=turn_date(scenario.calendar, 1),
                label2=turn_date(scenario.calendar, scenario.turns),
                capital=role.capital,
                carry=carry,
            ),
            colour=palette.text,
            size=BODY,
            gap=14,
        )

    def _where_things_stand(self, doc: Document, seat: SeatView) -> None:
        scenario, palette = self.game.scenario, self.palette
        doc.heading(tr("Where things stand"), colour=palette.text, size=HEADING)
        for indicator, shown in zip(scenario.shown_indicators, seat.indicators, strict=True):
            value = shown.value
            doc.para(
                [
                    (shown.label, palette.text, True),
                    (f"  {num(value)}", palette.accent, True),
                    (
                        tr(
                            "  on a scale of {num} to {num2} · {yours_words}",
                            num=num(shown.low),
                            num2=num(shown.high),
                            yours_words=yours_words(shown.yours),
                        ),
                        palette.muted,
                        False,
                    ),
                ],
                size=BODY,
                gap=4,
            )
            doc.custom(8, self._gauge_drawer(value, shown.low, shown.high, yours(shown)), gap=6)
            doc.para(self.say(indicator.description), colour=palette.muted, size=SMALL + 1, gap=14)

    def _sources(self, doc: Document) -> None:
        scenario, palette = self.game.scenario, self.palette
        if not scenario.sources:
            return
        doc.heading(tr("Sources"), colour=palette.text, size=HEADING)
        for source in scenario.sources:
            doc.para(source_credit(source), colour=palette.text, size=BODY, bold=True, gap=2)
            note = self.say(source.note)
            if note:
                doc.para(note, colour=palette.muted, size=SMALL + 1, gap=2)
            if source.url:
                doc.para(source.url, colour=palette.accent, size=SMALL, gap=2)
            doc.space(10)
        doc.para(
            tr("The numbers are a simplified model for discussion, not measurements."),
            colour=palette.muted,
            size=SMALL,
            gap=4,
        )

    def _gauge_drawer(self, value: float, low: float, high: float, good: str) -> Drawer:
        def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
            width = min(rect.width, self.px(420))
            gauge(
                surface,
                pygame.Rect(rect.left, rect.top, width, rect.height),
                value=value,
                low=low,
                high=high,
                palette=self.palette,
                good=good,
            )

        return draw

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Scrolling keys and the wheel; Enter continues."""
        step = self.px(48)
        page = max(step, self.body.height - step)
        if event.type == pygame.MOUSEWHEEL:
            return self.scroll.scroll(-event.y * step) or True
        if event.type == pygame.KEYDOWN:
            moves = {
                pygame.K_DOWN: step,
                pygame.K_UP: -step,
                pygame.K_PAGEDOWN: page,
                pygame.K_PAGEUP: -page,
                pygame.K_HOME: -(10**9),
                pygame.K_END: 10**9,
            }
            if event.key in moves:
                self.scroll.scroll(moves[event.key])
                return True
        return super().handle(event)

    def done(self) -> None:
        """Continue to the next briefing or the board."""
        self.dismiss(BriefingRead(self.role))

    def autoplay(self) -> None:
        """The computer has read enough."""
        self.done()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Header, the scrolling document and the key hints."""
        palette = self.palette
        surface.fill(palette.background)
        match = self.match
        small = self.font(SMALL)
        top = self.header_rect
        textlib.draw(
            surface,
            f"{self.say(match.scenario.title)} · {match.turn_label}",
            top.topleft,
            font=small,
            colour=palette.muted,
            max_width=top.width,
        )
        textlib.draw_wrapped(
            surface,
            self._title(),
            pygame.Rect(top.left, top.top + small.get_linesize(), top.width, top.height),
            font=self.font(TITLE, bold=True),
            colour=palette.text,
        )
        self.panel(surface, self.body)
        inner = self.body.inflate(-2 * self.px(16), -2 * self.px(12))
        bar = self.px(6)
        content = self.document().render(ScrollView.content_width(inner, bar))
        self.scroll.draw(surface, inner, content, palette=palette, bar=bar, fade=palette.panel)
        self.draw_key_hints(surface, self.hint_rect, self.hints)
