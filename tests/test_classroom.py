"""A class lesson from end to end, at the table level: the tutorial's handouts and report, and a hot-seat lesson
game of 8 turns steered by the teacher (timer, news added, a number adjusted, a turn undone, the game ended) whose
save is reported with every intervention and replays exactly."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from game.content.loader import load_scenario
from game.engine import Cause, Termination
from game.engine.lengths import of_length
from game.paths import DEFAULT_SCENARIO, TUTORIAL_SCENARIO
from game.persistence import load_match, save_match
from game.reports.handouts import write_handouts
from game.reports.report import write_match_report
from game.table import PERSON, Match, replay
from game.table import teacher as console
from game.table.reference import find_reference
from tests.test_match_saves import person_turn


def answer_the_news(match: Match) -> None:
    while (decision := match.decision()) is not None and decision.kind.value == "choose":
        match.apply(decision.role, decision.options[0])


def test_the_tutorial_gets_handouts_and_a_report(tmp_path: Path) -> None:
    tutorial = load_scenario(TUTORIAL_SCENARIO)
    written = write_handouts(tutorial, tmp_path / "handouts")
    names = {path.name for path in written}
    assert {f"role-{role.id}.pdf" for role in tutorial.roles} <= names and "rules.pdf" in names
    match = Match.start(tutorial, {tutorial.roles[0].id: PERSON}, 1, scenario_path=str(TUTORIAL_SCENARIO))
    rng = random.Random(1)
    while not match.game.is_over():
        person_turn(match, rng)
    result = write_match_report(match, find_reference(tutorial, None, compute=False), tmp_path / "report", "Pair 1")
    page = result.files[0].read_text(encoding="utf-8")
    assert "Pair 1" in page and tutorial.ending(match.game.outcome.ending).title["en"] in page  # type: ignore[union-attr]


def test_a_lesson_game_steered_by_the_teacher_is_reported_and_replays(tmp_path: Path) -> None:
    lesson_game = of_length(load_scenario(DEFAULT_SCENARIO), 8)
    match = Match.start(lesson_game, {"us": PERSON, "cambodia": PERSON}, 5, scenario_path=str(DEFAULT_SCENARIO))
    rng = random.Random(5)
    console.set_timer(match, 180)
    person_turn(match, rng)
    console.inject(match, lesson_game.events[-1].id)
    change = console.adjust(
        match, "relations", match.game.value("relations") + 8, "the class judged the summit a success"
    )
    person_turn(match, rng)
    answer_the_news(match)
    console.time_up(match)
    console.undo(match)
    while match.game.turn < 6:
        person_turn(match, rng)
    console.end_now(match)
    outcome = match.game.outcome
    assert outcome is not None and outcome.termination is Termination.STOPPED and outcome.turn == 6
    path = tmp_path / "table-a.json"
    save_match(match, path, "Table A")
    restored = load_match(path)
    assert restored.scenario.turns == 8 and replay(restored).reproduced
    assert change in restored.game.history and change.cause is Cause.FACILITATOR
    result = write_match_report(restored, find_reference(restored.scenario, None, compute=False), tmp_path, "Table A")
    page = next(p for p in result.files if p.suffix == ".html").read_text(encoding="utf-8")
    for done in restored.teacher.interventions:
        if done.kind.value in ("adjust", "undo", "end", "timer"):
            assert done.detail.split(":")[0].replace("'", "&#x27;") in page, done.detail
    rows = list(csv.DictReader(next(p for p in result.files if p.suffix == ".csv").open(encoding="utf-8")))
    assert len(rows) == len(restored.game.history)
    assert any("the class judged the summit a success" in " ".join(row.values()) for row in rows)


def test_the_scores_of_a_game_the_teacher_ended_say_the_ranges_are_of_whole_games() -> None:
    from game.present.reference import how_measured

    match = Match.start(load_scenario(DEFAULT_SCENARIO), {"us": PERSON}, 2, scenario_path=str(DEFAULT_SCENARIO))
    person_turn(match, random.Random(2))
    found = find_reference(match.scenario, None, compute=False)
    assert found is not None
    assert "ended by the teacher" not in how_measured(found, match.game.outcome)
    console.end_now(match)
    assert "ended by the teacher in turn 2" in how_measured(found, match.game.outcome)
