"""The class summary: a class's tables side by side (each table's ending and scores, and its turning points: its
biggest single-turn moves and their causes), to drive the discussion of why the tables diverged; as HTML beside the
tables' reports, and as CSV. Saves that could not be reported are listed with the reason."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from game.i18n import language, tr, tr_n
from game.i18n.formats import number
from game.present import num, say, signed
from game.present import score as score_text
from game.reports import report_data as data
from game.reports.report_html import heading, page, para, table
from game.table import Match
from game.table.reference import Found

#: How many turning points each table shows in the summary.
SUMMARY_POINTS = 3


@dataclass(frozen=True, slots=True)
class TableResult:
    """What the class summary says about one table: its name, scenario, ending, scores, turning points, files."""

    name: str
    scenario: str
    ending: str  # the ending's id ("" before the end)
    ending_title: str
    when: str
    turns: int
    scores: tuple[data.SideScore, ...]
    points: tuple[data.TurningPoint, ...]
    files: tuple[Path, ...]

    @classmethod
    def of(cls, match: Match, found: Found | None, name: str, files: tuple[Path, ...]) -> TableResult:
        """The summary of ``match`` in the active language, reported as ``files``."""
        match = data.in_language(match, language())
        outcome = match.game.outcome
        return cls(
            name, say(match.game, match.scenario.title), outcome.ending if outcome is not None else "",
            data.ending_title(match), data.when_text(match), data.last_turn(match),
            tuple(data.side_scores(match, found)), tuple(data.turning_points(match, SUMMARY_POINTS)), files,
        )  # fmt: skip


def point_words(point: data.TurningPoint) -> str:
    """``turn 4 (Apr 2019): Relations 40 → 52 (+12), from Joint visit (United States) +8; ...``."""
    causes = "; ".join(point.causes)
    return tr("turn {turn} ({date}): {indicator} {before} → {after} ({change}), from {causes}",
              turn=number(point.turn), date=point.date, indicator=point.indicator, before=num(point.before),
              after=num(point.after), change=signed(point.delta), causes=causes)  # fmt: skip


def summary_page(tables: Sequence[TableResult], skipped: Sequence[tuple[str, str]], *, csv_name: str = "") -> str:
    """The class summary as a self-contained HTML page."""
    scenarios = sorted({t.scenario for t in tables})
    title = tr("Class summary: {scenarios}", scenarios=", ".join(scenarios)) if scenarios else tr("Class summary")
    reported = tr_n("{n} table reported", "{n} tables reported", len(tables))
    if skipped:
        reported = tr_n("{reported}, {n} save skipped", "{reported}, {n} saves skipped", len(skipped),
                        reported=reported)  # fmt: skip
    body = [f"<h1>{escape(title)}</h1>", para(tr("{sentence}.", sentence=reported), "muted")]
    if csv_name:
        body.append(para(tr("The same table as data: {file}.", file=csv_name), "files"))
    body.append(heading(tr("Endings and scores")))
    body.append(para(tr("Each side's score is read against its own side's usual range, never against the other "
                        "side's score."), "muted"))  # fmt: skip
    roles = _roles(tables)
    rows = [(t.name, t.ending_title, t.when, *(_score_cell(t, role) for role, _ in roles)) for t in tables]
    head = (tr("Table"), tr("Ending"), tr("When"), *(name for _, name in roles))
    body.append(_linked(table(head, rows), tables))
    body.append(heading(tr("Turning points: why the tables diverged")))
    for t in tables:
        body.append(heading(tr("{table}: {ending}", table=t.name, ending=t.ending_title), 3))
        body.append(_list([point_words(p) for p in t.points]) or para(tr("No indicator moved."), "muted"))
    if skipped:
        body.append(heading(tr("Saves skipped")))
        body.append(table((tr("File"), tr("Why it was skipped")), skipped))
    return page(title, body)


def _roles(tables: Sequence[TableResult]) -> list[tuple[str, str]]:
    """Every side of the tables, as (role id, name), in the order first met."""
    out: dict[str, str] = {}
    for t in tables:
        for side in t.scores:
            out.setdefault(side.role, side.name)
    return list(out.items())


def _score_cell(result: TableResult, role: str) -> str:
    """``45.5: below the usual range for this side`` (empty when the table has no such side)."""
    side = next((s for s in result.scores if s.role == role), None)
    if side is None:
        return ""
    return f"{score_text(side.score)}: {side.verdict}" if side.verdict else score_text(side.score)


def _list(items: Sequence[str]) -> str:
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<ol>{rows}</ol>" if rows else ""


def _linked(html: str, tables: Sequence[TableResult]) -> str:
    """The table's first column links to each table's report (the first row holding its name)."""
    for t in tables:
        if t.files:
            cell = f"<td>{escape(t.name)}</td>"
            link = f'<td><a href="{escape(t.files[0].name)}">{escape(t.name)}</a></td>'
            html = html.replace(f"<tr>{cell}", f"<tr>{link}", 1)
    return html


def summary_csv(tables: Sequence[TableResult]) -> str:
    """The class summary as CSV: one row per table (its name, report file, ending, turns, each side's score and its
    reading, and its biggest single-turn move)."""
    roles = [role for role, _ in _roles(tables)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    head = ["table", "report", "ending", "ending_title", "turns"]  # i18n: not shown
    for role in roles:
        head += [f"score_{role}", f"reading_{role}"]
    writer.writerow([*head, "biggest_move"])
    for t in tables:
        by_role = {s.role: s for s in t.scores}
        row = [t.name, t.files[0].name if t.files else "", t.ending, t.ending_title, str(t.turns)]
        for role in roles:
            side = by_role.get(role)
            row += [score_text(side.score), side.verdict] if side is not None else ["", ""]
        writer.writerow([*row, point_words(t.points[0]) if t.points else ""])
    return buffer.getvalue()
