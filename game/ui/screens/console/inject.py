"""Add news: the scenario's events with their titles (and why one cannot be added now); the picked one's text;
Enter adds it at the next news phase."""

from __future__ import annotations

import pygame

from game.engine import localize
from game.i18n import N_, tr, tr_reason
from game.ui.screens.base import Host
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.console.picklist import PickList, Row
from game.ui.screens.menu_common import blit_lines
from game.ui.screens.results import InjectEvent, Teach
from game.ui.widgets.gui import set_enabled


class InjectDialog(ConsoleDialog):
    """Pick an event (Up / Down), read its text, add it (Enter)."""

    title = N_("Add news at the next news phase")

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.events = list(self.match.scenario.events)
        self.list = PickList(self)

    def rows(self) -> list[Row]:
        """Each event's title, and why it cannot be added now (if so)."""
        game = self.match.game
        rows: list[Row] = []
        for event in self.events:
            why = tr_reason(game.why_not_inject(event.id))
            rows.append(
                (
                    localize(event.title, game.lang),
                    tr("Cannot be added: {why}", why=why) if why else event.id,
                    bool(why),
                )
            )
        return rows

    def why_not(self) -> str:
        """Why the picked event cannot be added now (``""``: it can)."""
        if not self.events:
            return tr("this scenario has no events")
        return tr_reason(self.match.game.why_not_inject(self.events[self.list.picked].id))

    def build(self, rect: pygame.Rect) -> None:
        """The list on the left (or on top), the picked event's text beside it, Add and Back."""
        inner = self.frame(rect, 1000, 660)
        area = self.button_row(
            inner,
            [
                (tr("Add this news"), tr("Enter"), pygame.K_RETURN, self.add),
                (tr("Back"), tr("Esc"), pygame.K_ESCAPE, self.close),
            ],
        )
        self.add_button = self.focusables[0]
        self.focus(self.add_button)
        gap = self.px(14)
        if area.width >= self.px(620):
            left = area.width * 5 // 10
            self.areas["list"] = pygame.Rect(area.left, area.top, left, area.height)
            self.areas["text"] = pygame.Rect(area.left + left + gap, area.top, area.width - left - gap, area.height)
        else:
            half = area.height * 6 // 10
            self.areas["list"] = pygame.Rect(area.left, area.top, area.width, half)
            self.areas["text"] = pygame.Rect(area.left, area.top + half + gap, area.width, area.height - half - gap)
        self._sync()

    def _sync(self) -> None:
        set_enabled(self.add_button, not self.why_not())
        self.app.dirty = True

    def add(self) -> None:
        """Add the picked event (or say why not)."""
        why = self.why_not()
        if why:
            self.say(tr("Cannot add this news: {why}.", why=why), bad=True)
            return
        self.dismiss(Teach(InjectEvent(self.events[self.list.picked].id)))

    def handle(self, event: pygame.event.Event) -> bool:
        """Up / Down, PgUp / PgDn, Home / End and clicks pick an event; Enter adds it; Esc goes back."""
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if enter and self.focused_on(self.add_button):  # also when Add is greyed: it says why
            self.add()
            return True
        if event.type == pygame.KEYDOWN and self.list.key(event.key, len(self.events)):
            self._sync()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.list.click(event.pos):
            self._sync()
            return True
        return super().handle(event)

    def draw_body(self, surface: pygame.Surface) -> None:
        """The list and the picked event's text."""
        self.list.draw(surface, self.areas["list"], self.rows())
        if not self.events:
            return
        event = self.events[self.list.picked]
        lang = self.match.game.lang
        text = self.areas["text"]
        heading = self.font(17, bold=True)
        used = blit_lines(surface, localize(event.title, lang), heading, self.palette.text, text, max_lines=2)
        body = pygame.Rect(text.left, text.top + used + self.px(6), text.width, text.height - used - self.px(6))
        blit_lines(surface, localize(event.text, lang), self.font(15), self.palette.muted, body)
