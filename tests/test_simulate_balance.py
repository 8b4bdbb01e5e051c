"""simulate's balancing figures: the indicators' final spreads, how often each clause of an ending's condition held,
the flags (endings never reached, actions never or always chosen) and the rules that failed at run time, named with
their place in the file; and the failed rules in the turn reviews of the terminal and the desktop.

Most tests play the fixture ``balance_probe.yaml``, whose figures are known by hand: with greedy Solo, x ends at 30
in every game, y and z at 0; the ending 'great' needs ``x >= 30 and y > 5``, whose second clause never holds;
'splurge' costs more capital than Solo can ever hold, 'nudge' needs x above 1000; the dynamic 'ratio' divides by y,
which stays 0, so it fails on each of the 3 turns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import no_traceback, run
from test_review import reach_review
from uikit import MakeApp, doc_text

from game.content.clauses import split_clauses
from game.content.expr import compile_expr
from game.content.loader import load_scenario
from game.content.rule_places import quoted_source, rule_places
from game.engine import RuleError, Scenario
from game.present.balance import failure_lines, turn_failures
from game.table import PERSON
from game.table.balance import Diagnostics, FailureTally, GameFacts, percentile, spread
from game.table.simulate import SimulationResult, play, search_budgets, simulate
from game.text import views
from game.ui import flow

PROBE = Path(__file__).resolve().parent / "fixtures" / "balance_probe.yaml"
GAMES = 12


def line_of(text: str) -> int:
    """The 1-based line of the probe file that holds ``text``."""
    lines = PROBE.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.fixture(scope="module")
def probe() -> Scenario:
    return load_scenario(PROBE)


@pytest.fixture(scope="module")
def result(probe: Scenario) -> SimulationResult:
    return simulate(probe, GAMES, seed=5, policies={"solo": "greedy"})


# --------------------------------------------------------------------- figures
def test_percentiles_interpolate_between_the_two_nearest_values() -> None:
    assert spread([float(n) for n in range(11)]).to_dict() == {"min": 0, "p10": 1, "median": 5, "p90": 9, "max": 10}
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert spread([7.0]).to_dict() == {"min": 7, "p10": 7, "median": 7, "p90": 7, "max": 7}
    with pytest.raises(ValueError, match="no values"):
        percentile([], 0.5)


@pytest.mark.parametrize(
    ("text", "joiner", "parts"),
    [
        ("x >= 30 and y > 5", "and", ["x >= 30", "y > 5"]),
        ("x > 1 and y > 2 and z < 3", "and", ["x > 1", "y > 2", "z < 3"]),
        ("x > 1 and y > 2 or z < 3", "or", ["x > 1 and y > 2", "z < 3"]),
        ("(x > 1 or y > 2) and z < 3", "and", ["x > 1 or y > 2", "z < 3"]),
        ("x >= 30\n  and\n  y > 5", "and", ["x >= 30", "y > 5"]),
        ("min(x, y) > 3", "", ["min(x, y) > 3"]),
    ],
)
def test_a_condition_splits_at_its_top_level_and_or_or(text: str, joiner: str, parts: list[str]) -> None:
    clauses = split_clauses(compile_expr(text, ["x", "y", "z"]))
    assert clauses.joiner == joiner
    assert [part.source for part in clauses.parts] == parts
    assert all(part.evaluate({"__builtins__": {}, "min": min}, {"x": 40, "y": 1, "z": 0}) in (0, 1)
               for part in clauses.parts)  # fmt: skip


def test_each_indicator_s_final_values_are_spread_over_the_games(result: SimulationResult) -> None:
    data = result.to_dict()
    assert data["indicators"]["x"] == {"min": 30, "p10": 30, "median": 30, "p90": 30, "max": 30}
    assert data["indicators"]["y"] == {"min": 0, "p10": 0, "median": 0, "p90": 0, "max": 0}
    assert set(data["indicators"]) == {"x", "y", "z"}


def test_the_clause_of_an_ending_that_never_holds_is_the_one_counted_at_zero(result: SimulationResult) -> None:
    clauses = result.to_dict()["ending_clauses"]
    assert set(clauses) == {"great"}  # the catch-all ending has no condition to split
    assert clauses["great"]["joiner"] == "and" and clauses["great"]["held"] == 0
    assert [(c["text"], c["held"], c["share"]) for c in clauses["great"]["clauses"]] == [
        ("x >= 30", GAMES, 1.0),
        ("y > 5", 0, 0.0),
    ]


def test_an_or_condition_holds_in_a_game_where_any_clause_holds_and_an_and_condition_where_all_do(
    probe: Scenario,
) -> None:
    either = split_clauses(compile_expr("x > 1 or y > 1", ["x", "y"]))
    both = split_clauses(compile_expr("x > 1 and y > 1", ["x", "y"]))
    diagnostics = Diagnostics.of(probe, {"great": either, "other": both})
    for held in ((False, True), (False, False), (True, True)):
        diagnostics.add(GameFacts({"x": 0.0}, {"great": held, "other": held}, ()))
    assert diagnostics.whole == {"great": 2, "other": 1}
    assert [c.held for c in diagnostics.clauses["great"]] == [1, 2]


def test_endings_never_reached_and_actions_never_or_always_chosen_are_flagged(result: SimulationResult) -> None:
    flags = result.to_dict()["flags"]
    assert flags["endings_never_reached"] == ["great"]
    assert flags["actions_never_chosen"] == {"solo": ["splurge"], "idle": ["nudge"]}
    assert flags["actions_always_chosen"] == {"solo": ["grow"]}


def test_a_rule_that_fails_at_run_time_is_counted_with_its_turns_and_games(result: SimulationResult) -> None:
    failures = result.to_dict()["rule_failures"]
    assert failures == [{"rule": "ratio", "message": "'x / y': division by zero", "count": 3 * GAMES,
                         "games": GAMES, "first_turn": 1, "last_turn": 3}]  # fmt: skip
    assert result.rule_errors == 3 * GAMES


def test_the_figures_are_the_same_in_worker_processes(home: Path) -> None:
    # Through the command, in a process of its own: forking a test process that has drawn windows can hang.
    args = ("simulate", str(PROBE), "--games", "6", "--policy", "solo=greedy", "--json")
    alone, shared = (json.loads(run(*args, *jobs).stdout) for jobs in ((), ("--jobs", "2")))
    for key in ("indicators", "ending_clauses", "rule_failures", "flags"):
        assert shared[key] == alone[key]
    assert shared["rule_failures"][0]["count"] == 18


# --------------------------------------------------------------------- where a rule is written
def test_a_failed_rule_is_placed_at_the_expression_that_failed_not_at_prose_quoting_it() -> None:
    places = rule_places(PROBE)
    line = line_of("z += x / y")  # the dynamic's description says "x / y" too, two lines above
    assert places.where("ratio", "'x / y': division by zero") == f"{PROBE}:{line}:9"
    assert places.find("ratio", "no quoted text") == (line_of("id: ratio"), 9)
    assert places.find("solo.score", "'x': whatever") == (line_of("score: x"), 12)
    assert places.find("agreement-3", "'x': whatever") is None
    assert places.where("agreement-3") == str(PROBE)


def test_the_quoted_expression_is_read_back_from_a_failure_s_message() -> None:
    assert quoted_source("'x / y': division by zero") == "x / y"
    assert quoted_source('"it\'s / y": division by zero') == "it's / y"
    assert quoted_source("'a': 'b': c") == "a"
    assert quoted_source("no quote") == ""
    assert rule_places("no/such/file.yaml").find("ratio") is None


def test_failure_lines_say_where_which_rule_how_often_and_when() -> None:
    once = FailureTally("tax", "'a / b': division by zero", count=1, games=1, first_turn=4, last_turn=4)
    lines = failure_lines([once], lambda rule, message: "s.yaml:3:9")
    assert lines[2:] == ["  s.yaml:3:9: rule 'tax' failed once in 1 game (turn 4): 'a / b': division by zero"]
    assert failure_lines([]) == []


# --------------------------------------------------------------------- the command
def test_simulate_prints_the_figures_and_names_the_failed_rule_with_file_line_col(home: Path) -> None:
    done = run("simulate", str(PROBE), "--games", "6", "--policy", "solo=greedy")
    assert done.returncode == 0 and no_traceback(done), done.stderr
    out = done.stdout
    assert "Indicators at the end of the games" in out
    assert any(line.split() == ["x", "30", "30", "30", "30", "30"] for line in out.splitlines())
    assert "    100.0%  x >= 30  always held" in out and "      0.0%  y > 5  never held" in out
    assert "  Great: held in 0.0% of games, reached in 0.0%; clauses joined by 'and'" in out
    assert "  ending never reached: Great (great)" in out
    assert "  Solo never chose: splurge" in out and "  Idle never chose: nudge" in out
    assert "  Solo chose on every turn of every game: grow" in out
    line = line_of("z += x / y")
    assert (f"  {PROBE}:{line}:9: rule 'ratio' failed 18 times in 6 games (turns 1-3): 'x / y': division by zero"
            in out)  # fmt: skip


def test_simulate_json_carries_the_figures_and_where_each_failed_rule_is(home: Path) -> None:
    done = run("simulate", str(PROBE), "--games", "4", "--policy", "solo=greedy", "--json")
    assert done.returncode == 0 and no_traceback(done), done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    assert data["indicators"]["x"]["median"] == 30
    assert data["ending_clauses"]["great"]["clauses"][1] == {"text": "y > 5", "held": 0, "share": 0.0}
    assert data["rule_failures"][0]["where"] == f"{PROBE}:{line_of('z += x / y')}:9"
    assert data["rule_failures"][0]["count"] == 12 and data["rule_errors"] == 12


# --------------------------------------------------------------------- the reviews of a game
def test_the_turn_s_failed_rules_are_told_once_each_with_how_many_times() -> None:
    errors = [RuleError(2, "tax", "'a / b': division by zero")] * 2 + [RuleError(3, "tax", "'a / b': x")]
    assert turn_failures(errors, 2) == ["Rule 'tax' failed (twice): 'a / b': division by zero; it was skipped."]
    assert turn_failures(errors, 1) == []


def test_the_terminal_review_names_the_rule_that_failed_in_the_turn(probe: Scenario) -> None:
    game, _ = play(probe, 1, {"solo": "greedy"})
    text = "\n".join(views.review_lines(game, None, 2))
    assert "Rules of the scenario that failed this turn" in text
    assert "Rule 'ratio' failed: 'x / y': division by zero; it was skipped." in text


def test_the_desktop_review_names_the_rule_that_failed_in_the_turn(make_app: MakeApp, probe: Scenario) -> None:
    app = make_app()
    flow.start_game(app, probe, str(PROBE), seats={"solo": PERSON}, seed=3)
    review = reach_review(app)
    text = doc_text(review.document())
    assert "SCENARIO RULES THAT FAILED Rule 'ratio' failed: 'x / y': division by zero; it was skipped." in text


def test_search_budgets_name_what_each_searching_seat_spends() -> None:
    names = {"us": "lookahead", "cambodia": "lookahead-v1", "eu": "greedy", "asean": "strong"}
    budgets = search_budgets(names)
    assert budgets == {"us": 100, "cambodia": 250, "asean": budgets["asean"]} and budgets["asean"] >= 1
    assert search_budgets(names, 30) == {"us": 30, "cambodia": 30, "asean": 30}
    assert search_budgets({"us": "random", "cambodia": "greedy"}) == {}


def test_simulate_header_gives_each_searching_seats_budget(scenario: Scenario) -> None:
    import io

    from game.cli import _print_simulation

    def header(policies: dict[str, str], budget: int | None = None) -> str:
        out = io.StringIO()
        _print_simulation(scenario, simulate(scenario, 1, 0, policies, budget, negotiate=False), out)
        return out.getvalue().splitlines()[0]

    assert header({"us": "lookahead", "cambodia": "lookahead-v1"}, 2).endswith("seed 0, budget 2 per decision")
    mixed = header({"us": "lookahead", "cambodia": "lookahead-v1"})
    assert mixed.endswith("budget per decision: us 100, cambodia 250")
    assert header({"us": "greedy"}).endswith("seed 0")
