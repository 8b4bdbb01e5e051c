"""The window, the screen stack and the main loop.

The loop sleeps while nothing changes: it blocks in ``pygame.event.wait`` until input arrives (or a short timeout
for blinking cursors and tooltips), and redraws only after input, while a screen animates, or when marked dirty.
Headless runs (``SDL_VIDEODRIVER=dummy``, ``--frames``, ``--autoplay``) never block.

The app knows no screen but the base class: what a screen ends with goes to the ``router`` it was given (the flow,
:func:`game.ui.flow.route`), which decides what comes next.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import i18n  # type: ignore[import-untyped]  # python-i18n, which pygame_gui uses, has no type hints
import pygame
import pygame_gui

from game.i18n import language, set_language, tr
from game.persistence import autosave_match
from game.settings import Settings, save_settings
from game.table import Match
from game.table.tutorial import Coach
from game.ui import text_breaks, theme
from game.ui.screens.base import Screen
from game.ui.screens.results import Outcome, Pause
from game.ui.teacher_keys import draw_paused_over, teacher_keys
from game.ui.turn_timer import TurnTimer

#: Where the app sends what screens end with (see :func:`game.ui.flow.route`).
Router = Callable[["App", Outcome], None]


def forget_repeated_translation_folders() -> None:
    """Keep each folder once in the translation library's search path.

    pygame_gui adds its translations folder to ``i18n.load_path`` every time a manager is made (once a screen), and
    looks every text it shows up in every entry of that list: without this, each screen of a long game makes the
    next one's buttons slower to build."""
    i18n.load_path[:] = list(dict.fromkeys(i18n.load_path))


def ignore(app: App, result: Outcome) -> None:
    """The router of an app without a flow (a screen shown on its own): results go nowhere."""


#: The smallest window the layouts are made for (smaller only on a smaller display).
MIN_SIZE = (1024, 600)
#: Room left free around a window opened to fit the display: its borders, the title bar and the taskbar or dock.
DISPLAY_MARGIN = (16, 96)
IDLE_WAIT_MS = 400
FPS = 60


def fit_window(wanted: tuple[int, int], display: tuple[int, int] | None) -> tuple[int, int]:
    """The size to open a window at: ``wanted`` (the remembered size), made small enough to fit ``display`` with
    :data:`DISPLAY_MARGIN` to spare, but never below :data:`MIN_SIZE` unless the display itself is smaller.
    With no display size known (headless runs), ``wanted`` as it is."""
    if display is None:
        return wanted
    pairs = zip(wanted, display, DISPLAY_MARGIN, minimum_window(display), strict=True)
    width, height = (max(low, min(want, room - margin)) for want, room, margin, low in pairs)
    return (width, height)


def minimum_window(display: tuple[int, int] | None) -> tuple[int, int]:
    """:data:`MIN_SIZE`, or the display's size where the display is smaller."""
    return MIN_SIZE if display is None else (min(MIN_SIZE[0], display[0]), min(MIN_SIZE[1], display[1]))


def desktop_size() -> tuple[int, int] | None:
    """The size of the display the window opens on (the first), or None when unknown or headless (the dummy
    driver's display size means nothing). Call after ``pygame.display.init()``."""
    if os.environ.get("SDL_VIDEODRIVER") == "dummy":
        return None
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        sizes = []
    if sizes and min(sizes[0]) > 0:
        return (sizes[0][0], sizes[0][1])
    info = pygame.display.Info()  # before set_mode: the desktop's size
    if info.current_w > 0 and info.current_h > 0:
        return (info.current_w, info.current_h)
    return None


