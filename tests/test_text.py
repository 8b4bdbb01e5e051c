"""The terminal front end, driven through ``run`` with scripted input on io.StringIO."""

from __future__ import annotations

import dataclasses
import io
import random
from pathlib import Path
from typing import Any

import pytest

from builders import effect, scenario, t
from game.engine import Game, Scenario, Source
from game.present import points, score
from game.text import run
from game.text.play import parse_menu_answer
from game.text.views import forecast_text, num, signed

ROOT = Path(__file__).resolve().parent.parent


def small(**overrides: Any) -> Scenario:
    """Two roles a and b; a has an event to answer on turn 1, b on turn 2; no random events."""
    options: dict[str, Any] = {
        "turns": 3,
        "actions": [
            {"id": "talk", "effects": [effect("x += 4"), effect("y -= 2", delay=2)]},
            {"id": "deal", "condition": "y > 60", "effects": [effect("x += 9")]},
            {"id": "push", "family": "push", "cost": 2, "effects": [effect("x -= 3")]},
            {"id": "b_talk", "role": "b", "effects": [effect("x += 2")]},
        ],
        "events": [
            {
                "id": "crisis",
                "at_turn": 1,
                "role": "a",
                "choices": {"calm": [effect("x += 5")], "shout": [effect("y -= 5", delay=1)]},
            },
            {"id": "offer", "at_turn": 2, "role": "b", "choices": {"take": [effect("x += 1")], "refuse": []}},
        ],
        "dynamics": [{"id": "drift", "condition": "x > 55", "effects": [effect("y += 1")]}],
        "endings": [
            {"id": "rupture", "condition": "x < 10", "early": True},
            {"id": "good", "condition": "x > 60"},
            {"id": "meh"},
        ],
        "events_per_turn": 0,
    }
    options.update(overrides)
    return scenario(**options)


def play(lines: list[str], *, role: str | None = "a", seed: int = 1, sc: Scenario | None = None) -> tuple[int, str]:
    """Run a game with these input lines; returns the exit status and the transcript."""
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    code = run(sc if sc is not None else small(), role=role, seed=seed, stdin=stdin, stdout=out)
    return code, out.getvalue()


def section(transcript: str, start: str, end: str) -> str:
    """The part of a transcript from the line starting ``start`` up to the next line starting ``end``."""
    begin = transcript.index(start)
    stop = transcript.find(end, begin + len(start))
    return transcript[begin : stop if stop >= 0 else None]


# --------------------------------------------------------------------- whole games
def test_a_full_game_with_scripted_input_reaches_an_ending_and_prints_scores() -> None:
    code, out = play(["1", "1", "e", "e", "1", "e"])
    assert code == 0
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("Ending: ")] == ["Ending: good"]
    assert "Score - a: 70.0" in lines and "Score - b: 70.0" in lines
    assert "The game is over after all 3 turns." in lines
    assert "Traceback" not in out and lines[-1] == "Thanks for playing."


def test_the_start_shows_title_brief_objectives_date_and_sources() -> None:
    sc = dataclasses.replace(small(), sources=(Source("s1", "An article", "A paper"),))
    _, out = play([], sc=sc)
    for expected in (
        "Test",
        "A test scenario",
        "You play: a",
        "Brief: brief",
        "objectives",
        "Jan 2023",
        "Sources: An article (A paper)",
        "=== Turn 1 of 3, Jan 2023 ===",
    ):
        assert expected in out


def test_the_role_menu_lists_each_role_by_name_and_plays_the_chosen_one() -> None:
    code, out = play(["2"] + ["e", "1"] * 4, role=None)
    assert code == 0
    assert "  1. a\n  2. b\n" in out
    assert "You play: b" in out and "The computer plays: a (Standard)." in out
    assert "Decision needed: offer" in out  # b's event is now the human's to answer
    assert "Decision needed: crisis" not in out


