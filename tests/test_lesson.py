"""A scenario's lesson section: the format, its checks (each problem at its line and column), the engine values it
builds, and the default scenario's lesson for a 50-minute class."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_loader import BASE, edit, place, problems_of

from game.content import lesson_models
from game.content.loader import load_scenario, load_scenario_text
from game.engine import Scenario, localize
from game.engine.lesson import Claim, Happened, Lesson, Question, Term, Timing
from game.present.notes import teacher_notes
from game.table.simulate import play

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "cambodia_us.yaml"

#: The article's five obstacles, as indicators, and its four ways forward, as strategy families.
OBSTACLES = ("political_space", "human_rights", "trade_access", "china_alignment", "scs_alignment")
STRATEGIES = ("diplomacy", "economy", "rights", "exchange")

LESSON = """\
lesson:
  objectives:
    - Explain why talks matter.
    - {en: Read the record, km: អានកំណត់ត្រា}
  questions:
    - text: Why did relations move?
      notes: Look at the chart.
      about: [relations, talk, meet]
    - text: What went wrong?
      ending: collapse
    - text: What went right?
      ending: good
  glossary:
    - term: Summit
      meaning: A meeting of leaders.
      sources: [paper]
  timings:
    - minutes: 10
      activity: Briefing
    - minutes: 30
      activity: Play
  timeline:
    - date: "2017-11"
      text: A summit was held.
      sources: [paper]
    - date: "2018-02-28"
      text: Trade grew.
      sources: [paper]
  claims:
    - claim: Talks help.
      who: Alpha's government
      sources: [paper]
      response: Beta says talks are slow.
