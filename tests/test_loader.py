"""The scenario loader: a catalogue of the mistakes modders make, each reported at the right line and column.

Every case starts from BASE (a small valid scenario), breaks one thing, and names the message, the hint and the
place the problem must point at. The place is given as a line marker (the first line containing it) and a token on
that line (the column is where the token starts), so the cases read like the file they describe.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import docs
from game.content.loader import find_scenarios, json_schema, load_scenario, load_scenario_text
from game.content.problems import Problem, ScenarioError
from game.engine import Op, Scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"

BASE = """\
format: 1
id: tiny
title: Tiny
description: A tiny scenario.
turns: 5
sources:
  - id: paper
    title: A paper
indicators:
  - id: relations
    label: Relations
    description: How well the two get on.
    initial: 50
    sources: [paper]
  - id: trade
    label: Trade
    description: Trade between the two.
    initial: 20
families:
  - id: talk
    label: Talk
roles:
  - id: alpha
    name: Alpha
    brief: Side A.
    objectives: Keep relations high.
    score: relations
    capital: 3
  - id: beta
    name: Beta
    brief: Side B.
    objectives: Trade more.
    score: trade
    capital: 3
actions:
  - id: meet
    role: alpha
    family: talk
    label: Meet
    description: Hold a meeting.
    cost: 1
    effects: ["relations += 5"]
events:
  - id: summit
    title: Summit
    text: A summit is held.
    role: beta
    at_turn: 2
    choices:
      - id: attend
        label: Attend
        description: Go.
        effects: [trade += 2]
      - id: skip
        label: Skip
        description: Stay home.
dynamics:
  - id: drift
    description: Things drift.
    condition: relations < 30
    effects: [trade -= 1]
endings:
  - id: good
    title: Good
    text: It went well.
    condition: relations > 60
  - id: collapse
    title: Collapse
    text: It fell apart.
    condition: relations < 5
    early: true
  - id: fine
    title: Fine
    text: It went fine.
"""


def edit(text: str, *edits: tuple[str, str]) -> str:
    """Apply each ``(old, new)`` replacement once; ``old`` must occur."""
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def place(text: str, marker: str, token: str | None = None) -> tuple[int, int | None]:
    """1-based line of the first line containing ``marker``, and the column of ``token`` on it (None if not given)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if marker in line:
            return number, (line.index(token) + 1 if token is not None else None)
    raise AssertionError(f"marker {marker!r} not found")


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "test.yaml")
    return caught.value.problems


@dataclass(frozen=True)
class Trap:
    """One mistake: the edits that make it, what must be said, and where."""

    edits: tuple[tuple[str, str], ...]
    message: str
    at: tuple[str, str | None]
    hint: str = ""
    count: int = 1


def case(name: str, edits: list[tuple[str, str]], message: str, at: tuple[str, str | None], **kw: object) -> object:
    return pytest.param(Trap(tuple(edits), message, at, **kw), id=name)  # type: ignore[arg-type]


NEGOTIATION = """\
negotiation:
  trust: {initial: 40, kept: 4}
  break_effects: [relations -= 6]
  break_event: summit
  items:
    - id: open_market
      giver: beta
      label: Open the market
      description: Lower tariffs.
      effects: [trade += 6]
      turns: 2
      condition: trust_alpha_beta >= 20
      value: {alpha: 5, beta: -2}
    - id: visit
      giver: alpha
      label: State visit
      description: A state visit.
      effects: ["relations += 3"]
"""
LAST_LINE = "    text: It went fine.\n"


def negotiating(*edits: tuple[str, str]) -> list[tuple[str, str]]:
    """Edits that append the NEGOTIATION section to BASE, then make ``edits``."""
    return [(LAST_LINE, LAST_LINE + NEGOTIATION), *edits]


