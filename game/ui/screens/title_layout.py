"""Where the title screen's parts go: the game's name, the tagline, the menu, Continue's explanation, the notice,
the credit line and the free space for the emblem.

On small windows the layout is made more compact step by step (less spacing, a smaller name, fewer lines, two
columns of buttons) until it fits above the credit line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.i18n import N_, tr
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, wrap

GAME_NAME = N_("Common Ground")
TAGLINE = N_("A turn-based game of diplomacy, trade-offs and trust.")
#: The menu's buttons, in their order on screen.
MENU = ("new", "tutorial", "continue", "load", "settings", "quit")
#: The ways to make the layout more compact, tried in this order.
STEPS = ("spacing", "title", "gaps", "credit", "notice", "tagline", "columns", "buttons")


def detail_lines(continue_text: list[str], font: pygame.font.Font, width: int) -> list[str]:
    """Continue's explanation wrapped to ``width``: every word shown, none cut off."""
    return [line for text in continue_text for line in wrap(text, font, width)]


@dataclass
class Options:
    """How compact the layout is: sizes, gaps, how many lines of the credit and the notice, the tagline, columns."""

    title: float
    spacing: int
    gap: int
    button_h: int
    credit_lines: int = 2
    notice_lines: int = 2
    tagline: bool = True
    columns: int = 1


@dataclass
class Placement:
    """The result of placing everything: whether it fits, the name's font size and the areas by name."""

    fits: bool
    title_size: float
    areas: dict[str, pygame.Rect] = field(default_factory=dict)


