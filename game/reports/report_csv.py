"""The files beside a match's report: the CSV of every change (one row per entry of the game's history, in order)
and the match as JSON (the save's data with a summary: ending, scores, turns)."""

from __future__ import annotations

import csv
import io
from typing import Any

from game.engine import Change, Game
from game.present import cause_text, date_of
from game.reports import report_data as data
from game.table import Match
from game.table.reference import Found

#: The columns of the changes CSV (data: the same in every language).
CHANGE_COLUMNS = ("turn", "date", "indicator", "before", "after", "cause", "cause_kind", "cause_id", "role")


def _number(value: float) -> str:
    """A value as written in the CSV: whole numbers without a decimal point, others as Python writes them."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def change_row(game: Game, change: Change) -> list[str]:
    """One change as a CSV row: turn, its date, the indicator's id, before, after, the cause in words, the kind of
    cause and its id, and the role whose decision it was (empty for events, trends and the teacher)."""
    return [str(change.turn), date_of(game, change.turn), change.indicator, _number(change.before),
            _number(change.after), cause_text(game, change), change.cause.value, change.cause_id,
            change.role]  # fmt: skip


def changes_csv(match: Match) -> str:
    """The CSV of every change of the match: a header, then one row per entry of the history, in order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CHANGE_COLUMNS)
    game = match.game
    for change in game.history:
        writer.writerow(change_row(game, change))
    return buffer.getvalue()


def match_json(match: Match, found: Found | None, *, name: str, save: dict[str, Any] | None = None) -> dict[str, Any]:
    """The match as JSON: ``summary`` (table name, scenario, ending, when, scores with their reading, turns played)
    and ``match`` (what a save holds of it: :meth:`~game.table.Match.to_dict`), with ``save`` (the save file's
    other fields) when it came from one."""
    outcome = match.game.outcome
    summary: dict[str, Any] = {
        "table": name,
        "scenario": {"id": match.scenario.id, "fingerprint": match.scenario.fingerprint},
        "ending": outcome.ending if outcome is not None else None,
        "ending_title": data.ending_title(match),
        "termination": outcome.termination.value if outcome is not None else None,
        "when": data.when_text(match),
        "turns": data.last_turn(match),
        "scores": {
            s.role: {"score": s.score, "reading": s.verdict, "usual_range": s.range_note}
            for s in data.side_scores(match, found)
        },
        "seats": {role: seat.player for role, seat in match.seats.items()},
        "changes": len(match.game.history),
    }
    out: dict[str, Any] = {"summary": summary, "match": match.to_dict()}
    if save is not None:
        out["save"] = save
    return out
