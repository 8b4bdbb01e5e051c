"""The debrief report (``game.reports``): one match's HTML page, the CSV of every change (one row per history
entry), the match as JSON, the class summary of several saves, saves skipped with their reasons, the command line
and the end screen's Export report."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import load_scenario
from game.engine import Cause, Scenario, Termination
from game.engine.lesson import Lesson, Question
from game.paths import DEFAULT_SCENARIO
from game.persistence import save_match
from game.reports.class_summary import point_words
from game.reports.report import ReportRun, report_saves, write_match_report
from game.reports.report_csv import CHANGE_COLUMNS, changes_csv
from game.reports.report_data import strategy_use, turning_points
from game.table import PERSON, Match, Seat
from game.table import teacher as console
from game.table.reference import Found, find_reference
from tests.builders import negotiation_scenario, rich_scenario
from tests.test_match_saves import person_turn

SCENARIO = load_scenario(DEFAULT_SCENARIO)


def no_computing(scenario: Scenario) -> Found | None:
    """The usual ranges stored or already known (never worked out here: that takes seconds)."""
    return find_reference(scenario, None, compute=False)


def played(scenario: Scenario = SCENARIO, *, seed: int = 3, persons: tuple[str, ...] = ("us",),
           path: Path = DEFAULT_SCENARIO) -> Match:  # fmt: skip
    """A match with persons played to its end like a greedy player, the other seats by the computer."""
    match = Match.start(scenario, dict.fromkeys(persons, PERSON), seed, scenario_path=str(path))
    rng = random.Random(seed)
    while not match.game.is_over():
        person_turn(match, rng)
    return match


@pytest.fixture(scope="module")
def default_match() -> Match:
    return played()


def page_of(match: Match, folder: Path, name: str = "Table 1") -> str:
    result = write_match_report(match, no_computing(match.scenario), folder, name)
    return result.files[0].read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded)."""
    import html as htmllib

    return htmllib.unescape(re.sub(r"<[^>]+>", " ", html))


# ----------------------------------------------------------------------------------------------- one match
def test_the_report_of_a_default_scenario_match_says_everything_the_brief_asks(
    default_match: Match, tmp_path: Path
) -> None:
    match = default_match
    html = page_of(match, tmp_path)
    words = text_of(html)
    outcome = match.game.outcome
    assert outcome is not None
    assert SCENARIO.ending(outcome.ending).title["en"] in words
    for role in SCENARIO.roles:
        assert f"{role.name['en']} {outcome.scores[role.id]:.1f}" in words  # each score, read against its range
    assert "usual range for this side" in words and "measured by the scenario's author" in words
    for family in ("Diplomacy", "Economic cooperation", "Human rights", "People-to-people exchange", "Pressure",
                   "Hedging"):  # fmt: skip
        assert family in words
    assert html.count("<svg") == len(SCENARIO.shown_indicators)  # a chart per indicator
    assert "Each side's decisions, turn by turn" in words and "The negotiation" in words
    assert "How Cambodia saw the game" in words  # the counterpart's debrief
    assert "The teacher did not intervene" in words
    # Self-contained: nothing fetched, nothing run.
    assert not re.search(r"<script|<link|<img|src=|@import|url\(", html, flags=re.IGNORECASE)


def test_what_each_strategy_moved_adds_up_to_its_actions_changes(default_match: Match) -> None:
    game = default_match.game
    uses = {u.family: u for u in strategy_use(default_match, "us")}
    assert set(uses) == {f.id for f in SCENARIO.families}
    family_of = {a.id: a.family for a in SCENARIO.actions}
    for family, use in uses.items():
        expected: dict[str, float] = {}
        for change in game.history:
            if change.cause is Cause.ACTION and change.role == "us" and family_of[change.cause_id] == family:
                label = SCENARIO.indicator(change.indicator).label["en"]
                expected[label] = expected.get(label, 0.0) + change.delta
        assert dict(use.moved) == {k: v for k, v in expected.items() if k in dict(use.moved)}
        assert all(abs(v) < 0.5 for k, v in expected.items() if k not in dict(use.moved))
    taken = [n for n in game.state.news if n.kind == "action" and n.role == "us"]
    assert sum(u.actions for u in uses.values()) == len(taken) > 0


def test_the_csv_rows_equal_the_history_one_to_one(default_match: Match) -> None:
    game = default_match.game
    rows = list(csv.reader(io.StringIO(changes_csv(default_match))))
    assert tuple(rows[0]) == CHANGE_COLUMNS
    assert len(rows) - 1 == len(game.history) > 0
    for row, change in zip(rows[1:], game.history, strict=True):
        record = dict(zip(CHANGE_COLUMNS, row, strict=True))
        assert int(record["turn"]) == change.turn and record["date"] == SCENARIO.calendar.label(change.turn)
        assert record["indicator"] == change.indicator
        assert float(record["before"]) == change.before and float(record["after"]) == change.after
        assert record["cause_kind"] == change.cause.value and record["cause_id"] == change.cause_id
        assert record["role"] == change.role and record["cause"]


