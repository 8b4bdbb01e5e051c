"""``text --scenario FILE --watch``: before each prompt, look whether the scenario file was saved again, and carry
the game over to the new version (see :mod:`game.watch`).

What the file's new version brings is printed before the prompt: the problems of a file that does not load (the
game goes on with the version loaded before), the turn the game was replayed to, or the turn at which the replay
stopped, with a y/n question: restart on the new version, or keep playing the old one.
"""

from __future__ import annotations

import os

from game.i18n import tr
from game.table import Match
from game.table.reload import restart
from game.text.console import YES_WORDS, Console
from game.watch import FileBroken, FileWatcher, Reloaded, reload_from_file


class MatchReplaced(Exception):
    """The game goes on with ``match`` (the same game replayed on the new version, or a new game of it)."""

    def __init__(self, match: Match, *, restarted: bool) -> None:
        super().__init__("the match was replaced")  # i18n: not shown
        self.match = match
        self.restarted = restarted


class TextWatch:
    """Watches the scenario file of the match being played at ``console``."""

    def __init__(self, path: str | os.PathLike[str], match: Match, console: Console, *, turns: int | None) -> None:
        self.path = os.fspath(path)
        self.match = match
        self.console = console
        self.turns = turns
        self.watcher = FileWatcher(path)

    def install(self) -> None:
        """Look at the file before every prompt of the console."""
        self.console.before_prompt = self.check

    def check(self) -> None:
        """If the file changed: say what came of it; raises :class:`MatchReplaced` when the game goes on with
        another match."""
        if not self.watcher.changed():
            return
        console = self.console
        outcome = reload_from_file(self.path, self.match, turns=self.turns)
        console.line()
        if isinstance(outcome, FileBroken):
            console.line(
                tr("{file} was saved with errors; the game goes on with the version loaded before:", file=self.path)
            )
            for line in outcome.lines():
                console.line(f"  {line}")
            console.line()
            return
        if isinstance(outcome, Reloaded):
            self.match = outcome.match
            console.para(
                tr(
                    "{file} was saved again: the game is replayed on the new version, {turn}.",
                    file=self.path,
                    turn=outcome.match.turn_label,
                )
            )
            raise MatchReplaced(outcome.match, restarted=False)
        console.para(outcome.message())
        answer = console.ask(tr("Restart the game on the new version? (y: restart, n: keep playing the old one): "))
        if answer.lower() in YES_WORDS:
            self.match = restart(self.match, outcome.scenario)
            console.para(tr("A new game of the edited scenario starts, {turn}.", turn=self.match.turn_label))
            raise MatchReplaced(self.match, restarted=True)
        console.line(tr("The game goes on with the version loaded before."))
        console.line()
