"""pygame_gui's text boxes taught to break Khmer lines at word boundaries.

pygame_gui splits a text chunk only after a space (``TextLineChunkFTFont.split_points``), and Khmer writes no
spaces between words: a Khmer paragraph would overflow its box or be cut mid-word with a dash. :func:`install`
makes ``split_points`` a property that adds the word boundaries ICU finds (:func:`game.i18n.lines.split_points`);
the text itself is not changed, so editing, cursors and selection work as before. A list pygame_gui sets itself
(an empty one, for an empty row) is kept as it is.
"""

from __future__ import annotations

from typing import Any

from pygame_gui.core.text.text_line_chunk import TextLineChunkFTFont

from game.i18n.lines import split_points

_INSTALLED = "_common_ground_breaks"


def _get(chunk: Any) -> list[int]:
    kept = chunk.__dict__.get("_split_points_kept")
    if kept is not None:
        return list(kept)
    return split_points(chunk.text)


def _set(chunk: Any, value: list[int]) -> None:
    # pygame_gui recomputes the space-only list after every split: that is the default, which _get extends.
    spaces = [i + 1 for i, char in enumerate(chunk.text) if char == " "]
    chunk.__dict__["_split_points_kept"] = None if list(value) == spaces else list(value)


def install() -> None:
    """Make pygame_gui break lines at Khmer word boundaries (once per process; harmless to call again)."""
    if getattr(TextLineChunkFTFont, _INSTALLED, False):
        return
    TextLineChunkFTFont.split_points = property(_get, _set)  # type: ignore[assignment]
    setattr(TextLineChunkFTFont, _INSTALLED, True)