class App:
    """Owns the window, the settings, the running match and the stack of screens."""

    def __init__(
        self,
        settings: Settings,
        *,
        size: tuple[int, int] | None = None,
        autoplay: bool = False,
        max_frames: int | None = None,
        screenshot: Path | None = None,
        out: TextIO = sys.stdout,
        persist_settings: bool = True,
        blocking: bool | None = None,
        max_seconds: float | None = None,
        router: Router = ignore,
    ) -> None:
        self.settings = settings
        self.router = router
        self.persist_settings = persist_settings
        self.autoplay = autoplay
        self.max_frames = max_frames
        self.screenshot = screenshot
        self.out = out
        self.headless = os.environ.get("SDL_VIDEODRIVER") == "dummy"
        # Sleep in pygame.event.wait while idle: on by default for people, off for headless runs unless asked.
        self.blocking = blocking if blocking is not None else not (self.headless or autoplay or max_frames is not None)
        self.max_seconds = max_seconds
        pygame.display.init()  # no pygame.init(): the game has no sound, and audio start-up is slow and noisy
        pygame.font.init()
        text_breaks.install()
        pygame.display.set_caption(tr("Common Ground"))
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if settings.fullscreen and not self.headless else 0)
        self.display = desktop_size()
        # An explicit size (--size, tests) is used as it is; the remembered one is fitted to this display.
        window_size = size or fit_window(settings.window_size, self.display)
        self.window = pygame.display.set_mode(window_size, flags)
        self._limit_window_size()
        self.stack: list[Screen] = []
        self.match: Match | None = None
        #: The role whose private things (objectives, score, proposals) are on screen; None on shared screens.
        self.viewer: str | None = None
        #: The people who have read their briefing (see game.ui.flow).
        self.briefed: set[str] = set()
        self.review_full = False  # whether the turn review shows its full list (the last choice, this session)
        self.coach: Coach | None = None  # the tutorial being followed, if the match is one
        self.running = True
        self.dirty = True
        self.frames = 0
        self.exit_code = 0
        self.finish_requested = False
        self.ending_announced = False
        self.message: str = ""  # a one-line notice shown by screens that support it (e.g. a refused save)
        self._themes: dict[tuple[float, str, str], dict[str, object]] = {}
        self.timer = TurnTimer()  # the turn timer's countdown (see game.ui.turn_timer)
        self.on_frame: Callable[[], None] | None = None

    # ----------------------------------------------------------------- settings and sizes
    @property
    def scale(self) -> float:
        """The UI scale (1.0 = 100 %)."""
        return self.settings.ui_scale

    @property
    def palette(self) -> theme.Palette:
        """Colours for custom drawing."""
        return theme.palette(self.settings.palette)

    def px(self, value: float) -> int:
        """``value`` design pixels at the current scale."""
        return round(value * self.scale)

    def new_manager(self) -> pygame_gui.UIManager:
        """A fresh pygame_gui manager with the scaled theme, for one screen."""
        key = (self.scale, self.settings.palette, language())
        if key not in self._themes:
            self._themes[key] = theme.theme_dict(*key)
        manager = pygame_gui.UIManager(self.window.get_size(), self._themes[key], enable_live_theme_updates=False)
        forget_repeated_translation_folders()
        return manager

    def apply_settings(self, settings: Settings) -> None:
        """Switch to new settings (scale, palette, fullscreen, language...), rebuild every screen, and remember them."""
        fullscreen_changed = settings.fullscreen != self.settings.fullscreen
        if settings.language and settings.language != language():
            set_language(settings.language)  # every screen is rebuilt below, in the new language
        self.settings = settings
        if fullscreen_changed and not self.headless:
            flags = pygame.RESIZABLE | (pygame.FULLSCREEN if settings.fullscreen else 0)
            windowed = fit_window(settings.window_size, self.display)
            self.window = pygame.display.set_mode(windowed if not settings.fullscreen else (0, 0), flags)
        if self.persist_settings:
            save_settings(settings)
        self.rebuild_all()

    def _limit_window_size(self) -> None:
        try:
            with warnings.catch_warnings():
                # Deprecated in favour of drawing through pygame.Window; still the way to size a display window.
                warnings.simplefilter("ignore", DeprecationWarning)
                window = pygame.Window.from_display_module()
            window.minimum_size = minimum_window(self.display)
        except (AttributeError, pygame.error):  # older pygame-ce or a driver without windows
            pass

    # ----------------------------------------------------------------- the stack
    @property
    def top(self) -> Screen | None:
        """The screen receiving input."""
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        """Put a screen (or dialog) on top."""
        self.stack.append(screen)
        screen.rebuild()
        screen.on_enter()
        self.dirty = True

    def pop(self) -> Screen | None:
        """Remove the top screen; the one below resumes."""
        if not self.stack:
            return None
        screen = self.stack.pop()
        screen.on_exit()
        if self.stack:
            self.stack[-1].rebuild()
            self.stack[-1].on_enter()
        self.dirty = True
        return screen

    def dismiss(self, screen: Screen, result: Outcome) -> None:
        """Close ``screen`` (when it is on top) and give ``result`` to the router."""
        if self.top is screen:
            self.pop()
        self.router(self, result)
        self.dirty = True

    def request(self, result: Outcome) -> None:
        """Give ``result`` to the router; the screen that asks stays open."""
        self.router(self, result)
        self.dirty = True

    def replace(self, screen: Screen) -> None:
        """Swap the top screen for another."""
        if self.stack:
            self.stack.pop().on_exit()
        self.push(screen)

    def reset(self, screen: Screen) -> None:
        """Empty the stack and show ``screen`` (e.g. back to the title)."""
        while self.stack:
            self.stack.pop().on_exit()
        self.push(screen)

    def rebuild_all(self) -> None:
        """Rebuild every screen for a new window size or new settings."""
        for screen in self.stack:
            screen.rebuild()
        self.dirty = True

    # ----------------------------------------------------------------- game hooks
    def announce_ending(self, title: str) -> None:
        """Print the ending once (``play`` promises ``Ending: <title>`` on stdout); autoplay then stops."""
        if not self.ending_announced:
            self.ending_announced = True
            print(f"Ending: {title}", file=self.out, flush=True)  # i18n: not shown (the line scripts read)
            if self.autoplay and self.max_frames is None:
                self.finish_requested = True

    def quit(self) -> None:
        """Leave the main loop after this frame."""
        self.running = False

    # ----------------------------------------------------------------- the loop
    def run(self) -> int:
        """Run until quit (or ``max_frames``); returns the exit status."""
        clock = pygame.time.Clock()
        blocking = self.blocking
        deadline = None if self.max_seconds is None else time.monotonic() + self.max_seconds
        idle = False
        while self.running and self.stack:
            events = self._next_events(blocking and idle)
            for event in events:
                self.dispatch(event)
            dt = clock.tick(FPS if blocking or not self.headless else 0) / 1000.0
            if self.on_frame is not None:  # --watch looks at the scenario file here
                self.on_frame()
            top = self.top
            if top is None:
                break
            assert top.manager is not None
            top.manager.update(dt)
            animating = top.update(dt)
            if self.autoplay and self.frames % 3 == 2:
                top.autoplay()
                animating = True
            if self.dirty or events or animating or not blocking:
                self.draw()
                self.dirty = False
            idle = not (events or animating)
            self.frames += 1
            if self.finish_requested or (self.max_frames is not None and self.frames >= self.max_frames):
                break
            if deadline is not None and time.monotonic() >= deadline:
                break
        self.save_screenshot()
        return self.exit_code

    def _next_events(self, wait: bool) -> list[pygame.event.Event]:
        if wait:
            first = pygame.event.wait(IDLE_WAIT_MS)
            if first.type == pygame.NOEVENT:
                return []
            return [first, *pygame.event.get()]
        return list(pygame.event.get())

    def dispatch(self, event: pygame.event.Event) -> None:
        """Route one event: window events here, then the top screen, then its widgets."""
        if event.type == pygame.QUIT:
            self.request_quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window = pygame.display.get_surface() or self.window
            if not self.settings.fullscreen:
                self.remember_window_size()
            self.rebuild_all()
            return
        top = self.top
        if top is None:
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and top.pausable and self.match:
            self.request(Pause())
            return
        if teacher_keys(self, top, event):
            return  # F2: the teacher's console; paused by the teacher: the students' keys and clicks do nothing
        if top.handle(event):
            self.dirty = True
            return
        assert top.manager is not None
        top.manager.process_events(event)

    def remember_window_size(self) -> None:
        """Keep the window's size in the settings (written when the game closes), to open at it next time."""
        # Smaller than a settings file may hold (a tiny display): keep the last good size.
        with contextlib.suppress(ValueError):
            self.settings = self.settings.with_(window_size=self.window.get_size())

    def request_quit(self) -> None:
        """Close the game: autosave the running match first."""
        self.autosave()
        if self.persist_settings:
            save_settings(self.settings)
        self.quit()

    def autosave(self) -> None:
        """Write the autosave of the running match (atomic); a failure is shown, never raised."""
        if self.match is None:
            return
        error = autosave_match(self.match)
        if error:
            self.message = error

    def draw(self) -> None:
        """Draw the stack: the topmost full screen and every dialog above it."""
        surface = self.window
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].modal:
            first -= 1
        for index, screen in enumerate(self.stack[first:]):
            if index > 0:
                veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
                veil.fill((0, 0, 0, 150))
                surface.blit(veil, (0, 0))
            screen.draw_background(surface)
            if screen.manager is not None:
                screen.manager.draw_ui(surface)
            screen.draw_overlay(surface)
        draw_paused_over(self, surface)  # "Paused by the teacher" over the students' screen
        pygame.display.flip()

    def save_screenshot(self) -> None:
        """Save the last frame as PNG when ``--screenshot`` was given. A path that cannot be written (a folder, no
        permission, a full disk) is reported on stderr and makes the exit status 1; it never raises."""
        if self.screenshot is None:
            return
        path = self.screenshot
        try:
            if path.is_dir():
                raise IsADirectoryError(tr("{path} is a folder, not a file name", path=path))
            path.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self.window, str(path))
        except (OSError, ValueError, pygame.error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            print(tr("common-ground: the screenshot could not be saved to {path}: {reason}", path=path, reason=reason),
                  file=sys.stderr)  # fmt: skip
            self.exit_code = self.exit_code or 1

    def measure_frame(self) -> float:
        """Draw one frame and return how long it took in seconds (for ``bench``)."""
        started = time.perf_counter()
        top = self.top
        if top is not None and top.manager is not None:
            top.manager.update(1 / FPS)
            top.update(1 / FPS)
        self.draw()
        return time.perf_counter() - started