CATALOGUE = [
    # --- keys
    case("unknown-key-did-you-mean", [("description: A tiny", "descripton: A tiny")], "unknown key 'descripton'",
         ("descripton:", "descripton"), hint="did you mean 'description'?", count=2),
    case("unknown-key-in-list-item", [("    cost: 1\n", "    cost: 1\n    costs: 2\n")], "unknown key 'costs'",
         ("costs: 2", "costs"), hint="did you mean 'cost'?"),
    case("unknown-key-lists-allowed-keys", [("    initial: 20\n", "    initial: 20\n    zzz: 1\n")],
         "unknown key 'zzz'", ("zzz: 1", "zzz"), hint="allowed keys: id, label, description, min, max"),
    case("unknown-key-in-effect-mapping", [('["relations += 5"]', '[{chnage: "relations += 5"}]')],
         "unknown key 'chnage'", ("chnage", "chnage"), hint="did you mean 'change'?", count=2),
    case("reserved-indicator-id",
         [("indicators:\n", "indicators:\n  - {id: turn, label: T, description: T, initial: 1}\n")],
         "'turn' is a reserved name", ("{id: turn", "turn"), hint="rename it, e.g. 'turn_level'"),
    case("missing-required-key", [("    initial: 50\n", "")], "missing required key 'initial'",
         ("- id: relations", "id")),
    case("missing-several-keys-in-one-message", [("    label: Meet\n    description: Hold a meeting.\n", "")],
         "missing required keys 'label', 'description'", ("- id: meet", "id")),
    # --- types and YAML traps
    case("number-as-key", [("format: 1", "format: 1\n1: x")], "unknown key '1'", ("1: x", "1"),
         hint="allowed keys: format, id"),
    case("wrong-type", [("capital: 3", "capital: three")], "'capital' must be a whole number, not the text 'three'",
         ("capital: three", "three")),
    case("bool-where-text-expected", [("title: Tiny", "title: true")], "'title' must be text",
         ("title: true", "true"), hint="quote it, e.g. 'true'"),
    case("number-where-text-expected", [("label: Talk", "label: 1984")], "not the number 1984",
         ("label: 1984", "1984"), hint="quote it, e.g. '1984'"),
    case("empty-value", [("title: Tiny", "title:")], "'title' must be text", ("title:", None),
         hint="the value is empty"),
    case("hash-starts-a-comment", [("    capital: 3\n", "    capital: 3\n    color: #3366aa\n")],
         "'color' must be a string, not an empty value", ("color:", None), hint="everything after ' #' is a comment"),
    case("fraction-where-whole-number-expected", [("turns: 5", "turns: 5.0")],
         "'turns' must be a whole number, not the number 5.0", ("turns: 5.0", "5.0")),
    case("quoted-number", [("cost: 1", 'cost: "1"')], "'cost' must be a whole number, not the text '1'",
         ("cost:", '"1"'), hint="remove the quotes"),
    case("string-where-list-expected", [("sources: [paper]", "sources: paper")], "'sources' must be a list",
         ("sources: paper", "paper"), hint="write a list: [paper]"),
    case("number-where-effect-expected", [('["relations += 5"]', "[5]")], "item 1 of 'effects' must be an effect",
         ("effects: [5]", "5")),
    case("bool-where-expression-expected", [("condition: relations < 30", "condition: true")],
         "'condition' must be an expression", ("condition: true", "true"), hint="write a comparison"),
    case("format-must-be-1", [("format: 1", "format: 2")], "'format' must be 1, not the number 2",
         ("format: 2", "2")),
    case("format-is-not-a-bool", [("format: 1", "format: true")], "'format' must be the number 1, not true",
         ("format: true", "true")),
    # --- ranges and patterns
    case("out-of-range-number", [("turns: 5", "turns: 500")], "'turns' must be at most 200, not 500",
         ("turns: 500", "500")),
    case("negative-cost", [("cost: 1", "cost: -1")], "'cost' must be at least 0, not -1", ("cost: -1", "-1")),
    case("weight-must-be-positive", [("    at_turn: 2\n", "    at_turn: 2\n    weight: 0\n")],
         "'weight' must be greater than 0, not 0", ("weight: 0", "0")),
    case("infinite-number", [("initial: 50", "initial: .inf")], "'initial' must be a finite number",
         ("initial: .inf", ".inf")),
    case("invalid-id", [("id: tiny", "id: Tiny Land")], "'id' must be an id", ("id: Tiny Land", "Tiny"),
         hint="e.g. 'tiny_land'"),
    case("invalid-language-code", [("title: Tiny", "title: {EN: Tiny}")], "must be a language code",
         ("title: {EN", "EN")),
    case("empty-text", [("title: Tiny", "title: '  '")], "'title' must not be empty", ("title: '", "'")),
    case("unknown-choice-of-literal", [("    initial: 20\n", "    initial: 20\n    good: hi\n")],
         "'good' must be 'high', 'low' or 'neutral', not the text 'hi'", ("good: hi", "hi"),
         hint="did you mean 'high'?"),
    case("too-few-choices", [("      - id: skip\n        label: Skip\n        description: Stay home.\n", "")],
         "'choices' needs at least 2 items", ("choices:", "choices")),
    case("empty-required-list", [("actions:\n", "actions: []\nold_actions:\n")], "'actions' needs at least 1 item",
         ("actions: []", "actions"), count=2),
    # --- ids and cross-references
    case("duplicate-id-names-first-line",
         [("families:", "  - {id: relations, label: R, description: D, initial: 1}\nfamilies:")],
         "duplicate indicator id 'relations' (first defined on line 10)", ("{id: relations", "relations")),
    case("duplicate-choice-id", [("      - id: skip", "      - id: attend  # again")],
         "duplicate choice id 'attend' (first defined on line 50)", ("attend  # again", "attend")),
    case("unknown-role", [("    role: alpha", "    role: alfa")], "unknown role 'alfa'", ("role: alfa", "alfa"),
         hint="did you mean 'alpha'?"),
    case("unknown-family", [("family: talk", "family: tlak")], "unknown family 'tlak'", ("family: tlak", "tlak"),
         hint="did you mean 'talk'?"),
    case("unknown-target", [("    cost: 1\n", "    cost: 1\n    target: betta\n")], "unknown role 'betta'",
         ("target: betta", "betta"), hint="did you mean 'beta'?"),
    case("unknown-event-role", [("    role: beta", "    role: gamma")], "unknown role 'gamma'",
         ("role: gamma", "gamma"), hint="declared roles: alpha, beta"),
    case("unknown-source", [("sources: [paper]", "sources: [papr]")], "unknown source 'papr'",
         ("sources: [papr]", "papr"), hint="did you mean 'paper'?"),
    case("unknown-personality-family", [("    capital: 3\n", "    capital: 3\n    personality: {tlak: 1}\n")],
         "unknown family 'tlak'", ("personality", "tlak"), hint="did you mean 'talk'?"),
    case("unknown-indicator-in-effect", [("relations += 5", "relatons += 5")], "unknown indicator 'relatons'",
         ("relatons += 5", "relatons"), hint="did you mean 'relations'?"),
    case("unknown-name-in-condition", [("condition: relations < 30", "condition: relatoins < 30")],
         "unknown name 'relatoins'", ("relatoins < 30", "relatoins"), hint="did you mean 'relations'?"),
    case("unknown-name-in-score", [("score: trade", "score: trade + trust")], "unknown name 'trust'",
         ("score: trade + trust", "trust")),
    case("power-operator", [("condition: relations < 30", "condition: relations ** 2 < 30")],
         "powers are not allowed", ("relations ** 2", "**")),
    case("function-call", [("condition: relations < 30", "condition: open(1) < 30")],
         "unknown function 'open'", ("open(1)", "open")),
    case("error-inside-quoted-expression", [("condition: relations > 60", "condition: 'relations > trust'")],
         "unknown name 'trust'", ("'relations > trust'", "trust")),
    case("error-in-flow-effect", [("effects: [trade -= 1]", "effects: [trade -= 1 ** 2]")],
         "powers are not allowed", ("trade -= 1 ** 2", "**")),
    case("error-in-folded-block-expression",
         [("condition: relations > 60", "condition: >-\n      relations > 60\n      and trust > 3")],
         "unknown name 'trust'", ("and trust > 3", "trust")),
    case("error-on-second-line-of-plain-expression",
         [("condition: relations > 60", "condition: relations > 60 and\n      trust > 3")],
         "unknown name 'trust'", ("      trust > 3", "trust")),
    case("set-effect-with-duration", [('["relations += 5"]', '[{change: "relations = 3", duration: 2}]')],
         "an '=' effect cannot be spread over 2 turns", ("duration: 2", "2}")),
    # --- event, indicator, role and ending rules
    case("choices-without-role", [("    role: beta\n", "")], "an event with choices needs a 'role'",
         ("    choices:", "choices")),
    case("window-reversed", [("    at_turn: 2\n", "    window: [4, 2]\n")], "window [4, 2] ends before it starts",
         ("window: [4, 2]", "[")),
    case("initial-out-of-range", [("initial: 50", "initial: 150")], "initial value 150 is outside the range 0..100",
         ("initial: 150", "150")),
    case("max-not-above-min", [("    initial: 20\n", "    initial: 20\n    min: 10\n    max: 10\n")],
         "max (10) must be greater than min (10)", ("max: 10", "10")),
    case("capital-max-below-capital", [("    capital: 3\n", "    capital: 3\n    capital_max: 2\n")],
         "capital_max (2) must be at least capital (3)", ("capital_max: 2", "2")),
    case("last-ending-has-condition", [("text: It went fine.", "text: It went fine.\n    condition: trade > 1")],
         "the last ending with early: false ('fine') must have no condition", ("condition: trade > 1", "trade")),
    case("ending-without-condition-hides-the-rest", [("    condition: relations > 60\n", "")],
         "ending 'good' has no condition, so the endings after it can never be reached", ("- id: good", "good")),
    case("early-ending-without-condition", [("    condition: relations < 5\n", "")],
         "an early ending needs a condition", ("early: true", "true")),
    case("no-final-ending", [("text: It went fine.", "text: It went fine.\n    condition: trade > 1\n    early: true"),
                             ("text: It went well.", "text: It went well.\n    early: true")],
         "at least one ending must have early: false", ("endings:", "endings")),
    # --- negotiation
    case("unknown-item-giver", negotiating(("giver: beta", "giver: betta")), "unknown role 'betta'",
         ("giver: betta", "betta"), hint="did you mean 'beta'?"),
    case("unknown-role-in-item-value", negotiating(("{alpha: 5, beta: -2}", "{alpha: 5, bta: -2}")),
         "unknown role 'bta'", ("value: {", "bta"), hint="did you mean 'beta'?"),
    case("unknown-break-event", negotiating(("break_event: summit", "break_event: sumit")), "unknown event 'sumit'",
         ("break_event: sumit", "sumit"), hint="did you mean 'summit'?"),
    case("duplicate-item-id", negotiating(("- id: visit", "- id: open_market  # again")),
         "duplicate item id 'open_market' (first defined on line 80)", ("open_market  # again", "open_market")),
    case("missing-item-giver", negotiating(("      giver: alpha\n", "")), "missing required key 'giver'",
         ("- id: visit", "id")),
    case("unknown-key-in-item", negotiating(("value: {", "valu: {")), "unknown key 'valu'", ("valu: {", "valu"),
         hint="did you mean 'value'?"),
    case("item-turns-out-of-range", negotiating(("turns: 2", "turns: 13")), "'turns' must be at most 12, not 13",
         ("turns: 13", "13")),
    case("trust-out-of-range", negotiating(("{initial: 40,", "{initial: 140,")),
         "'initial' must be at most 100, not 140", ("trust: {", "140")),
    case("unknown-indicator-in-item-effect", negotiating(("[trade += 6]", "[trde += 6]")),
         "unknown indicator 'trde'", ("[trde += 6]", "trde"), hint="did you mean 'trade'?"),
    case("misspelt-trust-in-item-condition", negotiating(("trust_alpha_beta >= 20", "trust_alpha_bta >= 20")),
         "unknown name 'trust_alpha_bta'", ("trust_alpha_bta", "trust_alpha_bta"),
         hint="did you mean 'trust_alpha_beta'?"),
    case("unknown-indicator-in-break-effects", negotiating(("[relations -= 6]", "[relation -= 6]")),
         "unknown indicator 'relation'", ("[relation -= 6]", "relation"), hint="did you mean 'relations'?"),
    case("unknown-source-in-item", negotiating(("      turns: 2\n", "      turns: 2\n      sources: [papr]\n")),
         "unknown source 'papr'", ("sources: [papr]", "papr"), hint="did you mean 'paper'?"),
    case("trust-name-without-negotiation", [("condition: relations < 30", "condition: trust_alpha_beta < 30")],
         "unknown name 'trust_alpha_beta'", ("trust_alpha_beta < 30", "trust_alpha_beta")),
    case("effect-cannot-change-trust", negotiating(("effects: [trade -= 1]", "effects: [trust_alpha_beta -= 1]")),
         "'trust_alpha_beta' cannot be changed by an effect", ("[trust_alpha_beta", "trust_alpha_beta"),
         hint="only indicators can be changed"),
    case("indicator-named-like-trust",
         negotiating(("indicators:\n",
                      "indicators:\n  - {id: trust_alpha_beta, label: T, description: T, initial: 1}\n")),
         "'trust_alpha_beta' is the name of the trust between 'alpha' and 'beta'", ("{id: trust", "trust_alpha_beta")),
    case("unknown-trust-indicator", negotiating(("{initial: 40, kept: 4}", "{indicator: relation, kept: 4}"),
                                                ("trust_alpha_beta >= 20", "relations >= 20")),
         "unknown indicator 'relation'", ("trust: {", "relation"), hint="did you mean 'relations'?"),
    case("trust-indicator-and-initial", negotiating(("{initial: 40, kept: 4}", "{indicator: relations, initial: 40}"),
                                                    ("trust_alpha_beta >= 20", "relations >= 20")),
         "trust starts at the initial value of the indicator 'relations'", ("trust: {", "initial"),
         hint="remove `initial` here, or set it on the indicator"),
    case("trust-indicator-hides-pair-names", negotiating(("{initial: 40, kept: 4}", "{indicator: relations}")),
         "unknown name 'trust_alpha_beta'", ("trust_alpha_beta >= 20", "trust_alpha_beta")),
    case("trust-indicator-needs-two-roles",
         negotiating(("roles:\n", "roles:\n  - {id: gamma, name: G, brief: G., objectives: G., score: trade, "
                                   "capital: 1}\n"),
                     ("{initial: 40, kept: 4}", "{indicator: relations}"), ("trust_alpha_beta >= 20", "trade > 1")),
         "one trust indicator needs exactly 2 roles, and this scenario has 3", ("trust: {", "relations"),
         hint="remove `indicator`: each pair of roles then has its own trust, trust_<a>_<b>"),
    case("negotiation-needs-two-roles",
         negotiating(("  - id: beta\n    name: Beta\n    brief: Side B.\n    objectives: Trade more.\n"
                      "    score: trade\n    capital: 3\n", ""),
                     ("    role: beta\n", "    role: alpha\n"), ("giver: beta", "giver: alpha"),
                     ("{alpha: 5, beta: -2}", "{alpha: 5}")),
         "negotiation needs at least 2 roles", ("negotiation:", "negotiation"), count=2),
]  # fmt: skip


