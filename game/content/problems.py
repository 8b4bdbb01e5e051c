"""Problems found in a scenario file, reported as ``path:line:col: error: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a file. ``line`` and ``col`` are 1-based (0 when unknown)."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    #: ``error`` (the file cannot be loaded) or ``warning`` (it loads, changed as the message says).
    severity: str = "error"

    def format(self) -> str:
        """The compiler-style line an editor can jump to."""
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ScenarioError(ValueError):
    """A scenario file could not be loaded; ``problems`` lists every mistake found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col))
        super().__init__("\n".join(p.format() for p in self.problems))
