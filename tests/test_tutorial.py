"""The tutorial: its section of the scenario format, the progress logic, and the shipped tutorial played by
following its steps in the match and in the terminal."""

from __future__ import annotations

import io
import re

import pytest

from game.content.loader import load_scenario, load_scenario_text
from game.content.problems import ScenarioError
from game.engine import Choose, Commit, Propose, Scenario
from game.engine.tutorial import PointAt, Pointer, Until
from game.paths import TUTORIAL_SCENARIO
from game.table import PERSON, DecisionKind, Done, Match
from game.table.tutorial import Coach, coach_for, progress
from game.text.play import run

TEXT = TUTORIAL_SCENARIO.read_text(encoding="utf-8")
LEARNER = "valdoria"


@pytest.fixture(scope="module")
def tutorial_scenario() -> Scenario:
    return load_scenario(TUTORIAL_SCENARIO)


def start(scenario: Scenario, seed: int = 1) -> tuple[Match, Coach]:
    match = Match.start(scenario, {LEARNER: PERSON}, seed)
    coach = coach_for(match)
    assert coach is not None
    return match, coach


# --------------------------------------------------------------------------- the format


def test_the_shipped_tutorial_loads_its_steps(tutorial_scenario: Scenario) -> None:
    tutorial = tutorial_scenario.tutorial
    assert tutorial is not None and tutorial.role == LEARNER
    assert 8 <= len(tutorial.steps) <= 14
    first, commit = tutorial.steps[0], tutorial.steps[5]
    assert first.until is Until.READ and first.point == Pointer(PointAt.TURN)
    assert (commit.until, commit.target) == (Until.COMMIT, "v_summit")
    assert commit.point == Pointer(PointAt.ACTION, "v_summit")
    assert tutorial.steps[-1].until is Until.END


def test_a_scenario_without_a_tutorial_section_has_none(scenario: Scenario) -> None:
    assert scenario.tutorial is None


def problems_of(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "tutorial.yaml")
    return [(p.line, p.col, p.message, p.hint) for p in caught.value.problems]


def where(text: str, written: str) -> tuple[int, int]:
    """The line and column of the value of the first ``key: value`` line ``written`` in the tutorial section."""
    offset = text.index(written + "\n", text.index("\ntutorial:")) + written.index(": ") + 2
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


CASES = [
    # (what is written in place of what, the message, the hint)
    ("point: indicator:tension", "point: indicator:tensoin", "unknown indicator 'tensoin'", "did you mean 'tension'?"),
    ("point: action:v_summit", "point: action:v_sumit", "unknown action 'v_sumit'", "did you mean 'v_summit'?"),
    (
        "point: action:v_summit",
        "point: action:m_visit",
        "action 'm_visit' is not one of the learner's ('valdoria')",
        "",
    ),
    ("point: capital", "point: capitol", "unknown point 'capitol'", "did you mean 'capital'?"),
    ("point: capital", "point: indicator", "point 'indicator' needs an indicator", "write indicator:<indicator id>"),
    ("point: capital", "point: capital:x", "point 'capital' takes nothing after it", "write just 'capital'"),
    ("until: commit:v_summit", "until: comit:v_summit", "unknown until 'comit'", "did you mean 'commit'?"),
    ("until: commit:v_summit", "until: commit:v_summits", "unknown action 'v_summits'", "did you mean 'v_summit'?"),
    (
        "until: choose:boat_adrift",
        "until: choose:boat_adrfit",
        "unknown event 'boat_adrfit'",
        "did you mean 'boat_adrift'?",
    ),
    ("until: propose", "until: open:negotiat", "unknown screen 'negotiat'", "did you mean 'negotiate'?"),
    ("until: propose", "until: turn:9", "turn 9 is after the last turn", "the scenario has 3 turns"),
    ("until: propose", "until: turn", "until 'turn' needs a turn", "write turn:<turn>"),
    ("until: propose", "until: end_turn:2", "until 'end_turn' takes nothing after it", "write just 'end_turn'"),
    ("  role: valdoria\n  steps:", "  role: valdorai\n  steps:", "unknown role 'valdorai'", "did you mean 'valdoria'?"),
]