@pytest.mark.parametrize("trap", CATALOGUE)
def test_trap_is_reported_at_its_place(trap: Trap) -> None:
    text = edit(BASE, *trap.edits)
    found = problems_of(text)
    line, col = place(text, *trap.at)
    matching = [p for p in found if trap.message in p.message]
    assert matching, f"no problem says {trap.message!r}; got:\n" + "\n".join(p.format() for p in found)
    problem = matching[0]
    assert (problem.path, problem.line) == ("test.yaml", line), problem.format()
    if col is not None:
        assert problem.col == col, problem.format()
    assert trap.hint in problem.hint, problem.format()
    assert len(found) == trap.count, "\n".join(p.format() for p in found)


def test_every_problem_is_reported_in_one_run() -> None:
    text = edit(
        BASE,
        ("title: Tiny", "title: true"),  # structure
        ("turns: 5", "turns: 4"),  # still valid
        ("    role: alpha", "    role: alfa"),  # cross-reference
        ("condition: relations < 30", "condition: relations ** 2"),  # expression
        ("sources:\n", "sources:\n  - {id: paper, title: Again}\n"),  # duplicate
        ("initial: 50", "initial: 150"),  # range rule
    )
    found = problems_of(text)
    assert len(found) == 5, "\n".join(p.format() for p in found)
    assert [p.line for p in found] == sorted(p.line for p in found)


