"""Negotiation in the terminal front end, driven through ``run`` with scripted input on io.StringIO."""

from __future__ import annotations

import io

import pytest
from test_text import small

from builders import effect, item, negotiation, scenario
from game.ai.policies import GreedyPolicy
from game.engine import Propose, Scenario
from game.text import run


def table(threshold: float = 1.0) -> Scenario:
    """Roles a and b (both score x); a gives visit and aid (2 turns), b gives market (2 turns) and release.

    Worth to b: visit +3, aid +4, market -2, release -9; to a: visit -1, aid -2, market +4, release +3.
    """
    items = negotiation(
        item("visit", "a", [effect("y += 2")], value={"a": -1, "b": 3}),
        item("aid", "a", [effect("y += 4")], turns=2, value={"a": -2, "b": 4}),
        item("market", "b", [effect("y += 3")], turns=2, value={"a": 4, "b": -2}),
        item("release", "b", [effect("y += 1")], value={"a": 3, "b": -9}),
        threshold=threshold,
        break_effects=[effect("x -= 6")],
    )
    actions = [{"id": "talk", "effects": [effect("x += 1")]}]
    return scenario(turns=3, events_per_turn=0, actions=actions, negotiation=items)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """The computer makes no proposals of its own (it still answers the player's)."""
    monkeypatch.setattr(GreedyPolicy, "propose", lambda self, game, role: [])


def play(lines: list[str], sc: Scenario | None = None) -> tuple[int, str]:
    """Play ``sc`` (default: :func:`table`) as a with these input lines; returns exit status and transcript."""
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    code = run(sc if sc is not None else table(), role="a", seed=1, stdin=stdin, stdout=out)
    return code, out.getvalue()


def after(transcript: str, marker: str) -> str:
    """The transcript from the first occurrence of ``marker``."""
    return transcript[transcript.index(marker) :]


@pytest.mark.usefixtures("quiet")
def test_a_proposal_is_built_with_its_breakdown_sent_and_accepted_and_listed_in_agreements() -> None:
    code, out = play(["n", "2", "3", "s", "a", "b", "e"])
    assert code == 0 and "Traceback" not in out
    assert "  1. [ ] visit (1 turn): y +2" in out
    assert "  2. [ ] aid (over 2 turns): y +4" in out
    built = after(out, "Added: market.")
    assert "How b weighs it:\n  aid (they give): +4.0\n  market (we give): -2.0\n  Trust in a: +0.0\n" in built
    assert "  Total 2.0 against a threshold of 1.0: would accept." in built
    answer = after(out, "Sent to b: your proposal of Jan 2023 (aid for market).")
    assert "b accepted.\nAgreement 1 with b, made in turn 1 (Jan 2023): being implemented." in answer
    assert "    Turn 2 (Apr 2023): aid (2 of 2); market (2 of 2)" in answer
    listing = after(answer, "agreements, e end, h help, q quit): a")
    assert "  - aid, given by you: pending." in listing
    assert "Trust between you and b: 50 (of 100)." in listing
    review = after(out, "--- Review of turn 1")
    assert "  You proposed a deal to b: gives aid; asks market.\n" in review
    assert "  b accepted your proposal of Jan 2023 (aid for market)." in " ".join(review.split("\n    "))
    assert "  Agreement 1 made: aid (by you); market (by b)." in review


@pytest.mark.usefixtures("quiet")
def test_the_breakdown_updates_at_every_step_and_says_would_refuse() -> None:
    _, out = play(["n", "4", "4", "q", "y"])
    first = after(out, "Added: release.")
    assert "  release (we give): -9.0\n" in first and "Total -9.0 against a threshold of 1.0: would refuse." in first
    assert "Removed: release.\nChoose at least one item to see how it would be received." in out


@pytest.mark.usefixtures("quiet")
def test_a_proposal_nothing_can_satisfy_is_refused() -> None:
    code, out = play(["n", "1", "s", "e", "q", "y"], table(threshold=50))
    assert code == 0
    assert "Sent to b: your proposal of Jan 2023 (visit).\nb refused.\n" in out
    assert "  b refused your proposal of Jan 2023 (visit)." in after(out, "--- Review of turn 1")


@pytest.mark.usefixtures("quiet")
def test_a_counter_proposal_can_be_accepted_refused_or_edited() -> None:
    _, out = play(["n", "4", "s", "1", "a", "q", "y"])
    countered = after(out, "b refused, and answers with a counter-proposal.")
    assert (
        "b proposes, in answer to your proposal of Jan 2023 (asking release):\n  b gives you: nothing.\n"
        "  b asks of you: aid." in countered
    )
    assert "How it weighs for you (your objectives):\n  aid (we give): -2.0\n" in countered
    assert "You accepted.\nAgreement 1 with b" in countered
    assert "  - aid, given by you: pending." in after(countered, "agreements, e end, h help, q quit): a")

    _, out = play(["n", "4", "s", "2", "e", "q", "y"])
    assert "Your answer (1-3, q to quit): 2\nYou refused." in out
    assert "  You refused b's proposal of Jan 2023 (asking aid)." in after(out, "--- Review of turn 1")

    # Edit: the counter opens in the builder (aid chosen); add market and send it back.
    _, out = play(["n", "4", "s", "3", "3", "s", "q", "y"])
    edited = after(out, "Your answer (1-3, q to quit): 3")
    assert "  2. [x] aid (over 2 turns)" in edited
    assert "Sent to b: your proposal of Jan 2023 (aid for market).\nb accepted." in edited