def test_an_early_ending_says_that_the_game_ended_early() -> None:
    sc = small(
        turns=8,
        actions=[{"id": "break", "cost": 1, "effects": [effect("x -= 30")]}],
        events=[],
    )
    code, out = play(["1", "e"] * 8, sc=sc)
    assert code == 0
    assert "Ending: rupture" in out.splitlines()
    assert "The game ended early, after turn 2 of 8." in out


# --------------------------------------------------------------------- input handling
def test_invalid_input_reprompts_with_what_is_expected_and_the_game_goes_on() -> None:
    junk_role = ["", "0", "3", "abc", "1.5", "-1", "１"]
    junk_event = ["9", "calm", ""]
    junk_menu = ["banana", "99", "d 99", "d", "0", "", "e e"]
    code, out = play([*junk_role, "1", *junk_event, "1", *junk_menu, "e", "e", "e"], role=None)
    assert code == 0
    assert out.count("Please type a number from 1 to 2 to choose your side, or q to quit.") == len(junk_role)
    assert out.count("Please type a number from 1 to 2 to choose your answer, or q to quit.") == len(junk_event)
    assert out.count("Please type an action number from 1 to 3") == len(junk_menu)
    assert "Ending: " in out


@pytest.mark.parametrize("word", ["q", "quit", "Q", " QUIT "])
def test_a_quit_word_confirmed_with_y_ends_the_game_with_status_0(word: str) -> None:
    code, out = play(["1", word, "y", "e", "e", "e"])
    assert code == 0
    assert out.splitlines()[-2:] == ["Quit the game? Your game is saved either way. (y/n): y", "Goodbye."]
    assert "Review of turn 1" not in out and "Ending: " not in out


def test_quitting_works_at_the_role_prompt_too() -> None:
    code, out = play(["q", "y"], role=None)
    assert (code, out.splitlines()[-1]) == (0, "Goodbye.")


@pytest.mark.parametrize(
    ("lines", "role", "last_prompt"),
    [
        ([], None, "Your side (1-2, q to quit): "),
        ([], "a", "Your decision (1-2, q to quit): "),
        (["1"], "a", "Action (1-3, d N details, e end turn, h help, q quit): "),
        (["1", "1", "e", "2", "d 1"], "a", "Action (1-3, d N details, e end turn, h help, q quit): "),
    ],
    ids=["role-prompt", "event-choice", "action-menu", "later-turn"],
)
def test_end_of_input_at_any_prompt_ends_cleanly_with_status_0(
    lines: list[str], role: str | None, last_prompt: str
) -> None:
    code, out = play(lines, role=role)
    assert code == 0
    assert "Traceback" not in out
    assert out.endswith(f"{last_prompt}\nGoodbye.\n")


def test_an_unknown_role_is_refused_with_status_2() -> None:
    code, out = play([], role="nobody")
    assert code == 2
    assert "Unknown role 'nobody'; this scenario has: a, b." in out


def test_random_input_on_every_prompt_never_crashes() -> None:
    words = ["", "0", "1", "2", "3", "4", "e", "d 1", "d 3", "d 0", "l", "s", "h", "?", "x", "-2", "1e3", "\t", "e"]
    for seed in range(30):
        rng = random.Random(seed)
        lines = [rng.choice(words) for _ in range(200)]
        code, out = play(lines, role=None, seed=seed)
        assert code == 0
        assert out.endswith(("Thanks for playing.\n", "Goodbye.\n"))


def test_menu_answers_are_read_as_commands() -> None:
    assert parse_menu_answer("2", 3) == ("toggle", 1)
    assert parse_menu_answer("d 3", 3) == ("details", 2)
    assert parse_menu_answer("D3", 3) == ("details", 2)
    assert parse_menu_answer("? 1", 3) == ("details", 0)
    assert parse_menu_answer("END", 3) == ("end", -1)
    assert parse_menu_answer("4", 3) == ("invalid", -1)
    assert parse_menu_answer("d 4", 3) == ("invalid", -1)
    assert parse_menu_answer("٣", 3) == ("invalid", -1)