"""

SMALL = BASE + LESSON


def lesson_of(text: str) -> Lesson:
    lesson = load_scenario_text(text, "test.yaml").lesson
    assert lesson is not None
    return lesson


@pytest.fixture(scope="module")
def default() -> Scenario:
    return load_scenario(DEFAULT)


# --------------------------------------------------------------------------- the engine values


def test_a_small_lesson_loads_into_the_engine_values() -> None:
    assert lesson_of(SMALL) == Lesson(
        objectives=({"en": "Explain why talks matter."}, {"en": "Read the record", "km": "អានកំណត់ត្រា"}),
        questions=(
            Question(
                {"en": "Why did relations move?"}, {"en": "Look at the chart."}, "", ("relations", "talk", "meet")
            ),
            Question({"en": "What went wrong?"}, {}, "collapse"),
            Question({"en": "What went right?"}, {}, "good"),
        ),
        glossary=(Term({"en": "Summit"}, {"en": "A meeting of leaders."}, ("paper",)),),
        timings=(Timing(10, {"en": "Briefing"}), Timing(30, {"en": "Play"})),
        timeline=(
            Happened("2017-11", {"en": "A summit was held."}, ("paper",)),
            Happened("2018-02-28", {"en": "Trade grew."}, ("paper",)),
        ),
        claims=(
            Claim({"en": "Talks help."}, {"en": "Alpha's government"}, ("paper",), {"en": "Beta says talks are slow."}),
        ),
    )


def test_plain_texts_are_in_the_language_of_the_file() -> None:
    lesson = lesson_of(edit(SMALL, ("turns: 5\n", "turns: 5\nlanguage: km\n")))
    assert lesson.objectives[0] == {"km": "Explain why talks matter."}
    assert lesson.claims[0].who == {"km": "Alpha's government"}


def test_a_scenario_without_a_lesson_section_has_no_lesson() -> None:
    assert load_scenario_text(BASE, "test.yaml").lesson is None


def test_an_empty_lesson_section_is_an_empty_lesson() -> None:
    assert lesson_of(BASE + "lesson: {}\n") == Lesson()


def test_questions_after_an_ending_are_the_general_ones_then_that_endings() -> None:
    lesson = lesson_of(SMALL)
    texts = [localize(q.text) for q in lesson.questions_after("collapse")]
    assert texts == ["Why did relations move?", "What went wrong?"]
    assert [localize(q.text) for q in lesson.questions_after("fine")] == ["Why did relations move?"]
    assert lesson.questions_after("") == lesson.questions_after("fine"), "no ending: the general questions, once"


def test_the_lesson_changes_nothing_in_play(default: Scenario) -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    start, end = text.index("\nlesson:\n"), text.index("\n# Each side's usual range")
    without = load_scenario_text(text[:start] + text[end:], "without.yaml")
    assert without.lesson is None and default.lesson is not None
    assert without.score_reference == default.score_reference
    for seed in range(3):
        policies = {role.id: "random" for role in default.roles}
        with_lesson, _ = play(default, seed, policies)
        without_lesson, _ = play(without, seed, policies)
        assert with_lesson.outcome == without_lesson.outcome
        assert with_lesson.state.values == without_lesson.state.values


# --------------------------------------------------------------------------- problems at their places


def trap(name: str, old: str, new: str, message: str, at: tuple[str, str | None], hint: str = "") -> object:
    return pytest.param(old, new, message, at, hint, id=name)


TRAPS = [
    trap(
        "unknown-source-did-you-mean",
        "      sources: [paper]\n    - date",
        "      sources: [papr]\n    - date",
        "unknown source 'papr'",
        ("sources: [papr]", "papr"),
        "did you mean 'paper'?",
    ),
    trap(
        "unknown-source-in-glossary",
        "      meaning: A meeting of leaders.\n      sources: [paper]",
        "      meaning: A meeting of leaders.\n      sources: [paper, almanac]",
        "unknown source 'almanac'",
        ("sources: [paper, almanac]", "almanac"),
        "declared sources: paper",
    ),
    trap(
        "unknown-source-in-claim",
        "      who: Alpha's government\n      sources: [paper]",
        "      who: Alpha's government\n      sources: [pape]",
        "unknown source 'pape'",
        ("sources: [pape]", "pape"),
        "did you mean 'paper'?",
    ),
    trap(
        "unknown-ending",
        "ending: collapse",
        "ending: colapse",
        "unknown ending 'colapse'",
        ("ending: colapse", "colapse"),
        "did you mean 'collapse'?",
    ),
    trap(
        "unknown-about-id",
        "about: [relations, talk, meet]",
        "about: [relations, talk, meat]",
        "unknown indicator, family or action 'meat'",
        ("about: [relations", "meat"),
        "did you mean 'meet'?",
    ),
    trap(
        "about-names-a-role",
        "about: [relations, talk, meet]",
        "about: [alpha]",
        "unknown indicator, family or action 'alpha'",
        ("about: [alpha]", "alpha"),
        "declared indicators, families and actions: meet, relations, talk, trade",
    ),
    trap(
        "timeline-without-sources",
        "      text: Trade grew.\n      sources: [paper]",
        "      text: Trade grew.\n      sources: []",
        "'sources' needs at least 1 item",
        ("sources: []", "sources"),
    ),
    trap(
        "claim-without-sources",
        "      who: Alpha's government\n      sources: [paper]\n",
        "      who: Alpha's government\n",
        "missing required key 'sources'",
        ("- claim: Talks help.", "claim"),
    ),
    trap(
        "date-not-a-date",
        'date: "2017-11"',
        'date: "Nov 2017"',
        "the date 'Nov 2017' must be written YYYY, YYYY-MM or YYYY-MM-DD",
        ('date: "Nov 2017"', '"Nov'),
        "e.g. '2017-11'",
    ),
    trap(
        "date-that-does-not-exist",
        'date: "2018-02-28"',
        'date: "2018-02-30"',
        "the date '2018-02-30' does not exist",
        ('date: "2018-02-30"', '"2018'),
        "months run 01..12",
    ),
    trap(
        "month-13",
        'date: "2017-11"',
        'date: "2017-13"',
        "the date '2017-13' does not exist",
        ('date: "2017-13"', '"2017'),
    ),
    trap(
        "date-written-as-a-number",
        'date: "2017-11"',
        "date: 2017",
        "'date' must be a string, not the number 2017",
        ("date: 2017", "2017"),
        "quote it, e.g. '2017'",
    ),
    trap("no-minutes", "minutes: 10", "minutes: 0", "'minutes' must be at least 1, not 0", ("minutes: 0", "0")),
    trap(
        "too-many-minutes",
        "minutes: 30",
        "minutes: 181",
        "'minutes' must be at most 180, not 181",
        ("minutes: 181", "181"),
    ),
    trap(
        "plan-too-long",
        "minutes: 30\n      activity: Play\n",
        "minutes: 180\n      activity: Play\n    - minutes: 60\n      activity: Debrief\n",
        "the lesson plan adds up to 250 minutes, more than 240",
        ("  timings:", "timings"),
        "split the plan",
    ),
    trap(
        "unknown-key-in-question",
        "      notes: Look at the chart.",
        "      note: Look at the chart.",
        "unknown key 'note'",
        ("note: Look", "note"),
        "did you mean 'notes'?",
    ),
    trap(
        "unknown-key-in-lesson",
        "  objectives:\n",
        "  objective:\n",
        "unknown key 'objective'",
        ("  objective:", "objective"),
        "did you mean 'objectives'?",
    ),
    trap(
        "question-without-text",
        "    - text: What went right?\n      ending: good",
        "    - ending: good",
        "missing required key 'text'",
        ("    - ending: good", "ending"),
    ),
    trap(
        "text-that-is-a-number",
        "    - Explain why talks matter.",
        "    - 1984",
        "not the number 1984",
        ("    - 1984", "1984"),
        "quote it, e.g. '1984'",
    ),
]


@pytest.mark.parametrize(("old", "new", "message", "at", "hint"), TRAPS)
def test_each_lesson_problem_is_reported_at_its_line_and_column(
    old: str, new: str, message: str, at: tuple[str, str | None], hint: str
) -> None:
    text = edit(SMALL, (old, new))
    found = problems_of(text)
    matching = [p for p in found if message in p.message]
    assert matching, "\n".join(p.format() for p in found)
    line, col = place(text, *at)
    assert (matching[0].line, matching[0].col) == (line, col), matching[0].format()
    assert hint in matching[0].hint, matching[0].format()
    assert len(found) == 1, "\n".join(p.format() for p in found)


def test_every_lesson_problem_is_reported_in_one_run_even_with_other_problems_in_the_file() -> None:
    broken = [
        ("capital: 3", "capital: three"),
        ("ending: collapse", "ending: nowhere"),
        ('date: "2017-11"', 'date: "2017-00"'),
        ("about: [relations, talk, meet]", "about: [nothing]"),
    ]
    text = edit(SMALL, *broken)
    messages = [p.message for p in problems_of(text)]
    assert len(messages) == 4, messages
    assert "unknown ending 'nowhere'" in messages and "the date '2017-00' does not exist" in messages


def test_a_plan_of_exactly_240_minutes_is_allowed() -> None:
    text = edit(SMALL, ("minutes: 30\n", "minutes: 180\n"), ("minutes: 10\n", "minutes: 60\n"))
    assert sum(t.minutes for t in lesson_of(text).timings) == 240


# --------------------------------------------------------------------------- the default scenario's lesson


def test_the_default_lesson_has_objectives_a_plan_for_50_minutes_and_a_question_for_every_ending(
    default: Scenario,
) -> None:
    lesson = default.lesson
    assert lesson is not None
    assert 3 <= len(lesson.objectives) <= 5
    assert sum(t.minutes for t in lesson.timings) == 50
    for ending in default.endings:
        assert any(q.ending == ending.id for q in lesson.questions), ending.id


def test_the_default_lesson_asks_about_every_obstacle_and_strategy_of_the_article(default: Scenario) -> None:
    lesson = default.lesson
    assert lesson is not None
    general = [q for q in lesson.questions if not q.ending]
    assert len(general) >= 8
    assert all(localize(q.notes) and q.about for q in general)
    asked_about = {ident for q in general for ident in q.about}
    assert set(OBSTACLES) <= asked_about and set(STRATEGIES) <= asked_about
    assert all(localize(q.notes) for q in lesson.questions)


def test_the_default_glossary_explains_the_terms_players_meet(default: Scenario) -> None:
    lesson = default.lesson
    assert lesson is not None
    terms = " | ".join(localize(t.term) for t in lesson.glossary)
    assert len(lesson.glossary) >= 10
    for needed in ("GSP", "Code of conduct", "Ream", "CNRP", "EBA", "ASEAN", "Hedging", "Hun Sen", "Hun Manet"):
        assert needed in terms, needed


def test_the_default_timeline_and_claims_are_sourced_and_attributed(default: Scenario) -> None:
    lesson = default.lesson
    assert lesson is not None
    assert len(lesson.timeline) >= 8 and len(lesson.claims) >= 5
    dates = [h.date for h in lesson.timeline]
    assert dates == sorted(dates), "the timeline runs oldest first"
    assert all(h.sources for h in lesson.timeline) and all(c.sources and localize(c.who) for c in lesson.claims)
    assert sum(1 for c in lesson.claims if c.response) >= 5


def test_every_source_the_default_lesson_cites_is_in_its_sources(default: Scenario) -> None:
    lesson = default.lesson
    assert lesson is not None
    declared = {s.id for s in default.sources}
    cited = {i for t in lesson.glossary for i in t.sources}
    cited |= {i for h in lesson.timeline for i in h.sources} | {i for c in lesson.claims for i in c.sources}
    assert cited and cited <= declared, cited - declared


# --------------------------------------------------------------------------- where it shows


def test_the_notes_list_the_learning_objectives() -> None:
    lines = teacher_notes(load_scenario_text(SMALL, "test.yaml"))
    at = lines.index("Learning objectives:")
    assert lines[at + 1 : at + 3] == ["- Explain why talks matter.", "- Read the record"]
    assert "Learning objectives:" not in teacher_notes(load_scenario_text(BASE, "test.yaml"))


def test_the_example_in_the_guide_is_a_valid_lesson_section() -> None:
    guide = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## Lesson material for teachers.*?```yaml\n(.*?)```", guide, re.S)
    assert found is not None
    section = yaml.safe_load(found.group(1))["lesson"]
    model = lesson_models.Lesson.model_validate(section)
    assert model.questions[1].ending == "rupture" and model.claims[0].response