def test_valid_items_are_cross_checked_even_when_others_are_broken() -> None:
    text = edit(BASE, ("capital: 3", "capital: three"), ("    role: alpha", "    role: alfa"))
    messages = [p.message for p in problems_of(text)]
    assert any("'capital' must be a whole number" in m for m in messages)
    assert any("unknown role 'alfa'" in m for m in messages)


def test_unknown_indicator_is_not_reported_twice_when_its_declaration_is_broken() -> None:
    text = edit(BASE, ("initial: 20", "initial: lots"))
    found = problems_of(text)
    assert [p.message for p in found] == ["'initial' must be a number, not the text 'lots'"]


def test_yaml_syntax_errors_come_from_the_safe_loader_with_a_position() -> None:
    found = problems_of(edit(BASE, ("    cost: 1\n", "    cost: 1\n   bad indent: 2\n")))
    assert len(found) == 1 and found[0].line > 0 and "YAML" in found[0].message


def test_file_problems_format_as_compiler_lines() -> None:
    found = problems_of(edit(BASE, ("family: talk", "family: tlak")))
    line, col = place(edit(BASE, ("family: talk", "family: tlak")), "family: tlak", "tlak")
    assert found[0].format() == f"test.yaml:{line}:{col}: error: unknown family 'tlak' (did you mean 'talk'?)"