# --------------------------------------------------------------------- what the player sees
def test_event_choices_show_their_forecast_and_the_news_does_not_repeat_their_text() -> None:
    _, out = play([])
    assert "News:\n- crisis\n  You are asked to decide on this below.\n" in out
    choices = section(out, "Decision needed: crisis", "Your decision")
    assert "1. calm" in choices and "Forecast: x +5" in choices
    assert "2. shout" in choices and "Forecast: y -5 (in turn 2)" in choices


def test_the_menu_groups_actions_by_family_with_cost_forecast_and_why_unavailable() -> None:
    _, out = play(["1"])
    menu = section(out, "Your actions this turn", "Action (")
    assert menu.splitlines() == [
        "Your actions this turn (capital left: 3):",
        "Talk:",
        "  1. talk (cost 1): x +4, y -2 (in turn 3)",
        "  2. deal (cost 1), unavailable: condition not met: y > 60",
        "Push:",
        "  3. push (cost 2): x -3",
        "Committed: nothing yet.",
    ]


def test_details_show_description_forecast_now_and_later_and_status() -> None:
    _, out = play(["1", "d 1", "d 2"])
    talk = section(out, "Details of 1. talk (Talk)", "Action (")
    assert "Cost: 1 capital." in talk
    assert "Expected now: x +4" in talk and "Expected later: y -2 (in turn 3)" in talk
    assert "Status: available." in talk
    deal = section(out, "Details of 2. deal (Talk)", "Action (")
    assert "Status: unavailable, condition not met: y > 60." in deal


def test_commit_and_withdraw_toggle_and_move_capital() -> None:
    _, out = play(["1", "1", "3", "1", "2", "3", "l"])
    assert "Committed: talk. Capital left: 2." in out
    assert "Committed: push. Capital left: 0." in out
    assert "Withdrawn: talk. Capital left: 1." in out
    assert "Not available: deal: condition not met: y > 60. Type d 2 for details." in out
    assert "Withdrawn: push. Capital left: 3." in out
    assert out.rstrip().splitlines()[-3] == "Committed: nothing yet."


def test_choices_and_commits_show_up_in_the_review_s_full_list_with_their_causes() -> None:
    _, out = play(["1", "1", "e", "f"])
    review = section(out, "--- Review of turn 1", "=== Turn 2")
    assert "Enter to go on to turn 2, f for the full list: f\n\nEvery change of turn 1 and why:\n" in review
    assert "You: answered 'crisis' with 'calm'; talk." in review
    assert "b: b_talk." in review
    assert "  x: 50 -> 61 (up 11, better for you)" in review
    assert "    +5: crisis: calm (decision by a)" in review
    assert "    +4: talk (action by a)" in review
    assert "    +2: b_talk (action by b)" in review
    assert "  y: 50 -> 51 (up 1, no effect on your score)\n    +1: drift (trend)" in review
    assert "Your score: 61.0 (up 11.0 this turn)." in review


def test_the_computer_answers_its_own_events_and_the_review_says_how() -> None:
    _, out = play(["2", "e", "e"])
    review = section(out, "--- Review of turn 2", "=== Turn 3")
    assert "b: answered 'offer' with 'take'; b_talk." in review  # greedy b scores x: "take" gives x +1
    assert "Decision needed: offer" not in out


def test_delayed_effects_are_explained_when_they_land() -> None:
    _, out = play(["2", "1", "e", "e", "e"])
    review = section(out, "--- Review of turn 2", "=== Turn 3")
    assert "-5: crisis: shout (from turn 1) (decision by a)" in review
    assert "x: 50 (no change since the start; range 0 to 100)" in section(out, "=== Turn 1 of 3", "News")
    header = section(out, "=== Turn 2 of 3", "News")
    # The computer has answered its own event of turn 2 ('offer': take, x +1) before the player's turn begins.
    assert "x: 57 (up 7 since last turn, better for you; range 0 to 100)" in header


