"""The settings screen (UI scale, fullscreen, palette and animation speed), built from its parts: the list of
settings (:mod:`.choices`), the panel of setting rows (:mod:`.rows_panel`) and the screen that routes the keys
(:mod:`.screen`)."""

from game.ui.screens.settings_screen.choices import SCALES, SPEEDS, Row, nearest, rows_for
from game.ui.screens.settings_screen.screen import BACK, SettingsScreen

__all__ = ["BACK", "SCALES", "SPEEDS", "Row", "SettingsScreen", "nearest", "rows_for"]
