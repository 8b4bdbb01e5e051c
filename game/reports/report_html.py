"""The debrief report of one match as a self-contained HTML page: inline styles (with print styles) and inline SVG
charts, nothing fetched, every text from the scenario or the save escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from game.ai.debrief import Debrief
from game.i18n import N_, language, tr
from game.i18n.formats import number
from game.present import date_of, indicator_label, num, role_name, say, signed
from game.present import points as points_text
from game.present.debriefs import counterpart_debriefs
from game.reports import report_data as data
from game.reports.html import embedded_fonts
from game.reports.report_svg import line_chart
from game.table import Match
from game.table.reference import Found

STYLE = """
body{font-family:'Common Ground Khmer',Georgia,'Times New Roman','Noto Sans Khmer','Khmer OS',serif;max-width:1000px;
margin:2em auto;padding:0 1em;color:#1d2430;
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
"""  # i18n: not shown


def page(title: str, body: Iterable[str]) -> str:
    """A whole HTML document with the report's styles, in the active language (carrying the Khmer fonts when it
    holds Khmer: :func:`game.reports.html.embedded_fonts`)."""
    content = "\n".join(body)
    fonts = embedded_fonts(title + content)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language(), quote=True)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{fonts}{STYLE}</style></head><body>\n" + content + "\n</body></html>\n"
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
    """The whole report of one match, titled ``name`` (the table's name), in the active language (the scenario's
    texts too); ``files`` names the files beside it."""
    match = data.in_language(match, language())
    title = f"{say(match.game, match.scenario.title)}: {name}"
    body = [
        f"<h1>{escape(title)}</h1>",
        para(
            tr("Debrief report · {ending} · {when}.", ending=data.ending_title(match), when=data.when_text(match)),
            "muted",
        ),
    ]
    if files:
        body.append(para(tr("Beside this page: {files}.", files=", ".join(files)), "files"))
    for section in (_ending, _scores, _strategies, _charts, _turning_points, _decisions, _negotiation, _teacher,
                    _debriefs, _questions):  # fmt: skip
        body.append(section(match, found))
    return page(title, body)


def _ending(match: Match, found: Found | None) -> str:
    out = [heading(tr("Ending: {ending}", ending=data.ending_title(match)))]
    text = data.ending_text(match)
    if text:
        out.append(para(text, "lead"))
    return "\n".join(out)


def _scores(match: Match, found: Found | None) -> str:
    out = [heading(tr("How each side did, against its own usual range"))]
    out += [para(note, "muted") for note in data.score_notes(found, match.game.outcome)]
    for side in data.side_scores(match, found):
        played = escape(tr("(played by {player})", player=side.played_by))
        out.append(f'<section class="side"><h3>{escape(side.name)} <span class="muted">{played}</span></h3>')
        out.append(para(data.score_line(side), "score"))
        if side.range_note:
            out.append(para(tr("Usual range: {span}.", span=side.range_note), "muted"))
        out.append(
            para(
                tr("How this score is computed (the side's private objectives, as its player read them): "
                   "{objectives}", objectives=side.objectives)
            )
        )  # fmt: skip
        out.append("</section>")
    return "\n".join(out)


def _strategies(match: Match, found: Found | None) -> str:
    out = [
        heading(tr("How each side used the strategies")),
        para(
            tr(
                "How many actions of each strategy family each side took, and the net change those actions made "
                "to each indicator over the game (delayed effects included as they fell due)."
            ),
            "muted",
        ),
    ]
    for role in match.scenario.roles:
        rows = []
        for use in data.strategy_use(match, role.id):
            moved = "; ".join(f"{label} {signed(delta)}" for label, delta in use.moved) or tr("nothing")
            rows.append((use.label, number(use.actions), moved))
        out.append(heading(role_name(match.game, role.id), 3))
        out.append(table((tr("Strategy"), tr("Actions"), tr("What it moved")), rows, numeric=(1,)))  # fmt: skip
    return "\n".join(out)


def _charts(match: Match, found: Found | None) -> str:
    figures = [
        f"<figure><figcaption>{escape(label)}</figcaption>{line_chart(label, values, low, high)}</figure>"
        for label, values, low, high in data.indicator_series(match)
    ]
    note = para(tr("Each indicator at the start (0) and at the end of each turn."), "muted")
    return heading(tr("The indicators, turn by turn")) + f'{note}<div class="charts">{"".join(figures)}</div>'


def _turning_points(match: Match, found: Found | None) -> str:
    rows = [
        (when(p.turn, p.date), p.indicator, f"{num(p.before)} → {num(p.after)} ({signed(p.delta)})",
         "; ".join(p.causes))
        for p in data.turning_points(match)
    ]  # fmt: skip
    if not rows:
        return heading(tr("Turning points")) + para(tr("No indicator moved."), "muted")
    return heading(tr("Turning points")) + para(tr("The biggest moves of a single turn, and what caused them."),
        "muted") + table((tr("Turn"), tr("Indicator"), tr("Move"), tr("Causes")), rows)  # fmt: skip


def _decisions(match: Match, found: Found | None) -> str:
    roles = [r.id for r in match.scenario.roles]
    head = (tr("Turn"), *(role_name(match.game, r) for r in roles))
    rows = [
        (when(turn.turn, turn.date), *("; ".join(done) or "—" for _, done in turn.by_role))
        for turn in data.decisions_by_turn(match)
    ]
    return heading(tr("Each side's decisions, turn by turn")) + table(head, rows)


def _negotiation(match: Match, found: Found | None) -> str:
    if not match.has_negotiation:
        return ""
    record = data.negotiation_record(match)
    if not record:
        return heading(tr("The negotiation")) + para(tr("No proposal was made."), "muted")
    rows = [(when(turn, date_of(match.game, turn)), line) for turn, line in record]
    return heading(tr("The negotiation")) + table((tr("Turn"), tr("What happened")), rows)


def _teacher(match: Match, found: Found | None) -> str:
    done = data.interventions(match)
    changes = data.teacher_changes(match)
    if not done and not changes:
        return heading(tr("The teacher's interventions")) + para(tr("The teacher did not intervene."), "muted")
    out = [heading(tr("The teacher's interventions"))]
    if done:
        out.append(table((tr("Turn"), tr("What"), tr("Detail")),
                         [(number(i.turn), intervention_kind(i.kind.value), i.detail) for i in done]))  # fmt: skip
    if changes:
        rows = [(number(c.turn), indicator_label(match.game, c.indicator),
                 f"{num(c.before)} → {num(c.after)}", c.text) for c in changes]  # fmt: skip
        out.append(heading(tr("Numbers set by the teacher"), 3)
                   + table((tr("Turn"), tr("Indicator"), tr("Change"), tr("Why")), rows))  # fmt: skip
    return "\n".join(out)


def _debriefs(match: Match, found: Found | None) -> str:
    reports = counterpart_debriefs(match)
    if not reports:
        return ""
    return heading(tr("The counterpart's debrief")) + "\n".join(_debrief(report) for report in reports)


def _debrief(report: Debrief) -> str:
    out = [heading(tr("How {side} saw the game (facing {player})", side=report.name, player=report.player_name), 3),
           para(report.summary),
           para(tr("Its objectives: {objectives}", objectives=report.priorities.objectives), "muted")]  # fmt: skip
    if report.stances:
        rows = [(", ".join(s.give) or tr("nothing"), ", ".join(s.ask) or tr("nothing"), s.verdict, s.outcome_text)
                for s in report.stances]  # fmt: skip
        out.append(table((tr("Offered"), tr("Asked"), tr("It judged it"), tr("What became of it")), rows))
    if report.measured:
        rows = [(number(p.turn), points_text(p.mood), points_text(p.change) if p.turn else "", p.note)
                for p in report.willingness]  # fmt: skip
        out.append(table((tr("Turn"), tr("Willingness to deal"), tr("Change"), tr("Why")), rows, numeric=(1, 2)))
    return "\n".join(out)


def _questions(match: Match, found: Found | None) -> str:
    chosen = data.questions(match)
    if not chosen:
        return ""
    items = "".join(
        f"<li>{escape(text)}" + (f'<br><span class="muted">{escape(notes)}</span>' if notes else "") + "</li>"
        for text, notes in chosen
    )
    return heading(tr("Questions for the discussion")) + f"<ol>{items}</ol>"


def heading(text: str, level: int = 2) -> str:
    """An escaped heading (``<h2>`` for a section, ``<h3>`` below it)."""
    return f"<h{level}>{escape(text, quote=False)}</h{level}>"


def when(turn: int, date: str) -> str:
    """``4 (Apr 2023)``: a turn and the month it starts in."""
    return tr("{turn} ({date})", turn=number(turn), date=date)


#: What the teacher did, as an intervention's kind is shown (the kind's id stays the key).
INTERVENTION_KINDS = {
    "pause": N_("pause"),
    "resume": N_("resume"),
    "timer": N_("timer"),
    "more_time": N_("more time"),
    "time_up": N_("time up"),
    "inject": N_("inject"),
    "adjust": N_("adjust"),
    "undo": N_("undo"),
    "end": N_("end"),
    "reveal": N_("reveal"),
    "hide": N_("hide"),
}


def intervention_kind(kind: str) -> str:
    """An intervention's kind in words (``inject event``); an unknown kind as its id with spaces."""
    words = INTERVENTION_KINDS.get(kind)
    return tr(words) if words is not None else kind.replace("_", " ")
