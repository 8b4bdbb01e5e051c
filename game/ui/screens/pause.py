"""The pause dialog (Esc during a game): resume, save, load, settings, quit to the title, quit the game."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import tr
from game.persistence import save_new
from game.saves import SaveError
from game.storage import StorageError
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.load import LoadScreen
from game.ui.screens.menu_common import (
    BUTTON_SIZE,
    MenuScreen,
    blit_lines,
    blit_text,
    draw_panel,
    with_key,
    wrap,
)
from game.ui.screens.public import PublicScreen
from game.ui.screens.results import LeavePublic, ShowPublic, TeacherConsole, ToTitle
from game.ui.screens.settings_screen import SettingsScreen

LABEL_LIMIT = 60


class PauseScreen(MenuScreen):
    """A dialog over the game. Saving writes a new file under the name typed in the field."""

    modal = True

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.status = ""
        self.status_good = True
        self.areas: dict[str, pygame.Rect] = {}
        self.field_text["label"] = self.default_label()
        self.focus_placed = False  # the focus starts on Resume, not on the name field
        self.compact = False
        self.keys_in_header = False  # the teacher's keys named in the header, for want of room for their buttons
        #: The screen this menu opened over (the top of the stack before the menu came).
        self.below = app.top

    def default_label(self) -> str:
        """``United States · Turn 3 of 12 · Jul 2023``."""
        match = self.app.match
        if match is None:
            return tr("Saved game")
        persons = ", ".join(match.role_name(role) for role in match.persons)
        label = f"{persons} · {match.turn_label}" if persons else match.turn_label
        return label[:LABEL_LIMIT]

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """A centred panel: heading, where the game stands, the save row, a status line and the menu buttons."""
        width, height = rect.size
        self.compact = height < self.px(540)
        button_font = theme.font(self.px(BUTTON_SIZE))
        button_h = button_font.get_linesize() + self.px(12)
        gap = self.px(8 if self.compact else 10)
        pad = self.px(16 if self.compact else 24)
        items = self.menu_items()
        save_text = with_key(tr("Save"), "S")
        save_w = button_font.size(save_text)[0] + self.px(40)
        heading = self.font(26, bold=True)
        small = self.font(14)
        status_h = small.get_linesize() * (1 if self.compact else 2)

        max_w = width - 2 * self.px(12)
        header_h = heading.get_linesize() + small.get_linesize() + self.px(6 if self.compact else 10)
        label_h = 0 if self.compact else small.get_linesize() + self.px(4)
        save_block = label_h + button_h + self.px(6) + status_h
        fixed = header_h + save_block + self.px(12) + 2 * pad
        room = (max_w - 2 * pad, height - fixed)
        widest, columns, buttons_h = self._fit(items, button_font, button_h, gap, room)
        self.keys_in_header = fixed + buttons_h > height - 2 * self.px(8)
        if self.keys_in_header:  # no room for the teacher's two buttons: their keys are named in the header instead
            self.shortcuts[pygame.K_F2], self.shortcuts[pygame.K_F3] = self.console, self.public_board
            items = [item for item in items if item[2] not in (pygame.K_F2, pygame.K_F3)]
            widest, columns, buttons_h = self._fit(items, button_font, button_h, gap, room)
        panel_w = min(max_w, max(self.px(460), columns * widest + (columns - 1) * gap + 2 * pad))
        inner_w = panel_w - 2 * pad
        panel_h = min(height - 2 * self.px(8), fixed + buttons_h)
        panel = pygame.Rect(0, 0, panel_w, panel_h)
        panel.center = rect.center
        self.areas = {"panel": panel}
        x, y = panel.left + pad, panel.top + pad
        self.areas["header"] = pygame.Rect(x, y, inner_w, header_h)
        y += header_h
        if label_h:
            self.areas["save_label"] = pygame.Rect(x, y, inner_w, small.get_linesize())
            y += label_h
        self._save_row(pygame.Rect(x, y, inner_w, button_h), save_text, save_w)
        y += button_h + self.px(6)
        self.areas["status"] = pygame.Rect(x, y, inner_w, status_h)
        y += status_h + self.px(12)
        column_w = (inner_w - gap * (columns - 1)) // columns
        resume = None
        for index, (text, command, key) in enumerate(items):
            column, row = index % columns, index // columns
            button_rect = pygame.Rect(x + column * (column_w + gap), y + row * (button_h + gap), column_w, button_h)
            widget = self.button(button_rect, text, command, key=key)
            resume = resume or widget
        if resume is not None and not self.focus_placed:
            self.focus_placed = True
            self.focus(resume)
        self.escape_focus = lambda: self.focus(resume) if resume is not None else None

    def menu_items(self) -> list[tuple[str, Callable[[], None], int]]:
        """The menu's buttons: label, command and key."""
        return [
            (with_key(tr("Resume"), tr("Esc")), self.resume, pygame.K_ESCAPE),
            (with_key(tr("Load"), "L"), self.load, pygame.K_l),
            (with_key(tr("Settings"), "O"), self.settings, pygame.K_o),
            (with_key(tr("Teacher's console"), "F2"), self.console, pygame.K_F2),
            (with_key(self.public_label(), "F3"), self.public_board, pygame.K_F3),
            (with_key(tr("Quit to title"), "T"), self.quit_to_title, pygame.K_t),
            (with_key(tr("Quit game"), "Q"), self.quit_game, pygame.K_q),
        ]

    def _fit(
        self,
        items: list[tuple[str, Callable[[], None], int]],
        font: pygame.font.Font,
        button_h: int,
        gap: int,
        room: tuple[int, int],
    ) -> tuple[int, int, int]:
        """The width of the widest button of ``items``, and the columns and height they take in ``room``."""
        widest = max(font.size(text)[0] for text, _, _ in items) + self.px(48)
        columns, buttons_h = self._columns(len(items), button_h, gap, widest, room=room)
        return widest, columns, buttons_h

    def _columns(self, count: int, button_h: int, gap: int, widest: int, *, room: tuple[int, int]) -> tuple[int, int]:
        """As few columns of ``count`` buttons as the height allows (and the width permits): the number of
        columns and the height they take; ``room`` is the width and height left for them."""
        room_w, room_h = room
        columns = 1
        while True:
            rows = -(-count // columns)
            buttons_h = rows * button_h + (rows - 1) * gap
            wider = columns + 1
            if buttons_h <= room_h - 2 * self.px(8) or wider * widest + (wider - 1) * gap > room_w:
                return columns, buttons_h
            columns = wider

    def _save_row(self, row: pygame.Rect, save_text: str, save_w: int) -> None:
        """The name field and the Save button beside it."""
        field_w = row.width - save_w - self.px(8)
        field = pygame.Rect(row.left, row.top, field_w, row.height)
        self.field("label", field, self.save, placeholder=tr("Name of the save"), limit=LABEL_LIMIT)
        self.button(
            pygame.Rect(row.left + field_w + self.px(8), row.top, save_w, row.height),
            save_text,
            self.save,
            key=pygame.K_s,
        )

    # ----------------------------------------------------------------- commands
    def resume(self) -> None:
        """Close the dialog and go back to the game."""
        self.app.pop()

    def save(self) -> None:
        """Write a new save under the typed name; the result shows in the dialog."""
        match = self.app.match
        if match is None:
            self.status, self.status_good = tr("There is no game to save."), False
            return
        label = " ".join(self.text_of("label").split()) or self.default_label()
        try:
            info = save_new(match, label)
        except (SaveError, StorageError, OSError, ValueError) as exc:
            self.status, self.status_good = tr("Could not save: {exc}", exc=exc), False
        else:
            self.status, self.status_good = (
                tr("Saved as “{label}” ({name}).", label=info.label, name=info.path.name),
                True,
            )
        widget = self.fields.get("label")
        if widget is not None and widget.is_focused and self.escape_focus is not None:
            self.escape_focus()  # done with the name: the focus goes back to Resume
        self.app.dirty = True

    def load(self) -> None:
        """Open the list of saves."""
        self.app.push(LoadScreen(self.app))

    def settings(self) -> None:
        """Open the settings."""
        self.app.push(SettingsScreen(self.app))

    def console(self) -> None:
        """Close the menu and open the teacher's console (after its PIN, when the game has one)."""
        self.dismiss(TeacherConsole())

    def on_public_board(self) -> bool:
        """Whether the screen under this menu is the public board."""
        return isinstance(self.below, PublicScreen)

    def public_label(self) -> str:
        """The public board's button: to show it, or to leave it."""
        return tr("Back to the players") if self.on_public_board() else tr("Public board")

    def public_board(self) -> None:
        """Show the public board (for a projector), or leave it for the players' screens."""
        self.request(LeavePublic() if self.on_public_board() else ShowPublic())

    def quit_to_title(self) -> None:
        """Autosave, leave the match and show the title."""
        self.app.autosave()
        self.request(ToTitle())

    def quit_game(self) -> None:
        """Autosave and close the game."""
        self.app.request_quit()

    # ----------------------------------------------------------------- drawing
    def where_text(self) -> str:
        """The line under the heading: the keys (when they go there), the turn, and whom the people play."""
        match = self.app.match
        where = match.turn_label if match is not None else ""
        if match is not None and match.persons:
            where = tr(
                "{where} · you play {value}", where=where, value=", ".join(match.role_name(r) for r in match.persons)
            )
        if self.keys_in_header:  # first, so that a long line loses the rest rather than the keys
            where = tr("F2 teacher · F3 {public} · {where}", public=self.public_label().lower(), where=where)
        return where

    def draw_background(self, surface: pygame.Surface) -> None:
        """Only the dialog's panel (the game stays visible, dimmed, around it)."""
        panel = self.areas.get("panel")
        if panel is None:
            return
        palette = self.palette
        shadow = panel.move(0, self.px(6))
        veil = pygame.Surface(shadow.size, pygame.SRCALPHA)
        pygame.draw.rect(veil, (0, 0, 0, 90), veil.get_rect(), border_radius=self.px(12))
        surface.blit(veil, shadow)
        draw_panel(surface, palette, panel, self.px(12))
        header = self.areas["header"]
        heading = self.font(26, bold=True)
        small = self.font(14)
        blit_text(surface, tr("Paused"), heading, palette.text, header.topleft, width=header.width)
        blit_text(
            surface,
            self.where_text(),
            small,
            palette.muted,
            (header.left, header.top + heading.get_linesize()),
            width=header.width,
        )
        label = self.areas.get("save_label")
        if label is not None:
            blit_text(
                surface,
                tr("Save this game as a new file named:"),
                small,
                palette.muted,
                label.topleft,
                width=label.width,
            )
        status = self.areas["status"]
        if self.status:
            colour = palette.good if self.status_good else palette.bad
            lines = wrap(self.status, small, status.width - self.px(14), max(1, status.height // small.get_linesize()))
            pygame.draw.rect(
                surface,
                colour,
                (status.left, status.top + self.px(3), self.px(3), len(lines) * small.get_linesize() - self.px(6)),
            )
            blit_lines(
                surface,
                self.status,
                small,
                palette.text,
                pygame.Rect(status.left + self.px(12), status.top, status.width - self.px(12), status.height),
            )
        else:
            blit_text(
                surface,
                tr("The game also saves itself after every turn and when you quit."),
                small,
                palette.muted,
                status.topleft,
                width=status.width,
            )
