"""Where a line of text may break, by Unicode line breaking (UAX #14) as ICU implements it, through icu4py.

Khmer writes no spaces between words (a space ends a phrase), so a line cannot simply be broken at spaces: ICU finds
the word boundaries with its Khmer dictionary. Everything that wraps text asks here: the terminal's paragraphs
(:func:`wrap` with :func:`display_width`), the desktop's own drawn text (``game.ui.widgets.text``), and the
desktop's pygame_gui text boxes, which are taught to break where :func:`split_points` says (``game.ui.text_breaks``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from icu4py.breakers import LineBreaker

#: A zero-width space: an invisible place where a line may break.
ZERO_WIDTH_SPACE = "\u200b"
#: Characters after which pygame_gui may already break a line.
_SPACES = (" ", ZERO_WIDTH_SPACE)


def is_khmer(char: str) -> bool:
    """Whether ``char`` is a Khmer letter, sign or digit."""
    code = ord(char)
    return 0x1780 <= code <= 0x17FF or 0x19E0 <= code <= 0x19FF


def has_khmer(text: str) -> bool:
    """Whether any character of ``text`` is Khmer."""
    return any(is_khmer(char) for char in text)


@lru_cache(maxsize=4096)
def break_points(text: str, lang: str = "en") -> tuple[int, ...]:
    """The indices at which a new line may start (never 0 or ``len(text)``), by ICU's line breaker for ``lang``."""
    if not text:
        return ()
    return tuple(start for start, _end in LineBreaker(text, lang or "en").segments() if 0 < start < len(text))


def split_points(text: str, lang: str = "km") -> list[int]:
    """The indices at which a line of ``text`` may be split for pygame_gui's text boxes: after every space, as
    pygame_gui does itself, and at every word boundary inside Khmer text (where no space shows it)."""
    points = {index + 1 for index, char in enumerate(text) if char in _SPACES}
    if has_khmer(text):
        points.update(p for p in break_points(text, lang) if is_khmer(text[p - 1]) or is_khmer(text[p]))
    return sorted(points)


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: marks that sit on a letter take none, wide letters take two."""
    width = 0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf") or char == ZERO_WIDTH_SPACE:
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(text: str, width: float, measure: Callable[[str], float] = display_width, lang: str = "en") -> list[str]:
    """``text`` (one paragraph) broken into lines no wider than ``width`` by ``measure``, at the places UAX #14
    allows; a piece wider than a whole line is cut where it must be. Spaces at line ends are dropped."""
    text = text.replace(ZERO_WIDTH_SPACE, "").strip()
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    for piece in _pieces(text, lang):
        candidate = line + piece
        if not line or measure(candidate.rstrip()) <= width:
            line = candidate
            continue
        lines.append(line.rstrip())
        line = piece.lstrip()
    if line:
        lines.append(line.rstrip())
    return [cut for long in lines for cut in _cut(long, width, measure)]


def _pieces(text: str, lang: str) -> Iterator[str]:
    last = 0
    for point in break_points(text, lang):
        yield text[last:point]
        last = point
    yield text[last:]


def _cut(line: str, width: float, measure: Callable[[str], float]) -> Iterator[str]:
    """A line wider than ``width`` (one long word) cut at grapheme boundaries; others unchanged."""
    while measure(line) > width and len(line) > 1:
        end = len(line) - 1
        while end > 1 and (measure(line[:end]) > width or unicodedata.category(line[end]) in ("Mn", "Mc", "Me")):
            end -= 1
        yield line[:end]
        line = line[end:]
    yield line