class TitleLayout:
    """Places the title screen's parts for a window size, the menu's texts, Continue's explanation and a notice."""

    def __init__(
        self,
        screen: MenuScreen,
        size: tuple[int, int],
        button_texts: list[str],
        continue_text: list[str],
        credit: str,
        notice: str,
    ) -> None:
        px = screen.px
        self.screen = screen
        self.width, self.height = size
        self.x = max(px(24), round(self.width * 0.07))
        self.column = self.width - 2 * self.x
        button_font = theme.font(px(BUTTON_SIZE))
        self.line = button_font.get_linesize()
        self.text_w = max(button_font.size(text)[0] for text in button_texts)
        self.button_w = min(max(self.text_w + px(56), px(230)), self.column)
        self.continue_text = continue_text
        self.credit = credit
        self.notice = notice
        self.small = screen.font(14)
        self.notice_font, self.credit_font = screen.font(15), screen.font(13)
        self.options = Options(title=54.0, spacing=px(30), gap=px(10), button_h=max(px(42), self.line + px(10)))

    def fit(self) -> Placement:
        """Place everything, more compactly step by step, until it fits (or no step is left)."""
        steps = list(STEPS)
        while True:
            placement = self.place()
            if placement.fits or not steps:
                return placement
            self.tighten(steps.pop(0))

    def tighten(self, step: str) -> None:
        """Make the layout more compact in one way (one of :data:`STEPS`)."""
        px, options = self.screen.px, self.options
        if step == "spacing":
            options.spacing = px(12)
        elif step == "title":
            options.title = 40.0
        elif step == "gaps":
            options.gap = px(5)
            options.button_h = self.line + px(8)
        elif step == "credit":
            options.credit_lines = 1
        elif step == "notice":
            options.notice_lines = 1
        elif step == "tagline":
            options.tagline = False
        elif step == "columns":
            narrow = min(self.column, self.text_w + px(40))
            if 2 * narrow + px(12) <= self.column:
                options.columns = 2
                self.button_w = narrow
        elif step == "buttons":
            options.title = 32.0

    def title_font(self) -> tuple[float, pygame.font.Font]:
        """The largest size up to the chosen one at which the game's name fits the column, and its font."""
        title_size = float(self.options.title)
        title_font = self.screen.font(title_size, bold=True)
        while title_font.size(tr(GAME_NAME))[0] > self.column and title_size > 20:
            title_size -= 2
            title_font = self.screen.font(title_size, bold=True)
        return title_size, title_font

    def place(self) -> Placement:
        """Place everything with the current options; says whether it fits."""
        px, options = self.screen.px, self.options
        title_size, title_font = self.title_font()
        tagline_h = self.screen.font(17).get_linesize() if options.tagline else 0
        credit_lines = wrap(self.credit, self.credit_font, self.column)[: options.credit_lines]
        credit_h = len(credit_lines) * self.credit_font.get_linesize()
        bottom = self.height - max(px(12), round(self.height * 0.03)) - credit_h
        columns = options.columns

        # Continue's explanation: beside the button when there is room, else under the menu.
        menu_w = self.x + self.button_w * columns + options.gap * (columns - 1) + px(16)
        detail_w = min(px(260), self.width - self.x - menu_w)
        beside = columns == 1 and detail_w >= px(170)
        if not beside:
            detail_w = self.column
        detail_count = len(detail_lines(self.continue_text, self.small, detail_w)) if beside else 1
        detail_h = detail_count * self.small.get_linesize()
        rows = -(-len(MENU) // columns)
        menu_h = rows * options.button_h + (rows - 1) * options.gap + (0 if beside else options.gap + detail_h)
        notice_h = 0
        if self.notice:
            lines = len(wrap(self.notice, self.notice_font, self.column - px(28))[: options.notice_lines])
            notice_h = lines * self.notice_font.get_linesize() + px(14)
        total = title_font.get_linesize() + tagline_h + options.spacing + menu_h
        total += px(12) + notice_h if self.notice else 0
        available = bottom - px(10)
        fits = total <= available - px(8)
        top = max(px(6), (available - total) // 2)

        areas = {"title": pygame.Rect(self.x, top, self.column, title_font.get_linesize())}
        areas["tagline"] = pygame.Rect(self.x, areas["title"].bottom, self.column, tagline_h)
        menu_bottom = self._place_menu(areas, areas["tagline"].bottom + options.spacing)
        if beside:
            centre = areas["continue"].centery
            areas["detail"] = pygame.Rect(areas["continue"].right + px(16), centre - detail_h // 2, detail_w, detail_h)
        else:
            areas["detail"] = pygame.Rect(self.x, menu_bottom + options.gap, detail_w, detail_h)
            menu_bottom = areas["detail"].bottom
        if self.notice:
            areas["notice"] = pygame.Rect(self.x, menu_bottom + px(12), min(self.column, px(720)), notice_h)
        areas["credit"] = pygame.Rect(self.x, bottom, self.column, credit_h)
        areas["free"] = self._free_area(areas, title_font, tagline_h, bottom, beside)
        return Placement(fits, title_size, areas)

    def _place_menu(self, areas: dict[str, pygame.Rect], y: int) -> int:
        """The menu's buttons from ``y``, in rows of ``columns``; returns the menu's bottom."""
        options = self.options
        button_h, gap, columns = options.button_h, options.gap, options.columns
        for index, name in enumerate(MENU):
            col, row = index % columns, index // columns
            areas[name] = pygame.Rect(
                self.x + col * (self.button_w + gap), y + row * (button_h + gap), self.button_w, button_h
            )
        rows = -(-len(MENU) // columns)
        return y + rows * button_h + (rows - 1) * gap

    def _free_area(
        self, areas: dict[str, pygame.Rect], title_font: pygame.font.Font, tagline_h: int, bottom: int, beside: bool
    ) -> pygame.Rect:
        """The space for the emblem: right of everything, above the notice if the notice reaches under it."""
        px = self.screen.px
        tagline_font = self.screen.font(17)
        right = max(
            self.x + title_font.size(tr(GAME_NAME))[0],
            self.x + (tagline_font.size(tr(TAGLINE))[0] if tagline_h else 0),
            areas["quit"].right,
            areas["settings"].right,
            areas["detail"].right if beside else 0,
        ) + px(24)
        free_bottom = bottom - px(8)
        if self.notice and areas["notice"].right > right:
            free_bottom = areas["notice"].top - px(8)
        return pygame.Rect(right, px(8), max(0, self.width - right - self.x // 2), max(0, free_bottom - px(8)))
