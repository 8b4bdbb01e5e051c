"""The header strip of the board: turn and date, who you play, agreements in force, and your capital with pips."""

from __future__ import annotations

import pygame

from game.i18n import tr, tr_n
from game.ui.screens.board.state import BoardState
from game.ui.screens.ingame import BODY, HEADING, GameScreen
from game.ui.widgets import text as textlib


class Capital:
    """The seat's capital this turn: ``Capital 3 left of 5`` with one pip per point (filled = still to spend)."""

    def __init__(self, screen: GameScreen, state: BoardState) -> None:
        self.screen = screen
        self.state = state

    def amounts(self) -> tuple[int, int]:
        """(capital left, capital spent on the actions committed this turn)."""
        seat = self.state.seat
        return seat.capital, sum(self.screen.game.scenario.action(a).cost for a in seat.committed)

    def text(self) -> str:
        """``Capital 3 left of 5`` (5 = what there was to spend this turn)."""
        left, spent = self.amounts()
        return tr("Capital {left} left of {value}", left=left, value=left + spent)

    def width(self) -> int:
        """The widest the capital can be drawn: its text at the role's most capital, and a pip per point."""
        screen = self.screen
        role = screen.game.scenario.role(screen.role)
        text = tr("Capital {capital_max} left of {capital_max}", capital_max=role.capital_max)
        pips = role.capital_max * screen.px(12)
        return textlib.width_of(screen.font(BODY, bold=True), text) + pips + screen.px(12)

    def draw(self, surface: pygame.Surface, pos: tuple[int, int], width: int) -> None:
        """The text at ``pos``, then the pips that fit in ``width``."""
        screen, palette = self.screen, self.screen.palette
        left, spent = self.amounts()
        font = screen.font(BODY, bold=True)
        drawn = textlib.draw(surface, self.text(), pos, font=font, colour=palette.text, max_width=width)
        size = screen.px(10)
        x = drawn.right + screen.px(8)
        y = pos[1] + font.get_linesize() // 2
        for index in range(left + spent):
            if x + size > pos[0] + width:
                break
            centre = (x + size // 2, y)
            if index < left:
                pygame.draw.circle(surface, palette.accent, centre, size // 2)
            else:
                pygame.draw.circle(surface, palette.border, centre, size // 2, width=max(1, screen.px(2)))
            x += size + screen.px(4)


class Header:
    """The strip along the top of the board, left of the Negotiate and End turn buttons.

    :meth:`place` decides whether the capital fits in the strip (else the action list's title shows it).
    """

    def __init__(self, screen: GameScreen, state: BoardState, capital: Capital) -> None:
        self.screen = screen
        self.state = state
        self.capital = capital
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.buttons_left = 0
        self.capital_w = 0
        self.capital_in_header = False
        self.text_w = 0

    def height(self) -> int:
        """The strip's height: a button's, or the turn's line if taller."""
        return max(self.screen.button_height(), self.screen.font(HEADING + 2, bold=True).get_linesize())

    def place(self, rect: pygame.Rect, buttons_left: int, gap: int) -> None:
        """Lay the strip out in ``rect``, whose buttons start at ``buttons_left``."""
        screen = self.screen
        self.rect = rect
        self.buttons_left = buttons_left
        self.capital_w = self.capital.width()
        turn_w = textlib.width_of(screen.font(HEADING + 2, bold=True), screen.match.turn_label)
        self.capital_in_header = buttons_left - rect.left >= turn_w + self.capital_w + 2 * gap + screen.px(24)
        self.text_w = buttons_left - rect.left - gap - (self.capital_w + gap if self.capital_in_header else 0)

    def draw(self, surface: pygame.Surface) -> None:
        """The turn and date, then whole parts of ``You play ...`` and the agreements in force while they fit, and
        the capital at the right when it fits."""
        screen, palette, match = self.screen, self.screen.palette, self.screen.match
        rect = self.rect
        big = screen.font(HEADING + 2, bold=True)
        y = rect.centery - big.get_linesize() // 2
        drawn = textlib.draw(
            surface, match.turn_label, (rect.left, y), font=big, colour=palette.text, max_width=self.text_w
        )
        small = screen.font(BODY)
        x, baseline = drawn.right, y + big.get_ascent() - small.get_ascent()
        parts = [tr("  ·  You play {role_name}", role_name=match.role_name(screen.role))]
        if match.has_negotiation:
            in_force = sum(1 for a in self.state.my_agreements() if a.open and not a.broken)
            parts.append("  ·  " + tr_n("{n} agreement in force", "{n} agreements in force", in_force))
        for part in parts:  # whole parts only, while they fit
            if x + textlib.width_of(small, part) >= rect.left + self.text_w:
                break
            x = textlib.draw(surface, part, (x, baseline), font=small, colour=palette.muted).right
        if self.capital_in_header:
            self.capital.draw(
                surface,
                (
                    self.buttons_left - screen.px(10) - self.capital_w,
                    rect.centery - screen.font(BODY, bold=True).get_linesize() // 2,
                ),
                self.capital_w,
            )
