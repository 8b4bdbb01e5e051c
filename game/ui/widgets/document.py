"""Scrolling documents for custom-drawn panels: styled paragraphs laid out once, drawn as one cached surface.

A :class:`Document` is built from blocks (headings, paragraphs of coloured runs, spaces, rules and custom drawings
such as gauges), laid out at a width and rendered to a surface; a :class:`ScrollView` shows part of it with a
scroll bar. Nothing is re-laid-out while the width and the content stay the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from game.i18n.lines import break_points, has_khmer
from game.ui.theme import Palette
from game.ui.widgets import text as textlib

Colour = tuple[int, int, int]
#: A run of text in one style: (text, colour, bold).
Run = tuple[str, Colour, bool]
FontFor = Callable[[float, bool], pygame.font.Font]


@dataclass
class _Block:
    kind: str  # para | space | rule | custom
    runs: tuple[Run, ...] = ()
    size: float = 15.0
    indent: float = 0.0
    gap: float = 0.0
    height: float = 0.0
    colour: Colour = (0, 0, 0)
    draw: Callable[[pygame.Surface, pygame.Rect], None] | None = None
    anchor: str = ""
    pixels: bool = False  # ``height`` is in window pixels, not design pixels


@dataclass
class Document:
    """A vertical flow of blocks. Sizes are design pixels; ``px`` scales them and ``font_for`` gives fonts."""

    font_for: FontFor
    px: Callable[[float], int]
    blocks: list[_Block] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)  # anchor name -> y of its block after render()
    _surface: pygame.Surface | None = None
    _width: int = -1

    def heading(self, text: str, *, colour: Colour, size: float = 18, gap: float = 6, anchor: str = "") -> None:
        """A bold line (wrapped if long)."""
        self.blocks.append(_Block("para", ((text, colour, True),), size, 0, gap, anchor=anchor))
        self._surface = None

    def para(
        self,
        runs: str | Sequence[Run],
        *,
        colour: Colour | None = None,
        size: float = 15,
        bold: bool = False,
        indent: float = 0,
        gap: float = 6,
        anchor: str = "",
    ) -> None:
        """A wrapped paragraph: a plain string (in ``colour``) or runs of differently coloured/bold text."""
        if isinstance(runs, str):
            assert colour is not None, "a plain paragraph needs a colour"  # i18n: not shown
            runs = ((runs, colour, bold),)
        self.blocks.append(_Block("para", tuple(runs), size, indent, gap, anchor=anchor))
        self._surface = None

    def space(self, height: float) -> None:
        """Vertical space."""
        self.blocks.append(_Block("space", height=height))
        self._surface = None

    def rule(self, colour: Colour, *, gap: float = 8) -> None:
        """A thin horizontal line with ``gap`` above and below."""
        self.blocks.append(_Block("rule", gap=gap, colour=colour))
        self._surface = None

    def custom(
        self,
        height: float,
        draw: Callable[[pygame.Surface, pygame.Rect], None],
        *,
        gap: float = 4,
        pixels: bool = False,
    ) -> None:
        """A block ``height`` design pixels tall (window pixels with ``pixels=True``) drawn by ``draw(surface,
        rect)``: gauges, swatches, cards..."""
        self.blocks.append(_Block("custom", height=height, gap=gap, draw=draw, pixels=pixels))
        self._surface = None

    # ----------------------------------------------------------------- layout and drawing
    def render(self, width: int) -> pygame.Surface:
        """The whole document laid out at ``width`` pixels, on a transparent surface (cached)."""
        if self._surface is not None and self._width == width:
            return self._surface
        words: list[tuple[pygame.Surface, int, int]] = []
        rules: list[tuple[Colour, int]] = []
        drawings: list[tuple[Callable[[pygame.Surface, pygame.Rect], None], int, int]] = []
        y = 0
        self.anchors = {}
        for block in self.blocks:
            if block.anchor:
                self.anchors[block.anchor] = y
            if block.kind == "space":
                y += self.px(block.height)
            elif block.kind == "rule":
                y += self.px(block.gap)
                rules.append((block.colour, y))
                y += 1 + self.px(block.gap)
            elif block.kind == "custom" and block.draw is not None:
                height = round(block.height) if block.pixels else self.px(block.height)
                drawings.append((block.draw, y, height))
                y += height + self.px(block.gap)
            elif block.kind == "para":
                y = self._flow(block, width, y, words) + self.px(block.gap)
        surface = pygame.Surface((max(1, width), max(1, y)), pygame.SRCALPHA)
        surface.blits([(word, (x, top)) for word, x, top in words], doreturn=False)
        for colour, top in rules:
            pygame.draw.line(surface, colour, (0, top), (width, top), 1)
        for draw, top, height in drawings:
            draw(surface, pygame.Rect(0, top, width, height))
        self._surface, self._width = surface, width
        return surface

    def _flow(self, block: _Block, width: int, y: int, placed: list[tuple[pygame.Surface, int, int]]) -> int:
        indent = self.px(block.indent)
        line_h = 0
        x = indent
        for text, colour, bold in block.runs:
            font = self.font_for(block.size, bold)
            line_h = max(line_h, textlib.line_height(font, text))
            space = font.size(" ")[0]
            for index, word, joined in _words(text):
                if word == "":
                    if index and x > indent:
                        x += space
                    continue
                gap = space if (index > 0 or text.startswith(" ")) and x > indent and not joined else 0
                word_w = textlib.width_of(font, word)
                if x + gap + word_w > width and x > indent:
                    y += line_h
                    x, gap = indent, 0
                if word_w > width - indent:  # a very long word: break it across lines
                    pieces = textlib.wrap(font, word, max(1, width - indent))
                    for piece in pieces[:-1]:
                        placed.append((textlib.render(font, piece, colour), indent, y))
                        y += line_h
                    placed.append((textlib.render(font, pieces[-1], colour), indent, y))
                    x = indent + textlib.width_of(font, pieces[-1])
                    continue
                placed.append((textlib.render(font, word, colour), x + gap, y))
                x += gap + word_w
        return y + line_h


def _words(text: str) -> Iterator[tuple[int, str, bool]]:
    """The words of ``text`` between its spaces, each with its index; a Khmer word (a phrase: Khmer writes no spaces
    between words) comes in the pieces ICU may break it into, the pieces after the first ``joined`` (no space)."""
    for index, word in enumerate(text.split(" ")):
        if not has_khmer(word):
            yield index, word, False
            continue
        cuts = [0, *break_points(word, "km"), len(word)]
        for number, (start, end) in enumerate(itertools.pairwise(cuts)):
            yield index, word[start:end], number > 0


class ScrollView:
    """Shows part of a tall surface in a rect, with a scroll bar; remembers its offset across frames."""

    def __init__(self) -> None:
        self.offset = 0
        self.view_height = 0
        self.content_height = 0

    @property
    def scrollable(self) -> bool:
        """Whether the content is taller than the view."""
        return self.content_height > self.view_height > 0

    def scroll(self, pixels: int) -> bool:
        """Scroll by ``pixels`` (down when positive); returns whether the offset changed."""
        before = self.offset
        self.offset = max(0, min(self.offset + pixels, max(0, self.content_height - self.view_height)))
        return self.offset != before

    def reveal(self, top: int, bottom: int) -> None:
        """Scroll just enough for content between ``top`` and ``bottom`` to be visible."""
        if bottom > self.offset + self.view_height:
            self.offset = bottom - self.view_height
        if top < self.offset:
            self.offset = top
        self.scroll(0)

    @staticmethod
    def content_width(rect: pygame.Rect, bar: int) -> int:
        """The width to lay content out at, leaving room for a ``bar``-pixel scroll bar in ``rect``."""
        return max(1, rect.width - 2 * bar)

    def draw(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        content: pygame.Surface,
        *,
        palette: Palette,
        bar: int,
        fade: Colour | None = None,
    ) -> None:
        """Blit the visible part of ``content`` into ``rect``; a ``bar``-pixel scroll bar shows on the right when
        the content is taller than the rect, and with ``fade`` (the colour under the text) the last lines fade
        out while there is more below."""
        self.view_height = rect.height
        self.content_height = content.get_height()
        self.scroll(0)
        width = min(self.content_width(rect, bar), content.get_width())
        area = pygame.Rect(0, self.offset, width, rect.height)
        surface.blit(content, rect.topleft, area)
        if fade is not None and self.offset + rect.height < self.content_height:
            height = min(rect.height // 3, bar * 5)
            surface.blit(_fade(width, height, fade), (rect.left, rect.bottom - height))
        if self.scrollable:
            track = pygame.Rect(rect.right - bar, rect.top, bar, rect.height)
            draw_scrollbar(
                surface, track, offset=self.offset, view=rect.height, total=self.content_height, palette=palette
            )


@lru_cache(maxsize=32)
def _fade(width: int, height: int, colour: Colour) -> pygame.Surface:
    """A strip going from transparent to ``colour``, top to bottom."""
    strip = pygame.Surface((1, max(1, height)), pygame.SRCALPHA)
    for y in range(height):
        strip.set_at((0, y), (*colour, round(235 * (y + 1) / height)))
    return pygame.transform.scale(strip, (max(1, width), max(1, height)))


def draw_scrollbar(
    surface: pygame.Surface, track: pygame.Rect, *, offset: int, view: int, total: int, palette: Palette
) -> None:
    """A scroll bar in ``track``: the thumb's size and place show which part of ``total`` is in view."""
    radius = track.width // 2
    pygame.draw.rect(surface, palette.panel_alt, track, border_radius=radius)
    thumb_h = max(track.width * 2, round(track.height * view / max(1, total)))
    thumb_y = track.top + round((track.height - thumb_h) * offset / max(1, total - view))
    pygame.draw.rect(surface, palette.muted, (track.left, thumb_y, track.width, thumb_h), border_radius=radius)
