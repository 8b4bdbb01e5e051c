"""The files of the saves folder that could not be read, listed apart under the saves with the reason for each."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.i18n import tr, tr_n
from game.saves import SaveError, saves_dir
from game.ui.screens.menu_common import MenuScreen, blit_text


def folder_name() -> str:
    """The saves folder as text (or a plain description when it cannot be made)."""
    try:
        return str(saves_dir())
    except SaveError:
        return tr("the saves folder")


class RefusedFiles:
    """The box of unreadable files: a few lines at the bottom of the screen, then "and N more"."""

    def __init__(self, screen: MenuScreen) -> None:
        self.screen = screen
        self.area: pygame.Rect | None = None
        self.lines = 0  # files listed by name
        self.more = False  # an "and N more" line follows them

    def place(
        self,
        refused: list[tuple[Path, str]],
        left: int,
        width: int,
        top: int,
        footer_top: int,
        *,
        row_h: int,
        compact: bool,
    ) -> int:
        """Size the box above ``footer_top``, leaving room under ``top`` for two rows of saves ``row_h`` high;
        returns the bottom of the room left for the list of saves."""
        screen = self.screen
        small = screen.font(13)
        self.lines = 0
        self.area = None
        self.more = False
        if not refused:
            return footer_top - screen.px(16)
        spare = footer_top - top - screen.px(40) - 2 * row_h - screen.px(20)
        fit = max(1, spare // small.get_linesize() - 1)
        self.lines = min(len(refused), fit, 1 if compact else 3)
        self.more = len(refused) > self.lines and self.lines < fit
        refused_h = (1 + self.lines + self.more) * small.get_linesize() + screen.px(16)
        self.area = pygame.Rect(left, footer_top - screen.px(12) - refused_h, width, refused_h)
        return self.area.top - screen.px(16)

    def draw(self, surface: pygame.Surface, refused: list[tuple[Path, str]]) -> None:
        """The box: how many files, each file's name and reason, and how many more there are."""
        area = self.area
        if area is None or not refused:
            return
        screen = self.screen
        palette, px = screen.palette, screen.px
        small = screen.font(13)
        bold = screen.font(13, bold=True)
        pygame.draw.rect(surface, palette.panel, area, border_radius=px(6))
        pygame.draw.rect(surface, palette.bad, (area.left, area.top, px(4), area.height), border_radius=px(2))
        x = area.left + px(16)
        y = area.top + px(8)
        width = area.width - px(30)
        count = len(refused)
        blit_text(
            surface,
            tr_n(
                "{n} file could not be read (the other saves are not affected):",
                "{n} files could not be read (the other saves are not affected):",
                count,
            ),
            bold,
            palette.text,
            (x, y),
            width=width,
        )
        y += small.get_linesize()
        for path, reason in refused[: self.lines]:
            name = path.name or str(path)
            label = blit_text(surface, name, bold, palette.muted, (x, y), width=width // 3)
            blit_text(surface, "  " + reason, small, palette.muted, (label.right, y), width=x + width - label.right)
            y += small.get_linesize()
        if self.more:
            blit_text(
                surface,
                tr("and {value} more in {folder_name}", value=count - self.lines, folder_name=folder_name()),
                small,
                palette.muted,
                (x, y),
                width=width,
            )
