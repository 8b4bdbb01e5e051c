"""What can be set, and to what: one :class:`Row` per setting with its choices, read from the current settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.settings import Settings

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
SPEEDS = (("Off", 0.0), ("Slow", 0.5), ("Normal", 1.0), ("Fast", 2.0))


@dataclass(frozen=True)
class Row:
    """One setting: its name, what it does, its shortcut and its choices (text, settings changes)."""

    name: str
    description: str
    key_hint: str
    options: tuple[tuple[str, dict[str, Any]], ...]
    current: int


def nearest(values: tuple[float, ...], value: float) -> int:
    """The index of the value closest to ``value``."""
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def rows_for(settings: Settings) -> list[Row]:
    """The rows of the screen for the current settings."""
    return [
        Row(
            "UI scale",
            "Size of all text and buttons. Larger sizes suit projectors and big rooms.",
            "- / +",
            tuple((f"{round(s * 100)}%", {"ui_scale": s}) for s in SCALES),
            nearest(SCALES, settings.ui_scale),
        ),
        Row(
            "Display",
            "Fill the whole screen, or play in a window you can resize.",
            "F",
            (("Window", {"fullscreen": False}), ("Fullscreen", {"fullscreen": True})),
            int(settings.fullscreen),
        ),
        Row(
            "Colours",
            "The colour-blind-safe palette shows good and bad changes in blue and orange.",
            "P",
            (("Standard", {"palette": "standard"}), ("Colour-blind safe", {"palette": "colourblind"})),
            0 if settings.palette == "standard" else 1,
        ),
        Row(
            "Animations",
            "How fast gauges move to their new values after a turn. Off shows them at once.",
            "A",
            tuple((name, {"animation_speed": speed}) for name, speed in SPEEDS),
            nearest(tuple(speed for _, speed in SPEEDS), settings.animation_speed),
        ),
    ]
