"""The tabs of the negotiation table: the proposal and the agreements in a wide window; each list, the breakdown
and the agreements in narrower ones."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate.shared import Table


class TableTabs:
    """The tabs of ``table`` for its layout, the one showing, and where each was drawn (in ``table.hits``)."""

    def __init__(self, screen: GameScreen, table: Table) -> None:
        self.screen = screen
        self.table = table

    def tabs(self) -> list[tuple[str, str, str]]:
        """(name, key, view or zone) of each tab for the layout."""
        count = len(self.table.agreements())
        agreements = tr("Agreements · {count}", count=count) if count else tr("Agreements")
        if self.table.layout == "wide":
            return [(tr("Proposal"), "P", "proposal"), (agreements, "A", "agreements")]
        tabs = [(tr("You give"), "G", "give"), (tr("You ask"), "K", "ask")]
        if self.table.layout == "narrow":
            tabs = [(tr("Give"), "G", "give"), (tr("Ask"), "K", "ask"), (tr("Weigh"), "W", "weigh")]
        return [*tabs, (agreements, "A", "agreements")]

    def active(self) -> int:
        """The index of the tab of what is showing."""
        table = self.table
        names = [t[2] for t in self.tabs()]
        if table.view == "agreements":
            return names.index("agreements")
        if table.layout == "wide":
            return 0
        if table.layout == "narrow" and table.zone == "weigh":
            return names.index("weigh")
        return names.index(table.last_list)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The tabs in ``rect``, the one under the mouse lit."""
        table = self.table
        hover = table.hover[1] if table.hover and table.hover[0] == "tab" else -1
        names = [(name, key) for name, key, _ in self.tabs()]
        for index, tab in enumerate(self.screen.draw_tabs(surface, rect, names, active=self.active(), hover=hover)):
            table.hits.append((tab, "tab", index))
