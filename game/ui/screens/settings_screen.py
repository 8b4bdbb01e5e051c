"""The settings screen: UI scale, fullscreen, palette and animation speed, applied at once and kept between runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.storage import StorageError
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import (
    BUTTON_SIZE,
    MenuScreen,
    blit_lines,
    blit_text,
    draw_backdrop,
    draw_panel,
    draw_scroll_marks,
    with_key,
    wrap,
)

if TYPE_CHECKING:
    from game.settings import Settings

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
SPEEDS = (("Off", 0.0), ("Slow", 0.5), ("Normal", 1.0), ("Fast", 2.0))


@dataclass(frozen=True)
class Row:
    """One setting: its name, what it does, its shortcut and its choices (text, settings changes)."""

    name: str
    description: str
    key_hint: str
    options: tuple[tuple[str, dict[str, Any]], ...]
    current: int


def nearest(values: tuple[float, ...], value: float) -> int:
    """The index of the value closest to ``value``."""
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def rows_for(settings: Settings) -> list[Row]:
    """The rows of the screen for the current settings."""
    return [
        Row(
            "UI scale",
            "Size of all text and buttons. Larger sizes suit projectors and big rooms.",
            "- / +",
            tuple((f"{round(s * 100)}%", {"ui_scale": s}) for s in SCALES),
            nearest(SCALES, settings.ui_scale),
        ),
        Row(
            "Display",
            "Fill the whole screen, or play in a window you can resize.",
            "F",
            (("Window", {"fullscreen": False}), ("Fullscreen", {"fullscreen": True})),
            int(settings.fullscreen),
        ),
        Row(
            "Colours",
            "The colour-blind-safe palette shows good and bad changes in blue and orange.",
            "P",
            (("Standard", {"palette": "standard"}), ("Colour-blind safe", {"palette": "colourblind"})),
            0 if settings.palette == "standard" else 1,
        ),
        Row(
            "Animations",
            "How fast gauges move to their new values after a turn. Off shows them at once.",
            "A",
            tuple((name, {"animation_speed": speed}) for name, speed in SPEEDS),
            nearest(tuple(speed for _, speed in SPEEDS), settings.animation_speed),
        ),
    ]


BACK = (-1, 0)


class SettingsScreen(MenuScreen):
    """Every setting on one page; each change applies immediately (and is saved for the next run).

    Up/Down move between settings, Left/Right between the choices of one setting, Tab through everything. When the
    window is too small for every row, the rows scroll with the keyboard focus (and PgUp/PgDn or the mouse wheel).
    """

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.error = ""
        self.layout: list[tuple[Row, pygame.Rect, bool]] = []  # row, label area, show the palette swatches
        self.current_marks: list[pygame.Rect] = []
        self.header = pygame.Rect(0, 0, 0, 0)
        self.footer = pygame.Rect(0, 0, 0, 0)
        self.panel = pygame.Rect(0, 0, 0, 0)
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
        pad = self.px(28)
        gap = self.px(8)
        name_font, text_font = self.font(17, bold=True), self.font(14)
        rows = rows_for(self.app.settings)

        def options_width(row: Row) -> int:
            return sum(button_font.size(text)[0] + pad for text, _ in row.options) + gap * (len(row.options) - 1)

        inner = content.inflate(-2 * self.px(16), 0)
        widest_options = max(options_width(row) for row in rows)
        label_w = min(max(self.px(220), inner.width - widest_options - self.px(24)), self.px(420))
        side_by_side = label_w + self.px(24) + widest_options <= inner.width

        # The footer: Back, and the key hint beside it when there is room (else under it, or left out).
        back_text = with_key("Back", "Esc")
        back_w = button_font.size(back_text)[0] + self.px(40)
        note_font = self.font(13)
        note_w = note_font.size(self.note_text())[0]
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

        panel_top = self.header.bottom + self.px(12 if self.compact else 18)
        available = footer_top - self.px(12 if self.compact else 20) - panel_top - 2 * self.px(12)

        def row_height(lines: int) -> int:
            label_h = name_font.get_linesize() + lines * text_font.get_linesize()
            if side_by_side:
                return max(label_h, button_h)
            return label_h + self.px(6) + button_h

        def desc_width(row: Row) -> int:
            if not side_by_side:
                return inner.width
            return max(label_w, min(self.px(560), inner.width - options_width(row) - self.px(32)))

        widths = {row.name: desc_width(row) for row in rows}
        lines = {row.name: len(wrap(row.description, text_font, widths[row.name])) for row in rows}
        row_gap = self.px(18)
        # Too tall: tighten the gaps, shorten the explanations to one line, drop them, then scroll the rows.
        for attempt in range(3):
            total = sum(row_height(lines[row.name]) for row in rows) + row_gap * (len(rows) - 1)
            if total <= available:
                break
            if attempt == 0:
                row_gap = self.px(10)
            elif attempt == 1:
                lines = {name: min(1, count) for name, count in lines.items()}
                if self.compact:
                    lines = dict.fromkeys(lines, 0)
            else:
                lines = dict.fromkeys(lines, 0)
        heights = [row_height(lines[row.name]) for row in rows]
        self.visible_rows = self._fit_rows(heights, row_gap, available)
        shown = sum(heights[i] for i in self.visible_rows) + row_gap * max(0, len(self.visible_rows) - 1)
        self.panel = pygame.Rect(margin, panel_top, content.width, shown + 2 * self.px(12))
        self.more_above = self.visible_rows.start > 0
        self.more_below = self.visible_rows.stop < len(rows)

        y = self.panel.top + self.px(12)
        self.layout = []
        self.current_marks = []
        self.widget_keys = {}
        for row_index in self.visible_rows:
            row = rows[row_index]
            row_h = heights[row_index]
            label_h = name_font.get_linesize() + lines[row.name] * text_font.get_linesize()
            if side_by_side:
                label = pygame.Rect(inner.left, y + (row_h - label_h) // 2, widths[row.name], label_h)
                x = inner.right - options_width(row)
                button_y = y + (row_h - button_h) // 2
            else:
                label = pygame.Rect(inner.left, y, inner.width, label_h)
                x = inner.left
                button_y = y + label_h + self.px(6)
            for index, (text, changes) in enumerate(row.options):
                button_w = button_font.size(text)[0] + pad
                button_rect = pygame.Rect(x, button_y, button_w, button_h)
                self.widget_keys[(row_index, index)] = len(self.focusables)
                self.button(
                    button_rect,
                    text,
                    self._choose((row_index, index), changes),
                    object_id="#primary" if index == row.current else None,
                )
                if index == row.current:
                    self.current_marks.append(button_rect)
                x += button_w + gap
            self.layout.append((row, label, row.name == "Colours"))
            y += row_h + row_gap

        self.widget_keys[BACK] = len(self.focusables)
        self.button(pygame.Rect(margin, footer_top, back_w, button_h), back_text, self.back, key=pygame.K_ESCAPE)
        if self.focus_key not in self.widget_keys:
            self.focus_key = BACK
        self.focus_index = self.widget_keys[self.focus_key]
        for key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.shortcuts[key] = lambda: self.step_scale(-1)
        for key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
            self.shortcuts[key] = lambda: self.step_scale(1)
        self.shortcuts[pygame.K_f] = lambda: self.change(fullscreen=not self.app.settings.fullscreen)
        self.shortcuts[pygame.K_p] = lambda: self.change(
            palette="colourblind" if self.app.settings.palette == "standard" else "standard"
        )
        self.shortcuts[pygame.K_a] = self.cycle_speed
        self.shortcuts[pygame.K_PAGEUP] = lambda: self.scroll(-1)
        self.shortcuts[pygame.K_PAGEDOWN] = lambda: self.scroll(1)

    def _fit_rows(self, heights: list[int], gap: int, available: int) -> range:
        """The rows that fit, starting at ``first_row`` and moved so that the focused row is among them."""
        count = len(heights)

        def fitting_from(first: int) -> int:
            used, stop = 0, first
            while stop < count and used + heights[stop] + (gap if stop > first else 0) <= available:
                used += heights[stop] + (gap if stop > first else 0)
                stop += 1
            return max(stop, first + 1)

        first = max(0, min(self.first_row, count - 1))
        focus_row = self.focus_key[0]
        if focus_row >= 0 and focus_row < first:
            first = focus_row
        while focus_row >= 0 and focus_row >= fitting_from(first):
            first += 1
        while first > 0 and fitting_from(first - 1) >= fitting_from(first) and fitting_from(first - 1) == count:
            first -= 1  # a larger window shows the rows above again
        self.first_row = first
        return range(first, fitting_from(first))

    def note_text(self) -> str:
        """The line under (or beside) Back."""
        return self.error or "Tab / arrows move · Enter chooses · - and + change the scale"

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
            self.error = f"Applied, but could not be saved for next time: {exc}"
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

    def back(self) -> None:
        """Return to the screen below."""
        self.app.pop()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Heading, the names and explanations of the settings, the palette preview and the footer note."""
        palette = self.palette
        draw_backdrop(surface, palette)
        header = self.header
        heading = self.heading_font()
        blit_text(surface, "Settings", heading, palette.text, header.topleft, width=header.width)
        if not self.compact:
            blit_text(
                surface,
                "Changes apply at once and are kept for the next time you play.",
                self.font(15),
                palette.muted,
                (header.left, header.top + heading.get_linesize()),
                width=header.width,
            )
        draw_panel(surface, palette, self.panel, self.px(8))
        name_font, text_font = self.font(17, bold=True), self.font(14)
        for row, label, swatches in self.layout:
            title = blit_text(surface, row.name, name_font, palette.text, label.topleft, width=label.width)
            hint = f"[{row.key_hint}]"
            if title.right + self.px(10) + text_font.size(hint)[0] <= label.right:
                blit_text(
                    surface,
                    hint,
                    text_font,
                    palette.muted,
                    (title.right + self.px(10), title.centery),
                    anchor="midleft",
                )
                left = title.right + self.px(22) + text_font.size(hint)[0]
                if swatches and left + 3 * self.px(18) <= label.right:
                    for index, colour in enumerate((palette.good, palette.bad, palette.accent)):
                        box = pygame.Rect(
                            left + index * self.px(18), title.centery - self.px(7), self.px(14), self.px(14)
                        )
                        pygame.draw.rect(surface, colour, box, border_radius=self.px(3))
            description = pygame.Rect(label.left, title.bottom, label.width, label.bottom - title.bottom)
            if description.height >= text_font.get_linesize():
                blit_lines(surface, row.description, text_font, palette.muted, description)
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
        draw_scroll_marks(self, surface, self.panel, above=self.more_above, below=self.more_below)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """A bar under each current choice, so the choice shows even when the focus is elsewhere."""
        for rect in self.current_marks:
            bar = pygame.Rect(
                rect.left + self.px(10), rect.bottom + self.px(2), rect.width - self.px(20), max(2, self.px(3))
            )
            pygame.draw.rect(surface, self.palette.accent, bar, border_radius=max(1, self.px(1)))
