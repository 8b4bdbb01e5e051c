"""What the computer players read by name is declared in the scenario (``negotiation.relations_indicator`` and
``negotiation.pressure_family``, by default ``relations`` and ``pressure``), used by the evaluator and the debrief,
and checked at load: a declared name that names nothing is an error at its place, with a suggestion; a default
name the file lacks is a warning that says what the computer players go without."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.ai.debrief import debrief
from game.ai.negotiation import evaluate
from game.content.loader import load_scenario_text
from game.content.problems import Problem, ScenarioError
from game.engine import Choose, Commit, Game, Propose, Scenario

TUTORIAL = (Path(__file__).resolve().parent.parent / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
#: The tutorial's relations indicator and pressure family, renamed ``ties`` and ``coercion`` everywhere.
RENAMED = re.sub(r"\bpressure\b", "coercion", re.sub(r"\brelations\b", "ties", TUTORIAL))
DECLARATION = "negotiation:\n  relations_indicator: ties\n  pressure_family: coercion\n"


def declared(text: str, declaration: str = DECLARATION) -> str:
    assert text.count("negotiation:\n") == 1
    return text.replace("negotiation:\n", declaration)


def load(text: str) -> tuple[Scenario, list[Problem]]:
    warnings: list[Problem] = []
    return load_scenario_text(text, "t.yaml", warnings=warnings), warnings


def played(scenario: Scenario) -> Game:
    """Two turns in which Valdoria took its pressure action (every event answered with its first choice)."""
    game = Game.new(scenario, 3)
    for _ in range(2):
        while game.state.pending:
            pending = game.state.pending[0]
            event = scenario.event(pending.event)
            game.apply(Choose(pending.role, event.id, event.choices[0].id))
        game.apply(Commit("valdoria", "v_patrol"))
        game.resolve_turn()
    return game


def reasons(scenario: Scenario) -> list[tuple[str, float]]:
    proposal = Propose("valdoria", "marenport", ("open_harbour",), ())
    return [(r.label, round(r.points, 9)) for r in evaluate(played(scenario), proposal, "marenport").reasons]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_defaults_are_today_s_names() -> None:
    scenario, warnings = load(TUTORIAL)
    assert (scenario.relations_indicator, scenario.pressure_family) == ("relations", "pressure")
    assert warnings == []
    labels = [label for label, _ in reasons(scenario)]
    assert "Current relations" in labels and "Recent pressure from Valdoria (2 actions)" in labels


def test_a_scenario_naming_its_relations_ties_gets_the_same_counterpart_reasons() -> None:
    today, _ = load(TUTORIAL)
    ties, warnings = load(declared(RENAMED))
    assert warnings == []
    assert (ties.relations_indicator, ties.pressure_family) == ("ties", "coercion")
    assert reasons(ties) == reasons(today)


def test_the_debrief_reads_the_declared_names() -> None:
    today, _ = load(TUTORIAL)
    ties, _ = load(declared(RENAMED))

    def willingness(scenario: Scenario) -> list[tuple[float, list[str]]]:
        report = debrief(played(scenario), "marenport", "valdoria")
        return [(round(p.mood, 9), [s.label for s in p.shifts]) for p in report.willingness]

    assert willingness(ties) == willingness(today)
    assert any("you pressured them with" in label for _, labels in willingness(ties) for label in labels)


def test_undeclared_names_the_file_lacks_are_warned_about_at_the_negotiation_section() -> None:
    text = RENAMED
    scenario, warnings = load(text)
    at = line_of(text, "negotiation:")
    assert [(w.line, w.col, w.severity) for w in warnings] == [(at, 1, "warning"), (at, 1, "warning")]
    assert warnings[0].message.startswith("no indicator 'relations': the computer players weigh proposals without")
    assert "relations_indicator: <id>" in warnings[0].hint
    assert warnings[1].message.startswith("no strategy family 'pressure': the computer players count no action")
    labels = [label for label, _ in reasons(scenario)]
    assert labels == ["Open a harbour to Marenport's boats (they give)", "Trust in Valdoria"]


def test_null_says_there_is_none_and_silences_the_warning() -> None:
    text = declared(RENAMED, "negotiation:\n  relations_indicator: null\n  pressure_family: null\n")
    scenario, warnings = load(text)
    assert warnings == []
    assert (scenario.relations_indicator, scenario.pressure_family) == (None, None)
    assert [label for label, _ in reasons(scenario)] == [
        "Open a harbour to Marenport's boats (they give)",
        "Trust in Valdoria",
    ]


def test_a_declared_name_that_names_nothing_is_an_error_at_its_place_with_a_suggestion() -> None:
    text = declared(RENAMED, "negotiation:\n  relations_indicator: tie\n  pressure_family: coerce\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "t.yaml")
    problems = [p.format() for p in caught.value.problems]
    relations_line, family_line = line_of(text, "relations_indicator:"), line_of(text, "pressure_family:")
    assert f"t.yaml:{relations_line}:24: error: unknown indicator 'tie' (did you mean 'ties'?)" in problems
    assert f"t.yaml:{family_line}:20: error: unknown family 'coerce' (did you mean 'coercion'?)" in problems


def test_a_declared_name_must_be_an_id() -> None:
    text = declared(TUTORIAL, "negotiation:\n  relations_indicator: Relations\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "t.yaml")
    assert "'relations_indicator' must be an id" in str(caught.value)


def test_the_default_scenario_declares_both_names_explicitly() -> None:
    text = (Path(__file__).resolve().parent.parent / "scenarios" / "cambodia_us.yaml").read_text(encoding="utf-8")
    section = text[text.index("\nnegotiation:\n") :].splitlines()
    assert section[2].startswith("  relations_indicator: relations")
    assert section[3].startswith("  pressure_family: pressure")
