"""``python main.py replay SAVE``: print a saved match turn by turn from its command log, and check that the log
rebuilds the saved state exactly (``Replay: reproduced``, exit 0, or ``Replay: diverged at turn N``, exit 1)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO

from game import present
from game.content.controls import for_terminal
from game.engine import (
    Adjust,
    BreakAgreement,
    Choose,
    Commit,
    Counter,
    EndNow,
    EndTurn,
    Game,
    Inject,
    NewsKind,
    Propose,
    Respond,
    Termination,
    TurnReport,
    Withdraw,
    localize,
)
from game.i18n import N_, tr
from game.persistence import load_match
from game.saves import SaveError
from game.table import Done, LogEntry, Match, TableCommand, replay
from game.table.facilitation import Intervention, InterventionKind
from game.text import views
from game.text.console import Console

EXIT_OK, EXIT_DIVERGED = 0, 1


def run_replay(path: Path, out: TextIO, err: TextIO) -> int:
    """Print the match saved in ``path`` from its log and check it; returns the exit status."""
    try:
        match = load_match(path)
    except SaveError as exc:
        print(
            for_terminal(tr("common-ground: error: {path}: {problem}", path=path, problem=exc)), file=err
        )  # a damaged save's text, shown safely
        return EXIT_DIVERGED
    console = Console(io.StringIO(), out)
    game = match.game
    console.line(tr("{title} (seed {seed})", title=localize(match.scenario.title, game.lang), seed=match.seed))
    for role, seat in match.seats.items():
        console.line(f"  {match.role_name(role)}: {seat.describe()}")
    if match.origin is not None:
        console.para(tr("This save was written before games kept a log: the replay starts from the saved turn "
                        "{turn}.", turn=int(match.origin.get("turn", 0))))  # fmt: skip
    printer = _Printer(console, match)
    result = replay(match, printer.entry)
    printer.flush(result.game)
    console.line()
    if result.reproduced:
        console.line(tr("Replay: reproduced"))
        return EXIT_OK
    console.line(tr("Replay: diverged at turn {turn}", turn=result.turn))
    for difference in result.differences:
        console.para(difference, indent="  ", hanging="    ")
    return EXIT_DIVERGED


class _Printer:
    """Collects each turn's commands (and what the teacher did in between) and prints the turn when it resolves."""

    def __init__(self, console: Console, match: Match) -> None:
        self.console = console
        self.match = match
        self.pending: list[str] = []
        self.turn = 0
        self.applied = 0
        self.teacher = teacher_lines(match.teacher.interventions)

    def entry(self, entry: LogEntry, game: Game, report: TurnReport | None) -> None:
        self.applied += 1
        self.pending += self.teacher.pop(self.applied - 1, [])
        if report is not None:
            self.print_turn(game, report)
            return
        if isinstance(entry.command, Done):
            return
        who = (
            self.match.role_name(entry.role)
            if entry.role
            else tr("The teacher")
            if entry.by == "teacher"
            else tr("The table")
        )
        self.pending.append(
            tr("{who} ({by}): {what}", who=who, by=tr(BY.get(entry.by, entry.by)), what=describe(game, entry.command))
        )

    def print_turn(self, game: Game, report: TurnReport) -> None:
        console = self.console
        turn = report.turn
        console.line()
        console.line(tr("=== Turn {turn} ({date}) ===", turn=turn, date=present.date_of(game, turn)))
        events = [n.id for n in game.state.news if n.turn == turn and n.kind == NewsKind.EVENT]
        for event_id in events:
            title = present.say(game, game.scenario.event(event_id).title)
            console.para(tr("News: {title}", title=title), indent="  ", hanging="    ")
        if not events:
            console.line("  " + tr("News: a quiet turn."))
        for line in self.pending or [tr("Nobody acted.")]:
            console.para(line, indent="  ", hanging="    ")
        self.pending = []
        console.line("  " + tr("Changes:"))
        console.lines(["  " + line for line in views.change_lines(game, report.changes)])
        if report.outcome is not None:
            ending = game.scenario.ending(report.outcome.ending)
            console.line("  " + tr("Ending: {title}", title=present.say(game, ending.title)))

    def flush(self, game: Game) -> None:
        """Commands of the turn in progress (the save was made before it resolved), or of the turn the teacher
        ended the game in."""
        for at in sorted(self.teacher):
            self.pending += self.teacher[at]
        outcome = game.outcome
        stopped = outcome is not None and outcome.termination is Termination.STOPPED
        if self.pending or stopped:
            self.console.line()
            if stopped:
                self.console.line(tr("=== Turn {turn} (ended by the teacher) ===", turn=game.turn))
            else:
                self.console.line(tr("=== Turn {turn} (in progress) ===", turn=game.turn))
            for line in self.pending:
                self.console.para(line, indent="  ", hanging="    ")
            if outcome is not None and stopped:
                title = present.say(game, game.scenario.ending(outcome.ending).title)
                self.console.line("  " + tr("Ending: {title}", title=title))