# --------------------------------------------------------------------------- the built Scenario


def test_valid_file_builds_the_engine_scenario() -> None:
    scenario = load_scenario_text(BASE.encode(), "tiny.yaml")
    assert isinstance(scenario, Scenario)
    assert scenario.title == {"en": "Tiny"}
    assert scenario.fingerprint == hashlib.sha256(BASE.encode()).hexdigest()
    assert [i.id for i in scenario.indicators] == ["relations", "trade"]
    assert scenario.indicator("relations").sources == ("paper",)
    assert scenario.role("alpha").capital_max == 3  # defaults to capital
    summit = scenario.event("summit")
    assert (summit.at_turn, summit.first_turn, summit.last_turn) == (2, 1, None)
    assert [c.id for c in summit.choices] == ["attend", "skip"]
    effect = scenario.action("meet").effects[0]
    assert (effect.indicator, effect.op, effect.value.source, effect.delay, effect.duration) == (
        "relations",
        Op.ADD,
        "5",
        0,
        1,
    )
    assert scenario.ending("fine").condition is None and scenario.ending("collapse").early


def test_plain_texts_take_the_file_language_and_mappings_are_kept() -> None:
    text = edit(BASE, ("turns: 5", "turns: 5\nlanguage: km"), ("title: Tiny", "title: {en: Tiny, fr: Petit}"))
    scenario = load_scenario_text(text, "tiny.yaml")
    assert scenario.description == {"km": "A tiny scenario."}
    assert scenario.title == {"en": "Tiny", "fr": "Petit"}