def test_the_json_loads_back_into_the_same_match(default_match: Match, tmp_path: Path) -> None:
    files = write_match_report(default_match, no_computing(SCENARIO), tmp_path, "Table 1").files
    data = json.loads(files[2].read_text(encoding="utf-8"))
    outcome = default_match.game.outcome
    assert outcome is not None
    assert data["summary"]["ending"] == outcome.ending and data["summary"]["turns"] == outcome.turn
    assert {r: s["score"] for r, s in data["summary"]["scores"].items()} == outcome.scores
    again = Match.from_dict(SCENARIO, str(DEFAULT_SCENARIO), data["match"])
    assert again.to_dict() == default_match.to_dict()


def test_a_generated_scenario_without_lesson_or_usual_ranges_gets_its_report(tmp_path: Path) -> None:
    scenario = rich_scenario()
    assert scenario.lesson is None and scenario.score_reference is None
    match = played(scenario, persons=("a",), seed=5)
    words = text_of(page_of(match, tmp_path))
    assert "No usual range is known yet" in words
    assert all(f.label["en"] in words for f in scenario.families)
    assert "Questions for the discussion" not in words
    rows = list(csv.reader(io.StringIO(changes_csv(match))))
    assert len(rows) - 1 == len(match.game.history)


def test_the_negotiation_record_names_proposals_and_agreements(tmp_path: Path) -> None:
    scenario = negotiation_scenario()
    match = Match.start(scenario, {r.id: Seat("greedy") for r in scenario.roles}, 4)
    assert match.game.state.agreements, "the computer players made a deal"
    words = text_of(page_of(match, tmp_path))
    assert "sent a proposal to" in words and "Agreement 1 made between" in words


def test_the_teacher_s_interventions_appear_in_the_report(tmp_path: Path) -> None:
    match = Match.start(SCENARIO, {"us": PERSON}, 9, scenario_path=str(DEFAULT_SCENARIO))
    rng = random.Random(9)
    console.pause(match)
    console.resume(match)
    console.adjust(match, "relations", 80, "The class judged the summit a success")
    person_turn(match, rng)
    console.end_now(match)
    assert match.game.outcome is not None and match.game.outcome.termination is Termination.STOPPED
    html = page_of(match, tmp_path)
    words = text_of(html)
    assert "The teacher ended the game in turn 2" in words
    assert "The teacher paused the game" in words and "The class judged the summit a success" in words
    assert "Numbers set by the teacher" in words and "Set by the teacher" in changes_csv(match)


def test_the_lesson_s_questions_for_this_ending_appear_and_scenario_texts_are_escaped(
    default_match: Match, tmp_path: Path
) -> None:
    outcome = default_match.game.outcome
    assert outcome is not None
    other = next(e.id for e in SCENARIO.endings if e.id != outcome.ending)
    lesson = Lesson(questions=(
        Question({"en": "Who <b>gained</b> & who lost?"}, {"en": "Listen for <i>trust</i>"}),
        Question({"en": "Why this ending?"}, ending=outcome.ending),
        Question({"en": "Asked after another ending"}, ending=other),
    ))  # fmt: skip
    scenario = dataclasses.replace(SCENARIO, lesson=lesson, title={"en": "<script>alert('x')</script> & co"})
    match = Match.from_dict(scenario, str(DEFAULT_SCENARIO), default_match.to_dict())
    html = page_of(match, tmp_path, name="Table <3>")
    words = text_of(html)
    assert "Who <b>gained</b> & who lost?" in words and "Listen for <i>trust</i>" in words
    assert "Why this ending?" in words and "Asked after another ending" not in words
    assert "<script>" not in html and "<b>gained" not in html and "Table <3>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in html
    assert "Table &lt;3&gt;" in html


# ----------------------------------------------------------------------------------------------- several saves
def save(match: Match, path: Path, label: str) -> Path:
    save_match(match, path, label)
    return path


@pytest.fixture(scope="module")
def class_saves(tmp_path_factory: pytest.TempPathFactory, default_match: Match) -> list[tuple[Path, Match]]:
    folder = tmp_path_factory.mktemp("saves")
    matches = [default_match, played(seed=5), played(seed=8, persons=("cambodia",))]
    return [(save(m, folder / f"t{i}.json", f"Table {'ABC'[i]}"), m) for i, m in enumerate(matches)]


def test_a_class_summary_names_each_table_s_ending_and_its_biggest_move(
    class_saves: list[tuple[Path, Match]], tmp_path: Path
) -> None:
    run = report_saves([p for p, _ in class_saves], tmp_path / "out", no_computing)
    assert not run.skipped and len(run.tables) == 3 and len(run.summary) == 2
    words = text_of(run.summary[0].read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(run.summary[1].read_text(encoding="utf-8"))))
    for (_, match), row, name in zip(class_saves, rows, ("Table A", "Table B", "Table C"), strict=True):
        outcome = match.game.outcome
        assert outcome is not None
        ending = SCENARIO.ending(outcome.ending).title["en"]
        biggest = point_words(turning_points(match, 1)[0])
        assert f"{name}: {ending}" in words and biggest in words
        assert (row["table"], row["ending"], row["biggest_move"]) == (name, outcome.ending, biggest)
        assert float(row["score_us"]) == pytest.approx(outcome.scores["us"], abs=0.05)
    for table in run.tables:  # each table's own report beside the summary
        assert all(path.is_file() for path in table.files)