#: Who entered a command in the log, in words.
BY = {"person": N_("person"), "computer": N_("computer"), "teacher": N_("teacher"), "table": N_("table")}


def describe(game: Game, command: TableCommand) -> str:
    """A command in words, e.g. ``commits Diplomatic dialogue``."""
    if isinstance(command, Commit):
        return tr("commits {action}", action=present.say(game, game.scenario.action(command.action).label))
    if isinstance(command, Withdraw):
        return tr("withdraws {action}", action=present.say(game, game.scenario.action(command.action).label))
    if isinstance(command, Choose):
        event = game.scenario.event(command.event)
        label = next((present.say(game, c.label) for c in event.choices if c.id == command.choice), command.choice)
        return tr("answers {title}: {choice}", title=present.say(game, event.title), choice=label)
    if isinstance(command, Propose):
        return tr(
            "proposes to {name}: {terms}",
            name=present.role_name(game, command.receiver),
            terms=_bundle(game, command.give, command.ask),
        )
    if isinstance(command, Counter):
        return tr(
            "counters {proposal}: {terms}", proposal=command.proposal, terms=_bundle(game, command.give, command.ask)
        )
    if isinstance(command, Respond):
        if command.accept:
            return tr("accepts {proposal}", proposal=command.proposal)
        return tr("refuses {proposal}", proposal=command.proposal)
    if isinstance(command, BreakAgreement):
        return tr("breaks agreement {agreement}", agreement=command.agreement)
    if isinstance(command, EndTurn):
        return tr("the turn resolves")
    if isinstance(command, Adjust):
        label = present.say(game, game.scenario.indicator(command.indicator).label)
        return tr(
            "sets {label} to {value}: {reason}", label=label, value=format(command.value, "g"), reason=command.reason
        )
    if isinstance(command, Inject):
        return tr(
            "adds news for the next turn: {title}", title=present.say(game, game.scenario.event(command.event).title)
        )
    if isinstance(command, EndNow):
        return tr("ends the game now")
    return tr("is done")


#: What the teacher did that is not a command in the log (those print as log entries).
_NOT_LOGGED = frozenset(InterventionKind) - {InterventionKind.ADJUST, InterventionKind.INJECT, InterventionKind.END}


def teacher_lines(interventions: list[Intervention]) -> dict[int, list[str]]:
    """The lines to print for the teacher's interventions that are not commands in the log, by the number of log
    entries before them. What an undo took back (it is no longer in the log) is named with the undo."""
    lines: dict[int, list[str]] = {}
    live: list[Intervention] = []
    for done in interventions:
        if done.kind is InterventionKind.UNDO:
            gone = [i for i in live if i.at > done.at]
            live = [i for i in live if i.at <= done.at]
            for at in [at for at in lines if at > done.at]:
                del lines[at]
            text = tr("The teacher ({kind}): {detail}", kind=done.kind.value, detail=done.detail)
            if gone:
                text = tr("{text}; undone with it: {gone}", text=text, gone="; ".join(i.detail for i in gone))
            lines.setdefault(done.at, []).append(text)
            continue
        live.append(done)
        if done.kind in _NOT_LOGGED:
            lines.setdefault(done.at, []).append(
                tr("The teacher ({kind}): {detail}", kind=done.kind.value, detail=done.detail)
            )
    return lines


def _bundle(game: Game, give: tuple[str, ...], ask: tuple[str, ...]) -> str:
    def labels(ids: tuple[str, ...]) -> str:
        return "; ".join(present.say(game, game.item(i).label) for i in ids) or tr("nothing")

    return tr("gives {give}; asks {ask}", give=labels(give), ask=labels(ask))
