"""What the console's dialogs share: a centred panel over the game with a title, a line saying how things stand,
a message line, and a row of buttons at the bottom. The turn timer does not count while one is open."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import N_, tr
from game.table import Match
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_lines, blit_text, draw_panel, with_key, wrap

#: One button of a row: its label, its key name (shown), its key code, what it does.
ButtonSpec = tuple[str, str, int, Callable[[], None]]


class ConsoleDialog(MenuScreen):
    """A dialog of the teacher's console: :meth:`frame` lays out the panel, :meth:`button_row` its buttons."""

    modal = True
    title = N_("Teacher's console")

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.areas: dict[str, pygame.Rect] = {}
        self.status = ""
        self.status_bad = False

    @property
    def match(self) -> Match:
        """The running match (the console only opens over one)."""
        match = self.app.match
        if match is None:
            raise RuntimeError(tr("the teacher's console needs a running game"))
        return match

    # ----------------------------------------------------------------- the turn timer stands still
    def on_enter(self) -> None:
        """Stop the turn timer's count while the dialog is open."""
        self.app.timer.hold()

    def update(self, dt: float) -> bool:
        """Keep the turn timer still."""
        self.app.timer.hold()
        return False

    # ----------------------------------------------------------------- layout
    def button_h(self) -> int:
        """The height of a button at this scale."""
        return theme.font(self.px(BUTTON_SIZE)).get_linesize() + self.px(12)

    def button_w(self, text: str) -> int:
        """The width of a button showing ``text``."""
        return theme.font(self.px(BUTTON_SIZE)).size(text)[0] + self.px(36)

    def frame(self, rect: pygame.Rect, width: int, height: int) -> pygame.Rect:
        """The panel (at most ``width`` x ``height`` design pixels, within the window) and its header; returns the
        inner area under the header."""
        margin = self.px(12)
        panel = pygame.Rect(
            0, 0, min(rect.width - 2 * margin, self.px(width)), min(rect.height - 2 * margin, self.px(height))
        )
        panel.center = rect.center
        pad = self.px(14 if panel.height < self.px(420) else 20)
        heading, small = self.font(22, bold=True), self.font(14)
        header = pygame.Rect(
            panel.left + pad, panel.top + pad, panel.width - 2 * pad, heading.get_linesize() + small.get_linesize()
        )
        self.areas = {"panel": panel, "header": header}
        return pygame.Rect(
            header.left, header.bottom + self.px(8), header.width, panel.bottom - pad - header.bottom - self.px(8)
        )

    def button_row(self, inner: pygame.Rect, specs: list[ButtonSpec]) -> pygame.Rect:
        """The buttons along the bottom of ``inner``, right-aligned, with the message line left of them; returns
        the area left above."""
        height, gap = self.button_h(), self.px(10)
        labels = [with_key(text, key_name) for text, key_name, _, _ in specs]
        x = inner.right - sum(self.button_w(label) + gap for label in labels) + gap
        status_right = x - gap
        for label, (_, _, key, command) in zip(labels, specs, strict=True):  # made left to right: the focus order
            width = self.button_w(label)
            self.button(pygame.Rect(x, inner.bottom - height, width, height), label, command, key=key)
            x += width + gap
        self.areas["status"] = pygame.Rect(inner.left, inner.bottom - height, status_right - inner.left, height)
        return pygame.Rect(inner.left, inner.top, inner.width, inner.height - height - self.px(10))

    def focused_on(self, widget: object) -> bool:
        """Whether the keyboard focus is on ``widget``."""
        return 0 <= self.focus_index < len(self.focusables) and self.focusables[self.focus_index] is widget

    def say(self, message: str, *, bad: bool = False) -> None:
        """Show ``message`` on the message line."""
        self.status, self.status_bad = message, bad
        self.app.dirty = True

    def close(self) -> None:
        """Close the dialog (back to what is under it)."""
        self.app.pop()

    # ----------------------------------------------------------------- drawing
    def subtitle(self) -> str:
        """The line under the title."""
        return self.match.turn_label

    def draw_background(self, surface: pygame.Surface) -> None:
        """The panel, the title, the subtitle and the message; :meth:`draw_body` adds the rest."""
        panel = self.areas.get("panel")
        if panel is None:
            return
        palette = self.palette
        draw_panel(surface, palette, panel, self.px(12), border=palette.accent)
        header = self.areas["header"]
        heading = self.font(22, bold=True)
        blit_text(surface, tr(self.title), heading, palette.text, header.topleft, width=header.width)
        blit_text(
            surface,
            self.subtitle(),
            self.font(14),
            palette.muted,
            (header.left, header.top + heading.get_linesize()),
            width=header.width,
        )
        status = self.areas.get("status")
        if status is not None and self.status:
            font = self.font(14)
            lines = len(wrap(self.status, font, status.width))
            area = status.copy()
            area.top = max(status.top, status.centery - lines * font.get_linesize() // 2)
            blit_lines(surface, self.status, font, palette.bad if self.status_bad else palette.good, area)
        self.draw_body(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        """The dialog's own drawing. Override."""
