"""What the mouse does on the negotiation table: hovering a row or a tab (the weigh panel shows the item under it),
clicking an item (in or out of the proposal), a tab or an agreement, and the wheel."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate.agreement_panel import AgreementPanel
from game.ui.screens.negotiate.shared import SIDES, Hit, Table
from game.ui.screens.negotiate.tabs import TableTabs
from game.ui.screens.negotiate.weigh_panel import WeighPanel


class TablePointer:
    """The mouse on ``table``: it finds what is under it among ``table.hits`` (recorded as the panels are drawn)
    and acts through the table; ``changed`` runs after the wheel moved something."""

    def __init__(
        self,
        screen: GameScreen,
        table: Table,
        *,
        tabs: TableTabs,
        weigh: WeighPanel,
        agreement: AgreementPanel,
        changed: Callable[[], None],
    ) -> None:
        self.screen = screen
        self.table = table
        self.tabs = tabs
        self.weigh = weigh
        self.agreement = agreement
        self.changed = changed

    def hit(self, pos: tuple[int, int]) -> Hit | None:
        """The place drawn under ``pos``, if any."""
        for hit in self.table.hits:
            if hit[0].collidepoint(pos):
                return hit
        return None

    def move(self, pos: tuple[int, int]) -> None:
        """Hover: light the row or tab under ``pos``; the weigh panel then shows the item under the mouse."""
        hit = self.hit(pos)
        hover = (hit[1], hit[2]) if hit and hit[1] in (*SIDES, "tab", "agreement") else None
        if hover != self.table.hover:
            self.table.hover = hover
            self.weigh.forget()
            self.screen.app.dirty = True

    def click(self, pos: tuple[int, int]) -> bool:
        """A click on an item (in or out of the proposal), a tab (its view) or an agreement (selected)."""
        table = self.table
        hit = self.hit(pos)
        if hit is None:
            return False
        _, kind, value = hit
        if kind in SIDES:
            table.zone = kind
            table.toggle(kind, value)
        elif kind == "tab":
            table.set_zone(self.tabs.tabs()[value][2])
        elif kind == "agreement":
            table.zone = "agreements"
            table.select_agreement(value)
        return True

    def wheel(self, event: pygame.event.Event, weigh_rect: pygame.Rect) -> bool:
        """The wheel scrolls the agreement, or the weigh panel under the mouse; elsewhere it moves the list cursor."""
        table = self.table
        pos = pygame.mouse.get_pos()
        step = self.screen.px(40)
        if table.view == "agreements":
            self.agreement.scroll.scroll(-event.y * step)
        elif weigh_rect.collidepoint(pos) and (table.layout != "narrow" or table.zone == "weigh"):
            self.weigh.scroll.scroll(-event.y * step)
        else:
            side = table.last_list
            count = len(table.entries[side])
            table.cursor[side] = max(0, min(count - 1, table.cursor[side] - event.y)) if count else 0
        self.changed()
        return True
