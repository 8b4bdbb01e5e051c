"""What can be set, and to what: one :class:`Row` per setting with its choices, read from the current settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import N_, interface_languages, language, language_name, tr

if TYPE_CHECKING:
    from game.settings import Settings

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
SPEEDS = ((N_("Off"), 0.0), (N_("Slow"), 0.5), (N_("Normal"), 1.0), (N_("Fast"), 2.0))


@dataclass(frozen=True)
class Row:
    """One setting: its name, what it does, its shortcut and its choices (text, settings changes)."""

    name: str
    description: str
    key_hint: str
    options: tuple[tuple[str, dict[str, Any]], ...]
    current: int
    #: What the row sets (the same in every language; the name is translated).
    key: str = ""


def nearest(values: tuple[float, ...], value: float) -> int:
    """The index of the value closest to ``value``."""
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def languages() -> tuple[str, ...]:
    """The languages offered: English and every language the interface is translated into."""
    return interface_languages()


def language_row(settings: Settings) -> Row:
    """The Language row: each language by its own name (``ខ្មែរ``), the active one chosen."""
    codes = languages()
    active = settings.language or language()
    return Row(
        tr("Language"),
        tr("The language of the interface and of the scenario in new games. The whole screen changes at once."),
        "L",
        tuple((language_name(code, native=True), {"language": code}) for code in codes),
        codes.index(active) if active in codes else 0,
        "language",
    )


def rows_for(settings: Settings) -> list[Row]:
    """The rows of the screen for the current settings."""
    return [
        Row(
            tr("UI scale"),
            tr("Size of all text and buttons. Larger sizes suit projectors and big rooms."),
            "- / +",
            tuple((f"{round(s * 100)}%", {"ui_scale": s}) for s in SCALES),
            nearest(SCALES, settings.ui_scale),
            "ui_scale",
        ),
        Row(
            tr("Display"),
            tr("Fill the whole screen, or play in a window you can resize."),
            "F",
            ((tr("Window"), {"fullscreen": False}), (tr("Fullscreen"), {"fullscreen": True})),
            int(settings.fullscreen),
            "fullscreen",
        ),
        Row(
            tr("Colours"),
            tr("The colour-blind-safe palette shows good and bad changes in blue and orange."),
            "P",
            ((tr("Standard"), {"palette": "standard"}), (tr("Colour-blind safe"), {"palette": "colourblind"})),
            0 if settings.palette == "standard" else 1,
            "palette",
        ),
        Row(
            tr("Animations"),
            tr("How fast gauges move to their new values after a turn. Off shows them at once."),
            "A",
            tuple((tr(name), {"animation_speed": speed}) for name, speed in SPEEDS),
            nearest(tuple(speed for _, speed in SPEEDS), settings.animation_speed),
            "animation_speed",
        ),
        language_row(settings),
    ]
