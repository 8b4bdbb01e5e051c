"""Line-based terminal input and output: wrapped text, prompts, numbered menus, quitting and end of input.

Everything the text front end prints or reads goes through a :class:`Console`, so the game itself never touches
``sys.stdin``/``sys.stdout`` and can be driven by ``io.StringIO`` in tests. Nothing a scenario or a save holds
reaches the terminal as a control sequence: :meth:`Console.write` shows control characters as escapes, and the
command line writes through a :class:`~game.content.controls.TerminalSafe` stream.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Collection, Iterable
from typing import TextIO

from game.content.controls import for_terminal
from game.i18n import N_, language, tr
from game.i18n.lines import display_width, has_khmer
from game.i18n.lines import wrap as break_lines

#: The widest line the console writes on its own (scenario words longer than this are left whole).
WIDTH = 79

#: Words that quit the game at any prompt (after the player confirms with one of :data:`YES_WORDS`).
QUIT_WORDS = frozenset({"q", "quit"})

#: The answers that confirm quitting; anything else goes back to the prompt that was interrupted.
YES_WORDS = frozenset({"y", "yes"})

#: The question asked before quitting.
QUIT_QUESTION = N_("Quit the game? Your game is saved either way. (y/n): ")


class EndOfInput(Exception):
    """Standard input was closed (Ctrl-D, or the end of a piped file)."""


class QuitRequested(Exception):
    """The player typed a quit word and confirmed it."""


class Console:
    """Reads answers from ``stdin`` and writes wrapped text to ``stdout``.

    ``echo`` writes each answer after its prompt, so a transcript of piped input reads like a session at a
    terminal; by default it is on when ``stdin`` is not a terminal (a terminal echoes by itself).
    """

    def __init__(self, stdin: TextIO, stdout: TextIO, *, width: int = WIDTH, echo: bool | None = None) -> None:
        self._in = stdin
        self._out = stdout
        self.width = width
        self.echo = not _is_terminal(stdin) if echo is None else echo
        self._ahead: str | None = None  # an answer typed ahead at :meth:`glance`, for the next prompt
        self._ended = False  # the end of input was met at :meth:`glance`
        #: Called before each prompt is written (``--watch`` looks at the scenario file there); it may print, ask
        #: its own questions (it is not called again meanwhile) and raise to leave the prompt unasked.
        self.before_prompt: Callable[[], None] | None = None
        self._in_hook = False

    # ----------------------------------------------------------------- output
    def write(self, text: str) -> None:
        """Write ``text`` with its control characters shown as escapes (``\\x1b``), tabs and line feeds kept;
        characters the output encoding cannot show are replaced, not fatal."""
        text = for_terminal(text)
        try:
            self._out.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self._out, "encoding", None) or "ascii"
            self._out.write(text.encode(encoding, "replace").decode(encoding))

    def line(self, text: str = "") -> None:
        """Write one line."""
        self.write(text + "\n")

    def lines(self, lines: Iterable[str]) -> None:
        """Write several lines."""
        for text in lines:
            self.line(text)

    def para(self, text: str, *, indent: str = "", hanging: str | None = None) -> None:
        """Write ``text`` wrapped to the console width, keeping its blank-line paragraph breaks."""
        self.lines(wrap(text, self.width, indent=indent, hanging=hanging))

    # ----------------------------------------------------------------- input
    def ask(self, prompt: str) -> str:
        """Prompt and return the stripped answer.

        A quit word asks :data:`QUIT_QUESTION` first: yes raises :class:`QuitRequested`, anything else asks
        ``prompt`` again. Raises :class:`EndOfInput` at the end of input (also at the quit question: it ends
        quietly). Undecodable input counts as an empty (invalid) answer.
        """
        while True:
            answer = self._read(prompt)
            if answer.lower() not in QUIT_WORDS:
                return answer
            if self._read(tr(QUIT_QUESTION)).lower() in YES_WORDS:
                raise QuitRequested

    def glance(self, prompt: str, keys: Collection[str]) -> str:
        """Prompt for Enter or one of ``keys`` (lower case): returns the key typed, or ``""`` to go on.

        Any other answer is typed ahead: it goes to the next prompt, as if typed there, so that input written
        without this prompt in mind (a script, a player who knows what comes next) reads on unchanged. A quit word
        asks :data:`QUIT_QUESTION` as :meth:`ask` does. The end of input goes on too (the next prompt ends).
        """
        while True:
            self._hook()
            self.write(prompt)
            raw = self._line()
            if raw is None:
                self._ended = True
                self.line()
                return ""
            answer = raw.strip()
            lower = answer.lower()
            if lower in keys or lower in QUIT_WORDS:
                if self.echo:
                    self.line(answer)
                if lower in keys:
                    return lower
                if self._read(tr(QUIT_QUESTION)).lower() in YES_WORDS:
                    raise QuitRequested
                continue
            self._ahead = answer or None
            if self.echo:
                self.line()  # an answer typed ahead shows at the prompt it is for
            return ""

    def _read(self, prompt: str) -> str:
        """Prompt and read one stripped line (or take the answer typed ahead); :class:`EndOfInput` at the end of
        input."""
        self._hook()
        self.write(prompt)
        if self._ahead is not None:
            answer, self._ahead = self._ahead, None
            self.line(answer)
            return answer
        raw = None if self._ended else self._line()
        if raw is None:
            self.line()
            raise EndOfInput
        answer = raw.strip()
        if self.echo:
            self.line(answer)
        return answer

    def _hook(self) -> None:
        """Call :attr:`before_prompt`, unless it is the one asking."""
        if self.before_prompt is None or self._in_hook:
            return
        self._in_hook = True
        try:
            self.before_prompt()
        finally:
            self._in_hook = False

    def _line(self) -> str | None:
        """One raw line of input, ``None`` at its end; undecodable input reads as an empty line."""
        self._out.flush()
        try:
            raw = self._in.readline()
        except UnicodeDecodeError:
            raw = "\n"
        return raw or None

    def pick(self, prompt: str, count: int, *, what: str) -> int:
        """Ask for a number from 1 to ``count`` until one is given; returns it 0-based."""
        while True:
            index = parse_number(self.ask(prompt), count)
            if index is not None:
                return index
            self.line(
                tr("Please type a number from 1 to {count} to choose {what}, or q to quit.", count=count, what=what)
            )


def parse_number(answer: str, count: int) -> int | None:
    """``"3"`` -> 2 when 1 <= 3 <= ``count``; anything else -> None."""
    if not answer.isascii() or not answer.isdigit() or len(answer) > 6:
        return None
    number = int(answer)
    return number - 1 if 1 <= number <= count else None


def wrap(text: str, width: int = WIDTH, *, indent: str = "", hanging: str | None = None) -> list[str]:
    """Wrap each paragraph of ``text``; ``hanging`` indents the continuation lines (default: ``indent``)."""
    rest = indent if hanging is None else hanging
    out: list[str] = []
    for number, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
        if number:
            out.append("")
        first = indent if number == 0 else rest
        if has_khmer(paragraph):
            out.extend(_wrap_khmer(paragraph, width, first, rest))
            continue
        out.extend(
            textwrap.wrap(
                " ".join(paragraph.split()),
                width,
                initial_indent=first,
                subsequent_indent=rest,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    return out


def _wrap_khmer(paragraph: str, width: int, first: str, rest: str) -> list[str]:
    """A paragraph with Khmer in it broken at ICU's word boundaries (Khmer writes no spaces between words)."""
    lang = language() if language() != "en" else "km"
    room = max(width - max(display_width(first), display_width(rest)), 10)
    lines = break_lines(" ".join(paragraph.split()), room, display_width, lang)
    return [(first if n == 0 else rest) + line for n, line in enumerate(lines)]


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
