"""The public board: what the whole room may see of the game, in large type, for a projector.

It shows the indicators (value, move since last turn, a trend line), the news of the turn, what each side did last
turn, the agreements in force, the turn and the date, whose part of the turn it is and the turn timer when one runs;
every side's objectives only once the teacher reveals them (or the game is over). It draws from
:func:`game.table.public.public_view`, which holds nothing private. F3 (or the button) goes back to the players'
screens, through a privacy screen (see :mod:`game.ui.flow`).

Wide windows show the indicators beside the words; narrow ones (a small window at a large UI scale) one of them at a
time (Tab switches).
"""

from __future__ import annotations

import pygame

from game.i18n import N_, tr
from game.table.public import PublicView, public_view
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.ingame import BUTTON_FONT, GameScreen
from game.ui.screens.public.header import PublicHeader
from game.ui.screens.public.indicators import IndicatorTiles
from game.ui.screens.public.news import NewsColumn
from game.ui.screens.public.timer import Countdown, Stopped, TimerDisplay, clock_text
from game.ui.screens.results import LeavePublic
from game.ui.widgets import text as textlib

#: The narrowest window, in design pixels, that shows the indicators and the words side by side.
WIDE = 900
#: The window the board is designed for: a larger one draws everything larger, as a projector would.
DESIGN = (1280, 720)
#: Below this body height (design pixels), the indicator tiles take one line each.
LOW = 420
#: The key that switches between the public board and the players' screens.
KEY = pygame.K_F3
#: The back button's label, which says the key.
BACK = N_("Back to the players (F3)")


