"""The Load screen: every save, newest first; the files that cannot be read listed apart with the reason.

The screen holds the saves, the focus and the page, and routes the keys; its parts are drawn by the list of saves
(:class:`~game.ui.screens.load.save_list.SaveList`), the box of unreadable files
(:class:`~game.ui.screens.load.refused.RefusedFiles`) and the question before deleting
(:class:`~game.ui.screens.load.confirm.DeleteConfirmation`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.i18n import tr, tr_n
from game.persistence import load_match
from game.saves import SaveError, SaveInfo, delete_save, list_saves
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.load.confirm import DeleteConfirmation, confirm_text
from game.ui.screens.load.refused import RefusedFiles
from game.ui.screens.load.role_names import RoleNames
from game.ui.screens.load.save_list import SaveList, empty_text
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_lines, blit_text, with_key, wrap
from game.ui.screens.results import Resume

BACK = ("back", 0)


class LoadScreen(MenuScreen):
    """Choose a save to continue (Enter or its number), or delete one (Del, then confirm)."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.saves: list[SaveInfo] = []
        self.refused: list[tuple[Path, str]] = []
        self.role_names = RoleNames()
        self.error = ""
        self.notice = ""
        self.confirming: SaveInfo | None = None
        self.first = 0
        self.focus_key: tuple[str, int] = ("row", 0)
        self.widget_keys: dict[tuple[str, int], int] = {}
        self.areas: dict[str, pygame.Rect] = {}
        self.compact = False
        self.save_list = SaveList(self, self.role_names)
        self.refused_box = RefusedFiles(self)
        self.confirmation = DeleteConfirmation(self)
        self.refresh()

    # ----------------------------------------------------------------- data
    def refresh(self) -> None:
        """Read the saves folder again."""
        self.saves, self.refused = list_saves()
        if not self.saves and self.focus_key != BACK:
            self.focus_key = BACK
        elif self.focus_key[0] == "row":
            self.focus_key = ("row", min(self.focus_key[1], len(self.saves) - 1))

    @property
    def rows(self) -> list[tuple[int, pygame.Rect]]:
        """(save index, row rect) of the saves shown on the current page."""
        return self.save_list.rows

    def roles_text(self, info: SaveInfo) -> str:
        """``You: United States · Computer (Standard): Cambodia``; ``People: United States, Cambodia`` for a
        hot-seat game."""
        return self.role_names.roles_text(info)

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Heading, a notice, the list of saves (scrolled with the focus), the refused files, and Back."""
        width, height = rect.size
        self.compact = height < self.px(470)
        margin = max(self.px(16), round(width * 0.06), (width - self.px(1040)) // 2)  # centred on wide windows
        content = pygame.Rect(margin, 0, width - 2 * margin, height)
        heading = self.heading_font()
        subtitle_h = 0 if self.compact else self.font(15).get_linesize()
        top = max(self.px(10), round(height * (0.03 if self.compact else 0.05)))
        self.areas = {"header": pygame.Rect(margin, top, content.width, heading.get_linesize() + subtitle_h)}
        button_font = theme.font(self.px(BUTTON_SIZE))
        button_h = button_font.get_linesize() + self.px(12)
        footer_top = height - max(self.px(10), round(height * 0.04)) - button_h
        self.widget_keys = {}
        self.save_list.clear()
        y = self._place_notice(content, self.areas["header"].bottom + self.px(10 if self.compact else 16))

        if self.confirming is not None:
            area = pygame.Rect(margin, y, content.width, footer_top - y - self.px(12))
            self.confirmation.build(
                self.confirming, area, button_h, confirm=self.confirm_delete, cancel=self.cancel_delete
            )
            return

        # The refused files take a few lines at the bottom; the saves get the rest.
        row_h = self.save_list.row_height()
        list_bottom = self.refused_box.place(
            self.refused, margin, content.width, y, footer_top, row_h=row_h, compact=self.compact
        )
        panel = pygame.Rect(margin, y, content.width, max(0, list_bottom - y))
        if not self.saves:  # just the explanation
            body = self.font(16)
            text_h = len(wrap(self.empty_text(), body, panel.width - self.px(40))) * body.get_linesize()
            panel.height = min(panel.height, text_h + self.px(30))
        self.areas["panel"] = panel
        focus_row = self.focus_key[1] if self.focus_key[0] == "row" else None
        self.first = self.save_list.build(
            panel,
            self.saves,
            self.first,
            focus_row,
            loader=self._loader,
            deleter=self._deleter,
            widget_keys=self.widget_keys,
        )
        self._build_footer(content, footer_top, button_h)

    def _place_notice(self, content: pygame.Rect, y: int) -> int:
        """The area of the error or notice, if there is one, from ``y``; returns where the content goes on."""
        message = self.error or self.notice
        if not message:
            return y
        font = self.font(15)
        lines = len(wrap(message, font, content.width - self.px(30))[:2])
        notice = pygame.Rect(content.left, y, content.width, lines * font.get_linesize() + self.px(14))
        self.areas["notice"] = notice
        return notice.bottom + self.px(10)

    def _build_footer(self, content: pygame.Rect, footer_top: int, button_h: int) -> None:
        """Back, the key hint beside it, the focus and the keys of the list."""
        back_text = with_key(tr("Back"), tr("Esc"))
        button_font = theme.font(self.px(BUTTON_SIZE))
        back = pygame.Rect(content.left, footer_top, button_font.size(back_text)[0] + self.px(40), button_h)
        self.widget_keys[BACK] = len(self.focusables)
        self.button(back, back_text, self.back, key=pygame.K_ESCAPE)
        self.areas["hint"] = pygame.Rect(
            back.right + self.px(16), footer_top, content.right - back.right - self.px(16), button_h
        )
        if self.focus_key not in self.widget_keys:
            self.focus_key = BACK
        self.focus_index = self.widget_keys[self.focus_key]
        self.shortcuts[pygame.K_DELETE] = self.ask_delete
        self.shortcuts[pygame.K_PAGEUP] = lambda: self.page(-1)
        self.shortcuts[pygame.K_PAGEDOWN] = lambda: self.page(1)

    @staticmethod
    def empty_text() -> str:
        """What the list says when there is no save."""
        return empty_text()

    def confirm_text(self) -> str:
        """The question asked before deleting."""
        return confirm_text(self.confirming)

    # ----------------------------------------------------------------- keyboard
    def handle(self, event: pygame.event.Event) -> bool:
        """Up/Down and Tab move through the saves and Back; the list scrolls with the focus."""
        if self.confirming is None:
            if event.type == pygame.MOUSEWHEEL and self.saves:
                self.page(-1 if event.y > 0 else 1, by_rows=True)
                return True
            if event.type == pygame.KEYDOWN and event.key in (
                pygame.K_UP,
                pygame.K_DOWN,
                pygame.K_LEFT,
                pygame.K_RIGHT,
            ):
                self.move_focus(-1 if event.key in (pygame.K_UP, pygame.K_LEFT) else 1)
                return True
        return super().handle(event)

    def move_focus(self, step: int) -> None:
        """Through the saves, then Back."""
        if self.confirming is not None:
            super().move_focus(step)
            return
        self._sync_focus_key()
        order = [("row", index) for index in range(len(self.saves))] + [BACK]
        position = order.index(self.focus_key) if self.focus_key in order else 0
        self.focus_key = order[(position + step) % len(order)]
        self._apply_focus_key()

    def page(self, step: int, *, by_rows: bool = False) -> None:
        """Scroll the list one page (or one row) up or down; the focus follows into view."""
        if not self.saves:
            return
        per_page = max(1, len(self.rows))
        self.first = max(0, min(len(self.saves) - per_page, self.first + step * (1 if by_rows else per_page)))
        if self.focus_key[0] == "row":
            row = self.focus_key[1]
            self.focus_key = ("row", max(self.first, min(row, self.first + per_page - 1)))
        self.rebuild()
        self.app.dirty = True

    # ----------------------------------------------------------------- commands
    def _loader(self, index: int) -> Callable[[], None]:
        return lambda: self.load(index)

    def _deleter(self, index: int) -> Callable[[], None]:
        def ask() -> None:
            self.focus_key = ("row", index)
            self.ask_delete()

        return ask

    def focused_save(self) -> SaveInfo | None:
        """The save the keyboard focus is on, if any."""
        self._sync_focus_key()
        if self.focus_key[0] == "row" and 0 <= self.focus_key[1] < len(self.saves):
            return self.saves[self.focus_key[1]]
        return None

    def load(self, index: int) -> None:
        """Restore a save and continue it; a refused save is explained on this screen."""
        if not 0 <= index < len(self.saves):
            return
        info = self.saves[index]
        self.focus_key = ("row", index)
        try:
            match = load_match(info.path)
        except SaveError as exc:
            self._refuse(info, str(exc))
            return
        except Exception as exc:  # passed the checks but does not fit the game: refuse it, never crash
            self._refuse(info, tr("This save is damaged ({exc})", exc=exc))
            return
        self.request(Resume(match))

    def _refuse(self, info: SaveInfo, reason: str) -> None:
        self.error = tr("“{label}” cannot be loaded: {reason}.", label=info.shown_label, reason=reason)
        self.notice = ""
        self.rebuild()
        self.app.dirty = True

    def ask_delete(self) -> None:
        """Ask before deleting the focused save."""
        info = self.focused_save()
        if info is None:
            return
        self.confirming = info
        self.error = ""
        self.rebuild()
        self.app.dirty = True

    def confirm_delete(self) -> None:
        """Delete the save being asked about."""
        info = self.confirming
        self.confirming = None
        if info is not None:
            try:
                delete_save(info.path)
            except SaveError as exc:
                self.error = str(exc)
            else:
                self.notice = tr("Deleted “{label}”.", label=info.shown_label)
                self.error = ""
        self.refresh()
        self.rebuild()
        self.app.dirty = True

    def cancel_delete(self) -> None:
        """Keep the save."""
        self.confirming = None
        self.rebuild()
        self.app.dirty = True

    def back(self) -> None:
        """Return to the screen below (title or pause)."""
        self.app.pop()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Heading, notice, the list panel, the refused files, and the key hint."""
        palette = self.palette
        header = self.draw_header(surface, tr("Load a game"))
        if header is None:
            return
        count = len(self.saves)
        subtitle = (
            (
                tr_n(
                    "{n} saved game, newest first. The game also saves itself after every turn (Autosave).",
                    "{n} saved games, newest first. The game also saves itself after every turn (Autosave).",
                    count,
                )
            )
            if count
            else tr("Nothing saved yet.")
        )
        self.draw_subtitle(surface, header, subtitle)
        self._draw_notice(surface)
        if self.confirming is not None:
            self.confirmation.draw(surface, self.confirming)
            return
        panel = self.areas.get("panel")
        if panel is not None:
            self.save_list.draw_panel(surface, panel, self.saves)
        self.refused_box.draw(surface, self.refused)
        hint = self.areas.get("hint")
        if hint is not None and self.saves:
            text = tr("Enter or 1-9: load · Del: delete")
            if len(self.saves) > len(self.rows):
                text += tr(" · PgUp/PgDn: scroll")
            blit_text(
                surface,
                text,
                self.font(13),
                palette.muted,
                (hint.left, hint.centery),
                width=hint.width,
                anchor="midleft",
            )

    def _draw_notice(self, surface: pygame.Surface) -> None:
        """The error (red stripe) or notice (green stripe) under the heading."""
        palette = self.palette
        notice = self.areas.get("notice")
        message = self.error or self.notice
        if notice is None or not message:
            return
        pygame.draw.rect(surface, palette.panel, notice, border_radius=self.px(6))
        pygame.draw.rect(
            surface,
            palette.bad if self.error else palette.good,
            (notice.left, notice.top, self.px(4), notice.height),
            border_radius=self.px(2),
        )
        inner = pygame.Rect(
            notice.left + self.px(16),
            notice.top + self.px(7),
            notice.width - self.px(30),
            notice.height - self.px(14),
        )
        blit_lines(surface, message, self.font(15), palette.text, inner, max_lines=2)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The text of each save row, drawn over its button."""
        if self.confirming is not None:
            return
        self.save_list.draw_rows(surface, self.saves)
        panel = self.areas.get("panel")
        if panel is not None:
            self.save_list.draw_scroll_marks(surface, panel, self.first, len(self.saves))
