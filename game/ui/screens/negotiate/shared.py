"""What the panels of the negotiation table share: a row of an item list, the two sides, the state of the table
the panels read (a Protocol the screen fulfils), and the geometry of a list of rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pygame
from pygame_gui.elements import UIButton

from game.ai.negotiation import Evaluation
from game.engine import Agreement, Item
from game.table import SeatView
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.widgets import Document, ScrollView

#: The two item lists of a proposal.
SIDES = ("give", "ask")

#: A place a click or the mouse can land on: its rectangle, its kind (a side, ``tab`` or ``agreement``), its index.
Hit = tuple[pygame.Rect, str, int]


@dataclass(frozen=True)
class Entry:
    """One row of an item list: the item, why it cannot be put on the table now (``""`` when it can), and what
    implementing it does in one line."""

    item: Item
    reason: str
    summary: str = ""


class Table(Protocol):
    """The state of the negotiation table that its panels read: the counterpart, the picked items, the cursors, the
    panel with the keyboard, the mouse and the places drawn to click. The screen that owns the panels offers it."""

    seat: SeatView
    others: list[str]
    other: str
    reply_to: str | None
    chosen: set[str]
    view: str
    zone: str
    layout: str
    last_list: str
    cursor: dict[str, int]
    first_row: dict[str, int]
    agreement_index: int
    hover: tuple[str, int] | None
    hits: list[Hit]
    pad: int
    version: tuple[object, ...] | None
    entries: dict[str, list[Entry]]
    send_button: UIButton | None
    clear_button: UIButton | None
    break_button: UIButton | None

    def agreements(self) -> list[Agreement]:
        """The agreements the player is a party to."""
        ...

    def bundle(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``(give, ask)``: the picked items of each list."""
        ...

    def evaluation(self) -> Evaluation:
        """The counterpart's breakdown of the picked items."""
        ...

    def own_view(self) -> Evaluation:
        """The player's own breakdown of the picked items."""
        ...

    def focused_entry(self) -> Entry | None:
        """The item under the mouse, else the one under the list cursor."""
        ...

    def selected_agreement(self) -> Agreement | None:
        """The agreement under the cursor of the agreements panel."""
        ...

    def send_problem(self) -> str:
        """Why the picked items cannot be sent now, or ``""``."""
        ...

    def break_problem(self) -> str:
        """Why the selected agreement cannot be broken, or ``""``."""
        ...

    def toggle(self, side: str, index: int) -> None:
        """Add an item to the proposal or take it out."""
        ...

    def set_zone(self, zone: str) -> None:
        """Give the keyboard to a list, the breakdown, the agreements or the buttons."""
        ...

    def select_agreement(self, index: int) -> None:
        """Put the agreements cursor on ``index``."""
        ...


def row_height(screen: GameScreen, pad: int) -> int:
    """The height of a row of two lines (a label and a muted line) in a list."""
    return screen.font(BODY).get_linesize() + screen.font(SMALL).get_linesize() + pad


def list_area(screen: GameScreen, pad: int, rect: pygame.Rect) -> pygame.Rect:
    """Where the rows of a list panel go: the panel ``rect`` less its padding and its title."""
    title_h = screen.font(SMALL + 1, bold=True).get_linesize() + screen.px(6)
    return pygame.Rect(rect.left + pad, rect.top + pad + title_h, rect.width - 2 * pad, rect.height - 2 * pad - title_h)


def first_visible(cursor: int, first: int, visible: int, count: int) -> int:
    """The first row to show so that row ``cursor`` is in view, moving the window ``first`` as little as possible."""
    if cursor < first:
        first = cursor
    elif cursor >= first + visible:
        first = cursor - visible + 1
    return max(0, min(first, max(0, count - visible)))


class DocumentPanel:
    """A panel of the table that shows one scrolling document, kept until what it shows changes (or
    :meth:`forget` is called): the weigh panel and the agreement panel."""

    def __init__(self, screen: GameScreen, table: Table) -> None:
        self.screen = screen
        self.table = table
        self.scroll = ScrollView()
        self._doc: tuple[tuple[object, ...], Document] | None = None

    def forget(self) -> None:
        """Drop the kept document: it is built again at the next draw."""
        self._doc = None