@pytest.mark.parametrize(("old", "new", "message", "hint"), CASES, ids=[c[2] for c in CASES])
def test_a_mistake_in_a_step_is_reported_where_it_is_written(old: str, new: str, message: str, hint: str) -> None:
    start = TEXT.index("\ntutorial:")
    text = TEXT[:start] + TEXT[start:].replace(old, new, 1)
    line, col = where(text, new.strip().split("\n")[0])
    found = [p for p in problems_of(text) if p[2] == message]
    assert found, problems_of(text)
    assert found[0][:2] == (line, col)
    assert hint in found[0][3]


def test_an_unknown_key_in_a_step_is_an_error_with_its_position() -> None:
    start = TEXT.index("\ntutorial:")
    text = TEXT[:start] + TEXT[start:].replace("      point: turn\n", "      pointer: turn\n", 1)
    line = text[: text.index("pointer: turn")].count("\n") + 1
    assert any(p[0] == line and "pointer" in p[2] for p in problems_of(text))


def test_steps_about_proposals_need_a_negotiation_section() -> None:
    start = TEXT.index("\nnegotiation:")
    end = TEXT.index("\ntutorial:")
    text = TEXT[:start] + TEXT[end:].replace("      point: negotiate\n", "")
    problems = problems_of(text)
    assert any("'propose' needs a negotiation section" in p[2] for p in problems)


# --------------------------------------------------------------------------- the progress logic


def test_progress_follows_a_scripted_match_step_by_step(tutorial_scenario: Scenario) -> None:
    match, coach = start(tutorial_scenario)
    assert coach.current().index == 0 and coach.current().label == "Step 1 of 13"
    assert not coach.opened("negotiate")  # not what step 1 waits for
    for expected in range(1, 5):
        assert coach.read()
        assert coach.current().index == expected
    assert coach.read() and coach.current().index == 5  # step 6 waits for the summit
    assert not coach.read()  # reading does not commit anything
    match.apply(LEARNER, Commit(LEARNER, "v_quota"))
    assert coach.current().index == 5  # another action is not the one asked for
    match.apply(LEARNER, Commit(LEARNER, "v_summit"))
    assert coach.current().index == 6
    match.apply(LEARNER, Done(LEARNER))
    assert coach.current().index == 7 and match.game.turn == 2
    match.apply(LEARNER, Choose(LEARNER, "boat_adrift", "rescue"))
    assert coach.current().index == 8
    assert coach.read() and coach.current().index == 9
    match.apply(LEARNER, Propose(LEARNER, "marenport", ("open_harbour",), ("catch_data",)))
    assert coach.current().index == 10
    match.apply(LEARNER, Commit(LEARNER, "v_summit"))
    assert coach.current().index == 11
    match.apply(LEARNER, Done(LEARNER))
    assert coach.current().index == 12 and not coach.current().finished
    match.apply(LEARNER, Done(LEARNER))
    assert match.is_over() and coach.current().finished and coach.current().label == "Done"


def test_a_learner_ahead_of_the_coach_skips_the_steps_to_read(tutorial_scenario: Scenario) -> None:
    match, coach = start(tutorial_scenario)
    match.apply(LEARNER, Commit(LEARNER, "v_summit"))  # before reading steps 1 to 5
    assert coach.current().index == 6
    again = progress(coach.tutorial, match, {})  # a saved tutorial continued: no acknowledgements kept
    assert again.index == 6


def test_a_command_sent_before_the_step_does_not_count_for_it(tutorial_scenario: Scenario) -> None:
    match, coach = start(tutorial_scenario)
    match.apply(LEARNER, Commit(LEARNER, "v_summit"))
    match.apply(LEARNER, Done(LEARNER))
    match.apply(LEARNER, Choose(LEARNER, "boat_adrift", "rescue"))
    for _ in range(20):
        coach.read()
    # step 11 waits for a commit made after the proposal: the commit of turn 1 does not count
    match.apply(LEARNER, Propose(LEARNER, "marenport", ("open_harbour",), ("catch_data",)))
    assert coach.current().index == 10


