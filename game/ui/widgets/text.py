"""Text for custom drawing: rendered surfaces and wrapped lines, cached so a frame stays cheap.

Rendering text is the most expensive thing a screen does; every function here remembers its results (bounded
caches keyed by font, text, colour and width), so drawing the same words again costs a dictionary look-up. Text
is made drawable first (:func:`~game.content.controls.for_drawing`): a NUL or another control character that
reaches here (a save's label typed by a person, say) is drawn as a replacement mark instead of stopping the font.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import TypeVar

import pygame

from game.content.controls import for_drawing
from game.i18n import tr, tr_n
from game.i18n.lines import has_khmer
from game.i18n.lines import wrap as wrap_lines

Colour = tuple[int, int, int]

_LIMIT = 6000
_renders: OrderedDict[Hashable, pygame.Surface] = OrderedDict()
_wraps: OrderedDict[Hashable, tuple[str, ...]] = OrderedDict()
_fits: OrderedDict[Hashable, str] = OrderedDict()
ELLIPSIS = "…"


T = TypeVar("T")


def _remember(cache: OrderedDict[Hashable, T], key: Hashable, value: T) -> T:
    cache[key] = value
    if len(cache) > _LIMIT:
        cache.popitem(last=False)
    return value


def render(font: pygame.font.Font, text: str, colour: Colour) -> pygame.Surface:
    """``text`` rendered (anti-aliased, transparent background) in ``font`` and ``colour``; cached."""
    key = (font, text, colour)
    surface = _renders.get(key)
    if surface is None:
        surface = _remember(_renders, key, font.render(for_drawing(text), True, colour))
    return surface


def width_of(font: pygame.font.Font, text: str) -> int:
    """The width in pixels of ``text`` in ``font`` (from the render cache)."""
    return render(font, text, (255, 255, 255)).get_width()


def fit(font: pygame.font.Font, text: str, width: int) -> str:
    """``text``, shortened with an ellipsis if it is wider than ``width`` pixels."""
    key = (font, text, width)
    found = _fits.get(key)
    if found is not None:
        return found
    text = for_drawing(text)
    if font.size(text)[0] <= width:
        return _remember(_fits, key, text)
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if font.size(text[:middle].rstrip() + ELLIPSIS)[0] <= width:
            low = middle
        else:
            high = middle - 1
    return _remember(_fits, key, text[:low].rstrip() + ELLIPSIS if low else "")


def wrap(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width`` (words longer than a line are split); cached.

    Newlines in ``text`` start new lines.
    """
    key = (font, text, width)
    found = _wraps.get(key)
    if found is not None:
        return found
    lines: list[str] = []
    for paragraph in for_drawing(text).split("\n"):
        if has_khmer(paragraph):  # no spaces between Khmer words: break where ICU finds word boundaries
            lines.extend(wrap_lines(paragraph, width, lambda part: font.size(part)[0], "km"))
            continue
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while word and font.size(word)[0] > width:  # a word wider than the line: split it
                cut = max(1, len(fit(font, word, width).rstrip(ELLIPSIS)))
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return _remember(_wraps, key, tuple(lines))


def draw(
    surface: pygame.Surface,
    text: str,
    pos: tuple[int, int],
    *,
    font: pygame.font.Font,
    colour: Colour,
    align: str = "left",
    max_width: int | None = None,
) -> pygame.Rect:
    """Draw one line at ``pos`` (its top-left, top-centre or top-right by ``align``); returns the rect drawn.

    With ``max_width`` the text is shortened with an ellipsis instead of overflowing.
    """
    if max_width is not None:
        text = fit(font, text, max_width)
    rendered = render(font, text, colour)
    x, y = pos
    if align == "right":
        x -= rendered.get_width()
    elif align == "center":
        x -= rendered.get_width() // 2
    return surface.blit(rendered, (x, y))


def line_height(font: pygame.font.Font, text: str) -> int:
    """The distance between two lines of ``text``: the font's line size, a fifth more for Khmer (its stacked
    consonants and vowels reach above and below the Latin letters, and lines set at the Latin spacing touch)."""
    size = font.get_linesize()
    return size + size // 5 if has_khmer(text) else size


def draw_wrapped(
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    *,
    font: pygame.font.Font,
    colour: Colour,
    line_gap: int = 0,
) -> int:
    """Draw ``text`` wrapped to ``rect.width`` from the top of ``rect``; returns the height used.

    Lines below ``rect.bottom`` are not drawn (callers size the rect with :func:`wrapped_height`).
    """
    y = rect.top
    step = line_height(font, text) + line_gap
    for line in wrap(font, text, rect.width):
        if y + step > rect.bottom + line_gap:
            break
        surface.blit(render(font, line, colour), (rect.left, y))
        y += step
    return y - rect.top


def wrapped_height(font: pygame.font.Font, text: str, width: int, *, line_gap: int = 0) -> int:
    """The height :func:`draw_wrapped` needs for ``text`` at ``width``."""
    return len(wrap(font, text, width)) * (line_height(font, text) + line_gap)


def fit_parts(font: pygame.font.Font, parts: Sequence[str], width: int, *, head: str = "") -> str:
    """``head`` and as many of ``parts`` as fit whole on one line of ``width``, then ``and 2 more``: a list is
    shortened by whole entries, never cut inside a word."""
    for count in range(len(parts), 0, -1):
        rest = len(parts) - count
        text = head + ", ".join(parts[:count]) + (tr(" and {rest} more", rest=rest) if rest else "")
        if width_of(font, text) <= width:
            return text
    return head + tr_n("{n} change", "{n} changes", len(parts))
