"""The top of the public board: the scenario, the turn and the date, whose part of the turn it is (or that the
teacher paused the game), and the turn timer on the right."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.table import DecisionKind
from game.table.public import PublicView
from game.ui.screens.ingame import GameScreen
from game.ui.screens.public.timer import TimerDisplay
from game.ui.screens.wording import possessive
from game.ui.widgets import text as textlib

#: Design font sizes: the scenario's title, the turn and date, whose part it is.
KICKER, TURN, MOMENT = 17, 34, 24


def moment_words(board: PublicView) -> str:
    """Whose part of the turn it is, in words that tell nothing private: ``Now: Cambodia's part of the turn``."""
    if board.over:
        return tr("The game is over")
    if board.paused:
        return tr("Paused by the teacher")
    moment = board.moment
    if moment is None:
        return ""
    if moment.kind is DecisionKind.CHOOSE:
        return tr("Now: {name} decides on the news", name=moment.name)
    return tr("Now: {possessive} part of the turn", possessive=possessive(moment.name))


class PublicHeader:
    """The header strip: words on the left, the clock on the right."""

    def __init__(self, screen: GameScreen, timer: TimerDisplay) -> None:
        self.screen = screen
        self.timer = timer
        #: Low windows leave out the scenario's title.
        self.compact = False

    def height(self) -> int:
        """The strip's height: the kicker, the turn line and whose part it is (or the clock, if taller)."""
        screen = self.screen
        kicker = 0 if self.compact else screen.font(KICKER, bold=True).get_linesize()
        words = kicker + screen.font(TURN, bold=True).get_linesize() + screen.font(MOMENT, bold=True).get_linesize()
        return max(words, self.timer.height())

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, board: PublicView, *, seconds: float | None) -> None:
        """The words left, the clock right (the words are shortened to leave it room)."""
        screen, palette = self.screen, self.screen.palette
        turn_seconds = screen.match.teacher.turn_seconds
        clock_w = self.timer.width(seconds, turn_seconds)
        room = rect.width - (clock_w + screen.px(24) if clock_w else 0)
        colour = palette.bad if board.paused and not board.over else palette.text
        lines = [
            (board.title.upper(), KICKER, palette.accent),
            (
                tr("Turn {turn} of {turns} · {date}", turn=board.turn, turns=board.turns, date=board.date),
                TURN,
                palette.text,
            ),
            (moment_words(board), MOMENT, colour),
        ]
        y = rect.top
        for text, size, line_colour in lines[1:] if self.compact else lines:
            font = self.fitted(text, size, room)
            top = y + screen.font(size, bold=True).get_ascent() - font.get_ascent()
            textlib.draw(surface, text, (rect.left, top), font=font, colour=line_colour, max_width=room)
            y += screen.font(size, bold=True).get_linesize()
        self.timer.draw(surface, rect.right, rect.top, seconds=seconds, turn_seconds=turn_seconds)

    def fitted(self, text: str, size: float, room: int) -> pygame.font.Font:
        """The bold font at ``size``, or a little smaller (down to 70 %) where the line would not fit in ``room``."""
        font = self.screen.font(size, bold=True)
        for step in (0.9, 0.8, 0.7):
            if textlib.width_of(font, text) <= room:
                break
            font = self.screen.font(size * step, bold=True)
        return font
