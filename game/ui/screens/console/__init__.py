"""The teacher's console: its PIN dialog, the console itself and its dialogs (add news, adjust an indicator,
confirm an undo or the end)."""

from game.ui.screens.console.pin import PinDialog
from game.ui.screens.console.screen import ConsoleScreen

__all__ = ["ConsoleScreen", "PinDialog"]
