"""Which part of the negotiation table has the keyboard: a list, the breakdown (narrow layout only), the agreements
or the buttons; how the tab keys, Tab and Left/Right move it."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate.shared import SIDES, Table

#: Tab keys: the proposal (wide layout), each list, the breakdown (narrow layout) and the agreements.
TAB_KEYS = {
    pygame.K_p: "proposal",
    pygame.K_g: "give",
    pygame.K_k: "ask",
    pygame.K_w: "weigh",
    pygame.K_a: "agreements",
}


class KeyboardFocus:
    """Moves ``table.zone`` (and the view it belongs to, rebuilding ``screen`` when the view changes); on the
    buttons it moves ``screen``'s button focus. ``show_focus`` repaints the buttons for where the focus is."""

    def __init__(self, screen: GameScreen, table: Table, *, show_focus: Callable[[], None]) -> None:
        self.screen = screen
        self.table = table
        self.show_focus = show_focus

    def zones(self) -> list[str]:
        """The zones Tab visits in the current view and layout, the buttons last."""
        if self.table.view == "agreements":
            return ["agreements", "buttons"]
        zones = ["give", "ask"]
        if self.table.layout == "narrow":
            zones.append("weigh")
        return [*zones, "buttons"]

    def enabled_buttons(self) -> list[int]:
        """The indexes of the screen's buttons that can take the focus now."""
        return [i for i, b in enumerate(self.screen.focusables) if b.is_enabled and b.visible]

    def set(self, zone: str) -> None:
        """Give the keyboard to a list, the breakdown, the agreements or the buttons (showing that panel)."""
        screen, table = self.screen, self.table
        if zone in ("proposal",):
            zone = table.last_list
        if zone == "agreements" and table.view != "agreements":
            table.view, table.zone = "agreements", "agreements"
            screen.notice = ""
            screen.rebuild()
            return
        if zone in ("give", "ask", "weigh") and table.view != "proposal":
            table.view = "proposal"
            screen.notice = ""
            table.zone = zone
            if zone in SIDES:
                table.last_list = zone
            screen.rebuild()
            return
        if zone == "weigh" and table.layout != "narrow":
            zone = table.last_list
        table.zone = zone
        if zone in SIDES:
            table.last_list = zone
        if zone == "buttons":
            primary = table.send_button or table.break_button
            enabled = self.enabled_buttons()
            if primary is not None and primary.is_enabled:
                screen.focus_index = screen.focusables.index(primary)
            elif enabled:
                screen.focus_index = enabled[0]
        self.show_focus()
        screen.app.dirty = True

    def cycle(self, step: int) -> None:
        """Tab: the next list or panel, then each enabled button, then round again."""
        screen, table = self.screen, self.table
        zones = self.zones()
        if table.zone == "buttons":
            enabled = self.enabled_buttons()
            if enabled and screen.focus_index in enabled:
                position = enabled.index(screen.focus_index) + step
                if 0 <= position < len(enabled):
                    screen.focus_index = enabled[position]
                    self.show_focus()
                    return
            self.set(zones[0] if step > 0 else zones[-2])
            return
        index = zones.index(table.zone) if table.zone in zones else 0
        target = zones[(index + step) % len(zones)]
        if target == "buttons" and step < 0:
            self.set("buttons")
            enabled = self.enabled_buttons()
            if enabled:
                screen.focus_index = enabled[-1]
                self.show_focus()
            return
        self.set(target)

    def side_step(self, step: int) -> None:
        """Left/Right in the proposal view: between the lists (and the breakdown in the narrow layout)."""
        zones = [z for z in self.zones() if z != "buttons"]
        current = zones.index(self.table.zone) if self.table.zone in zones else 0
        self.set(zones[(current + step) % len(zones)])
