"""The player's settings (language, UI scale, fullscreen, palette, animation speed, window size), kept in
``settings.json``.

A :class:`Settings` value is always valid: constructing one, or :meth:`Settings.with_`, raises ``ValueError`` with
the bad value in the message. :func:`load_settings` never raises: a missing file gives the defaults, and a damaged
file or a bad value gives the default for whatever is wrong (each problem is logged as a warning).
"""

from __future__ import annotations

import dataclasses
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.storage import StorageError, StorageProblem, config_dir, read_json, write_json_atomic

log = logging.getLogger(__name__)

#: The settings file format this version writes.
SETTINGS_FORMAT = 1

#: Allowed UI scale (1.0 = 100 %, 2.0 = 200 % for projectors).
UI_SCALE_RANGE = (1.0, 2.0)

#: Allowed animation speed (0 = animations off).
ANIMATION_SPEED_RANGE = (0.0, 3.0)

#: The colour palettes the UI offers.
PALETTES = ("standard", "colourblind")

#: Smallest and largest window, in pixels (width, height).
WINDOW_SIZE_MIN = (640, 360)
WINDOW_SIZE_MAX = (16384, 16384)

_FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    """The player's preferences. Every instance is valid; bad values raise ``ValueError`` naming them."""

    #: Scale of all text and widgets, 1.0..2.0.
    ui_scale: float = 1.0
    fullscreen: bool = False
    #: One of :data:`PALETTES`.
    palette: str = "standard"
    #: Multiplier on animation speed, 0 (off) .. 3.0.
    animation_speed: float = 1.0
    #: Window size in pixels when not fullscreen: the last size the window had, kept when the game closes. The
    #: window opens at it, made smaller on a display it does not fit (see ``game.ui.app.fit_window``).
    window_size: tuple[int, int] = (1280, 720)
    #: The interface's and the scenarios' language, a code such as ``km`` (empty: not chosen, English).
    language: str = ""

    def __post_init__(self) -> None:
        if not _is_language_code(self.language):
            raise ValueError(f"language must be a language code such as 'km', not {self.language!r}")
        object.__setattr__(self, "ui_scale", _number("ui_scale", self.ui_scale, UI_SCALE_RANGE))
        object.__setattr__(
            self, "animation_speed", _number("animation_speed", self.animation_speed, ANIMATION_SPEED_RANGE)
        )
        if not isinstance(self.fullscreen, bool):
            raise ValueError(f"fullscreen must be true or false, not {self.fullscreen!r}")
        if not isinstance(self.palette, str) or self.palette not in PALETTES:
            raise ValueError(f"palette must be one of {', '.join(PALETTES)}, not {self.palette!r}")
        object.__setattr__(self, "window_size", _window_size(self.window_size))

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; raises ``ValueError`` for an unknown name or a bad value."""
        unknown = sorted(set(changes) - {f.name for f in dataclasses.fields(self)})
        if unknown:
            raise ValueError(f"unknown setting {unknown[0]!r}")
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The settings as JSON data (what :func:`save_settings` writes)."""
        return {
            "format": SETTINGS_FORMAT,
            "ui_scale": self.ui_scale,
            "fullscreen": self.fullscreen,
            "palette": self.palette,
            "animation_speed": self.animation_speed,
            "window_size": list(self.window_size),
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, data: object) -> tuple[Settings, list[str]]:
        """Settings from JSON data, with the default for every missing or bad value, and the problems found.

        Unknown keys are ignored (a newer version may have written them).
        """
        if not isinstance(data, dict):
            return cls(), [f"settings should be a JSON object, not {type(data).__name__}"]
        settings = cls()
        problems: list[str] = []
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "window_size" and isinstance(value, list):
                value = tuple(value)
            try:
                settings = settings.with_(**{f.name: value})
            except ValueError as exc:
                problems.append(str(exc))
        return settings, problems


def _is_language_code(value: object) -> bool:
    """Whether ``value`` is empty (no language chosen) or a code of two or three small letters such as ``km``."""
    if not isinstance(value, str):
        return False
    return value == "" or (2 <= len(value) <= 3 and value.isascii() and value.isalpha() and value.islower())


def _number(name: str, value: object, bounds: tuple[float, float]) -> float:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, not {value!r}")
    return float(value)


def _window_size(value: object) -> tuple[int, int]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise ValueError(f"window_size must be two whole numbers (width, height), not {value!r}")
    width, height = value
    if not (WINDOW_SIZE_MIN[0] <= width <= WINDOW_SIZE_MAX[0] and WINDOW_SIZE_MIN[1] <= height <= WINDOW_SIZE_MAX[1]):
        raise ValueError(
            f"window_size must be between {WINDOW_SIZE_MIN[0]}x{WINDOW_SIZE_MIN[1]} and "
            f"{WINDOW_SIZE_MAX[0]}x{WINDOW_SIZE_MAX[1]}, not {value!r}"
        )
    return (width, height)


def settings_path() -> Path:
    """The settings file: ``config_dir()/settings.json``."""
    return config_dir() / _FILE_NAME


def load_settings() -> Settings:
    """The saved settings; defaults for a missing file, and for anything damaged or out of range. Never raises."""
    try:
        path = settings_path()
        data = read_json(path)
    except StorageError as exc:
        if exc.problem is not StorageProblem.MISSING:
            log.warning("Using default settings: %s", exc)
        return Settings()
    settings, problems = Settings.from_dict(data)
    for problem in problems:
        log.warning("%s: using the default because %s", path, problem)
    return settings


def save_settings(settings: Settings) -> None:
    """Write the settings atomically to :func:`settings_path`; raises :class:`~game.storage.StorageError` on failure."""
    write_json_atomic(settings_path(), settings.to_dict())
