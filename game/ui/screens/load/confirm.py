"""The question asked before a save is deleted: a panel with the save's description, Delete [Y] and Keep it [N]."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import tr
from game.saves import SaveInfo
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_lines, draw_panel, time_ago, with_key, wrap


def confirm_text(info: SaveInfo | None) -> str:
    """The question asked before deleting ``info``."""
    if info is None:
        return ""
    return tr(
        "Delete the save “{label}” ({scenario_title}, turn {turn}, saved {time_ago})? This cannot be undone.",
        label=info.shown_label,
        scenario_title=info.scenario_title,
        turn=info.turn,
        time_ago=time_ago(info.saved_at),
    )


class DeleteConfirmation:
    """The panel that asks whether to delete a save; Keep it has the focus, so Enter never deletes by mistake."""

    def __init__(self, screen: MenuScreen) -> None:
        self.screen = screen
        self.panel: pygame.Rect | None = None
        self.text_area = pygame.Rect(0, 0, 0, 0)

    def build(
        self,
        info: SaveInfo,
        area: pygame.Rect,
        button_h: int,
        *,
        confirm: Callable[[], None],
        cancel: Callable[[], None],
    ) -> None:
        """The panel in ``area`` (a third of the way down), its Keep it and Delete buttons and their keys."""
        screen = self.screen
        px = screen.px
        button_font = theme.font(px(BUTTON_SIZE))
        delete_text, keep_text = with_key(tr("Delete"), "Y"), with_key(tr("Keep it"), "N")
        delete_w = button_font.size(delete_text)[0] + px(40)
        keep_w = button_font.size(keep_text)[0] + px(40)
        font = screen.font(16)
        panel_w = min(area.width, max(px(520), delete_w + keep_w + px(60)))
        lines = len(wrap(confirm_text(info), font, panel_w - px(40)))
        lines = min(lines, max(1, (area.height - button_h - px(56)) // font.get_linesize()))
        panel_h = lines * font.get_linesize() + button_h + px(56)
        panel = pygame.Rect(0, 0, panel_w, min(panel_h, max(area.height, button_h + px(40))))
        panel.midtop = (area.centerx, area.top + max(0, (area.height - panel.height) // 3))
        self.panel = panel
        self.text_area = pygame.Rect(
            panel.left + px(20), panel.top + px(18), panel.width - px(40), lines * font.get_linesize()
        )
        y = panel.bottom - px(18) - button_h
        keep = screen.button(
            pygame.Rect(panel.right - px(20) - keep_w, y, keep_w, button_h), keep_text, cancel, key=pygame.K_n
        )
        screen.button(
            pygame.Rect(panel.right - px(32) - keep_w - delete_w, y, delete_w, button_h),
            delete_text,
            confirm,
            key=pygame.K_y,
        )
        screen.shortcuts[pygame.K_ESCAPE] = cancel
        screen.focus(keep)

    def draw(self, surface: pygame.Surface, info: SaveInfo | None) -> None:
        """The panel with a red border and the question about ``info``."""
        if self.panel is None:
            return
        palette = self.screen.palette
        draw_panel(surface, palette, self.panel, self.screen.px(8), border=palette.bad)
        blit_lines(surface, confirm_text(info), self.screen.font(16), palette.text, self.text_area)