def test_window_effect_mapping_and_number_expressions_are_mapped() -> None:
    text = edit(
        BASE,
        ("    at_turn: 2\n", "    window: [2, 4]\n"),
        ('["relations += 5"]', '[{change: "relations += 6", delay: 1, duration: 3}]'),
        ("score: trade", "score: 7"),
        ("    capital: 3\n", "    capital: 3\n    capital_max: 6\n    color: '#3366aa'\n"),
    )
    scenario = load_scenario_text(text, "tiny.yaml")
    summit = scenario.event("summit")
    assert (summit.first_turn, summit.last_turn, summit.at_turn) == (2, 4, None)
    effect = scenario.action("meet").effects[0]
    assert (effect.op, effect.delay, effect.duration) == (Op.ADD, 1, 3)
    assert scenario.role("beta").score.source == "7"
    assert scenario.role("beta").score.evaluate({"__builtins__": {}}, {}) == 7
    assert (scenario.role("alpha").capital_max, scenario.role("alpha").color) == (6, "#3366aa")


def test_negotiation_section_is_mapped_to_engine_values() -> None:
    scenario = load_scenario_text(edit(BASE, *negotiating()), "test.yaml")
    negotiation = scenario.negotiation
    assert negotiation is not None
    assert (negotiation.trust_initial, negotiation.trust_kept, negotiation.trust_broken) == (40, 4, 15)
    assert (negotiation.break_event, negotiation.threshold) == ("summit", 0)
    assert [(e.indicator, e.op) for e in negotiation.break_effects] == [("relations", Op.SUB)]
    market = negotiation.item("open_market")
    assert (market.giver, market.turns, dict(market.value)) == ("beta", 2, {"alpha": 5, "beta": -2})
    assert market.condition is not None and market.condition.source == "trust_alpha_beta >= 20"
    assert market.label == {"en": "Open the market"}
    assert negotiation.item("visit").turns == 1 and negotiation.item("visit").value == {}
    assert scenario.trust_names() == {"trust_alpha_beta": ("alpha", "beta")}


