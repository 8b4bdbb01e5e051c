"""Control characters in text: which ones a scenario may hold, and how text is made safe to show.

A scenario's text reaches players on a terminal and in the desktop window. A terminal obeys control characters
(an escape sequence can clear the screen or retitle the window) and the desktop's font renderer refuses a NUL, so:

- the loader refuses every control character in a scenario's text except the tab and the line break, which a
  multi-line description may well mean; a carriage return or a next-line character (``\\r``, ``\\N``) is read as a
  line break (:func:`normalise_breaks`);
- whatever reaches a terminal anyway (a save written by hand, a file name) goes through :func:`for_terminal`, which
  writes each control character as a visible escape such as ``\\x1b`` (the terminal game's console does, and the
  command line writes through :func:`terminal_safe` streams);
- whatever reaches the desktop's font renderer goes through :func:`for_drawing`.
"""

from __future__ import annotations

import re
from typing import Final, TextIO, cast

#: The control characters scenario text may not hold: C0 but the tab and the line feed, DEL, C1 but next-line,
#: and the carriage return (which :func:`normalise_breaks` turns into a line feed before this is checked).
REFUSED: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")

_BREAKS: Final = re.compile("\r\n?|\x85")

#: Characters never written to a terminal as they are: every control character but the tab and the line feed,
#: and lone surrogates (which cannot be encoded at all).
_UNSAFE_FOR_TERMINAL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

#: Characters the desktop never hands to its font renderer: the line feed is kept (wrapping breaks lines there).
_UNSAFE_FOR_DRAWING: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

_NAMES: Final = {
    0x00: "NUL",
    0x07: "bell",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x1B: "escape",
    0x7F: "delete",
}


def describe(char: str) -> str:
    """``"\\x1b"`` -> ``"U+001B (escape)"``: a control character named for a message."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def normalise_breaks(text: str) -> str:
    """``\\r\\n``, a lone ``\\r`` and the next-line character ``\\x85`` become ``\\n``."""
    if "\r" not in text and "\x85" not in text:
        return text
    return _BREAKS.sub("\n", text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control character but the tab and the line feed written as a visible escape (``\\x1b``),
    so nothing in it can act on the terminal; lone surrogates are written the same way."""
    return _UNSAFE_FOR_TERMINAL.sub(_escape, text)


def for_drawing(text: str) -> str:
    """``text`` as the desktop may hand it to its font renderer: a tab becomes a space, any other control
    character (and a lone surrogate) the replacement character; line feeds are kept."""
    if _UNSAFE_FOR_DRAWING.search(text) is None:
        return text
    return _UNSAFE_FOR_DRAWING.sub(lambda found: " " if found.group() == "\t" else "\ufffd", text)


class TerminalSafe:
    """A text stream that writes to ``raw`` with every control character but the tab and the line feed shown as
    an escape, so no text written through it can act on the terminal (clear it, retitle the window, ...).

    It has what ``print``, ``json.dump`` and the console use of a stream; it never closes ``raw``."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw
        """The stream written to; the command line's own progress line writes its carriage returns there."""

    def write(self, text: str) -> int:
        """Write ``text`` made safe; returns the length of ``text``."""
        self.raw.write(for_terminal(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream written to."""
        self.raw.flush()

    def isatty(self) -> bool:
        """Whether the stream written to is a terminal."""
        try:
            return self.raw.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        """The file descriptor of the stream written to."""
        return self.raw.fileno()

    @property
    def encoding(self) -> str:
        """The encoding of the stream written to."""
        return str(getattr(self.raw, "encoding", None) or "utf-8")


def terminal_safe(stream: TextIO) -> TextIO:
    """``stream`` wrapped in a :class:`TerminalSafe` (once: a safe stream is returned as it is)."""
    if isinstance(stream, TerminalSafe):
        return cast(TextIO, stream)
    return cast(TextIO, TerminalSafe(stream))
