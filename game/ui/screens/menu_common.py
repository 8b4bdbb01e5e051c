"""Shared pieces of the menu screens (title, new game, load, settings, pause): text helpers, a backdrop, and a
screen base class with keyboard-focusable text fields.

Text drawn here is always fitted to the width it is given (ellipsized or wrapped), so no menu text runs off its
box at any window size or UI scale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import pygame
from babel.core import UnknownLocaleError
from babel.dates import format_datetime
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextEntryLine

from game.content.controls import for_drawing
from game.i18n import language, tr
from game.ui import theme
from game.ui.screens.base import Host, Screen
from game.ui.widgets.text import fit

Colour = tuple[int, int, int]

#: Font sizes (design points) of the menu screens.
HEADING_SIZE = 30
SUBTITLE_SIZE = 15
BODY_SIZE = 16
SMALL_SIZE = 14
BUTTON_SIZE = 16  # the theme's button font
BUTTON_HEIGHT = 38
ELLIPSIS = "…"


# ----------------------------------------------------------------------------------------------- text
def ellipsize(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` shortened with an ellipsis so that it fits in ``width`` pixels (an ellipsis alone at worst)."""
    if width <= 0:
        return ""
    return fit(font, text, width) or ELLIPSIS


def wrap(text: str, font: pygame.font.Font, width: int, max_lines: int | None = None) -> list[str]:
    """``text`` broken into lines of at most ``width`` pixels; the last kept line is ellipsized if cut short."""
    lines: list[str] = []
    for paragraph in for_drawing(text).splitlines() or [""]:
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    lines = [ellipsize(line, font, width) for line in lines]  # a single word longer than the width
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[: max(1, max_lines)]
        last = lines[-1]
        while last and font.size(last + ELLIPSIS)[0] > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + ELLIPSIS
    return lines