def test_no_coach_without_a_tutorial_or_for_another_seat(tutorial_scenario: Scenario, scenario: Scenario) -> None:
    assert coach_for(Match.start(scenario, {"us": PERSON}, 1)) is None
    assert coach_for(Match.start(tutorial_scenario, {"marenport": PERSON}, 1)) is None


# --------------------------------------------------------------------------- the shipped tutorial, followed


def follow(match: Match, coach: Coach) -> list[int]:
    """Do exactly what each step asks (the first choice, a proposal of one item for one, the first action), and
    return the steps seen in order."""
    seen: list[int] = []
    while not coach.current().finished:
        now = coach.current()
        step = now.step
        assert step is not None
        seen.append(now.index)
        decision = match.decision()
        if step.until is Until.READ:
            assert coach.read()
        elif step.until is Until.OPEN:
            assert coach.opened(step.target)
        elif step.until is Until.CHOOSE:
            assert decision is not None and decision.kind is DecisionKind.CHOOSE
            match.apply(LEARNER, decision.options[0])
        elif step.until is Until.COMMIT:
            action = step.target or next(c.action for c in decision.options if isinstance(c, Commit))  # type: ignore[union-attr]
            match.apply(LEARNER, Commit(LEARNER, action))
        elif step.until is Until.PROPOSE:
            match.apply(LEARNER, Propose(LEARNER, "marenport", ("open_harbour",), ("catch_data",)))
        else:
            assert step.until in (Until.END_TURN, Until.END)
            match.apply(LEARNER, Done(LEARNER))
    return seen


@pytest.mark.parametrize("seed", [1, 2, 7])
def test_the_shipped_tutorial_played_by_its_steps_reaches_the_end(tutorial_scenario: Scenario, seed: int) -> None:
    match, coach = start(tutorial_scenario, seed)
    seen = follow(match, coach)
    assert seen == sorted(set(seen)) == list(range(len(coach.tutorial.steps)))
    assert match.is_over() and match.game.outcome is not None
    # the computer never interrupts the lesson with a proposal of its own: the learner only ever acted
    assert all(d is None for d in [match.decision()])
    assert not [p for p in match.game.state.proposals if p.sender == "marenport"]


def test_the_terminal_plays_the_tutorial_to_the_end_from_piped_input(tutorial_scenario: Scenario) -> None:
    answers = ["", "", "", "", "", "1", "e", "1", "", "n", "1", "2", "s", "b", "1", "e", "2", "e"]
    out = io.StringIO()
    code = run(tutorial_scenario, role=None, seed=1, stdin=io.StringIO("\n".join(answers) + "\n"), stdout=out)
    text = out.getvalue()
    assert code == 0
    steps = [int(n) for n in re.findall(r"Tutorial, step (\d+) of 13", text)]
    assert steps == list(range(1, 14))
    # each step comes before the prompt where the learner acts on it
    assert text.index("Tutorial, step 6 of 13") < text.index("Committed: Hold a summit")
    assert text.index("Tutorial, step 8 of 13") < text.index("Your decision (1-2")
    assert "Marenport accepted." in text
    assert "that was the last step" in text and text.rstrip().endswith("Thanks for playing.")


def test_the_guides_tutorial_example_is_valid_in_the_shipped_scenario() -> None:
    guide = (TUTORIAL_SCENARIO.parent / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## Writing a tutorial.*?```yaml\n(.*?)```", guide, re.S)
    assert found is not None
    text = TEXT[: TEXT.index("\ntutorial:") + 1] + found.group(1)
    loaded = load_scenario_text(text, "README.md")
    assert loaded.tutorial is not None and len(loaded.tutorial.steps) == 4
