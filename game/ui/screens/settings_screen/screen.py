"""The settings screen: UI scale, fullscreen, palette, animation speed and language, applied at once and kept
between runs.

The screen holds the focus and the scroll position and routes the keys; the rows are drawn by
:class:`~game.ui.screens.settings_screen.rows_panel.SettingRows`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.i18n import language, tr
from game.storage import StorageError
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_text, draw_backdrop, with_key
from game.ui.screens.settings_screen.choices import SCALES, SPEEDS, languages, nearest, rows_for
from game.ui.screens.settings_screen.rows_panel import SettingRows

BACK = (-1, 0)


class SettingsScreen(MenuScreen):
    """Every setting on one page; each change applies immediately (and is saved for the next run).

    Up/Down move between settings, Left/Right between the choices of one setting, Tab through everything. When the
    window is too small for every row, the rows scroll with the keyboard focus (and PgUp/PgDn or the mouse wheel).
    """

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.error = ""
        self.rows_panel = SettingRows(self)
        self.header = pygame.Rect(0, 0, 0, 0)
        self.footer = pygame.Rect(0, 0, 0, 0)
        self.compact = False
        self.note_at: tuple[int, int] | None = None
        self.first_row = 0
        self.visible_rows: range = range(0)
        self.more_above = self.more_below = False
        current = rows_for(app.settings)[0].current
        self.focus_key: tuple[int, int] = (0, current)
        self.widget_keys: dict[tuple[int, int], int] = {}  # focus key -> index in focusables

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """One row per setting: name and explanation on the left, the choices as buttons on the right."""
        width, height = rect.size
        self.compact = height < self.px(470)
        margin = max(self.px(16), round(width * 0.06), (width - self.px(980)) // 2)  # centred on wide windows
        content = pygame.Rect(margin, 0, width - 2 * margin, height)
        heading = self.heading_font()
        top = max(self.px(10), round(height * (0.03 if self.compact else 0.05)))
        subtitle_h = 0 if self.compact else self.font(15).get_linesize()
        self.header = pygame.Rect(margin, top, content.width, heading.get_linesize() + subtitle_h)
        button_font = theme.font(self.px(BUTTON_SIZE))
        button_h = button_font.get_linesize() + self.px(12)
        back_text = with_key(tr("Back"), tr("Esc"))
        back_w = button_font.size(back_text)[0] + self.px(40)
        footer_top = self._place_footer(content, height, button_h, back_w)

        panel_top = self.header.bottom + self.px(12 if self.compact else 18)
        available = footer_top - self.px(12 if self.compact else 20) - panel_top - 2 * self.px(12)
        rows = rows_for(self.app.settings)
        self.widget_keys = {}
        self.rows_panel.build(
            rows,
            content,
            panel_top,
            available,
            compact=self.compact,
            first_row=self.first_row,
            focus_row=self.focus_key[0],
            choose=self._choose,
            widget_keys=self.widget_keys,
        )
        self.visible_rows = self.rows_panel.visible_rows
        self.first_row = self.visible_rows.start
        self.more_above = self.visible_rows.start > 0
        self.more_below = self.visible_rows.stop < len(rows)

        self.widget_keys[BACK] = len(self.focusables)
        self.button(pygame.Rect(margin, footer_top, back_w, button_h), back_text, self.back, key=pygame.K_ESCAPE)
        if self.focus_key not in self.widget_keys:
            self.focus_key = BACK
        self.focus_index = self.widget_keys[self.focus_key]
        self._add_shortcuts()

    def _place_footer(self, content: pygame.Rect, height: int, button_h: int, back_w: int) -> int:
        """The footer: Back, and the key hint beside it when there is room (else under it, or left out).

        Returns the footer's top."""
        note_font = self.font(13)
        note_w = note_font.size(self.note_text())[0]
        margin = content.left
        beside = back_w + self.px(16) + note_w <= content.width
        footer_h = button_h if beside or self.compact else button_h + self.px(8) + note_font.get_linesize()
        footer_top = height - max(self.px(10), round(height * 0.04)) - footer_h
        self.footer = pygame.Rect(margin, footer_top, content.width, footer_h)
        if beside:
            self.note_at = (margin + back_w + self.px(16), footer_top + button_h // 2)
        elif not self.compact:
            self.note_at = (margin, footer_top + button_h + self.px(8) + note_font.get_linesize() // 2)
        else:
            self.note_at = None
        return footer_top

    def _add_shortcuts(self) -> None:
        """- and +: the scale; F: fullscreen; P: the palette; A: animation speed; L: language; PgUp / PgDn: scroll."""
        for key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.shortcuts[key] = lambda: self.step_scale(-1)
        for key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
            self.shortcuts[key] = lambda: self.step_scale(1)
        self.shortcuts[pygame.K_f] = lambda: self.change(fullscreen=not self.app.settings.fullscreen)
        self.shortcuts[pygame.K_p] = lambda: self.change(
            palette="colourblind" if self.app.settings.palette == "standard" else "standard"
        )
        self.shortcuts[pygame.K_a] = self.cycle_speed
        self.shortcuts[pygame.K_l] = self.cycle_language
        self.shortcuts[pygame.K_PAGEUP] = lambda: self.scroll(-1)
        self.shortcuts[pygame.K_PAGEDOWN] = lambda: self.scroll(1)

    def note_text(self) -> str:
        """The line under (or beside) Back."""
        return self.error or tr("Tab / arrows move · Enter chooses · - and + change the scale")

    # ----------------------------------------------------------------- keyboard
    def handle(self, event: pygame.event.Event) -> bool:
        """Arrows move in the grid of choices; the mouse wheel scrolls when not every row fits."""
        if event.type == pygame.MOUSEWHEEL and (self.more_above or self.more_below):
            self.scroll(-1 if event.y > 0 else 1)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            self._sync_focus_key()
            rows = rows_for(self.app.settings)
            row, option = self.focus_key
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                if row >= 0:
                    step = -1 if event.key == pygame.K_LEFT else 1
                    self.focus_key = (row, max(0, min(len(rows[row].options) - 1, option + step)))
            else:
                order = [*range(len(rows)), -1]
                position = order.index(row) + (-1 if event.key == pygame.K_UP else 1)
                target = order[position % len(order)]
                self.focus_key = BACK if target < 0 else (target, rows[target].current)
            self._apply_focus_key()
            return True
        return super().handle(event)

    def move_focus(self, step: int) -> None:
        """Tab order: every choice of every row, then Back (rows scroll into view as the focus reaches them)."""
        self._sync_focus_key()
        rows = rows_for(self.app.settings)
        order = [(r, o) for r, row in enumerate(rows) for o in range(len(row.options))] + [BACK]
        position = order.index(self.focus_key) if self.focus_key in order else 0
        self.focus_key = order[(position + step) % len(order)]
        self._apply_focus_key()

    def scroll(self, step: int) -> None:
        """Show the rows above or below (the focus moves along when it would leave the view)."""
        rows = rows_for(self.app.settings)
        first = max(0, min(len(rows) - 1, self.first_row + step))
        if first == self.first_row:
            return
        self.first_row = first
        if self.focus_key != BACK:
            row = max(first, min(self.focus_key[0], first + max(0, len(self.visible_rows) - 1)))
            if row != self.focus_key[0]:
                self.focus_key = (row, rows[row].current)
        self.rebuild()
        self.app.dirty = True

    # ----------------------------------------------------------------- commands
    def _choose(self, key: tuple[int, int], changes: dict[str, Any]) -> Callable[[], None]:
        def choose() -> None:
            self.focus_key = key
            self.change(**changes)

        return choose

    def change(self, **changes: Any) -> None:
        """Apply new settings now; they are saved for the next run (a failure to save is shown, not raised)."""
        settings = self.app.settings.with_(**changes)
        if settings == self.app.settings:
            return
        self.error = ""
        row = self.focus_key[0]
        if row >= 0:  # a shortcut changed the focused row: the focus follows the new choice
            before, after = rows_for(self.app.settings)[row].current, rows_for(settings)[row].current
            if before != after and self.focus_key[1] == before:
                self.focus_key = (row, after)
        try:
            self.app.apply_settings(settings)
        except (StorageError, OSError) as exc:
            self.error = tr("Applied, but could not be saved for next time: {exc}", exc=exc)
            self.app.rebuild_all()  # apply_settings stopped before rebuilding

    def step_scale(self, step: int) -> None:
        """One UI scale step smaller or larger."""
        index = nearest(SCALES, self.app.settings.ui_scale) + step
        self.change(ui_scale=SCALES[max(0, min(len(SCALES) - 1, index))])

    def cycle_speed(self) -> None:
        """The next animation speed (Fast wraps around to Off)."""
        speeds = tuple(speed for _, speed in SPEEDS)
        index = (nearest(speeds, self.app.settings.animation_speed) + 1) % len(speeds)
        self.change(animation_speed=speeds[index])

    def cycle_language(self) -> None:
        """The next language the interface speaks (the last wraps around to English)."""
        codes = languages()
        active = self.app.settings.language or language()
        index = (codes.index(active) + 1) % len(codes) if active in codes else 0
        self.change(language=codes[index])

    def back(self) -> None:
        """Return to the screen below."""
        self.app.pop()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Heading, the names and explanations of the settings, the palette preview and the footer note."""
        palette = self.palette
        draw_backdrop(surface, palette)
        header = self.header
        blit_text(surface, tr("Settings"), self.heading_font(), palette.text, header.topleft, width=header.width)
        self.draw_subtitle(surface, header, tr("Changes apply at once and are kept for the next time you play."))
        self.rows_panel.draw(surface)
        note_font = self.font(13)
        if self.note_at is not None:
            blit_text(
                surface,
                self.note_text(),
                note_font,
                palette.bad if self.error else palette.muted,
                self.note_at,
                width=self.footer.right - self.note_at[0],
                anchor="midleft",
            )
        self.rows_panel.draw_scroll_marks(surface, above=self.more_above, below=self.more_below)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """A bar under each current choice, so the choice shows even when the focus is elsewhere."""
        self.rows_panel.draw_marks(surface)
