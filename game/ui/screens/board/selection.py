"""What the board's keys and clicks choose: which list has the keyboard, which row, page and tab show."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.screens.board.details import DetailsPanel
from game.ui.screens.board.news import NewsPanel
from game.ui.screens.board.state import BoardState
from game.ui.screens.ingame import NUMBER_KEYS, GameScreen

#: The tabs of the medium and narrow layouts, in order (a tab's hit value is its index here).
TAB_NAMES = ("indicators", "actions", "news", "details")
#: The letter keys of the tabs.
TAB_KEYS = {pygame.K_i: "indicators", pygame.K_a: "actions", pygame.K_n: "news", pygame.K_d: "details"}


class Selection:
    """Moves the selection in the shared :class:`BoardState`, resetting the details panel's scroll when what it
    shows changes, then calls ``changed`` (the screen refreshes and redraws). ``toggle`` commits or withdraws an
    action by its index (a number key, Enter)."""

    def __init__(
        self,
        screen: GameScreen,
        state: BoardState,
        details: DetailsPanel,
        news: NewsPanel,
        changed: Callable[[], None],
        toggle: Callable[[int], None],
    ) -> None:
        self.screen = screen
        self.state = state
        self.details = details
        self.news = news
        self.changed = changed
        self.toggle = toggle

    def focus_action(self, index: int) -> None:
        """Select action ``index`` and give the keyboard to the action list (without redrawing yet)."""
        state = self.state
        if state.zone != "actions" or state.act_index != index:
            self.details.scroll.offset = 0
        state.act_index = index
        state.zone = "actions"
        if state.tab == "news":
            state.tab = "list"

    def select_zone(self, zone: str) -> None:
        """Give the keyboard to the indicator list or the action list (and show that list)."""
        if zone != self.state.zone:
            self.details.scroll.offset = 0
        self.state.zone = zone
        self.state.tab = "list"
        self.changed()

    def show_tab(self, tab: str) -> None:
        """Medium and narrow layouts: show the news, the details (narrow) or the focused list."""
        if tab == "details" and self.state.layout != "narrow":
            tab = "list"
        if tab == "news" and self.state.layout == "wide":
            return
        self.state.tab = tab
        self.changed()

    def tab(self, name: str) -> None:
        """Open a tab by name: a list takes the keyboard, news and details show."""
        if name in ("indicators", "actions"):
            self.select_zone(name)
        else:
            self.show_tab(name)

    def move(self, step: int) -> None:
        """Move the selection in the focused list."""
        state = self.state
        if state.zone == "indicators":
            count = len(self.screen.game.scenario.shown_indicators)
            state.ind_index = (state.ind_index + step) % count
        elif state.actions:
            state.act_index = (state.act_index + step) % len(state.actions)
        self.details.scroll.offset = 0
        self.changed()

    def turn_page(self, step: int) -> None:
        """Show the previous or next page of actions (selecting its first action)."""
        state = self.state
        if not state.pages:
            return
        page = max(0, min(len(state.pages) - 1, state.page_of(state.act_index) + step))
        first = next((r.action for r in state.pages[page] if r.action >= 0), state.act_index)
        state.act_index = first
        state.zone = "actions"
        if state.tab == "news":
            state.tab = "list"
        self.details.scroll.offset = 0
        self.changed()

    def select_row(self, kind: str, value: int) -> None:
        """A click on an indicator's (``ind``) or an action's (``act``) row selects it; a second click on the
        selected row opens its details in the narrow layout."""
        state = self.state
        zone = "indicators" if kind == "ind" else "actions"
        again = state.zone == zone and value == (state.ind_index if kind == "ind" else state.act_index)
        if kind == "ind":
            state.ind_index = value
        else:
            state.act_index = value
        if not again:
            self.details.scroll.offset = 0
        state.zone = zone
        if again and state.layout == "narrow":
            state.tab = "details"
        self.changed()

    def key(self, event: pygame.event.Event) -> bool:
        """Arrows, Tab, pages, Enter, number and tab keys; returns False for a key the board leaves to others."""
        key, state = event.key, self.state
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key in (pygame.K_UP, pygame.K_DOWN) and (shift or state.tab == "news"):
            scroll = self.news.scroll if state.tab == "news" else self.details.scroll
            scroll.scroll(self.screen.px(40) * (1 if key == pygame.K_DOWN else -1))
            self.changed()
        elif key in (pygame.K_UP, pygame.K_DOWN):
            self.move(1 if key == pygame.K_DOWN else -1)
        elif key in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT):
            self.select_zone("indicators" if state.zone == "actions" else "actions")
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.turn_page(1 if key == pygame.K_PAGEDOWN else -1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if state.zone == "actions":
                self.toggle(state.act_index)
            else:
                self.select_zone("actions")
        elif key in NUMBER_KEYS:
            index = NUMBER_KEYS[key] - 1  # the same action on every page
            if index < len(state.actions):
                self.toggle(index)
        elif key in TAB_KEYS:
            self.tab(TAB_KEYS[key])
        else:
            return False
        return True
