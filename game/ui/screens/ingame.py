"""What the in-game screens share: the running match, panels, key hints and button rows."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.engine import Game, Text, localize
from game.i18n import tr
from game.table import Match, SeatView, directions, view
from game.ui import theme
from game.ui.screens.base import Host, Screen
from game.ui.screens.results import Teach, TimeUp
from game.ui.widgets import mix
from game.ui.widgets import text as textlib

Colour = tuple[int, int, int]

#: Design font sizes.
TITLE, HEADING, BODY, SMALL = 26, 18, 15, 13
#: The number keys (top row and keypad) and the number each stands for: pick a choice, commit an action.
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)
}
#: The theme's button font size (assets/theme.json), to measure button labels.
BUTTON_FONT = 16


#: How long a notice stays on screen.
NOTICE_SECONDS = 4.0


class GameScreen(Screen):
    """A screen of a running game: it reads ``app.match`` and never changes the game except through it
    (:meth:`Match.apply <game.table.Match.apply>`)."""

    pausable = True
    #: The turn timer counts down while this screen is on top (not on briefings, reviews and the end).
    timed = True

    def __init__(self, app: Host, role: str | None = None) -> None:
        super().__init__(app)
        match = self.match
        self.role = role or (match.persons[0] if match.persons else match.scenario.roles[0].id)
        # A short message (what just happened, or why not) shown for a few seconds; screens draw it where they like.
        self.notice = ""
        self.notice_bad = False
        self.notice_time = 0.0
        self._directions: tuple[tuple[object, ...], dict[str, str]] | None = None

    def show_notice(self, message: str, *, bad: bool = False) -> None:
        """Show ``message`` for :data:`NOTICE_SECONDS` seconds (``bad``: it says why something was refused)."""
        self.notice, self.notice_bad, self.notice_time = message, bad, NOTICE_SECONDS
        self.app.dirty = True

    def update(self, dt: float) -> bool:
        """Count down the notice (redraw once when it goes) and the turn timer (redraw when its seconds change)."""
        changed = self.tick_timer()
        if self.notice_time > 0:
            self.notice_time -= dt
            if self.notice_time <= 0:
                self.notice = ""
                return True
        return changed

    def tick_timer(self) -> bool:
        """Count the turn timer down while the students may act; when it runs out, ask the flow to end the turn.
        Returns whether the countdown shown changed."""
        if not self.timed or self.app.match is None:
            return False
        match, timer = self.match, self.app.timer
        shown = timer.label()
        running = not match.teacher.paused and match.decision() is not None
        if timer.tick(match.game.turn, match.teacher.turn_seconds, running=running) and timer.refused_at != len(
            match.log
        ):
            timer.refused_at = len(match.log)  # once per moment: the flow clears it when the turn ends
            self.request(Teach(TimeUp()))
            return True
        return timer.label() != shown

    # ----------------------------------------------------------------- the game
    @property
    def match(self) -> Match:
        """The running match (an in-game screen only exists while there is one)."""
        match = self.app.match
        if match is None:
            raise RuntimeError(tr("an in-game screen needs a running match"))
        return match

    @property
    def game(self) -> Game:
        """The running game."""
        return self.match.game

    def seat_view(self) -> SeatView:
        """What the screen's role may see now (its own objectives, score, proposals and weighings)."""
        return view(self.match, self.role)

    def good_for_me(self, indicator: str) -> str:
        """Which way of ``indicator`` is good news for this screen's role, by its own score (``high``, ``low`` or
        ``neutral``): forecasts are coloured for the person looking, not by a direction shared by every side."""
        game = self.game
        key = (game.turn, len(game.history), tuple(game.state.values.values()))
        if self._directions is None or self._directions[0] != key:
            self._directions = (key, directions(self.match, self.role))
        return self._directions[1].get(indicator, "neutral")

    def say(self, text: Text) -> str:
        """A scenario text in the game's language."""
        return localize(text, self.game.lang)

    # ----------------------------------------------------------------- drawing helpers
    def panel(
        self, surface: pygame.Surface, rect: pygame.Rect, *, focused: bool = False, colour: Colour | None = None
    ) -> None:
        """A rounded panel with a border (the accent colour when it has the keyboard)."""
        palette = self.palette
        radius = self.px(8)
        pygame.draw.rect(surface, colour or palette.panel, rect, border_radius=radius)
        border = palette.accent if focused else palette.border
        pygame.draw.rect(surface, border, rect, width=max(1, self.px(2) if focused else 1), border_radius=radius)

    def more_marks(self, surface: pygame.Surface, area: pygame.Rect, up: bool, down: bool) -> None:
        """Small triangles telling that the list goes on above or below."""
        size = self.px(5)
        x = area.right - self.px(4)
        colour = self.palette.muted
        if up:
            y = area.top - self.px(8)
            pygame.draw.polygon(surface, colour, [(x - size, y + size), (x + size, y + size), (x, y)])
        if down:
            y = area.bottom - self.px(2)
            pygame.draw.polygon(surface, colour, [(x - size, y - size), (x + size, y - size), (x, y)])

    def panel_title(self, surface: pygame.Surface, rect: pygame.Rect, title: str, *, note: str = "") -> int:
        """A panel heading at the top of ``rect`` (with a muted note on the right); returns its height."""
        font = self.font(SMALL + 1, bold=True)
        note_font = self.font(SMALL)
        note_w = textlib.width_of(note_font, note) if note else 0
        title_w = rect.width - (note_w + self.px(8) if note else 0)
        textlib.draw(
            surface,
            title.upper(),
            rect.topleft,
            font=font,
            colour=self.palette.muted,
            max_width=max(self.px(40), title_w),
        )
        if note:
            textlib.draw(
                surface,
                note,
                (rect.right, rect.top + font.get_ascent() - note_font.get_ascent()),
                font=note_font,
                colour=self.palette.muted,
                align="right",
                max_width=rect.width // 2,
            )
        return font.get_linesize() + self.px(6)

    def button_width(self, label: str) -> int:
        """The width a themed button needs for ``label``."""
        return textlib.width_of(theme.font(self.px(BUTTON_FONT)), label) + self.px(28)

    def button_height(self) -> int:
        """The height of a themed button."""
        return theme.font(self.px(BUTTON_FONT)).get_linesize() + self.px(16)

    def flow_buttons(self, labels: Sequence[str], area: pygame.Rect, *, align: str = "right") -> list[pygame.Rect]:
        """Rects for buttons in rows at the bottom of ``area`` (wrapping onto more rows when narrow)."""
        gap = self.px(10)
        height = self.button_height()
        widths = [min(area.width, self.button_width(label)) for label in labels]
        rows: list[list[int]] = [[]]
        used = 0
        for index, width in enumerate(widths):
            if rows[-1] and used + gap + width > area.width:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append(index)
        rects: list[pygame.Rect] = [pygame.Rect(0, 0, 0, 0)] * len(labels)
        y = area.bottom - len(rows) * height - (len(rows) - 1) * gap
        for row in rows:
            total = sum(widths[i] for i in row) + gap * (len(row) - 1)
            x = area.right - total if align == "right" else area.left if align == "left" else area.centerx - total // 2
            for index in row:
                rects[index] = pygame.Rect(x, y, widths[index], height)
                x += widths[index] + gap
            y += height + gap
        return rects

    def buttons_height(self, labels: Sequence[str], width: int) -> int:
        """The height :meth:`flow_buttons` needs for ``labels`` in ``width``."""
        rects = self.flow_buttons(labels, pygame.Rect(0, 0, width, 10_000))
        return 10_000 - min(r.top for r in rects) if rects else 0

    def key_hints(self, hints: Sequence[tuple[str, str]], width: int) -> list[list[tuple[str, str, int]]]:
        """Key hints (key, what it does) flowed into lines of ``width``: each item with its width."""
        key_font, font = self.font(SMALL, bold=True), self.font(SMALL)
        lines: list[list[tuple[str, str, int]]] = [[]]
        used = 0
        for key, what in hints:
            item = textlib.width_of(key_font, key) + self.px(10) + self.px(5) + textlib.width_of(font, what)
            item = min(item, width)
            gap = self.px(16) if lines[-1] else 0
            if lines[-1] and used + gap + item > width:
                lines.append([])
                used, gap = 0, 0
            lines[-1].append((key, what, item))
            used += gap + item
        return lines

    def fit_hints(self, hints: Sequence[tuple[str, str]], width: int, lines: int) -> list[tuple[str, str]]:
        """As many of ``hints`` (most important first) as fit on ``lines`` lines of ``width``."""
        chosen: list[tuple[str, str]] = []
        for hint in hints:
            if len(self.key_hints([*chosen, hint], width)) <= lines:
                chosen.append(hint)
        return chosen

    def key_hints_height(self, hints: Sequence[tuple[str, str]], width: int) -> int:
        """The height :meth:`draw_key_hints` needs."""
        return len(self.key_hints(hints, width)) * self._hint_line()

    def _hint_line(self) -> int:
        return self.font(SMALL).get_linesize() + self.px(8)

    def draw_key_hints(self, surface: pygame.Surface, rect: pygame.Rect, hints: Sequence[tuple[str, str]]) -> None:
        """Key caps with what each key does, left to right, wrapping inside ``rect``."""
        palette = self.palette
        key_font, font = self.font(SMALL, bold=True), self.font(SMALL)
        y = rect.top
        for line in self.key_hints(hints, rect.width):
            x = rect.left
            for key, what, item in line:
                cap_w = textlib.width_of(key_font, key) + self.px(10)
                cap = pygame.Rect(x, y + self.px(2), cap_w, key_font.get_linesize() + self.px(2))
                self.key_cap(surface, cap, key, fill=palette.panel_alt, colour=palette.text)
                textlib.draw(
                    surface,
                    what,
                    (cap.right + self.px(5), y + self.px(3)),
                    font=font,
                    colour=palette.muted,
                    max_width=max(0, item - cap_w - self.px(5)),
                )
                x += item + self.px(16)
            y += self._hint_line()

    def key_cap(
        self, surface: pygame.Surface, cap: pygame.Rect, key: str, *, fill: Colour | None, colour: Colour
    ) -> None:
        """A key's name in a small rounded box, as on a keyboard."""
        if fill is not None:
            pygame.draw.rect(surface, fill, cap, border_radius=self.px(4))
        pygame.draw.rect(surface, self.palette.border, cap, width=1, border_radius=self.px(4))
        key_font = self.font(SMALL, bold=True)
        textlib.draw(surface, key, (cap.centerx, cap.top + self.px(1)), font=key_font, colour=colour, align="center")

    def draw_tabs(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        tabs: Sequence[tuple[str, str]],
        *,
        active: int,
        hover: int = -1,
    ) -> list[pygame.Rect]:
        """A row of tabs (name, key) filling ``rect``; returns each tab's rect for clicks.

        Each tab shows its key in a key cap, or, when that does not fit, underlines the name's first letter.
        """
        palette = self.palette
        gap = self.px(6)
        width = (rect.width - gap * (len(tabs) - 1)) // max(1, len(tabs))
        x = rect.left
        out = []
        for index, (name, key) in enumerate(tabs):
            tab = pygame.Rect(x, rect.top, width, rect.height - gap)
            on = index == active
            fill = palette.panel_alt if on else mix(palette.background, palette.panel, 0.8 if index == hover else 0.45)
            pygame.draw.rect(surface, fill, tab, border_radius=self.px(6))
            if on:
                pygame.draw.rect(surface, palette.accent, (tab.left, tab.bottom - self.px(3), tab.width, self.px(3)))
            self._tab_label(surface, tab, name, key, colour=palette.text if on else palette.muted)
            out.append(tab)
            x += width + gap
        return out

    def _tab_label(self, surface: pygame.Surface, tab: pygame.Rect, name: str, key: str, *, colour: Colour) -> None:
        """A tab's name with its key in a key cap, or, when that does not fit, with the name's first letter
        underlined."""
        palette = self.palette
        font = self.font(BODY, bold=True)
        key_font = self.font(SMALL, bold=True)
        cap_w = textlib.width_of(key_font, key) + self.px(10)
        name_w = textlib.width_of(font, name)
        text_y = tab.centery - font.get_linesize() // 2
        if cap_w + self.px(6) + name_w + self.px(8) <= tab.width:
            left = tab.centerx - (cap_w + self.px(6) + name_w) // 2
            cap = pygame.Rect(
                left,
                tab.centery - key_font.get_linesize() // 2 - self.px(2),
                cap_w,
                key_font.get_linesize() + self.px(2),
            )
            self.key_cap(surface, cap, key, fill=None, colour=palette.muted)
            textlib.draw(surface, name, (cap.right + self.px(6), text_y), font=font, colour=colour)
        else:  # no room for the key cap: underline the name's first letter, which is the key
            drawn = textlib.draw(
                surface,
                name,
                (tab.centerx, text_y),
                font=font,
                colour=colour,
                align="center",
                max_width=tab.width - self.px(8),
            )
            first = textlib.width_of(font, name[0])
            underline_y = drawn.top + font.get_ascent() + self.px(2)
            pygame.draw.line(
                surface, colour, (drawn.left, underline_y), (drawn.left + first, underline_y), max(1, self.px(2))
            )

    def dialog_heading(self, surface: pygame.Surface, inner: pygame.Rect, kicker: str, title: str, height: int) -> None:
        """A dialog's heading at the top of ``inner``: a small kicker line in the accent colour (upper case) and the
        title wrapped below it in ``height`` pixels."""
        palette = self.palette
        small = self.font(SMALL, bold=True)
        textlib.draw(surface, kicker.upper(), inner.topleft, font=small, colour=palette.accent, max_width=inner.width)
        textlib.draw_wrapped(
            surface,
            title,
            pygame.Rect(inner.left, inner.top + small.get_linesize() + self.px(2), inner.width, height),
            font=self.font(HEADING + 4, bold=True),
            colour=palette.text,
        )

    def tab_height(self) -> int:
        """The height of a row of tabs."""
        return self.font(BODY, bold=True).get_linesize() + self.px(14)

    def check_mark(self, surface: pygame.Surface, rect: pygame.Rect, colour: Colour) -> None:
        """A tick drawn with lines (the UI font has no check-mark glyph)."""
        width = max(2, rect.width // 6)
        points = [
            (rect.left + rect.width * 0.18, rect.top + rect.height * 0.55),
            (rect.left + rect.width * 0.42, rect.top + rect.height * 0.78),
            (rect.left + rect.width * 0.84, rect.top + rect.height * 0.25),
        ]
        pygame.draw.lines(surface, colour, False, points, width)
