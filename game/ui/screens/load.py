"""The Load screen: every save, newest first; the files that cannot be read listed apart with the reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.saves import SaveError, SaveInfo, delete_save, is_person, list_saves, saves_dir
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import (
    BUTTON_SIZE,
    MenuScreen,
    blit_lines,
    blit_text,
    draw_panel,
    draw_scroll_marks,
    time_ago,
    with_key,
    wrap,
)
from game.ui.screens.results import Resume

BACK = ("back", 0)
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


class LoadScreen(MenuScreen):
    """Choose a save to continue (Enter or its number), or delete one (Del, then confirm)."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.saves: list[SaveInfo] = []
        self.refused: list[tuple[Path, str]] = []
        self.role_names: dict[str, dict[str, str]] = {}  # scenario path -> role id -> display name
        self.error = ""
        self.notice = ""
        self.confirming: SaveInfo | None = None
        self.first = 0
        self.focus_key: tuple[str, int] = ("row", 0)
        self.widget_keys: dict[tuple[str, int], int] = {}
        self.rows: list[tuple[int, pygame.Rect]] = []  # (save index, row rect) on screen
        self.areas: dict[str, pygame.Rect] = {}
        self.refused_lines = 0
        self.compact = False
        self.refresh()

    # ----------------------------------------------------------------- data
    def refresh(self) -> None:
        """Read the saves folder again."""
        self.saves, self.refused = list_saves()
        if not self.saves and self.focus_key != BACK:
            self.focus_key = BACK
        elif self.focus_key[0] == "row":
            self.focus_key = ("row", min(self.focus_key[1], len(self.saves) - 1))

    def roles_text(self, info: SaveInfo) -> str:
        """``You: United States · Computer (Standard): Cambodia``; ``People: United States, Cambodia`` for a
        hot-seat game."""
        from game.table import LEVELS

        names = self._role_names(info.scenario_path)
        humans = [names.get(role, role) for role, player in info.roles.items() if is_person(player)]
        computers = [(names.get(role, role), player) for role, player in info.roles.items() if not is_person(player)]
        parts = []
        if humans:
            parts.append(("You: " if len(humans) == 1 else "People: ") + ", ".join(humans))
        levels = {player for _, player in computers}
        if len(levels) == 1:
            level = LEVELS.get(next(iter(levels)))
            parts.append(f"Computer{f' ({level.name})' if level else ''}: " + ", ".join(n for n, _ in computers))
        elif computers:
            parts.append(
                "Computer: " + ", ".join(f"{n} ({LEVELS[p].name if p in LEVELS else p})" for n, p in computers)
            )
        return " · ".join(parts)

    def _role_names(self, scenario_path: str) -> dict[str, str]:
        if scenario_path not in self.role_names:
            from game.content.loader import load_scenario
            from game.content.problems import ScenarioError
            from game.engine import localize

            try:
                scenario = load_scenario(scenario_path)
            except ScenarioError:
                self.role_names[scenario_path] = {}
            else:
                self.role_names[scenario_path] = {r.id: localize(r.name) for r in scenario.roles}
        return self.role_names[scenario_path]

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
        self.rows = []
        y = self.areas["header"].bottom + self.px(10 if self.compact else 16)

        message = self.error or self.notice
        if message:
            font = self.font(15)
            lines = len(wrap(message, font, content.width - self.px(30))[:2])
            notice = pygame.Rect(margin, y, content.width, lines * font.get_linesize() + self.px(14))
            self.areas["notice"] = notice
            y = notice.bottom + self.px(10)

        if self.confirming is not None:
            self._build_confirmation(pygame.Rect(margin, y, content.width, footer_top - y - self.px(12)), button_h)
            return

        # The refused files take a few lines at the bottom; the saves get the rest.
        small = self.font(13)
        self.refused_lines = 0
        list_bottom = footer_top - self.px(16)
        if self.refused:
            spare = footer_top - y - self.px(40) - 2 * self._row_height() - self.px(20)
            fit = max(1, spare // small.get_linesize() - 1)
            self.refused_lines = min(len(self.refused), fit, 1 if self.compact else 3)
            more = len(self.refused) > self.refused_lines and self.refused_lines < fit
            refused_h = (1 + self.refused_lines + more) * small.get_linesize() + self.px(16)
            self.areas["refused"] = pygame.Rect(margin, footer_top - self.px(12) - refused_h, content.width, refused_h)
            self.areas["refused_more"] = pygame.Rect(0, 0, int(more), 0)
            list_bottom = self.areas["refused"].top - self.px(16)
        panel = pygame.Rect(margin, y, content.width, max(0, list_bottom - y))
        if not self.saves:  # just the explanation
            body = self.font(16)
            text_h = len(wrap(self.empty_text(), body, panel.width - self.px(40))) * body.get_linesize()
            panel.height = min(panel.height, text_h + self.px(30))
        self.areas["panel"] = panel
        self._build_rows(panel)

        back_text = with_key("Back", "Esc")
        back = pygame.Rect(margin, footer_top, button_font.size(back_text)[0] + self.px(40), button_h)
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

    def _row_height(self) -> int:
        return self.font(16, bold=True).get_linesize() + self.font(14).get_linesize() + self.px(14)

    def _build_rows(self, panel: pygame.Rect) -> None:
        if not self.saves:
            return
        row_h = self._row_height()
        gap = self.px(6)
        inner = panel.inflate(-2 * self.px(10), -2 * self.px(10))
        per_page = max(1, (inner.height + gap) // (row_h + gap))
        focus_row = self.focus_key[1] if self.focus_key[0] == "row" else None
        self.first = max(0, min(self.first, len(self.saves) - per_page))
        if focus_row is not None:
            if focus_row < self.first:
                self.first = focus_row
            elif focus_row >= self.first + per_page:
                self.first = focus_row - per_page + 1
        button_font = theme.font(self.px(14))
        delete_text = "Delete"
        delete_w = button_font.size(delete_text)[0] + self.px(28)
        y = inner.top
        for number, index in enumerate(range(self.first, min(len(self.saves), self.first + per_page))):
            row = pygame.Rect(inner.left, y, inner.width, row_h)
            main = pygame.Rect(row.left, row.top, row.width - delete_w - self.px(8), row_h)
            self.widget_keys[("row", index)] = len(self.focusables)
            self.button(main, "", self._loader(index), key=NUMBER_KEYS[number] if number < 9 else None)
            delete = pygame.Rect(main.right + self.px(8), row.top, delete_w, row_h)
            self.button(
                delete, delete_text, self._deleter(index), focusable=False, tooltip="Delete this save (asks first)"
            )
            self.rows.append((index, main))
            y += row_h + gap
        panel.height = y - gap - panel.top + self.px(10)

    def _build_confirmation(self, area: pygame.Rect, button_h: int) -> None:
        info = self.confirming
        assert info is not None
        button_font = theme.font(self.px(BUTTON_SIZE))
        delete_text, keep_text = with_key("Delete", "Y"), with_key("Keep it", "N")
        delete_w = button_font.size(delete_text)[0] + self.px(40)
        keep_w = button_font.size(keep_text)[0] + self.px(40)
        font = self.font(16)
        panel_w = min(area.width, max(self.px(520), delete_w + keep_w + self.px(60)))
        lines = len(wrap(self.confirm_text(), font, panel_w - self.px(40)))
        lines = min(lines, max(1, (area.height - button_h - self.px(56)) // font.get_linesize()))
        panel_h = lines * font.get_linesize() + button_h + self.px(56)
        panel = pygame.Rect(0, 0, panel_w, min(panel_h, max(area.height, button_h + self.px(40))))
        panel.midtop = (area.centerx, area.top + max(0, (area.height - panel.height) // 3))
        self.areas["confirm"] = panel
        self.areas["confirm_text"] = pygame.Rect(
            panel.left + self.px(20), panel.top + self.px(18), panel.width - self.px(40), lines * font.get_linesize()
        )
        y = panel.bottom - self.px(18) - button_h
        keep = self.button(
            pygame.Rect(panel.right - self.px(20) - keep_w, y, keep_w, button_h),
            keep_text,
            self.cancel_delete,
            key=pygame.K_n,
        )
        self.button(
            pygame.Rect(panel.right - self.px(32) - keep_w - delete_w, y, delete_w, button_h),
            delete_text,
            self.confirm_delete,
            key=pygame.K_y,
        )
        self.shortcuts[pygame.K_ESCAPE] = self.cancel_delete
        self.focus(keep)

    @staticmethod
    def empty_text() -> str:
        """What the list says when there is no save."""
        return (
            "No saved games yet. The game saves itself at the end of every turn; "
            "you can also save from the pause menu (Esc during a game)."
        )

    def confirm_text(self) -> str:
        """The question asked before deleting."""
        info = self.confirming
        if info is None:
            return ""
        return (
            f"Delete the save “{info.label}” ({info.scenario_title}, turn {info.turn}, saved "
            f"{time_ago(info.saved_at)})? This cannot be undone."
        )

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
        from game.persistence import load_match

        try:
            match = load_match(info.path)
        except SaveError as exc:
            self._refuse(info, str(exc))
            return
        except Exception as exc:  # passed the checks but does not fit the game: refuse it, never crash
            self._refuse(info, f"This save is damaged ({exc})")
            return
        self.request(Resume(match))

    def _refuse(self, info: SaveInfo, reason: str) -> None:
        self.error = f"“{info.label}” cannot be loaded: {reason}."
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
                self.notice = f"Deleted “{info.label}”."
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
        header = self.draw_header(surface, "Load a game")
        if header is None:
            return
        if not self.compact:
            count = len(self.saves)
            subtitle = (
                (
                    f"{count} saved game{'s' if count != 1 else ''}, newest first. "
                    "The game also saves itself after every turn (Autosave)."
                )
                if count
                else "Nothing saved yet."
            )
            blit_text(
                surface,
                subtitle,
                self.font(15),
                palette.muted,
                (header.left, header.top + self.heading_font().get_linesize()),
                width=header.width,
            )
        notice = self.areas.get("notice")
        message = self.error or self.notice
        if notice is not None and message:
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
        if self.confirming is not None:
            self._draw_confirmation(surface)
            return
        panel = self.areas.get("panel")
        if panel is not None and panel.height > 0:
            draw_panel(surface, palette, panel, self.px(8))
            if not self.saves:
                blit_lines(
                    surface, self.empty_text(), self.font(16), palette.muted, panel.inflate(-self.px(40), -self.px(30))
                )
        self._draw_refused(surface)
        hint = self.areas.get("hint")
        if hint is not None and self.saves:
            text = "Enter or 1-9: load · Del: delete"
            if len(self.saves) > len(self.rows):
                text += " · PgUp/PgDn: scroll"
            blit_text(
                surface,
                text,
                self.font(13),
                palette.muted,
                (hint.left, hint.centery),
                width=hint.width,
                anchor="midleft",
            )

    def _draw_refused(self, surface: pygame.Surface) -> None:
        area = self.areas.get("refused")
        if area is None or not self.refused:
            return
        palette = self.palette
        small = self.font(13)
        bold = self.font(13, bold=True)
        pygame.draw.rect(surface, palette.panel, area, border_radius=self.px(6))
        pygame.draw.rect(surface, palette.bad, (area.left, area.top, self.px(4), area.height), border_radius=self.px(2))
        x = area.left + self.px(16)
        y = area.top + self.px(8)
        width = area.width - self.px(30)
        count = len(self.refused)
        blit_text(
            surface,
            f"{count} file{'s' if count != 1 else ''} could not be read (the other saves are not affected):",
            bold,
            palette.text,
            (x, y),
            width=width,
        )
        y += small.get_linesize()
        for path, reason in self.refused[: self.refused_lines]:
            name = path.name or str(path)
            label = blit_text(surface, name, bold, palette.muted, (x, y), width=width // 3)
            blit_text(surface, "  " + reason, small, palette.muted, (label.right, y), width=x + width - label.right)
            y += small.get_linesize()
        if self.areas.get("refused_more", pygame.Rect(0, 0, 0, 0)).width:
            blit_text(
                surface,
                f"and {count - self.refused_lines} more in {self._folder()}",
                small,
                palette.muted,
                (x, y),
                width=width,
            )

    def _folder(self) -> str:
        try:
            return str(saves_dir())
        except SaveError:
            return "the saves folder"

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The text of each save row, drawn over its button."""
        if self.confirming is not None:
            return
        palette = self.palette
        bold, small = self.font(16, bold=True), self.font(14)
        for number, (index, rect) in enumerate(self.rows):
            info = self.saves[index]
            inner = rect.inflate(-2 * self.px(14), -2 * self.px(7))
            key = f"{number + 1}" if number < 9 else ""
            key_w = small.size("9")[0] + self.px(14) if len(self.rows) > 1 else 0
            if key and key_w:
                blit_text(
                    surface,
                    key,
                    small,
                    palette.muted,
                    (inner.left, inner.top + bold.get_linesize() // 2),
                    anchor="midleft",
                )
            left = inner.left + key_w
            when = "saved " + time_ago(info.saved_at)
            when_w = small.size(when)[0]
            title_w = inner.right - left - when_w - self.px(16)
            if title_w < self.px(80):  # too narrow for both: the time moves to the second line
                when_w, title_w = 0, inner.right - left
            blit_text(surface, info.label or "(no name)", bold, palette.text, (left, inner.top), width=title_w)
            if when_w:
                blit_text(
                    surface,
                    when,
                    small,
                    palette.muted,
                    (inner.right, inner.top + bold.get_linesize() // 2),
                    anchor="midright",
                )
            details = [f"Turn {info.turn}" + (f", {info.date}" if info.date else "")]
            roles = self.roles_text(info)
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
        panel = self.areas.get("panel")
        if panel is not None:
            draw_scroll_marks(
                self, surface, panel, above=self.first > 0, below=self.first + len(self.rows) < len(self.saves)
            )

    def _draw_confirmation(self, surface: pygame.Surface) -> None:
        panel = self.areas.get("confirm")
        if panel is None:
            return
        draw_panel(surface, self.palette, panel, self.px(8), border=self.palette.bad)
        blit_lines(surface, self.confirm_text(), self.font(16), self.palette.text, self.areas["confirm_text"])