def bad_saves(folder: Path, match: Match) -> dict[str, Path]:
    """A truncated save, a file that is not a save, and a save of a scenario file changed since."""
    good = save(match, folder / "good.json", "Good table")
    truncated = folder / "truncated.json"
    text = good.read_text(encoding="utf-8")
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    foreign = folder / "notes.json"
    foreign.write_text('{"shopping": ["milk", "bread"]}', encoding="utf-8")
    copy = folder / "scenario.yaml"
    shutil.copyfile(DEFAULT_SCENARIO, copy)
    moved = Match.from_dict(load_scenario(copy), str(copy), match.to_dict())
    changed = save(moved, folder / "changed.json", "Changed table")
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited after the game\n", encoding="utf-8")
    return {"good": good, "truncated": truncated, "foreign": foreign, "changed": changed}


def test_damaged_foreign_and_changed_scenario_saves_are_skipped_with_their_reasons(
    default_match: Match, tmp_path: Path
) -> None:
    files = bad_saves(tmp_path, default_match)
    order = [files["truncated"], files["good"], files["foreign"], files["changed"]]
    run: ReportRun = report_saves(order, tmp_path / "out", no_computing)
    assert [t.name for t in run.tables] == ["Good table"]
    reasons = {s.path.name: s.reason for s in run.skipped}
    assert set(reasons) == {"truncated.json", "notes.json", "changed.json"}
    assert "cut off" in reasons["truncated.json"] or "damaged" in reasons["truncated.json"]
    assert reasons["notes.json"] == "This is not a Common Ground save"
    assert "the scenario file has changed since" in reasons["changed.json"]
    words = text_of(run.summary[0].read_text(encoding="utf-8"))
    assert "Saves skipped" in words and all(name in words and reason in words for name, reason in reasons.items())


def test_the_command_line_reports_what_it_can_and_says_why_it_skipped_the_rest(
    default_match: Match, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = bad_saves(tmp_path, default_match)
    out = tmp_path / "reports"
    assert main(["report", str(files["good"]), str(files["truncated"]), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "Good table" in printed.out and "class-summary.html" in printed.out
    assert "truncated.json" in printed.err and "Traceback" not in printed.err
    assert (out / "good-table.html").is_file() and (out / "good-table-changes.csv").is_file()

    assert main(["report", str(files["foreign"]), str(files["changed"]), "--out", str(out / "none")]) == 1
    printed = capsys.readouterr()
    assert "no save could be reported" in printed.err and "not a Common Ground save" in printed.err
    assert "Traceback" not in printed.err

    assert main(["report", str(files["good"]), "--out", str(files["foreign"])]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["report", str(files["good"])])  # --out is required
    assert exited.value.code == 2


def test_a_single_save_gets_its_report_without_a_class_summary(default_match: Match, tmp_path: Path) -> None:
    path = save(default_match, tmp_path / "autosave.json", "Autosave")
    run = report_saves([path], tmp_path / "out", no_computing)
    assert run.summary == [] and [t.name for t in run.tables] == ["autosave"]  # the autosave: named by its file
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["autosave-changes.csv", "autosave.html",
                                                                    "autosave.json"]  # fmt: skip


# ----------------------------------------------------------------------------------------------- the end screen
def test_export_report_on_the_end_screen_writes_the_files_and_says_where(make_app: object, home: Path) -> None:
    import pygame
    from uikit import frames, key, start

    from game.ui.screens.end import EndScreen
    from tests.test_ui_game import play_to_end

    app = make_app()  # type: ignore[operator]
    match = start(app, SCENARIO)
    end = play_to_end(app)
    assert isinstance(end, EndScreen)
    before = json.dumps(match.to_dict(), sort_keys=True)
    key(app, pygame.K_r)
    files = end.export.report_files
    assert [p.suffix for p in files] == [".html", ".csv", ".json"]
    assert all(p.parent == home / "data" / "reports" and p.is_file() for p in files)
    assert "The counterpart's debrief" in files[0].read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(files[1].read_text(encoding="utf-8"))))
    assert len(rows) - 1 == len(match.game.history)
    text, good = end.export.message()
    assert good and str(files[0].parent) in text and files[0].name in text
    frames(app)
    assert json.dumps(match.to_dict(), sort_keys=True) == before  # exporting changed nothing in the match
    assert app.top is end


def test_export_report_says_why_when_the_folder_cannot_be_written(make_app: object, home: Path) -> None:
    import pygame
    from uikit import key, start

    from tests.test_ui_game import play_to_end

    app = make_app()  # type: ignore[operator]
    start(app, SCENARIO)
    end = play_to_end(app)
    (home / "data").mkdir(parents=True, exist_ok=True)
    (home / "data" / "reports").write_text("a file where the folder should be", encoding="utf-8")
    key(app, pygame.K_r)
    text, good = end.export.message()
    assert end.export.report_files == () and not good and text.startswith("Could not write the report")
