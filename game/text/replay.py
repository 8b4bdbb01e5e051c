"""``python main.py replay SAVE``: print a saved match turn by turn from its command log, and check that the log
rebuilds the saved state exactly (``Replay: reproduced``, exit 0, or ``Replay: diverged at turn N``, exit 1)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO

from game import present
from game.content.controls import for_terminal
from game.engine import (
    BreakAgreement,
    Choose,
    Commit,
    Counter,
    EndTurn,
    Game,
    NewsKind,
    Propose,
    Respond,
    TurnReport,
    Withdraw,
    localize,
)
from game.persistence import load_match
from game.saves import SaveError
from game.table import Done, LogEntry, Match, TableCommand, replay
from game.text import views
from game.text.console import Console

EXIT_OK, EXIT_DIVERGED = 0, 1


def run_replay(path: Path, out: TextIO, err: TextIO) -> int:
    """Print the match saved in ``path`` from its log and check it; returns the exit status."""
    try:
        match = load_match(path)
    except SaveError as exc:
        print(for_terminal(f"common-ground: error: {path}: {exc}"), file=err)  # a damaged save's text, shown safely
        return EXIT_DIVERGED
    console = Console(io.StringIO(), out)
    game = match.game
    console.line(f"{localize(match.scenario.title, game.lang)} (seed {match.seed})")
    for role, seat in match.seats.items():
        console.line(f"  {match.role_name(role)}: {seat.describe()}")
    if match.origin is not None:
        console.para(f"This save was written before games kept a log: the replay starts from the saved turn "
                     f"{int(match.origin.get('turn', 0))}.")  # fmt: skip
    printer = _Printer(console, match)
    result = replay(match, printer.entry)
    printer.flush(result.game)
    console.line()
    if result.reproduced:
        console.line("Replay: reproduced")
        return EXIT_OK
    console.line(f"Replay: diverged at turn {result.turn}")
    for difference in result.differences:
        console.para(difference, indent="  ", hanging="    ")
    return EXIT_DIVERGED


class _Printer:
    """Collects each turn's commands and prints the turn when it resolves."""

    def __init__(self, console: Console, match: Match) -> None:
        self.console = console
        self.match = match
        self.pending: list[str] = []
        self.turn = 0

    def entry(self, entry: LogEntry, game: Game, report: TurnReport | None) -> None:
        if report is not None:
            self.print_turn(game, report)
            return
        if isinstance(entry.command, Done):
            return
        who = self.match.role_name(entry.role) if entry.role else "The table"
        self.pending.append(f"{who} ({entry.by}): {describe(game, entry.command)}")

    def print_turn(self, game: Game, report: TurnReport) -> None:
        console = self.console
        turn = report.turn
        console.line()
        console.line(f"=== Turn {turn} ({present.date_of(game, turn)}) ===")
        events = [n.id for n in game.state.news if n.turn == turn and n.kind == NewsKind.EVENT]
        for event_id in events:
            console.para(f"News: {present.say(game, game.scenario.event(event_id).title)}", indent="  ", hanging="    ")
        if not events:
            console.line("  News: a quiet turn.")
        for line in self.pending or ["Nobody acted."]:
            console.para(line, indent="  ", hanging="    ")
        self.pending = []
        console.line("  Changes:")
        console.lines(["  " + line for line in views.change_lines(game, report.changes)])
        if report.outcome is not None:
            ending = game.scenario.ending(report.outcome.ending)
            console.line(f"  Ending: {present.say(game, ending.title)}")

    def flush(self, game: Game) -> None:
        """Commands of the turn in progress (the save was made before it resolved)."""
        if self.pending:
            self.console.line()
            self.console.line(f"=== Turn {game.turn} (in progress) ===")
            for line in self.pending:
                self.console.para(line, indent="  ", hanging="    ")


def describe(game: Game, command: TableCommand) -> str:
    """A command in words, e.g. ``commits Diplomatic dialogue``."""
    if isinstance(command, Commit):
        return f"commits {present.say(game, game.scenario.action(command.action).label)}"
    if isinstance(command, Withdraw):
        return f"withdraws {present.say(game, game.scenario.action(command.action).label)}"
    if isinstance(command, Choose):
        event = game.scenario.event(command.event)
        label = next((present.say(game, c.label) for c in event.choices if c.id == command.choice), command.choice)
        return f"answers {present.say(game, event.title)}: {label}"
    if isinstance(command, Propose):
        return f"proposes to {present.role_name(game, command.receiver)}: {_bundle(game, command.give, command.ask)}"
    if isinstance(command, Counter):
        return f"counters {command.proposal}: {_bundle(game, command.give, command.ask)}"
    if isinstance(command, Respond):
        return f"{'accepts' if command.accept else 'refuses'} {command.proposal}"
    if isinstance(command, BreakAgreement):
        return f"breaks agreement {command.agreement}"
    if isinstance(command, EndTurn):
        return "the turn resolves"
    return "is done"


def _bundle(game: Game, give: tuple[str, ...], ask: tuple[str, ...]) -> str:
    def labels(ids: tuple[str, ...]) -> str:
        return "; ".join(present.say(game, game.item(i).label) for i in ids) or "nothing"

    return f"gives {labels(give)}; asks {labels(ask)}"