def test_scenario_without_negotiation_has_none() -> None:
    scenario = load_scenario_text(BASE, "test.yaml")
    assert scenario.negotiation is None and scenario.trust_names() == {}


def test_load_scenario_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert load_scenario(path).fingerprint == hashlib.sha256(BASE.encode()).hexdigest()


@pytest.mark.parametrize("name", ["missing.yaml", "."], ids=["missing-file", "directory"])
def test_unreadable_paths_are_scenario_errors(tmp_path: Path, name: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / name)
    assert caught.value.problems[0].line == 0


def test_find_scenarios_lists_yaml_files_sorted(tmp_path: Path) -> None:
    for name in ("b.yml", "a.yaml", ".hidden.yaml", "notes.txt"):
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "dir.yaml").mkdir()
    assert [p.name for p in find_scenarios(tmp_path)] == ["a.yaml", "b.yml"]
    assert find_scenarios(tmp_path / "nowhere") == []


def test_shipped_scenarios_load() -> None:
    paths = find_scenarios(SCENARIOS)
    assert paths
    for path in paths:
        assert load_scenario(path).id


# --------------------------------------------------------------------------- docs and schema


def test_worked_example_in_the_guide_loads() -> None:
    guide = (SCENARIOS / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## A worked example.*?```yaml\n(.*?)```", guide, re.S)
    assert found is not None
    scenario = load_scenario_text(found.group(1), "README.md")
    assert scenario.id == "river_dispute"


def test_reference_and_schema_files_are_up_to_date() -> None:
    readme = (SCENARIOS / "README.md").read_text(encoding="utf-8")
    assert readme == docs.with_reference(readme), "run: python -m game.content.docs"
    assert (SCENARIOS / "scenario.schema.json").read_text(encoding="utf-8") == docs.schema_text()


def test_reference_documents_every_key() -> None:
    reference = docs.reference_markdown()
    for key in ("indicators", "capital_max", "at_turn", "window", "duration", "early", "quiet_weight", "giver",
                "break_event", "kept"):  # fmt: skip
        assert f"| `{key}` |" in reference


def test_json_schema_describes_the_format() -> None:
    schema = json_schema()
    json.dumps(schema)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"indicators", "roles", "actions", "endings"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Indicator"]["additionalProperties"] is False
    assert "initial" in schema["$defs"]["Indicator"]["required"]


# --------------------------------------------------------------------------- robustness

_YAML_CHARS = st.sampled_from([*":-[]{}#'\"\n &*!|>%@`,?~.0123456789eEtruflsn\t\\", "\x00", "é", "\u2028"])


@st.composite
def text_mutations(draw: st.DrawFn) -> str:
    """BASE with a few random character-level edits: deletions, insertions, line swaps and duplications."""
    text = BASE
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "swap", "duplicate"]))
        at = draw(st.integers(0, len(text)))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif kind == "insert":
            text = text[:at] + "".join(draw(st.lists(_YAML_CHARS, min_size=1, max_size=6))) + text[at:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if kind == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            text = "\n".join(lines)
    return text


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _paths(node: object, at: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*at, index))
    return found


@st.composite
def data_mutations(draw: st.DrawFn) -> str:
    """BASE's data with a few values replaced by random YAML values, dumped back to YAML."""
    data = yaml.safe_load(BASE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = draw(_VALUES)
    return yaml.safe_dump(data, allow_unicode=True)


def _load_never_crashes(text: str) -> None:
    try:
        load_scenario_text(text, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems
        assert not any("internal error" in p.message for p in exc.problems), str(exc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_mutations())
def test_random_text_mutations_only_raise_scenario_errors(text: str) -> None:
    _load_never_crashes(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_mutations())
def test_random_value_mutations_only_raise_scenario_errors(text: str) -> None:
    _load_never_crashes(text)
