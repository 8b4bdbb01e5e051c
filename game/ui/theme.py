"""Colours, fonts and the pygame_gui theme, scaled for the UI scale setting and switched by palette.

One calm theme: a dark slate background, light text, one accent colour; good and bad news in a blue/orange pair
that stays distinguishable for colour-blind players (the ``colourblind`` palette also changes the accent shades).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pygame

from game.i18n import language
from game.i18n.fonts import merged_font

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
THEME_FILE = ASSETS / "theme.json"
#: The name the theme gives Common Ground Sans (Noto Sans with Noto Sans Khmer, ``game.i18n.fonts``).
FONT_NAME = "common_ground_sans"
#: The ISO 15924 script HarfBuzz shapes each language's text as (Latin for any other).
SCRIPTS = {"km": "Khmr"}  # i18n: not shown (ISO 15924 script code)


def script_for(lang: str) -> str:
    """The script text in ``lang`` is shaped as: ``Khmr`` for Khmer, ``Latn`` otherwise."""
    return SCRIPTS.get(lang, "Latn")  # i18n: not shown


def font_block(size: str, *, bold: bool = False, lang: str | None = None) -> dict[str, str]:
    """A theme's ``font`` block: Common Ground Sans at ``size``, shaped for ``lang`` (the active language)."""
    regular, heavy = str(merged_font()), str(merged_font(bold=True))
    block = {
        "name": FONT_NAME,
        "size": size,
        "regular_path": regular,
        "bold_path": heavy,
        "italic_path": regular,
        "bold_italic_path": heavy,
        "script": script_for(language() if lang is None else lang),
    }
    if bold:
        block["bold"] = "1"
    return block


@dataclass(frozen=True)
class Palette:
    """Named colours for custom drawing."""

    background: tuple[int, int, int]
    panel: tuple[int, int, int]
    panel_alt: tuple[int, int, int]
    border: tuple[int, int, int]
    text: tuple[int, int, int]
    muted: tuple[int, int, int]
    accent: tuple[int, int, int]
    good: tuple[int, int, int]
    bad: tuple[int, int, int]
    neutral: tuple[int, int, int]
    focus: tuple[int, int, int]
    series: tuple[tuple[int, int, int], ...]


STANDARD = Palette(
    background=(24, 30, 38),
    panel=(34, 42, 53),
    panel_alt=(42, 52, 65),
    border=(70, 84, 102),
    text=(232, 236, 241),
    muted=(150, 162, 178),
    accent=(94, 170, 214),
    good=(96, 190, 130),
    bad=(226, 104, 92),
    neutral=(200, 190, 120),
    focus=(250, 208, 90),
    # Twelve clearly different hues and lightnesses (one blue, one blue-green, one yellow-green), so that every
    # indicator of a chart has its own colour.
    series=(
        (86, 180, 233),
        (243, 132, 0),
        (0, 180, 110),
        (240, 228, 66),
        (240, 120, 180),
        (170, 120, 240),
        (235, 235, 235),
        (225, 50, 50),
        (200, 160, 110),
        (140, 140, 140),
        (170, 220, 60),
        (240, 0, 240),
    ),
)

#: Blue for good, orange for bad (Okabe-Ito hues), distinguishable with the common colour-vision deficiencies.
COLOURBLIND = Palette(
    background=(24, 30, 38),
    panel=(34, 42, 53),
    panel_alt=(42, 52, 65),
    border=(70, 84, 102),
    text=(236, 236, 236),
    muted=(160, 164, 170),
    accent=(86, 180, 233),
    good=(0, 158, 224),
    bad=(230, 159, 0),
    neutral=(204, 204, 204),
    focus=(240, 228, 66),
    # The eight Okabe-Ito colours (white for their black, on a dark background), which stay apart with the
    # common colour-vision deficiencies; a chart with more lines draws the next eight dashed.
    series=(
        (86, 180, 233),
        (230, 159, 0),
        (0, 158, 115),
        (240, 228, 66),
        (0, 114, 178),
        (213, 94, 0),
        (204, 121, 167),
        (235, 235, 235),
    ),
)

PALETTES = {"standard": STANDARD, "colourblind": COLOURBLIND}


def palette(name: str) -> Palette:
    """The palette by settings name (standard when unknown)."""
    return PALETTES.get(name, STANDARD)


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


@lru_cache(maxsize=4)
def _base_theme() -> str:
    return THEME_FILE.read_text(encoding="utf-8")


def theme_dict(scale: float, palette_name: str, lang: str = "en") -> dict[str, Any]:
    """The JSON theme from ``assets/theme.json`` with font sizes scaled, Common Ground Sans shaped for ``lang``'s
    script, and the palette's colours applied."""
    theme: dict[str, Any] = copy.deepcopy(json.loads(_base_theme()))
    colours = palette(palette_name)
    replacements = {
        "$background": _hex(colours.background),
        "$panel": _hex(colours.panel),
        "$panel_alt": _hex(colours.panel_alt),
        "$border": _hex(colours.border),
        "$text": _hex(colours.text),
        "$muted": _hex(colours.muted),
        "$accent": _hex(colours.accent),
        "$focus": _hex(colours.focus),
        "$good": _hex(colours.good),
        "$bad": _hex(colours.bad),
    }
    for block in theme.values():
        if not isinstance(block, dict):
            continue
        font = block.get("font")
        if isinstance(font, dict) and "size" in font:
            size = str(max(8, round(int(font["size"]) * scale)))
            block["font"] = font_block(size, bold=str(font.get("bold", "0")) == "1", lang=lang)
        for key, value in block.get("colours", {}).items():
            if isinstance(value, str) and value in replacements:
                block["colours"][key] = replacements[value]
        misc = block.get("misc")
        if isinstance(misc, dict):
            for key in ("shape_corner_radius", "border_width", "text_horiz_alignment_padding"):
                if key in misc:
                    misc[key] = str(max(1, round(int(misc[key]) * scale)))
    return theme


def font(size: int, *, bold: bool = False) -> pygame.font.Font:
    """Common Ground Sans at a pixel size (already scaled by the caller), shaped for the active language; cached."""
    return _font(size, bold, script_for(language()))


@lru_cache(maxsize=128)
def _font(size: int, bold: bool, script: str) -> pygame.font.Font:
    loaded = pygame.font.Font(str(merged_font(bold=bold)), max(6, size))
    loaded.set_script(script)
    return loaded
