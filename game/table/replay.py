"""Rebuild a match from its scenario, seed and command log, and check it against the saved state.

Pure. The log holds every command that changed the game (the people's, the computers' and each turn's resolution),
so the rebuild applies them in order to a new game (or to the state the log starts from) and needs no computer
player: the same commands always give the same game.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from game.engine import Change, Game, Scenario, TurnReport
from game.i18n import tr
from game.table.log import Done, LogEntry
from game.table.match import Match


@dataclass(frozen=True, slots=True)
class Replay:
    """The result of :func:`replay`: the rebuilt game and whether it matches the saved one. When it does not,
    ``turn`` is the first turn that differed and ``differences`` says what differed."""

    game: Game
    reproduced: bool
    turn: int = 0
    differences: tuple[str, ...] = field(default_factory=tuple)


#: What reading saved data that does not fit its scenario or format may raise: restoring a match or its starting
#: state (wrong types, missing keys, numbers out of range, a broken log), or applying a logged command the rules
#: refuse (:class:`~game.engine.RulesError` is a ``ValueError``, an unknown id also a ``KeyError``).
DAMAGED = (KeyError, TypeError, ValueError, IndexError, AttributeError, ArithmeticError)


def start_of(scenario: Scenario, seed: int, lang: str, origin: dict[str, Any] | None) -> Game:
    """The game a log starts from: a new game of ``seed``, or the state ``origin``."""
    if origin is not None:
        return Game.from_dict(scenario, dict(origin), lang=lang)
    return Game.new(scenario, seed, lang=lang)


def rebuild(
    scenario: Scenario,
    seed: int,
    log: Iterable[LogEntry],
    *,
    lang: str = "en",
    origin: dict[str, Any] | None = None,
    on_entry: Callable[[LogEntry, Game, TurnReport | None], None] | None = None,
) -> Game:
    """The game that ``log`` makes from a new game of ``seed`` (or from ``origin``). ``on_entry`` is called after
    each entry with the report of a resolution. Raises the engine's errors if a command is refused."""
    return _apply_log(start_of(scenario, seed, lang, origin), log, on_entry)


def _apply_log(
    game: Game, log: Iterable[LogEntry], on_entry: Callable[[LogEntry, Game, TurnReport | None], None] | None
) -> Game:
    for entry in log:
        report = None if isinstance(entry.command, Done) else game.apply(entry.command)
        if on_entry is not None:
            on_entry(entry, game, report)
    return game


def replay(match: Match, on_entry: Callable[[LogEntry, Game, TurnReport | None], None] | None = None) -> Replay:
    """Rebuild ``match`` from its log and compare it with the match's own game, turn by turn (each resolution's
    changes against the match's reports) and at the end (the whole state)."""
    reports = {r.turn: r for r in match.reports}
    first_bad: list[tuple[int, str]] = []
    saved_news = match.game.state.news
    entries = list(match.log)
    applied = 0

    def check(entry: LogEntry, game: Game, report: TurnReport | None) -> None:
        nonlocal applied
        applied += 1
        if report is not None and not first_bad:
            turn = report.turn
            saved = reports.get(turn)
            if saved is not None and tuple(map(tuple, saved.changes)) != tuple(map(tuple, report.changes)):
                first_bad.append((turn, _changes_differ(saved, report)))
                return
            played = [tuple(n) for n in saved_news if n.turn == turn]
            rebuilt = [tuple(n) for n in game.state.news if n.turn == turn]
            if played != rebuilt:
                first_bad.append((turn, _news_differ(played, rebuilt)))
        if on_entry is not None:
            on_entry(entry, game, report)

    try:
        start = start_of(match.scenario, match.seed, match.game.lang, match.origin)
    except DAMAGED as exc:  # the state the log starts from is damaged: nothing of the log can be applied
        return Replay(match.game, False, 0, (tr("a logged command was refused: {problem}", problem=exc),))
    try:
        game = _apply_log(start, entries, check)
    except DAMAGED as exc:
        if first_bad:  # it had already come out differently: that is where it diverged, and why a command fails
            turn, what = first_bad[0]
            return Replay(
                match.game, False, turn, (what, tr("then a logged command was refused: {problem}", problem=exc))
            )
        turn = entries[applied].turn if applied < len(entries) else match.game.turn
        return Replay(match.game, False, turn, (tr("a logged command was refused: {problem}", problem=exc),))
    if first_bad:
        turn, what = first_bad[0]
        return Replay(game, False, turn, (what,))
    saved, rebuilt = match.game.to_dict(), game.to_dict()
    if saved != rebuilt:
        keys = tuple(
            tr("the saved {part} differs from the rebuilt one", part=k) for k in saved if saved.get(k) != rebuilt.get(k)
        )
        return Replay(game, False, match.game.turn, keys)
    return Replay(game, True)


def _news_differ(played: list[tuple[object, ...]], rebuilt: list[tuple[object, ...]]) -> str:
    for index, (a, b) in enumerate(zip(played, rebuilt, strict=False)):
        if a != b:
            return tr(
                "news {number} of the turn: saved {saved}, rebuilt {rebuilt}",
                number=index + 1,
                saved=_news_words(a),
                rebuilt=_news_words(b),
            )
    return tr(
        "the turn had {played} news items when played and {rebuilt} when rebuilt",
        played=len(played),
        rebuilt=len(rebuilt),
    )


def _news_words(news: tuple[object, ...]) -> str:
    _, kind, news_id, role, detail = news
    return " ".join(str(part) for part in (kind, news_id, role and tr("by {role}", role=role), detail) if part)


def _change_words(change: Change) -> str:
    return f"{change.indicator} {change.before:g} -> {change.after:g} ({change.text})"


def _changes_differ(saved: TurnReport, rebuilt: TurnReport) -> str:
    for index, (a, b) in enumerate(zip(saved.changes, rebuilt.changes, strict=False)):
        if tuple(a) != tuple(b):
            return tr(
                "change {number} of the turn: saved {saved}, rebuilt {rebuilt}",
                number=index + 1,
                saved=_change_words(a),
                rebuilt=_change_words(b),
            )
    return tr(
        "the turn made {saved} changes when played and {rebuilt} when rebuilt",
        saved=len(saved.changes),
        rebuilt=len(rebuilt.changes),
    )
