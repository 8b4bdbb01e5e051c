"""The tutorial's coach on the board: a strip along the bottom with the current step's text, Continue for steps to
read, and an outline around the part of the board the step points at.

What the current step is comes from the app's :class:`~game.table.tutorial.Coach` (the flow records what the
learner acknowledged); this component only draws it and asks for :class:`CoachRead` when Continue is pressed.
"""

from __future__ import annotations

from typing import Protocol

import pygame
from pygame_gui.elements import UIButton

from game.engine import localize
from game.engine.tutorial import PointAt, Pointer, Until
from game.i18n import tr
from game.table.tutorial import Coach, Progress
from game.ui.screens.board.header import Header
from game.ui.screens.board.state import BoardState
from game.ui.screens.ingame import BODY, GameScreen
from game.ui.screens.results import CoachRead
from game.ui.widgets import text as textlib
from game.ui.widgets.gui import set_visible

#: The lines of step text the strip has room for.
LINES = 3


class Board(Protocol):
    """What the coach reads of the board it is drawn on: the screen, and the rects its layout gave each part."""

    state: BoardState
    header_strip: Header
    ind_rect: pygame.Rect
    act_rect: pygame.Rect
    detail_rect: pygame.Rect
    news_rect: pygame.Rect
    end_button: UIButton
    commit_button: UIButton
    negotiate_button: UIButton | None


class CoachPanel:
    """The coach of one board (None of it shows when the board is not the learner's in a tutorial)."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.button: UIButton | None = None

    @property
    def coach(self) -> Coach | None:
        """The tutorial's coach, when this board is the learner's."""
        coach = self.screen.app.coach
        return coach if coach is not None and coach.role == self.screen.role else None

    def height(self) -> int:
        """The strip's height: a heading and :data:`LINES` lines of text (0 without a coach)."""
        if self.coach is None:
            return 0
        return (LINES + 1) * self.screen.font(BODY).get_linesize() + self.screen.px(16)

    def build(self, rect: pygame.Rect) -> None:
        """Place the strip in ``rect`` with its Continue button at the right."""
        self.rect = rect
        self.button = None
        if self.coach is None:
            return
        screen = self.screen
        label = tr("Continue (C)")
        button = pygame.Rect(0, 0, screen.button_width(label), screen.button_height())
        button.midright = (rect.right - screen.px(10), rect.centery)
        self.button = screen.button(button, label, self.read, key=pygame.K_c, object_id="#primary")
        self.sync()

    def read(self) -> None:
        """Continue: the step has been read."""
        self.screen.request(CoachRead())

    def sync(self) -> Progress | None:
        """The current step; Continue shows only on a step to read."""
        coach = self.coach
        now = coach.current() if coach is not None else None
        if self.button is not None:
            set_visible(self.button, now is not None and now.step is not None and now.step.until is Until.READ)
        return now

    def draw_outline(self, surface: pygame.Surface, board: Board) -> None:
        """An outline around what the current step points at (over the widgets)."""
        coach = self.coach
        step = coach.current().step if coach is not None else None
        if step is None or step.point is None:
            return
        screen = self.screen
        target = target_rect(board, step.point, screen)
        if target is not None and target.width > 0:
            pygame.draw.rect(surface, screen.palette.accent, target.inflate(screen.px(8), screen.px(8)),
                             width=max(2, screen.px(3)), border_radius=screen.px(6))  # fmt: skip

    def draw_strip(self, surface: pygame.Surface) -> None:
        """The strip with the step's text (under the widgets, so Continue shows over it)."""
        now = self.sync()
        if now is None:
            return
        screen, palette, rect = self.screen, self.screen.palette, self.rect
        pygame.draw.rect(surface, palette.panel, rect, border_radius=screen.px(6))
        pygame.draw.rect(surface, palette.accent, rect, width=max(1, screen.px(2)), border_radius=screen.px(6))
        inner = rect.inflate(-screen.px(24), -screen.px(16))
        if self.button is not None and self.button.visible:
            inner.width = self.button.rect.left - inner.left - screen.px(12)
        step = now.step
        heading = tr("Tutorial · ") + (now.label if step is not None else tr("all done: play on as you like"))
        font = screen.font(BODY, bold=True)
        textlib.draw(surface, heading, inner.topleft, font=font, colour=palette.accent, max_width=inner.width)
        if step is None:
            return
        body = pygame.Rect(inner.left, inner.top + font.get_linesize(), inner.width, inner.height - font.get_linesize())
        say = localize(step.say, screen.game.lang)
        textlib.draw_wrapped(surface, say, body, font=screen.font(BODY), colour=palette.text)


def target_rect(board: Board, pointer: Pointer, screen: GameScreen) -> pygame.Rect | None:
    """The rect of the part of the board ``pointer`` points at (None when the board does not show it)."""
    at = pointer.at
    if at in (PointAt.INDICATORS, PointAt.OBJECTIVES):
        return board.ind_rect
    if at is PointAt.INDICATOR:
        ids = [i.id for i in screen.game.scenario.shown_indicators]
        index = ids.index(pointer.target) if pointer.target in ids else -1
        return _hit(board, "ind", index) or board.ind_rect
    if at is PointAt.ACTION:
        ids = [a.id for a in board.state.actions]
        index = ids.index(pointer.target) if pointer.target in ids else -1
        return _hit(board, "act", index) or board.act_rect
    header = board.header_strip
    if at is PointAt.CAPITAL and header.capital_in_header:
        left = header.buttons_left - screen.px(10) - header.capital_w
        return pygame.Rect(left, header.rect.top, header.capital_w, header.rect.height)
    if at is PointAt.TURN:
        return pygame.Rect(header.rect.left, header.rect.top, header.text_w, header.rect.height)
    buttons = {PointAt.COMMIT: board.commit_button, PointAt.END_TURN: board.end_button,
               PointAt.NEGOTIATE: board.negotiate_button}  # fmt: skip
    if at in buttons:
        button = buttons[at]
        return button.rect if button is not None and button.visible else None
    return {PointAt.ACTIONS: board.act_rect, PointAt.CAPITAL: board.act_rect, PointAt.FORECAST: board.detail_rect,
            PointAt.NEWS: board.news_rect}.get(at)  # fmt: skip


def _hit(board: Board, kind: str, value: int) -> pygame.Rect | None:
    return next((rect for rect, hit_kind, hit in board.state.hits if hit_kind == kind and hit == value), None)