@pytest.mark.usefixtures("quiet")
def test_breaking_asks_for_confirmation_states_the_cost_and_then_costs_trust() -> None:
    code, out = play(["n", "2", "3", "s", "a", "1", "n", "a", "1", "x", "y", "e", "q", "y"])
    assert code == 0
    cost = after(out, "Agreement to break (1-1, b back, q quit): 1")
    assert "Breaking agreement 1 cancels what you still owe: aid." in cost
    assert "It was made this turn and has not started, so b's part is void too: market." in cost
    assert "Trust between you and b falls by 15: 50 -> 35." in cost
    assert "Relations cost, at once: x -6." in cost
    kept, broken = cost.split("Break agreement 1? (y yes, n no, q quit): n\nKept.", 1)
    assert "Trust between you and b: 50 (of 100)." not in kept.split("Agreement to break")[-1]
    assert "Please type y to break the agreement or n to keep it." in broken
    assert "You broke agreement 1.\nTrust between you and b: 35 (of 100)." in broken
    review = after(out, "--- Review of turn 1")
    assert "  You broke agreement 1." in review
    assert "  Trust between a and b: 50 -> 35 (down 15, no effect on your score)" in review
    assert "    -6: a broke agreement 1 (break)" in review


def test_the_computer_proposes_at_the_start_of_the_actions_phase_with_the_players_breakdown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offers = iter([Propose("b", "a", ("market",), ("visit",))])
    monkeypatch.setattr(GreedyPolicy, "propose", lambda self, game, role: [o for o in [next(offers, None)] if o])
    code, out = play(["1", "e", "e", "q", "y"])
    assert code == 0
    first = after(out, "=== Turn 1 of 3")
    assert first.index("b proposes:") < first.index("Your actions this turn")
    assert "  b gives you: market.\n  b asks of you: visit." in first
    assert "How it weighs for you (your objectives):\n  market (they give): +4.0\n  visit (we give): -1.0\n" in first
    assert "You accepted.\nAgreement 1 with b" in first
    assert "  b proposed a deal to you: gives market; asks visit." in after(out, "--- Review of turn 1")
    assert "  Implemented: visit, by you (agreement 1)." in after(out, "--- Review of turn 1")
    assert out.count("b proposes:") == 1  # at most one per turn, none when it has nothing to offer


def test_the_computer_negotiator_makes_real_proposals_too() -> None:
    code, out = play(["2", "e", "2", "e", "2", "e"])
    assert code == 0 and "Traceback" not in out
    assert "b proposes:" in out and "You refused." in out


@pytest.mark.usefixtures("quiet")
@pytest.mark.parametrize(
    "lines",
    [
        ["n"],
        ["n", "2"],
        ["n", "4", "s"],
        ["n", "4", "s", "3"],
        ["n", "2", "3", "s", "a"],
        ["n", "2", "3", "s", "a", "1"],
    ],
)
def test_end_of_input_inside_the_negotiation_menus_exits_cleanly(lines: list[str]) -> None:
    code, out = play(lines)
    assert code == 0
    assert out.endswith("Goodbye.\n") and "Traceback" not in out


@pytest.mark.usefixtures("quiet")
def test_invalid_answers_re_prompt_and_lines_fit_80_columns() -> None:
    code, out = play(["n", "9", "x", "l", "b", "a", "e", "q", "y"])
    assert code == 0
    assert "Please type an item number from 1 to 4 to add or remove it" in out
    assert "Nothing sent." in out and "No agreements yet. Type n to negotiate one." in out
    assert max(len(line) for line in out.splitlines() if "): " not in line) <= 80
    assert max(len(line.split("): ")[0]) for line in out.splitlines()) < 80


@pytest.mark.usefixtures("quiet")
def test_the_same_input_gives_the_same_transcript() -> None:
    lines = ["n", "2", "3", "s", "e", "a", "1", "y", "e", "e"]
    assert play(lines) == play(lines)


def test_a_scenario_without_negotiation_shows_no_negotiation_option() -> None:
    out = io.StringIO()
    run(small(), role="a", seed=1, stdin=io.StringIO("1\nn\na\ne\nq\ny\n"), stdout=out)
    text = out.getvalue()
    assert "n negotiate" not in text and "agreements" not in text
    assert text.count("Please type an action number from 1 to 3") == 2


@pytest.mark.usefixtures("quiet")
def test_help_and_the_prompt_name_the_negotiation_keys() -> None:
    _, out = play(["h", "q", "y"])
    assert "Action (1-1, d N, n negotiate, a agreements, e end, h help, q quit): " in out
    assert " n opens the negotiation table" in out.replace("\n", " ")


@pytest.mark.usefixtures("quiet")
def test_an_empty_proposal_is_refused_with_the_reason_in_the_active_language() -> None:
    from game.i18n import use_language

    _, out = play(["n", "s", "b", "q", "y"])
    assert "It cannot be sent: a proposal needs at least one item." in out
    with use_language("km"):
        _, out = play(["n", "s", "b", "q", "y"])
    assert "មិនអាចផ្ញើវាបានទេ៖ សំណើមួយត្រូវការយ៉ាងហោចណាស់ចំណុចមួយ។" in out
