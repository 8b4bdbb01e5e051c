"""The screen protocol and a base class with layout, keyboard focus and drawing helpers.

Each screen owns its own pygame_gui ``UIManager``, so the widgets of a screen under a dialog can be drawn but never
receive input. ``build`` creates the widgets for the current window size and scale (it runs again after a resize
or a settings change); ``handle`` gets events first; ``update`` returns True while something animates;
``draw_background`` paints custom graphics under the widgets and ``draw_overlay`` above them.

A screen knows the app only as a :class:`Host` (what screens may ask of it), so this module imports nothing of the
app. A screen ends with a typed result (:mod:`game.ui.screens.results`): :meth:`Screen.dismiss` closes it and hands
the result on; :meth:`Screen.request` hands one on and leaves it open. The app gives every result to the flow
(:func:`game.ui.flow.route`), the one place that decides which screen comes next.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from game.settings import Settings
from game.table import Match
from game.table.tutorial import Coach
from game.ui import theme
from game.ui.screens.results import Outcome
from game.ui.turn_timer import TurnTimer
from game.ui.widgets.gui import set_selected


class Host(Protocol):
    """What a screen may use of the app that shows it (:class:`game.ui.app.App` is the one there is)."""

    settings: Settings
    window: pygame.Surface
    match: Match | None
    #: The role whose private things are on screen (None on shared screens); see :mod:`game.ui.flow`.
    viewer: str | None
    #: The roles whose person has read their briefing.
    briefed: set[str]
    #: Whether the turn review shows its full list (the person's last choice in this session) or the condensed one.
    review_full: bool
    #: The tutorial being followed in the match, if it is one (see :mod:`game.table.tutorial`).
    coach: Coach | None
    dirty: bool
    message: str
    #: The turn timer's countdown.
    timer: TurnTimer

    @property
    def scale(self) -> float: ...
    @property
    def palette(self) -> theme.Palette: ...
    @property
    def top(self) -> Screen | None: ...
    def px(self, value: float) -> int: ...
    def new_manager(self) -> pygame_gui.UIManager: ...
    def push(self, screen: Screen) -> None: ...
    def pop(self) -> Screen | None: ...
    def reset(self, screen: Screen) -> None: ...
    def dismiss(self, screen: Screen, result: Outcome) -> None: ...
    def request(self, result: Outcome) -> None: ...
    def rebuild_all(self) -> None: ...
    def apply_settings(self, settings: Settings) -> None: ...
    def announce_ending(self, title: str) -> None: ...
    def autosave(self) -> None: ...
    def request_quit(self) -> None: ...


class Screen:
    """Base class for every screen and dialog."""

    #: Dialogs are drawn over the screen below them (dimmed) instead of replacing it.
    modal = False
    #: Esc opens the pause menu over this screen (in-game screens); other screens handle Esc themselves.
    pausable = False

    def __init__(self, app: Host) -> None:
        self.app = app
        self.manager: pygame_gui.UIManager | None = None
        self.focusables: list[UIButton] = []
        self.commands: dict[int, Callable[[], None]] = {}  # id(button) -> its command, for Enter on the focus
        self.focus_index = 0
        self.shortcuts: dict[int, Callable[[], None]] = {}

    # ----------------------------------------------------------------- sizes
    def px(self, value: float) -> int:
        """A length in pixels at the current UI scale."""
        return self.app.px(value)

    @property
    def palette(self) -> theme.Palette:
        """The colours of the current palette setting."""
        return self.app.palette

    def font(self, size: float, *, bold: bool = False) -> pygame.font.Font:
        """Noto Sans at ``size`` points scaled by the UI scale."""
        return theme.font(self.px(size), bold=bold)

    # ----------------------------------------------------------------- life cycle
    def rebuild(self) -> None:
        """(Re)create the manager and the widgets for the current window size and settings."""
        self.manager = self.app.new_manager()
        self.focusables = []
        self.commands = {}
        self.shortcuts = {}
        self.build(self.app.window.get_rect())
        self.focus_index = min(self.focus_index, max(0, len(self.focusables) - 1))
        self._show_focus()
        # pygame_gui draws nothing of a new element before its manager's first update; a screen pushed and drawn
        # in the same frame (autoplay, --frames, tests) would otherwise show no buttons.
        self.manager.update(0.0)

    def build(self, rect: pygame.Rect) -> None:
        """Create the widgets. Override."""

    def on_enter(self) -> None:
        """Called when the screen becomes the top of the stack (again)."""

    def on_exit(self) -> None:
        """Called when the screen leaves the stack."""

    def dismiss(self, result: Outcome) -> None:
        """Close this screen and hand ``result`` to the flow, which decides what comes next."""
        self.app.dismiss(self, result)

    def request(self, result: Outcome) -> None:
        """Hand ``result`` to the flow and stay open (the board asking for the negotiation table)."""
        self.app.request(result)

    # ----------------------------------------------------------------- widgets
    def button(
        self,
        rect: pygame.Rect,
        text: str,
        command: Callable[[], None],
        *,
        key: int | None = None,
        object_id: str | ObjectID | None = None,
        tooltip: str | None = None,
        focusable: bool = True,
        container: Any = None,
    ) -> UIButton:
        """A button that runs ``command`` on click or Enter (when focused), and on ``key`` if given."""
        assert self.manager is not None
        widget = UIButton(
            rect,
            text,
            self.manager,
            container=container,
            object_id=object_id,
            tool_tip_text=tooltip,
            command=command,
        )
        self.commands[id(widget)] = command
        if focusable:
            self.focusables.append(widget)
        if key is not None:
            self.shortcuts[key] = command
        return widget

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Handle an event before the widgets see it; return True when consumed. Keyboard focus lives here."""
        if event.type != pygame.KEYDOWN:
            return False
        if event.key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT, pygame.K_UP, pygame.K_LEFT):
            backwards = event.key in (pygame.K_UP, pygame.K_LEFT) or (
                event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
            )
            self.move_focus(-1 if backwards else 1)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.activate_focus()
        command = self.shortcuts.get(event.key)
        if command is not None:
            command()
            return True
        return False

    def move_focus(self, step: int) -> None:
        """Move the keyboard focus to the next (or previous) enabled button."""
        enabled = [i for i, b in enumerate(self.focusables) if b.is_enabled and b.visible]
        if not enabled:
            return
        current = enabled.index(self.focus_index) if self.focus_index in enabled else -step
        position = (current + step) % len(enabled)
        self.focus_index = enabled[position]
        self._show_focus()

    def focus(self, widget: UIButton) -> None:
        """Put the keyboard focus on ``widget``."""
        if widget in self.focusables:
            self.focus_index = self.focusables.index(widget)
            self._show_focus()

    def activate_focus(self) -> bool:
        """Press the focused button; return whether there was one."""
        if not self.focusables:
            return False
        widget = self.focusables[self.focus_index]
        command = self.commands.get(id(widget))
        if not widget.is_enabled or not widget.visible or command is None:
            return False
        command()
        return True

    def _show_focus(self) -> None:
        for index, widget in enumerate(self.focusables):
            if not widget.is_enabled:
                continue  # select()/unselect() repaint a button as enabled: a disabled one keeps its disabled look
            set_selected(widget, index == self.focus_index)

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; return True while the screen needs redrawing."""
        return False

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Custom drawing under the widgets."""
        surface.fill(self.palette.background)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Custom drawing over the widgets (focus ring, animations)."""

    def autoplay(self) -> None:
        """Take one step as a computer player would (``play --autoplay``). Override where there is a choice."""