class PublicScreen(GameScreen):
    """The board for the room; ``countdown`` is the running turn timer, if any (see :mod:`.timer`)."""

    pausable = True

    def __init__(self, app: Host, countdown: Countdown | None = None) -> None:
        super().__init__(app)
        self.countdown: Countdown = countdown or Stopped()
        self.timer = TimerDisplay(self)
        self.header_strip = PublicHeader(self, self.timer)
        self.tiles = IndicatorTiles(self)
        self.words = NewsColumn(self)
        self.wide = True
        #: In a narrow window, which part shows: ``indicators`` or ``news``.
        self.pane = "indicators"
        self.header = self.body = self.footer = pygame.Rect(0, 0, 0, 0)
        self.hints: list[tuple[str, str]] = []
        self._board: tuple[object, PublicView] | None = None
        self._clock = ""

    # ----------------------------------------------------------------- what it shows
    def version(self) -> tuple[object, ...]:
        """What the board depends on: a new value means it must be read again."""
        match, game = self.match, self.game
        teacher = match.teacher
        return (game.turn, game.phase, len(game.history), len(game.state.news), match.decision(), teacher.paused,
                teacher.revealed, teacher.turn_seconds, len(game.agreements()), game.outcome is not None)  # fmt: skip

    def board(self) -> PublicView:
        """The public view of the match (read again when the game has changed)."""
        version = self.version()
        if self._board is None or self._board[0] != version:
            self._board = (version, public_view(self.match))
        return self._board[1]

    def seconds_left(self) -> float | None:
        """The time left on the turn timer, or ``None`` when none runs."""
        return self.countdown.seconds_left()

    # ----------------------------------------------------------------- sizes
    def zoom(self) -> float:
        """How much larger than :data:`DESIGN` the window is (never below 1): the board grows with the window, so
        that it reads the same from the back of the room on any projector."""
        width, height = self.app.window.get_size()
        return max(1.0, min(width / DESIGN[0], height / DESIGN[1]))

    def px(self, value: float) -> int:
        """A length in pixels at the UI scale and the window's :meth:`zoom`."""
        return self.app.px(value * self.zoom())

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """The header on top, the hints and the back button at the bottom, the body between them."""
        margin, gap = self.px(20), self.px(14)
        inner = rect.inflate(-2 * margin, -2 * margin)
        design = self.app.scale * self.zoom()
        self.wide = rect.width / design >= WIDE
        self.header_strip.compact = rect.height / design < LOW + 140
        self.header = pygame.Rect(inner.left, inner.top, inner.width, self.header_strip.height())
        # The button's words are in the theme's font, which follows the UI scale but not the window's zoom.
        theme_font = theme.font(self.app.px(BUTTON_FONT))
        button_w = min(inner.width, textlib.width_of(theme_font, tr(BACK)) + self.app.px(28))
        button = pygame.Rect(0, 0, button_w, theme_font.get_linesize() + self.app.px(16))
        button.bottomright = inner.bottomright
        self.button(button, tr(BACK), self.leave, key=KEY, focusable=False)
        wanted = [("F3", tr("back to the players")), (tr("Esc"), tr("menu")), (tr("PgUp/PgDn"), tr("indicators")),
                  (tr("Up/Down"), tr("scroll the news"))]  # fmt: skip
        if not self.wide:
            wanted.insert(1, (tr("Tab"), tr("indicators / news")))
        top = self.header.bottom + gap
        self.body = pygame.Rect(inner.left, top, inner.width, button.top - gap - top)
        self.tiles.compact = self.body.height < self.px(LOW)
        tiles = self.panes()[0] or self.body
        count = len(self.game.scenario.shown_indicators)
        if self.tiles.grid(tiles, count).per_page >= count:
            wanted.remove((tr("PgUp/PgDn"), tr("indicators")))  # every indicator fits: no pages
        room = max(self.px(40), button.left - inner.left - gap)
        self.hints = self.fit_hints(wanted, room, 1)
        hint_h = self.key_hints_height(self.hints, room)
        self.footer = pygame.Rect(inner.left, button.centery - hint_h // 2, room, hint_h)
        self.words.cache = None

    def panes(self) -> tuple[pygame.Rect | None, pygame.Rect | None]:
        """Where the indicators and the words go (``None``: not shown in a narrow window now)."""
        body, gap = self.body, self.px(16)
        if not self.wide:
            return (body, None) if self.pane == "indicators" else (None, body)
        left = round(body.width * 0.62)
        return pygame.Rect(body.left, body.top, left, body.height), pygame.Rect(
            body.left + left + gap, body.top, body.width - left - gap, body.height
        )

    # ----------------------------------------------------------------- input
    def leave(self) -> None:
        """Back to the players' screens (the flow puts a privacy screen first)."""
        self.dismiss(LeavePublic())

    def handle(self, event: pygame.event.Event) -> bool:
        """F3 leaves; PgUp/PgDn page the indicators; Up/Down and the wheel scroll the words; Tab switches parts."""
        if event.type == pygame.MOUSEWHEEL:
            return self.words.scroll.scroll(-event.y * self.px(40)) or True
        if event.type != pygame.KEYDOWN:
            return False
        key = event.key
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.tiles.turn_page(1 if key == pygame.K_PAGEDOWN else -1)
        elif key in (pygame.K_UP, pygame.K_DOWN):
            self.words.scroll.scroll(self.px(60) * (1 if key == pygame.K_DOWN else -1))
        elif key == pygame.K_TAB and not self.wide:
            self.pane = "news" if self.pane == "indicators" else "indicators"
        else:
            return super().handle(event)
        return True

    def update(self, dt: float) -> bool:
        """Redraw when the clock shows another second or the game changed under the board."""
        seconds = self.seconds_left()
        clock = "" if seconds is None else clock_text(seconds)
        changed = clock != self._clock or self._board is None or self._board[0] != self.version()
        self._clock = clock
        return super().update(dt) or changed

    def autoplay(self) -> None:
        """Go back to the players (``play --autoplay`` must not stop here)."""
        self.leave()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """The header, the tiles and the words, the key hints."""
        surface.fill(self.palette.background)
        board = self.board()
        self.header_strip.draw(surface, self.header, board, seconds=self.seconds_left())
        tiles, words = self.panes()
        if tiles is not None:
            self.tiles.draw(surface, tiles, board.indicators)
        if words is not None:
            self.words.draw(surface, words, board, self._board[0] if self._board else None)
        self.draw_key_hints(surface, self.footer, self.hints)
