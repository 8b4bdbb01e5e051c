"""Nothing a valid scenario or a damaged save can do crashes the game: the regression tests of each case found by
trying, and properties over generated input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from uikit import key

from builders import effect, item, negotiation, scenario
from game.ai.negotiator import answer_proposals, negotiate_turn
from game.content.expr import compile_effect, compile_expr
from game.content.loader import load_scenario_text
from game.engine import Effect, Game, Propose, Respond, Scenario
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match, save_match
from game.saves import SaveError, autosave_path, saves_dir
from game.table import PERSON, DecisionKind, Done, Match
from game.ui import flow
from game.ui.app import App
from game.ui.screens.title import TitleScreen

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("x", "y", "turn")

#: Whitespace between tokens: spaces, and the line breaks and tabs of a YAML block.
gap = st.sampled_from(["", " ", "\n", "\n  ", "\t", " \r\n "])


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    """A valid expression of the scenario language, with random whitespace (line breaks included) between its
    tokens."""
    leaf = depth >= 3 or draw(st.booleans())
    if leaf:
        if draw(st.booleans()):
            return draw(st.sampled_from(NAMES))
        number = draw(st.one_of(st.integers(0, 200), st.floats(0, 1e3, allow_nan=False, allow_infinity=False)))
        return repr(number)
    kind = draw(st.sampled_from(["binary", "compare", "logic", "unary", "call", "paren"]))
    a, b = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    s1, s2 = draw(gap), draw(gap)
    if kind == "binary":
        return f"{a}{s1}{draw(st.sampled_from(['+', '-', '*', '/', '%']))}{s2}{b}"
    if kind == "compare":
        return f"{a}{s1} {draw(st.sampled_from(['<', '<=', '>', '>=', '==', '!=']))}{s2}{b}"
    if kind == "logic":
        return f"{a}{s1} {draw(st.sampled_from(['and', 'or']))} {s2}{b}"
    if kind == "unary":
        return f"({draw(st.sampled_from(['-', 'not ']))}{s1}({a}))"
    if kind == "call":
        name = draw(st.sampled_from(["min", "max", "abs", "clamp"]))
        args = {"abs": [a], "clamp": [a, b, draw(expressions(depth + 1))]}.get(name, [a, b])
        return f"{name}({s1}{f',{s2}'.join(args)}{s2})"
    return f"({s1}{a}{s2})"


@settings(max_examples=150, deadline=None)
@given(expressions(), expressions())
def test_any_valid_expression_runs_the_same_in_the_generated_code_and_the_interpreter(value: str, when: str) -> None:
    condition = compile_expr(when, NAMES)  # what validate accepts, as the loader compiles it

    def checked_effect(text: str, delay: int = 0) -> Effect:
        target, op, amount = compile_effect(text, NAMES, ("x", "y"))
        return Effect(target, op, amount, delay, 1)

    sc = scenario(
        indicators={"x": 37.5, "y": 4.0},
        actions=[
            {
                "id": "act",
                "condition": condition,
                "effects": [checked_effect(f"x += {value}"), checked_effect(f"y = {value}", 1)],
            }
        ],
        dynamics=[{"id": "flow", "condition": condition, "effects": [checked_effect(f"y -=\n{value}")]}],
        quiet_weight=0.0,
    )
    results = []
    for compiled in (True, False):
        game = Game.new(sc, 1, compiled=compiled)
        if not game.why_not("a", "act"):
            game.commit("a", "act")
        game.resolve_turn()
        game.resolve_turn()
        results.append(game.to_dict())
    assert results[0] == results[1]


def test_a_condition_over_two_lines_of_a_yaml_block_passes_validate_and_runs() -> None:
    text = (ROOT / "tests" / "fixtures" / "tiny.yaml").read_text(encoding="utf-8")
    assert "    condition: x > 20\n" in text
    text = text.replace("    condition: x > 20\n", "    condition: |\n      x >\n      20\n")
    text = text.replace("      - x -= 5\n", "      - |\n        x -=\n          5\n", 1)
    sc = load_scenario_text(text, "tiny.yaml")
    for compiled in (True, False):
        game = Game.new(sc, 1, compiled=compiled)
        assert not game.why_not("beta", "beta_undercut")
        game.commit("beta", "beta_undercut")
        game.resolve_turn()
        assert game.value("x") == 45.0


# --------------------------------------------------------------------- negotiation among three or more
def three_sides_wanting_one_item() -> Scenario:
    """Three roles; ``a`` is glad to give ``gift`` (worth 5 points to it), so it accepts anyone who asks for it."""
    table = negotiation(item("gift", "a", [effect("x += 2")], turns=2, value={"a": 5.0, "b": 4.0, "c": 4.0}))
    return scenario(roles=("a", "b", "c"), negotiation=table, quiet_weight=0.0)


def test_a_computer_never_accepts_two_proposals_that_share_an_item() -> None:
    game = Game.new(three_sides_wanting_one_item(), 1)
    game.apply(Propose("b", "a", (), ("gift",)))
    game.apply(Propose("c", "a", (), ("gift",)))
    answers = answer_proposals(game, "a")
    assert [type(a).__name__ for a in answers] == ["Respond", "Respond"]
    assert all(isinstance(a, Respond) and a.accept for a in answers)  # each alone is acceptable

    applied = negotiate_turn(game, {"a": None}, rounds=1)
    accepted = [c for c in applied if isinstance(c, Respond) and c.accept]
    assert len(accepted) == 1 and len(game.state.agreements) == 1
    refused = [c for c in applied if isinstance(c, Respond) and not c.accept]
    assert len(refused) == 1  # the second is refused: its item is already agreed
    assert not game.open_proposals("a")


def test_a_match_with_three_computer_sides_and_a_shared_item_plays_to_the_end() -> None:
    sc = three_sides_wanting_one_item()
    for seed in range(5):
        match = Match.start(sc, {}, seed)
        match.play()
        assert match.is_over()
        rebuilt = Match.from_dict(sc, "", match.to_dict())
        assert rebuilt.game.to_dict() == match.game.to_dict()


# --------------------------------------------------------------------- saves checked before use
def saved_game(scenario: Scenario, path: Path, *, turns: int = 2) -> Match:
    """A one-person match of the default scenario played ``turns`` turns by computers, saved at ``path``."""
    match = Match.start(scenario, {"us": PERSON}, 9, scenario_path=str(DEFAULT_SCENARIO))
    for _ in range(40):
        decision = match.decision()
        if decision is None or match.game.turn > turns:
            break
        command = decision.options[0] if decision.kind is not DecisionKind.ACT else Done(decision.role)
        match.apply(decision.role, command)
    save_match(match, path, "A lesson")
    return match


def damage(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Edit the game state inside a save file (still valid JSON, still a save)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document["session"]["game"])
    path.write_text(json.dumps(document), encoding="utf-8")


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda game: game.__setitem__(key, value)


DAMAGE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "unknown indicator": (lambda g: g["values"].__setitem__("morale", 50.0), "indicator 'morale'"),
    "missing indicator": (lambda g: g["values"].pop("trade_access"), "no value for 'trade_access'"),
    "value out of range": (lambda g: g["values"].__setitem__("trade_access", 400.0), "outside its range"),
    "unknown action": (lambda g: g["committed"].__setitem__("us", ["launch_rockets"]), "action 'launch_rockets'"),
    "another role's action": (lambda g: g["committed"].__setitem__("us", ["kh_labour_enforcement"]), "another role"),
    "unknown event": (lambda g: g.__setitem__("pending", [["alien_landing", "us"]]), "event 'alien_landing'"),
    "unknown role": (lambda g: g["capital"].__setitem__("france", 3), "role 'france'"),
    "too much capital": (lambda g: g["capital"].__setitem__("us", 900), "more than it can hold"),
    "phase without pending": (lambda g: (g.__setitem__("phase", "news"), g.__setitem__("pending", [])), "names none"),
    "over without ending": (_set("phase", "over"), "over without an ending"),
    "turn beyond the game": (_set("turn", 40), "turn 40"),
    "unknown item": (
        lambda g: g.__setitem__("proposals", [["p1", 1, "us", "cambodia", ["moon"], [], "open", None]]),
        "negotiation item 'moon'",
    ),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_save_that_does_not_fit_its_scenario_is_refused_with_what_is_wrong(scenario: Scenario, kind: str) -> None:
    folder = saves_dir()
    good = saved_game(scenario, folder / "good.json")
    bad_path = folder / "bad.json"
    saved_game(scenario, bad_path)
    change, words = DAMAGE[kind]
    damage(bad_path, change)
    with pytest.raises(SaveError) as refused:
        load_match(bad_path)
    assert words in str(refused.value)
    assert load_match(folder / "good.json").game.to_dict() == good.game.to_dict()  # the others still load


def test_continue_with_an_autosave_that_does_not_fit_says_why_and_stays_on_the_title(
    scenario: Scenario, make_app: Callable[..., App]
) -> None:
    saved_game(scenario, autosave_path())
    damage(autosave_path(), lambda g: g["values"].__setitem__("morale", 50.0))
    app = make_app()
    flow.show_title(app)
    for _ in range(2):  # and again: nothing crashes, the file stays where it is
        key(app, pygame.K_c)
        assert isinstance(app.top, TitleScreen) and app.match is None
        assert "indicator 'morale'" in app.message and "Choose another save" in app.message
        assert autosave_path().exists()


def test_an_unreadable_autosave_is_not_called_no_saved_game(make_app: Callable[..., App]) -> None:
    autosave_path().parent.mkdir(parents=True, exist_ok=True)
    autosave_path().write_text('{"kind": "common-ground-save", "format": 1', encoding="utf-8")
    app = make_app()
    flow.show_title(app)
    title = app.top
    assert isinstance(title, TitleScreen)
    text = " ".join(title.continue_text)
    assert "No saved game yet" not in text and "Your last game cannot be continued" in text


def test_the_title_explains_a_saves_folder_that_cannot_be_made(home: Path, make_app: Callable[..., App]) -> None:
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the game's folder should be", encoding="utf-8")
    app = make_app()
    flow.show_title(app)
    title = app.top
    assert isinstance(title, TitleScreen)
    assert "cannot be created" in " ".join(title.continue_text)
