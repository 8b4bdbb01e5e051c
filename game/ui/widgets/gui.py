"""Narrow, typed wrappers for the pygame_gui calls the screens make that pygame_gui leaves untyped.

pygame_gui annotates most of its API, but not ``show``/``hide``, ``enable``/``disable`` or ``select``/``unselect``;
calling them from typed code would need an ignore at every call. These wrappers take a flag instead of a pair of
calls, which also reads better where the state follows a condition.
"""

from __future__ import annotations

from typing import Protocol

from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton


class _Toggles(Protocol):
    """What these wrappers need of a pygame_gui element."""

    def show(self) -> None: ...
    def hide(self) -> None: ...
    def enable(self) -> None: ...
    def disable(self) -> None: ...


class _Selectable(Protocol):
    """A pygame_gui button (it can be shown selected: the keyboard focus)."""

    def select(self) -> None: ...
    def unselect(self) -> None: ...


def set_visible(element: UIElement, visible: bool) -> None:
    """Show or hide ``element``."""
    toggles: _Toggles = element
    if visible:
        toggles.show()
    else:
        toggles.hide()


def set_enabled(element: UIElement, enabled: bool) -> None:
    """Enable or disable ``element`` (a disabled one is greyed and takes no input)."""
    toggles: _Toggles = element
    if enabled:
        toggles.enable()
    else:
        toggles.disable()


def set_selected(button: UIButton, selected: bool) -> None:
    """Draw ``button`` as holding the keyboard focus, or not."""
    selectable: _Selectable = button
    if selected:
        selectable.select()
    else:
        selectable.unselect()