def test_the_ending_recaps_the_players_key_decisions() -> None:
    _, out = play(["1", "1", "e", "e", "3", "e"])
    recap = section(out, "Your key decisions:", "Thanks for playing.")
    assert "Turn 1 (Jan 2023): answered 'crisis' with 'calm'; talk." in recap
    assert "Turn 2 (Apr 2023): no action." in recap
    assert "Turn 3 (Jul 2023): push." in recap
    assert "Your decisions moved, in total: x +6, y -2." in recap


def test_the_transcript_fits_80_columns_and_is_ascii_for_an_ascii_scenario() -> None:
    long = "A rather long description that goes on and on about diplomacy, trade, rights and talks. " * 4
    base = small()
    sc = dataclasses.replace(
        base,
        description=t(long),
        actions=tuple(
            dataclasses.replace(a, label=t(a.id + " with a long label " * 3), description=t(long)) for a in base.actions
        ),
        events=tuple(dataclasses.replace(e, text=t(long)) for e in base.events),
    )
    _, out = play(["1", "d 1", "1", "l", "e", "h", "s", "e", "e"], sc=sc)
    assert "Ending: " in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.isascii()


def test_same_seed_and_input_give_the_same_transcript() -> None:
    sc = small(
        turns=6,
        events=[
            {"id": "storm", "effects": [effect("x -= 2")], "weight": 2.0},
            {"id": "poll", "role": "a", "choices": {"up": [effect("x += 1")], "down": [effect("y += 1")]}},
            {"id": "visit", "role": "b", "choices": {"go": [effect("x += 3")], "stay": []}},
        ],
        events_per_turn=1,
    )
    lines = ["1", "2", "e"] * 10
    first = play(lines, seed=11, sc=sc)
    assert first == play(lines, seed=11, sc=sc)
    assert "Ending: " in first[1]
    assert any(play(lines, seed=seed, sc=sc)[1] != first[1] for seed in range(12, 20))


def test_numbers_and_forecasts_are_formatted_for_people() -> None:
    # One rule a kind: levels and their changes are whole numbers, scores and points one decimal always.
    assert [num(v) for v in (57.0, 57.25, 57.5, -0.04, 3.333, 41.2)] == ["57", "57", "58", "0", "3", "41"]
    assert [signed(v) for v in (4.0, -2.5, 0.0, 0.3, -0.4)] == ["+4", "-3", "+0", "+0", "+0"]
    assert [score(v) for v in (45.06, 80.0, -0.01)] == ["45.1", "80.0", "0.0"]
    assert [points(v) for v in (2.0, -13.94, 0.0)] == ["+2.0", "-13.9", "+0.0"]
    sc = small(
        actions=[
            {
                "id": "mix",
                "effects": [
                    effect("x += 4"),
                    effect("y -= 2", delay=2),
                    effect("x = 40"),
                    effect("y += 9", delay=1, duration=3),
                ],
            }
        ]
    )
    game = Game.new(sc)
    text = forecast_text(game, game.forecast("mix").items)
    assert text == "x +4, y -2 (in turn 3), x set to 40, y +9 (over 3 turns from turn 2, only 2 before the game ends)"


# --------------------------------------------------------------------- the shipped scenario
def test_the_cambodia_us_scenario_plays_to_an_ending() -> None:
    loader = pytest.importorskip("game.content.loader")
    path = ROOT / "scenarios" / "cambodia_us.yaml"
    if not path.exists():
        pytest.skip("scenarios/cambodia_us.yaml is not written yet")
    sc = loader.load_scenario(path)
    for choice in ("1", "2"):
        code, out = play([choice] + ["1", "2", "e"] * 60, role=None, seed=5, sc=sc)
        assert code == 0
        assert sum(line.startswith("Ending: ") for line in out.splitlines()) == 1
        assert "Traceback" not in out
        too_wide = [line for line in out.splitlines() if len(line) > 80 and " " in line.strip()]
        assert too_wide == []