def blit_text(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    *,
    width: int | None = None,
    anchor: str = "topleft",
) -> pygame.Rect:
    """Draw one line (ellipsized to ``width`` if given) anchored at ``pos``; returns its rect."""
    text = for_drawing(text)  # a save's label may hold anything a person typed into the file
    if width is not None:
        text = ellipsize(text, font, width)
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def blit_lines(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    rect: pygame.Rect,
    *,
    max_lines: int | None = None,
    centre: bool = False,
) -> int:
    """Draw ``text`` wrapped into ``rect`` (as many lines as fit); returns the height used."""
    line_height = font.get_linesize()
    fitting = max(1, rect.height // line_height) if rect.height > 0 else 1
    limit = fitting if max_lines is None else min(max_lines, fitting)
    y = rect.top
    for line in wrap(text, font, rect.width, limit):
        if centre:
            blit_text(surface, line, font, colour, (rect.centerx, y), anchor="midtop")
        else:
            blit_text(surface, line, font, colour, (rect.left, y))
        y += line_height
    return y - rect.top


def with_key(text: str, key: str) -> str:
    """A button text with its shortcut shown: ``New game  [N]``."""
    return f"{text}  [{key}]"


#: How a save's date is shown once it is more than a few hours old (a Babel pattern; month names translated).
DATE_PATTERN = "d MMM y, HH:mm"  # i18n: not shown


def time_ago(when: datetime, now: datetime | None = None) -> str:
    """``just now``, ``5 min ago``, ``3 h ago``, else the local date and time."""
    now = now or datetime.now(UTC)
    seconds = (now - when).total_seconds()
    if 0 <= seconds < 60:
        return tr("just now")
    if 0 <= seconds < 3600:
        return tr("{value} min ago", value=int(seconds // 60))
    if 0 <= seconds < 6 * 3600:
        return tr("{value} h ago", value=int(seconds // 3600))
    try:
        return format_datetime(when.astimezone(), DATE_PATTERN, locale=language())
    except (UnknownLocaleError, ValueError):  # a language Babel does not know: its dates as in English
        return format_datetime(when.astimezone(), DATE_PATTERN, locale="en")


# ----------------------------------------------------------------------------------------------- drawing
@lru_cache(maxsize=8)
def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> pygame.Surface:
    width, height = size
    strip = pygame.Surface((1, 64))
    for y in range(64):
        t = y / 63
        strip.set_at((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return pygame.transform.smoothscale(strip, (max(1, width), max(1, height)))


def lighten(colour: Colour, amount: float) -> Colour:
    """``colour`` moved towards white by ``amount`` (0..1)."""
    r, g, b = (round(c + (255 - c) * amount) for c in colour)
    return (r, g, b)


def darken(colour: Colour, amount: float) -> Colour:
    """``colour`` moved towards black by ``amount`` (0..1)."""
    r, g, b = (round(c * (1 - amount)) for c in colour)
    return (r, g, b)


def draw_backdrop(surface: pygame.Surface, palette: theme.Palette) -> None:
    """The calm background of every menu: a soft vertical gradient of the palette's background."""
    surface.blit(
        _gradient(surface.get_size(), lighten(palette.background, 0.04), darken(palette.background, 0.25)), (0, 0)
    )


def draw_panel(
    surface: pygame.Surface,
    palette: theme.Palette,
    rect: pygame.Rect,
    radius: int,
    *,
    alt: bool = False,
    border: Colour | None = None,
) -> None:
    """A rounded panel with a one-pixel border."""
    pygame.draw.rect(surface, palette.panel_alt if alt else palette.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, border or palette.border, rect, width=1, border_radius=radius)


def draw_scroll_marks(screen: Screen, surface: pygame.Surface, panel: pygame.Rect, *, above: bool, below: bool) -> None:
    """Tabs on a panel's top and bottom edges saying that more rows are scrolled out of view."""
    font = screen.font(13)
    size = screen.px(6)
    palette = screen.palette
    for flag, up, text in ((above, True, tr("more above · PgUp")), (below, False, tr("more below · PgDn"))):
        if not flag:
            continue
        y = panel.top if up else panel.bottom
        label = font.render(text, True, palette.muted)
        box = label.get_rect(midright=(panel.right - screen.px(14), y))
        backing = box.inflate(screen.px(16), screen.px(4))
        backing.width += screen.px(22)
        backing.left -= screen.px(22)
        pygame.draw.rect(surface, palette.panel_alt, backing, border_radius=screen.px(6))
        pygame.draw.rect(surface, palette.border, backing, width=1, border_radius=screen.px(6))
        surface.blit(label, box)
        cx, cy = backing.left + screen.px(14), y
        points = (
            [(cx - size, cy + size // 2), (cx + size, cy + size // 2), (cx, cy - size // 2 - 1)]
            if up
            else [(cx - size, cy - size // 2), (cx + size, cy - size // 2), (cx, cy + size // 2 + 1)]
        )
        pygame.draw.polygon(surface, palette.muted, points)


# ----------------------------------------------------------------------------------------------- fields
class Field(UITextEntryLine):
    """A one-line text entry that takes part in the screen's keyboard focus ring (Tab reaches it)."""

    def select(self) -> None:
        """Keyboard focus arrived: start editing."""
        if not self.is_focused:
            self.ui_manager.set_focus_set(self)
            self.set_text(self.text)  # puts the cursor at the end (unfocus() left it at the start)

    def unselect(self) -> None:
        """Keyboard focus left: stop editing."""
        if self.is_focused:
            self.ui_manager.set_focus_set(None)


class MenuScreen(Screen):
    """A screen with text fields: while a field is being edited, keys type into it instead of running shortcuts.

    In a field, Tab / Shift+Tab / Up / Down move on, Enter runs the field's command, Esc stops editing.
    Subclasses create fields with :meth:`field` in ``build``; the typed text survives rebuilds.
    """

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.fields: dict[str, Field] = {}
        self.field_text: dict[str, str] = {}
        self.escape_focus: Callable[[], None] | None = None  # where Esc in a field sends the focus
        self.placeholders: dict[str, str] = {}
        self._list_themed = False
        self.focus_key: Any = None
        self.widget_keys: dict[Any, int] = {}

    def heading_font(self) -> pygame.font.Font:
        """The font of the screen's title (smaller on compact layouts)."""
        return self.font(24 if getattr(self, "compact", False) else 30, bold=True)

    def draw_header(self, surface: pygame.Surface, title: str) -> pygame.Rect | None:
        """The backdrop and the screen's title in its ``header`` area; the area, or None before the first build."""
        draw_backdrop(surface, self.palette)
        header: pygame.Rect | None = getattr(self, "areas", {}).get("header")
        if header is not None:
            blit_text(surface, title, self.heading_font(), self.palette.text, header.topleft, width=header.width)
        return header

    def draw_subtitle(self, surface: pygame.Surface, header: pygame.Rect, text: str) -> None:
        """The muted line under the screen's title (left out on compact layouts)."""
        if not getattr(self, "compact", False):
            top = header.top + self.heading_font().get_linesize()
            blit_text(surface, text, self.font(15), self.palette.muted, (header.left, top), width=header.width)

    def _sync_focus_key(self) -> None:
        """Remember which control has the focus (``focus_key``), to find it again after a rebuild.

        Screens that use it keep ``widget_keys`` (control key -> index in ``focusables``) and ``focus_key``.
        """
        for key, index in self.widget_keys.items():
            if index == self.focus_index:
                self.focus_key = key
                return

    def _apply_focus_key(self) -> None:
        """Put the focus on ``focus_key``'s control, rebuilding when it is not on screen (scrolled away)."""
        if self.focus_key in self.widget_keys:
            self.focus_index = self.widget_keys[self.focus_key]
            self._show_focus()
        else:
            self.rebuild()
        self.app.dirty = True

    def rebuild(self) -> None:
        """Remember what was typed, then rebuild the widgets."""
        for name, widget in self.fields.items():
            self.field_text[name] = widget.get_text()
        self.fields = {}
        self._list_themed = False
        super().rebuild()

    def field(
        self,
        name: str,
        rect: pygame.Rect,
        command: Callable[[], None],
        *,
        placeholder: str = "",
        digits_only: bool = False,
        limit: int | None = None,
    ) -> Field:
        """A focusable text field; Enter in it runs ``command``."""
        assert self.manager is not None
        if not self.fields:
            self._theme_fields()
        # pygame_gui draws a placeholder in the text colour, like typed text: ours is drawn muted (draw_overlay)
        widget = Field(rect, self.manager, initial_text=self.field_text.get(name, ""))
        self.placeholders[name] = placeholder
        if digits_only:
            widget.set_allowed_characters("numbers")
        if limit is not None:
            widget.set_text_length_limit(limit)
        self.fields[name] = widget
        focusables: list[Any] = self.focusables  # a Field has select/unselect like a button
        focusables.append(widget)
        self.commands[id(widget)] = command
        return widget

    def list_item_id(self, *, chosen: bool = False) -> ObjectID:
        """The object id of a left-aligned list button (``chosen`` ones in the primary colours)."""
        assert self.manager is not None
        if not self._list_themed:
            self._list_themed = True
            theme_data: dict[str, Any] = {
                "misc": {"text_horiz_alignment": "left", "text_horiz_alignment_padding": str(self.px(14))},
            }
            self.manager.get_theme().update_single_element_theming("@list_item", theme_data)  # type: ignore[arg-type]
        return ObjectID(object_id="#primary" if chosen else None, class_id="@list_item")

    def _theme_fields(self) -> None:
        """Give text fields the scaled font and shape of the buttons.

        ``assets/theme.json`` has no ``text_entry_line`` block and pygame_gui reads only colours from ``defaults``,
        so without this a field keeps pygame_gui's unscaled 14 px font at every UI scale.
        """
        assert self.manager is not None
        theme_data: dict[str, Any] = {
            "font": theme.font_block(str(self.px(BUTTON_SIZE))),
            "misc": {
                "shape": "rounded_rectangle",
                "shape_corner_radius": str(max(1, self.px(6))),
                "border_width": str(max(1, self.px(1))),
                "padding": f"{self.px(8)},{self.px(4)}",
            },
        }
        self.manager.get_theme().update_single_element_theming("text_entry_line", theme_data)  # type: ignore[arg-type]

    def text_of(self, name: str) -> str:
        """The current text of a field (also when its widgets are not built)."""
        widget = self.fields.get(name)
        return widget.get_text() if widget is not None else self.field_text.get(name, "")

    def set_text_of(self, name: str, text: str) -> None:
        """Replace the text of a field."""
        self.field_text[name] = text
        widget = self.fields.get(name)
        if widget is not None:
            widget.set_text(text)

    def editing(self) -> Field | None:
        """The field being edited, if any."""
        for widget in self.fields.values():
            if widget.is_focused:
                return widget
        return None

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The placeholders of empty fields that are not being edited, in the muted colour."""
        font = self.font(BUTTON_SIZE)
        for name, widget in self.fields.items():
            hint = self.placeholders.get(name)
            if hint and not widget.get_text() and not widget.is_focused and widget.visible:
                rect = pygame.Rect(widget.get_abs_rect())
                blit_text(
                    surface,
                    hint,
                    font,
                    self.palette.muted,
                    (rect.left + self.px(10), rect.centery),
                    width=rect.width - self.px(20),
                    anchor="midleft",
                )

    def handle(self, event: pygame.event.Event) -> bool:
        """Keys go to the field being edited, except those that leave it."""
        widget = self.editing()
        if widget is not None and event.type == pygame.KEYDOWN:
            focusables: list[Any] = self.focusables
            if widget in focusables:
                self.focus_index = focusables.index(widget)
            if event.key in (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN):
                return super().handle(event)
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                command = self.commands.get(id(widget))
                if command is not None:
                    command()
                return True
            if event.key == pygame.K_ESCAPE:
                widget.unselect()
                if self.escape_focus is not None:
                    self.escape_focus()
                return True
            return False  # typing, Backspace, Left/Right, Home/End, Ctrl+A/C/V: the field's own keys
        return super().handle(event)
