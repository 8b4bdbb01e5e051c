"""The debrief report of one match as a self-contained HTML page: inline styles (with print styles) and inline SVG
charts, nothing fetched, every text from the scenario or the save escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from game.ai.debrief import Debrief
from game.present import date_of, indicator_label, num, role_name, say, signed
from game.present import points as points_text
from game.present.debriefs import counterpart_debriefs
from game.reports import report_data as data
from game.reports.report_svg import line_chart
from game.table import Match
from game.table.reference import Found

STYLE = """
body{font-family:Georgia,'Times New Roman',serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1d2430;
line-height:1.45;background:#fff}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:2px solid #c9d3e0;padding-bottom:.2em;margin-top:1.6em}
h3{margin-bottom:.3em}.muted{color:#5a6577}.lead{font-size:1.15em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}th,td{border:1px solid #d5dce6;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#eef2f7}td.n{text-align:right;white-space:nowrap}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1em}
figure{margin:0;break-inside:avoid}figcaption{font-weight:bold;font-size:.95em}
svg.chart{width:100%;height:auto}svg .plot{fill:#f6f8fb;stroke:#c9d3e0}svg .line{fill:none;stroke:#2a5d9f;
stroke-width:2}svg .dot{fill:#2a5d9f}svg .axis{font-size:10px;fill:#5a6577;font-family:sans-serif}
.score{font-size:1.1em;font-weight:bold}.up{color:#1f7a3a}.down{color:#a23b2a}ul{padding-left:1.3em}
.files{background:#f6f8fb;padding:.6em 1em;border-left:4px solid #2a5d9f}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2,h3,h2+p{break-after:avoid}
.charts{grid-template-columns:repeat(3,1fr)}table,figure,section.side
{break-inside:avoid}.files{display:none}a{color:inherit;text-decoration:none}}
"""


def page(title: str, body: Iterable[str]) -> str:
    """A whole HTML document with the report's styles."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def para(text: str, cls: str = "") -> str:
    """An escaped paragraph."""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>"


def bullets(items: Iterable[str]) -> str:
    """An escaped list (``<ul>``), or nothing without items."""
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<ul>{rows}</ul>" if rows else ""


def table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """An escaped table; the columns in ``numeric`` are right-aligned."""
    top = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="n">{escape(c)}</td>' if i in numeric else f"<td>{escape(c)}</td>" for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{top}</tr></thead><tbody>{''.join(body)}</tbody></table>"


# ----------------------------------------------------------------------------------------------- the sections
def match_page(match: Match, found: Found | None, *, name: str, files: Sequence[str] = ()) -> str:
    """The whole report of one match, titled ``name`` (the table's name); ``files`` names the files beside it."""
    title = f"{say(match.game, match.scenario.title)}: {name}"
    body = [
        f"<h1>{escape(title)}</h1>",
        para(f"Debrief report · {data.ending_title(match)} · {data.when_text(match)}.", "muted"),
    ]
    if files:
        body.append(para("Beside this page: " + ", ".join(files) + ".", "files"))
    for section in (_ending, _scores, _strategies, _charts, _turning_points, _decisions, _negotiation, _teacher,
                    _debriefs, _questions):  # fmt: skip
        body.append(section(match, found))
    return page(title, body)


def _ending(match: Match, found: Found | None) -> str:
    out = [f"<h2>Ending: {escape(data.ending_title(match))}</h2>"]
    text = data.ending_text(match)
    if text:
        out.append(para(text, "lead"))
    return "\n".join(out)


def _scores(match: Match, found: Found | None) -> str:
    out = ["<h2>How each side did, against its own usual range</h2>"]
    out += [para(note, "muted") for note in data.score_notes(found, match.game.outcome)]
    for side in data.side_scores(match, found):
        out.append(f'<section class="side"><h3>{escape(side.name)} <span class="muted">(played by '
                   f"{escape(side.played_by)})</span></h3>")  # fmt: skip
        out.append(para(data.score_line(side), "score"))
        if side.range_note:
            out.append(para(f"Usual range: {side.range_note}.", "muted"))
        out.append(
            para(
                f"How this score is computed (the side's private objectives, as its player read them): "
                f"{side.objectives}"
            )
        )
        out.append("</section>")
    return "\n".join(out)


def _strategies(match: Match, found: Found | None) -> str:
    out = ["<h2>How each side used the strategies</h2>",
           para("How many actions of each strategy family each side took, and the net change those actions made "
                "to each indicator over the game (delayed effects included as they fell due).", "muted")]  # fmt: skip
    for role in match.scenario.roles:
        rows = []
        for use in data.strategy_use(match, role.id):
            moved = "; ".join(f"{label} {signed(delta)}" for label, delta in use.moved) or "nothing"
            rows.append((use.label, str(use.actions), moved))
        out.append(f"<h3>{escape(role_name(match.game, role.id))}</h3>")
        out.append(table(("Strategy", "Actions", "What it moved"), rows, numeric=(1,)))
    return "\n".join(out)


def _charts(match: Match, found: Found | None) -> str:
    figures = [
        f"<figure><figcaption>{escape(label)}</figcaption>{line_chart(label, values, low, high)}</figure>"
        for label, values, low, high in data.indicator_series(match)
    ]
    note = para("Each indicator at the start (0) and at the end of each turn.", "muted")
    return f'<h2>The indicators, turn by turn</h2>{note}<div class="charts">{"".join(figures)}</div>'


def _turning_points(match: Match, found: Found | None) -> str:
    rows = [
        (f"{p.turn} ({p.date})", p.indicator, f"{num(p.before)} → {num(p.after)} ({signed(p.delta)})",
         "; ".join(p.causes))
        for p in data.turning_points(match)
    ]  # fmt: skip
    if not rows:
        return "<h2>Turning points</h2>" + para("No indicator moved.", "muted")
    return "<h2>Turning points</h2>" + para("The biggest moves of a single turn, and what caused them.", "muted") + \
        table(("Turn", "Indicator", "Move", "Causes"), rows)  # fmt: skip


def _decisions(match: Match, found: Found | None) -> str:
    roles = [r.id for r in match.scenario.roles]
    head = ("Turn", *(role_name(match.game, r) for r in roles))
    rows = [
        (f"{turn.turn} ({turn.date})", *("; ".join(done) or "—" for _, done in turn.by_role))
        for turn in data.decisions_by_turn(match)
    ]
    return "<h2>Each side's decisions, turn by turn</h2>" + table(head, rows)


def _negotiation(match: Match, found: Found | None) -> str:
    if not match.has_negotiation:
        return ""
    record = data.negotiation_record(match)
    if not record:
        return "<h2>The negotiation</h2>" + para("No proposal was made.", "muted")
    rows = [(f"{turn} ({date_of(match.game, turn)})", line) for turn, line in record]
    return "<h2>The negotiation</h2>" + table(("Turn", "What happened"), rows)


def _teacher(match: Match, found: Found | None) -> str:
    done = data.interventions(match)
    changes = data.teacher_changes(match)
    if not done and not changes:
        return "<h2>The teacher's interventions</h2>" + para("The teacher did not intervene.", "muted")
    out = ["<h2>The teacher's interventions</h2>"]
    if done:
        out.append(table(("Turn", "What", "Detail"), [(str(i.turn), i.kind.value.replace("_", " "), i.detail)
                                                      for i in done]))  # fmt: skip
    if changes:
        rows = [(str(c.turn), indicator_label(match.game, c.indicator),
                 f"{num(c.before)} → {num(c.after)}", c.text) for c in changes]  # fmt: skip
        out.append("<h3>Numbers set by the teacher</h3>" + table(("Turn", "Indicator", "Change", "Why"), rows))
    return "\n".join(out)


def _debriefs(match: Match, found: Found | None) -> str:
    reports = counterpart_debriefs(match)
    if not reports:
        return ""
    return "<h2>The counterpart's debrief</h2>" + "\n".join(_debrief(report) for report in reports)


def _debrief(report: Debrief) -> str:
    out = [f"<h3>How {escape(report.name)} saw the game (facing {escape(report.player_name)})</h3>",
           para(report.summary), para(f"Its objectives: {report.priorities.objectives}", "muted")]  # fmt: skip
    if report.stances:
        rows = [(", ".join(s.give) or "nothing", ", ".join(s.ask) or "nothing", s.verdict, s.outcome_text)
                for s in report.stances]  # fmt: skip
        out.append(table(("Offered", "Asked", "It judged it", "What became of it"), rows))
    if report.measured:
        rows = [(str(p.turn), points_text(p.mood), points_text(p.change) if p.turn else "", p.note)
                for p in report.willingness]  # fmt: skip
        out.append(table(("Turn", "Willingness to deal", "Change", "Why"), rows, numeric=(1, 2)))
    return "\n".join(out)


def _questions(match: Match, found: Found | None) -> str:
    chosen = data.questions(match)
    if not chosen:
        return ""
    items = "".join(
        f"<li>{escape(text)}" + (f'<br><span class="muted">{escape(notes)}</span>' if notes else "") + "</li>"
        for text, notes in chosen
    )
    return f"<h2>Questions for the discussion</h2><ol>{items}</ol>"
