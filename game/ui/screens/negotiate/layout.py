"""Where everything goes on the negotiation table: the header with Back, the tabs, the panels of the view, the row
of action buttons with its status line, and the key hints.

Wide windows show both lists and the breakdown side by side; medium ones one list (tabs) beside the breakdown;
narrow ones one panel at a time. Text never shrinks: lists scroll with the cursor instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import N_, tr
from game.ui.screens.ingame import HEADING, SMALL, GameScreen

#: The label of the Back button in the header.
BACK_LABEL = N_("Back (Esc)")


@dataclass(frozen=True)
class Panels:
    """The rectangles of the panels of each view (a panel the view does not show gets the whole body)."""

    give: pygame.Rect
    ask: pygame.Rect
    weigh: pygame.Rect
    agreements: pygame.Rect
    detail: pygame.Rect


@dataclass(frozen=True)
class ActionRow:
    """The row of action buttons: its whole rectangle, each button's and the status line's beside or above them."""

    rect: pygame.Rect
    labels: list[str]
    buttons: list[pygame.Rect]
    status: pygame.Rect


@dataclass(frozen=True)
class TableLayout:
    """The layout of the table in one window: ``layout`` is ``wide``, ``medium`` or ``narrow``; ``tight`` is a
    short window; ``gap`` and ``pad`` are the spaces between and inside panels."""

    layout: str
    tight: bool
    gap: int
    pad: int
    inner: pygame.Rect
    header: pygame.Rect
    header_text_w: int
    back: pygame.Rect
    tabs: pygame.Rect
    hints: list[tuple[str, str]]
    footer: pygame.Rect
    actions: ActionRow
    body: pygame.Rect
    panels: Panels


def lay_out(screen: GameScreen, rect: pygame.Rect, *, view: str, replying: bool, several: bool) -> TableLayout:
    """The layout of the table in ``rect`` for ``view`` (``proposal`` or ``agreements``); ``replying``: a
    counter-proposal is being built; ``several``: there is more than one other side."""
    design_w, design_h = rect.width / screen.app.scale, rect.height / screen.app.scale
    layout = "wide" if design_w >= 980 else "medium" if design_w >= 600 else "narrow"
    tight = design_h < 420
    margin = screen.px(8 if tight else 12)
    gap = screen.px(6 if tight else 10)
    inner = rect.inflate(-2 * margin, -2 * margin)

    big = screen.font(HEADING + 2, bold=True)
    header = pygame.Rect(inner.left, inner.top, inner.width, max(screen.button_height(), big.get_linesize()))
    back = pygame.Rect(0, 0, screen.button_width(tr(BACK_LABEL)), screen.button_height())
    back.midright = (inner.right, header.centery)
    tabs = pygame.Rect(inner.left, header.bottom + gap, inner.width, screen.tab_height())

    lines = 1 if tight or layout != "wide" else 2
    hints = screen.fit_hints(wanted_hints(view, several), inner.width, lines)
    hints_h = screen.key_hints_height(hints, inner.width)
    footer = pygame.Rect(inner.left, inner.bottom - hints_h, inner.width, hints_h)

    labels = action_labels(view, replying=replying, short=tight and layout == "narrow")
    actions = action_row(screen, labels, inner, bottom=footer.top - gap, gap=gap)
    body = pygame.Rect(inner.left, tabs.bottom, inner.width, actions.rect.top - gap - tabs.bottom)
    return TableLayout(
        layout=layout,
        tight=tight,
        gap=gap,
        pad=screen.px(6 if tight else 10),
        inner=inner,
        header=header,
        header_text_w=back.left - inner.left - gap,
        back=back,
        tabs=tabs,
        hints=hints,
        footer=footer,
        actions=actions,
        body=body,
        panels=place_panels(body, gap, view=view, layout=layout),
    )


def action_row(screen: GameScreen, labels: list[str], inner: pygame.Rect, *, bottom: int, gap: int) -> ActionRow:
    """The buttons ``labels`` at the right of a row ending at ``bottom``; the status line beside them when there
    is room for it, else above them."""
    buttons_w = sum(screen.button_width(label) for label in labels) + gap * (len(labels) - 1)
    beside = inner.width - buttons_w - gap >= screen.px(220)
    buttons_h = screen.buttons_height(labels, inner.width)
    status_h = 0 if beside else screen.font(SMALL + 1, bold=True).get_linesize() + screen.px(4)
    rect = pygame.Rect(inner.left, bottom - buttons_h - status_h, inner.width, buttons_h + status_h)
    buttons = screen.flow_buttons(labels, pygame.Rect(inner.left, rect.top + status_h, inner.width, buttons_h))
    if beside:
        status = pygame.Rect(inner.left, rect.top, inner.width - buttons_w - gap, buttons_h)
    else:
        status = pygame.Rect(inner.left, rect.top, inner.width, status_h)
    return ActionRow(rect, labels, buttons, status)


def place_panels(body: pygame.Rect, gap: int, *, view: str, layout: str) -> Panels:
    """The panels of ``view`` in ``body``: the agreements beside the agreement in full (one panel when narrow);
    the two lists and the breakdown side by side (wide), one list beside the breakdown (medium), or one panel."""
    if view == "agreements":
        if layout == "narrow":
            return Panels(body, body, body, body, body)
        left = pygame.Rect(body.left, body.top, round(body.width * (0.38 if layout == "wide" else 0.42)), body.height)
        detail = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)
        return Panels(body, body, body, left, detail)
    if layout == "wide":
        width = round(body.width * 0.31)
        give = pygame.Rect(body.left, body.top, width, body.height)
        ask = pygame.Rect(give.right + gap, body.top, width, body.height)
        weigh = pygame.Rect(ask.right + gap, body.top, body.right - ask.right - gap, body.height)
        return Panels(give, ask, weigh, body, body)
    if layout == "medium":
        left = pygame.Rect(body.left, body.top, round(body.width * 0.5), body.height)
        weigh = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)
        return Panels(left, left, weigh, body, body)
    return Panels(body, body, body, body, body)


def action_labels(view: str, *, replying: bool, short: bool) -> list[str]:
    """The labels of the action buttons of ``view``; ``short``: the shortest Send label (a small window)."""
    if view == "agreements":
        return [tr("Break agreement (B)")]
    send = tr("Send counter-proposal (S)") if replying else tr("Send proposal (S)")
    if short:
        send = tr("Send (S)")
    return [tr("Clear (C)"), send]


def wanted_hints(view: str, several: bool) -> list[tuple[str, str]]:
    """The key hints of ``view`` in order of importance (the first ones are kept when they do not all fit);
    ``several``: more than one other side, so O switches between them."""
    if view == "agreements":
        hints = [
            (tr("Up/Down"), tr("choose")),
            ("B", tr("break")),
            ("P", tr("proposal")),
            (tr("Esc"), tr("back")),
            (tr("Shift+Up/Down"), tr("scroll")),
        ]
    else:
        hints = [
            (tr("Up/Down"), tr("choose")),
            (tr("Space"), tr("add / take out")),
            ("S", tr("send")),
            (tr("Left/Right"), tr("give / ask")),
            (tr("Esc"), tr("back")),
            (tr("Tab"), tr("buttons")),
            ("A", tr("agreements")),
            (tr("Shift+Up/Down"), tr("scroll")),
        ]
    if several:
        hints.insert(3, ("O", tr("other side")))
    return hints


def visible_panels(layout: str, zone: str, last_list: str) -> tuple[str, ...]:
    """The panels the proposal view shows: all three when wide; the last list used and the breakdown when medium;
    the one with the keyboard when narrow."""
    if layout == "wide":
        return ("give", "ask", "weigh")
    if layout == "medium":
        return (last_list, "weigh")
    return ("weigh",) if zone == "weigh" else (last_list,)
