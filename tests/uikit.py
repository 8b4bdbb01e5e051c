"""Shared helpers of the desktop UI tests: an App at a size and scale, keys, frames, and how much a frame shows.

Everything runs under SDL's dummy video and audio drivers (set here, before pygame is imported); input is posted
with ``app.dispatch`` and frames are drawn with ``app.draw``, as the main loop does.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from game.engine import Scenario
from game.paths import DEFAULT_SCENARIO
from game.settings import Settings
from game.table import PERSON, Match, Seat
from game.ui import flow
from game.ui.app import App
from game.ui.screens.base import Screen
from game.ui.screens.board import BoardScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.ingame import GameScreen
from game.ui.widgets import Document
from game.ui.widgets import text as textlib

MakeApp = Callable[..., App]

#: The window sizes and scales every in-game screen must fit: the common laptop, projector-size scales, a netbook.
SIZES = [
    ((1280, 720), 1.0),
    ((1280, 720), 1.5),
    ((1280, 720), 2.0),
    ((1024, 600), 1.0),
    ((1024, 600), 2.0),
    ((1920, 1080), 1.0),
]
#: The same with a full-HD screen at 150 %.
SIZES_AND_FULL_HD_150 = [*SIZES, ((1920, 1080), 1.5)]
#: The keys that move a focus or a page on every screen (random-input tests add each screen's own).
MOVE_KEYS = [
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
]


def size_ids(sizes: list[tuple[tuple[int, int], float]]) -> list[str]:
    """Test ids for ``sizes``: ``1280x720@1.5``."""
    return [f"{w}x{h}@{s}" for (w, h), s in sizes]


def new_app(
    size: tuple[int, int] = (1280, 720),
    scale: float = 1.0,
    *,
    animation: float = 0.0,
    out: io.StringIO | None = None,
    persist: bool = False,
) -> App:
    """An App at a size and scale, routed by the game's flow; it writes the settings file only with ``persist``.
    (Never ``pygame.quit()`` afterwards: ``theme.font`` caches fonts for the whole process.)"""
    settings = Settings(ui_scale=scale, animation_speed=animation, window_size=size)
    app = App(settings, size=size, persist_settings=persist, out=out or io.StringIO(), router=flow.route)
    pygame.event.get()  # drop the events of an earlier test (get, not clear: clear keeps what they hold alive)
    return app


def start(app: App, scenario: Scenario, *, role: str = "us", seed: int = 11) -> Match:
    """A new game of the default scenario's file with ``role`` played by a person (the standard computer plays the
    other side): its briefing."""
    return flow.start_game(app, scenario, str(DEFAULT_SCENARIO), seats={role: PERSON}, seed=seed)


def start_hotseat(app: App, scenario: Scenario, *, seed: int = 11) -> Match:
    """A new game of the default scenario with a person in every seat (hot-seat): the first privacy screen."""
    seats = {r.id: PERSON for r in scenario.roles}
    return flow.start_game(app, scenario, str(DEFAULT_SCENARIO), seats=seats, seed=seed)


def computer(level: str = "standard") -> Seat:
    """A computer seat at ``level``."""
    return Seat(level)


def key(app: App, code: int, *, mod: int = 0) -> None:
    """Press one key."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0))


def frames(app: App, count: int = 3) -> None:
    """What the main loop does each frame: update the top screen's widgets and animations, then draw."""
    for _ in range(count):
        top = app.top
        assert top is not None and top.manager is not None
        top.manager.update(0.05)
        top.update(0.05)
        app.draw()


def ink(app: App) -> float:
    """The share of the window that is not the plain background colour."""
    surface = app.window
    mask = pygame.mask.from_threshold(surface, app.palette.background, (2, 2, 2, 255))
    width, height = surface.get_size()
    return 1.0 - mask.count() / (width * height)


def doc_text(doc: Document) -> str:
    """All the words of a document."""
    return " ".join(text for block in doc.blocks for text, _, _ in block.runs)


def widget_texts(screen: Screen) -> list[str]:
    """The text of every widget (buttons, boxes) of a screen."""
    assert screen.manager is not None
    root = screen.manager.get_root_container()
    return [str(getattr(element, "text", "") or getattr(element, "html_text", "")) for element in root.elements]


def screens(app: App, *, limit: int = 3000) -> Iterator[GameScreen]:
    """Walk a game by keyboard only: on the board, commit the first action and end the turn (E); on every other
    screen, Enter (the default answer: an event's first choice, refusing a proposal, continue). Yields each screen
    seen, until the end."""
    for _ in range(limit):
        top = app.top
        assert isinstance(top, GameScreen)
        yield top
        if isinstance(top, EndScreen):
            return
        if isinstance(top, BoardScreen):
            key(app, pygame.K_1)
            key(app, pygame.K_e)
        else:
            key(app, pygame.K_RETURN)
        frames(app, 1)
    raise AssertionError("the game did not end")


def drawn_text(app: App, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every piece of text one frame draws: custom text (through the text helpers) and the widgets' labels."""
    seen: list[str] = []
    original = textlib.render

    def record(font: pygame.font.Font, text: str, colour: tuple[int, int, int]) -> pygame.Surface:
        seen.append(text)
        return original(font, text, colour)

    with monkeypatch.context() as patch:
        patch.setattr(textlib, "render", record)
        app.draw()
    top = app.top
    assert top is not None
    return " ".join([*seen, *widget_texts(top)])
