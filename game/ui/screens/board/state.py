"""What the parts of the board share: the seat's view of the game, the selection, the pages and the click areas.

The board screen owns one :class:`BoardState`; each component reads it (and the few that keep a list in view, such
as the indicator list, write their scroll position back). Nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.engine import Action, Agreement, Forecast
from game.table import IndicatorView, SeatView

#: The number keys reach the first nine actions of the menu; past nine, Enter commits the selected one.
PAGE_SIZE = 9


@dataclass(frozen=True)
class Row:
    """One line of the action list: a family heading (``action`` = -1) or an action (index into the menu)."""

    family: str
    action: int
    number: int  # the action's number in the menu, as the terminal numbers it (0 for headings)


@dataclass
class BoardState:
    """The board's shared state: what the seat sees of the game, and which list, row, page and tab are chosen."""

    #: The actions of the menu, in the terminal's order (their number is their index plus one).
    actions: list[Action]
    #: What this seat may see of the game (refreshed by the screen whenever the game changes).
    seat: SeatView
    zone: str = "actions"  # which list has the keyboard: "indicators" or "actions"
    ind_index: int = 0
    ind_top: int = 0  # first indicator row in view
    act_index: int = 0
    tab: str = "list"  # medium/narrow layouts: "list" (the zone's list), "news" or "details" (narrow only)
    layout: str = "wide"  # "wide", "medium" or "narrow"
    pad: int = 0  # the padding inside a panel, in pixels
    hover: tuple[str, int] | None = None  # the kind and value of the hit under the mouse
    hits: list[tuple[pygame.Rect, str, int]] = field(default_factory=list)  # filled as the panels are drawn
    pages: list[list[Row]] = field(default_factory=list)
    #: Changes whenever the game does (documents built from the game are cached under it).
    version: tuple[object, ...] | None = None
    shown: dict[str, IndicatorView] = field(default_factory=dict)
    series: dict[str, list[float]] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    forecasts: dict[str, Forecast] = field(default_factory=dict)
    #: One line per action under its label: what it does at a glance.
    summaries: dict[str, str] = field(default_factory=dict)

    def read(self, seat: SeatView) -> None:
        """Take the indicators, statuses and forecasts the board shows from ``seat``."""
        self.seat = seat
        self.shown = {i.id: i for i in seat.indicators}
        self.series = {i.id: list(i.series) for i in seat.indicators}
        self.status = {a.id: a.status for a in seat.actions}
        self.forecasts = {a.id: a.forecast for a in seat.actions}

    @property
    def action(self) -> Action | None:
        """The selected action."""
        return self.actions[self.act_index] if self.actions else None

    def page_of(self, action_index: int) -> int:
        """The page showing an action."""
        for number, page in enumerate(self.pages):
            if any(r.action == action_index for r in page):
                return number
        return 0

    def my_agreements(self) -> list[Agreement]:
        """The agreements this seat is a party to."""
        return [a for a in self.seat.agreements if self.seat.role in a.parties]

    def add_hit(self, rect: pygame.Rect, kind: str, value: int) -> None:
        """Remember that ``rect`` answers clicks as ``kind`` ``value`` (until the board is drawn again)."""
        self.hits.append((rect, kind, value))


class StateNames:
    """The names under which the board screen offers the state its components share (the screen's own code, tests
    and anyone holding the screen read them): each reads, or writes, the screen's :class:`BoardState`."""

    state: BoardState

    @property
    def actions(self) -> list[Action]:
        """The actions of the menu, in the terminal's order."""
        return self.state.actions

    @property
    def act_index(self) -> int:
        """The index of the selected action."""
        return self.state.act_index

    @act_index.setter
    def act_index(self, index: int) -> None:
        self.state.act_index = index

    @property
    def action(self) -> Action | None:
        """The selected action."""
        return self.state.action

    @property
    def zone(self) -> str:
        """Which list has the keyboard: ``indicators`` or ``actions``."""
        return self.state.zone

    @property
    def layout(self) -> str:
        """``wide``, ``medium`` or ``narrow``, by the window's width."""
        return self.state.layout

    @property
    def pages(self) -> list[list[Row]]:
        """The action list's pages."""
        return self.state.pages

    @property
    def seat(self) -> SeatView:
        """What this seat sees of the game."""
        return self.state.seat

    @property
    def shown(self) -> dict[str, IndicatorView]:
        """The indicators as this seat sees them, by id."""
        return self.state.shown

    @property
    def status(self) -> dict[str, str]:
        """Each action's status for this seat (``available``, ``committed`` or why not), by id."""
        return self.state.status

    @property
    def hits(self) -> list[tuple[pygame.Rect, str, int]]:
        """The click areas of the last drawing: (rect, kind, value)."""
        return self.state.hits

    def page_of(self, action_index: int) -> int:
        """The page showing an action."""
        return self.state.page_of(action_index)


def number_of(action_index: int) -> int:
    """The number key of an action (its number in the menu), or 0 for one past nine (Enter only)."""
    return action_index + 1 if 0 <= action_index < PAGE_SIZE else 0
