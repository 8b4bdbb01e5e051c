"""The list of saves: one row per save (its name, when it was saved, its turn, sides and scenario), scrolled a page
at a time, with a Delete button beside each row."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import tr
from game.saves import SaveInfo
from game.ui import theme
from game.ui.screens.load.role_names import RoleNames
from game.ui.screens.menu_common import MenuScreen, blit_lines, blit_text, draw_panel, draw_scroll_marks, time_ago

NUMBER_KEYS = (
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_5,
    pygame.K_6,
    pygame.K_7,
    pygame.K_8,
    pygame.K_9,
)
#: Makes the command of one save's button from its index in the list.
CommandFactory = Callable[[int], Callable[[], None]]


def empty_text() -> str:
    """What the list says when there is no save."""
    return tr(
        "No saved games yet. The game saves itself at the end of every turn; "
        "you can also save from the pause menu (Esc during a game)."
    )


class SaveList:
    """The rows of saves shown on one page of the list: their buttons, and their texts drawn over them."""

    def __init__(self, screen: MenuScreen, role_names: RoleNames) -> None:
        self.screen = screen
        self.role_names = role_names
        self.rows: list[tuple[int, pygame.Rect]] = []  # (save index, row rect) on screen

    def clear(self) -> None:
        """Forget the rows of the last build (none are shown while a deletion is being confirmed)."""
        self.rows = []

    def row_height(self) -> int:
        """The height of one save's row (a bold line and a small one)."""
        screen = self.screen
        return screen.font(16, bold=True).get_linesize() + screen.font(14).get_linesize() + screen.px(14)

    def build(
        self,
        panel: pygame.Rect,
        saves: list[SaveInfo],
        first: int,
        focus_row: int | None,
        *,
        loader: CommandFactory,
        deleter: CommandFactory,
        widget_keys: dict[tuple[str, int], int],
    ) -> int:
        """The rows that fit in ``panel`` from ``first`` (moved to keep ``focus_row`` in view); the panel shrinks
        to them. Returns the first row shown."""
        self.rows = []
        if not saves:
            return first
        screen = self.screen
        row_h = self.row_height()
        gap = screen.px(6)
        inner = panel.inflate(-2 * screen.px(10), -2 * screen.px(10))
        per_page = max(1, (inner.height + gap) // (row_h + gap))
        first = max(0, min(first, len(saves) - per_page))
        if focus_row is not None:
            if focus_row < first:
                first = focus_row
            elif focus_row >= first + per_page:
                first = focus_row - per_page + 1
        button_font = theme.font(screen.px(14))
        delete_text = tr("Delete")
        delete_w = button_font.size(delete_text)[0] + screen.px(28)
        y = inner.top
        for number, index in enumerate(range(first, min(len(saves), first + per_page))):
            row = pygame.Rect(inner.left, y, inner.width, row_h)
            main = pygame.Rect(row.left, row.top, row.width - delete_w - screen.px(8), row_h)
            widget_keys[("row", index)] = len(screen.focusables)
            screen.button(main, "", loader(index), key=NUMBER_KEYS[number] if number < 9 else None)
            delete = pygame.Rect(main.right + screen.px(8), row.top, delete_w, row_h)
            screen.button(
                delete, delete_text, deleter(index), focusable=False, tooltip=tr("Delete this save (asks first)")
            )
            self.rows.append((index, main))
            y += row_h + gap
        panel.height = y - gap - panel.top + screen.px(10)
        return first

    def draw_panel(self, surface: pygame.Surface, panel: pygame.Rect, saves: list[SaveInfo]) -> None:
        """The list's panel (under the buttons), with the explanation when there is no save."""
        screen = self.screen
        if panel.height > 0:
            draw_panel(surface, screen.palette, panel, screen.px(8))
            if not saves:
                blit_lines(
                    surface,
                    empty_text(),
                    screen.font(16),
                    screen.palette.muted,
                    panel.inflate(-screen.px(40), -screen.px(30)),
                )

    def draw_rows(self, surface: pygame.Surface, saves: list[SaveInfo]) -> None:
        """The text of each save row, drawn over its button."""
        for number, (index, rect) in enumerate(self.rows):
            self._draw_row(surface, saves[index], number, rect)

    def _draw_row(self, surface: pygame.Surface, info: SaveInfo, number: int, rect: pygame.Rect) -> None:
        """One row: its number key, name and time on the first line; turn, sides and scenario on the second."""
        screen = self.screen
        palette, px = screen.palette, screen.px
        bold, small = screen.font(16, bold=True), screen.font(14)
        inner = rect.inflate(-2 * px(14), -2 * px(7))
        key = f"{number + 1}" if number < 9 else ""
        key_w = small.size("9")[0] + px(14) if len(self.rows) > 1 else 0
        if key and key_w:
            blit_text(
                surface, key, small, palette.muted, (inner.left, inner.top + bold.get_linesize() // 2), anchor="midleft"
            )
        left = inner.left + key_w
        when = tr("saved {ago}", ago=time_ago(info.saved_at))
        when_w = small.size(when)[0]
        title_w = inner.right - left - when_w - px(16)
        if title_w < px(80):  # too narrow for both: the time moves to the second line
            when_w, title_w = 0, inner.right - left
        blit_text(surface, info.shown_label or tr("(no name)"), bold, palette.text, (left, inner.top), width=title_w)
        if when_w:
            blit_text(
                surface,
                when,
                small,
                palette.muted,
                (inner.right, inner.top + bold.get_linesize() // 2),
                anchor="midright",
            )
        details = [tr("Turn {turn}", turn=info.turn) + (f", {info.date}" if info.date else "")]
        roles = self.role_names.roles_text(info)
        if roles:
            details.append(roles)
        if not when_w:
            details.append(when)
        details.append(info.scenario_title or info.scenario_id)
        blit_text(
            surface,
            " · ".join(details),
            small,
            palette.muted,
            (left, inner.top + bold.get_linesize()),
            width=inner.right - left,
        )

    def draw_scroll_marks(self, surface: pygame.Surface, panel: pygame.Rect, first: int, count: int) -> None:
        """Tabs on the panel's edges when saves are scrolled out of view."""
        draw_scroll_marks(self.screen, surface, panel, above=first > 0, below=first + len(self.rows) < count)
