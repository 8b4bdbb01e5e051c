"""Where the board's panels go for a window size, and the measures its lists and documents share."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import tr
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.widgets import Document


@dataclass(frozen=True)
class Panels:
    """The rects of the board's panels. In medium and narrow layouts several panels share one rect (one tab shows
    at a time); ``tabs`` is empty in the wide layout, which has no tabs."""

    indicators: pygame.Rect
    actions: pygame.Rect
    details: pygame.Rect
    news: pygame.Rect
    tabs: pygame.Rect


def layout_for(width: float) -> str:
    """The layout for a window ``width`` wide in design pixels: ``wide``, ``medium`` or ``narrow``."""
    return "wide" if width >= 980 else "medium" if width >= 600 else "narrow"


def place_panels(screen: GameScreen, layout: str, body: pygame.Rect, gap: int) -> Panels:
    """Wide windows show indicators, actions, details and news side by side; medium ones a tabbed list (indicators,
    actions, news) beside the details; narrow ones one tab at a time, details included."""
    if layout == "wide":
        w1 = round(body.width * 0.34)
        w2 = round(body.width * 0.32)
        indicators = pygame.Rect(body.left, body.top, w1, body.height)
        actions = pygame.Rect(indicators.right + gap, body.top, w2, body.height)
        right = pygame.Rect(actions.right + gap, body.top, body.right - actions.right - gap, body.height)
        detail_h = round(right.height * 0.62)
        details = pygame.Rect(right.left, right.top, right.width, detail_h)
        news = pygame.Rect(right.left, right.top + detail_h + gap, right.width, right.height - detail_h - gap)
        return Panels(indicators, actions, details, news, pygame.Rect(0, 0, 0, 0))
    tab_h = screen.tab_height()
    if layout == "medium":
        left = pygame.Rect(body.left, body.top, round(body.width * 0.5), body.height)
        tabs = pygame.Rect(left.left, left.top, left.width, tab_h)
        lists = pygame.Rect(left.left, left.top + tab_h, left.width, left.height - tab_h)
        details = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)
        return Panels(lists, lists, details, lists, tabs)
    tabs = pygame.Rect(body.left, body.top, body.width, tab_h)
    rest = pygame.Rect(body.left, body.top + tab_h, body.width, body.height - tab_h)
    return Panels(rest, rest, rest, rest, tabs)


def list_area(screen: GameScreen, pad: int, rect: pygame.Rect) -> pygame.Rect:
    """The part of a list panel under its title (and above the page line for actions)."""
    title_h = screen.font(SMALL + 1, bold=True).get_linesize() + screen.px(6)
    return pygame.Rect(rect.left + pad, rect.top + pad + title_h, rect.width - 2 * pad, rect.height - 2 * pad - title_h)


def new_document(screen: GameScreen) -> Document:
    """An empty document in the screen's fonts and scale."""
    return Document(lambda size, bold: screen.font(size, bold=bold), screen.px)


def board_hints(layout: str, negotiation: bool) -> list[tuple[str, str]]:
    """The board's key hints in order of importance (the footer shows as many as fit)."""
    wanted = [
        (tr("Up/Down"), tr("choose")),
        ("1-9", tr("commit / withdraw")),
        ("E", tr("end turn")),
        (tr("Tab"), tr("switch list")),
        (tr("Esc"), tr("menu")),
        ("F2", tr("teacher")),
        ("F3", tr("public board")),
        (tr("Enter"), tr("commit / withdraw")),
        (tr("PgUp/PgDn"), tr("more actions")),
        (tr("Shift+Up/Down"), tr("scroll details")),
    ]
    if layout == "narrow":
        wanted[3] = ("I A D N", tr("tabs"))
    if negotiation:
        wanted.insert(3, ("P", tr("negotiate")))
    return wanted
