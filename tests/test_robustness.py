"""Nothing a valid scenario or a damaged save can do crashes the game: the regression tests of each case found by
trying, and properties over generated input."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import effect, item, negotiation, scenario
from game.ai.negotiator import answer_proposals, negotiate_turn
from game.content.expr import compile_effect, compile_expr
from game.content.loader import load_scenario_text
from game.engine import Effect, Game, Propose, Respond, Scenario
from game.table import Match

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
