"""An action's `condition_reason`: the plain words players see instead of the raw condition while it fails."""

from __future__ import annotations

import io

import pytest
from uikit import MakeApp

from game.content.loader import load_scenario_text
from game.content.problems import ScenarioError
from game.engine import Game, Scenario
from game.paths import DEFAULT_SCENARIO
from game.server.views import seat_json
from game.table.match import Match
from game.table.view import view
from game.text import run

BASE = """\
format: 1
id: reasons
title: Reasons
description: Two sides and a deal that needs warmer relations.
turns: 2
events_per_turn: 0
indicators:
  - {id: warmth, label: Warmth, description: How warm relations are., initial: 20}
families:
  - {id: talk, label: Talk}
roles:
  - {id: a, name: Ayland, brief: One side., objectives: Warmth., score: warmth, capital: 3}
  - {id: b, name: Beeland, brief: The other side., objectives: Warmth., score: warmth, capital: 3}
actions:
  - id: chat
    role: a
    family: talk
    label: Chat
    description: Talk a little.
    cost: 1
    effects: [warmth += 5]
  - id: deal
    role: a
    family: talk
    label: Sign a deal
    description: Sign the big deal.
    cost: 1
    condition: warmth >= 50
{reason}    effects: [warmth += 10]
  - id: wave
    role: b
    family: talk
    label: Wave
    description: Wave across the border.
    cost: 1
    effects: [warmth += 1]
endings:
  - {id: done, title: Done, text: The story ends.}
"""


def scenario_with(reason: str) -> Scenario:
    """The small scenario, with ``reason`` (YAML lines at the action's indentation) under the deal's condition."""
    return load_scenario_text(BASE.replace("{reason}", reason), "reasons.yaml")


def line_of(text: str, part: str) -> int:
    """The 1-based number of the first line of ``text`` holding ``part``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if part in line)


def test_the_reason_replaces_the_raw_condition_in_why_not() -> None:
    game = Game.new(scenario_with("    condition_reason: needs warmth of 50 or more\n"))
    assert game.why_not("a", "deal") == "needs warmth of 50 or more"


def test_without_a_reason_the_condition_is_shown_as_written() -> None:
    game = Game.new(scenario_with(""))
    assert game.why_not("a", "deal") == "condition not met: Warmth >= 50"


def test_a_reason_is_shown_only_while_the_condition_fails() -> None:
    text = BASE.replace("{reason}", "    condition_reason: needs warmth of 50 or more\n")
    game = Game.new(load_scenario_text(text.replace("initial: 20", "initial: 60"), "reasons.yaml"))
    assert game.why_not("a", "deal") == ""


def test_a_trailing_full_stop_is_left_out_so_sentences_around_it_read_well() -> None:
    game = Game.new(scenario_with("    condition_reason: Needs warmth of 50 or more.\n"))
    assert game.why_not("a", "deal") == "Needs warmth of 50 or more"


def test_the_reason_is_shown_in_the_players_language() -> None:
    reason = "    condition_reason: {en: needs more warmth, fr: il faut plus de chaleur}\n"
    sc = scenario_with(reason)
    assert Game.new(sc, lang="fr").why_not("a", "deal") == "il faut plus de chaleur"
    assert Game.new(sc, lang="km").why_not("a", "deal") == "needs more warmth"


def test_the_seat_view_and_the_class_server_show_the_reason() -> None:
    game = Game.new(scenario_with("    condition_reason: needs warmth of 50 or more\n"))
    match = Match.around(game, {})
    deal = next(a for a in view(match, "a").actions if a.id == "deal")
    assert deal.status == "needs warmth of 50 or more"  # what the desktop board reads too
    served = next(a for a in seat_json(match, "a")["actions"] if a["id"] == "deal")
    assert served["status"] == "needs warmth of 50 or more"


def test_the_terminal_menu_and_details_show_the_reason() -> None:
    sc = scenario_with("    condition_reason: needs warmth of 50 or more\n")
    out = io.StringIO()
    run(sc, role="a", seed=1, stdin=io.StringIO("d 2\n2\n"), stdout=out)
    text = out.getvalue()
    assert "2. Sign a deal (cost 1), unavailable: needs warmth of 50 or more" in text
    assert "Status: unavailable, needs warmth of 50 or more." in text
    assert "Not available: Sign a deal: needs warmth of 50 or more." in text
    assert "warmth >= 50" not in text and "Warmth >= 50" not in text


def test_a_reason_without_a_condition_is_refused_at_its_key() -> None:
    text = BASE.replace("{reason}", "").replace(
        "    effects: [warmth += 5]\n", "    condition_reason: needs nothing\n    effects: [warmth += 5]\n", 1
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "reasons.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (line_of(text, "condition_reason"), 5)
    assert "'condition_reason' explains a condition, but this action has no 'condition'" in problem.message


def test_an_empty_reason_is_refused() -> None:
    with pytest.raises(ScenarioError) as caught:
        scenario_with("    condition_reason: ''\n")
    [problem] = caught.value.problems
    assert problem.line == line_of(BASE, "{reason}") and "must not be empty" in problem.message


def test_every_conditional_action_of_the_default_scenario_explains_its_condition() -> None:
    from game.content.loader import load_scenario

    sc = load_scenario(DEFAULT_SCENARIO)
    conditional = [a for a in sc.actions if a.condition is not None]
    assert conditional
    assert [a.id for a in conditional if not a.condition_reason] == []
    game = Game.new(sc)
    closed = [a for a in conditional if game.why_not(a.role, a.id).startswith("condition not met")]
    assert closed == []


def test_the_desktop_board_says_the_reason_under_a_closed_action(make_app: MakeApp, scenario: Scenario) -> None:
    import pygame
    from uikit import key, start

    from game.ui.screens.board import BoardScreen
    from game.ui.screens.event import EventScreen

    app = make_app()
    start(app, scenario)
    key(app, pygame.K_RETURN)  # the briefing
    while isinstance(app.top, EventScreen):  # the turn's news: the first answer
        key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
    board = app.top
    assert isinstance(board, BoardScreen)
    index = next(i for i, a in enumerate(board.actions) if a.id == "us_restore_preferences")
    reason = "needs human rights of 40 or more and political space of 35 or more, and a GSP not yet renewed"
    assert board.status["us_restore_preferences"] == reason
    assert board.action_list.second_line(index)[0] == f"Not now: {reason}"
    assert " ".join(board.action_list.second_lines(index, board.act_rect)).split() == f"Not now: {reason}".split()


# ----------------------------------------------------------------------------------------- negotiation items
def starter_with_item_reason(reason: str) -> Scenario:
    """The starter scenario whose market-opening item needs relations of 60, explained by ``reason`` lines."""
    from game.content.starter import starter_text

    text = starter_text(["north", "south"], schema="scenario.schema.json", stem="bay")
    old = "      condition: relations >= 35 and market_opened < 1\n"
    old += "      condition_reason: needs relations of 35 or more, and the market opens only once\n"
    assert old in text
    return load_scenario_text(text.replace(old, "      condition: relations >= 60\n" + reason), "bay.yaml")


def test_an_item_s_reason_replaces_its_raw_condition_in_the_engine_and_every_front_end() -> None:
    from types import SimpleNamespace

    from game.server.views_deal import negotiation_json, unavailable_reason
    from game.ui.screens.negotiate import words

    sc = starter_with_item_reason("      condition_reason: needs relations of 60 or more.\n")
    game = Game.new(sc)
    assert game.why_not_item("north_open_market") == "item 'north_open_market': needs relations of 60 or more"
    assert game.why_not_propose("south", "north", (), ("north_open_market",)) == (
        "item 'north_open_market': needs relations of 60 or more"
    )
    served = json_text(negotiation_json(Match.around(game, {}), "south"))
    assert "needs relations of 60 or more" in served and "Relations >= 60" not in served
    item = game.item("north_open_market")
    assert unavailable_reason(game, item, "south", "north") == "needs relations of 60 or more"
    desktop = words.unavailable_reason(SimpleNamespace(game=game), item, "south", "north")  # type: ignore[arg-type]
    assert desktop == "needs relations of 60 or more (now Relations 45)"


def test_without_a_reason_an_item_shows_its_condition_as_written() -> None:
    game = Game.new(starter_with_item_reason(""))
    assert game.why_not_item("north_open_market") == "item 'north_open_market': condition not met: Relations >= 60"


def test_an_item_s_reason_without_a_condition_is_refused() -> None:
    from game.content.starter import starter_text

    text = starter_text(["north", "south"], schema="scenario.schema.json", stem="bay")
    text = text.replace("      condition: patrols_agreed < 1\n", "")
    text = text.replace("the joint patrols are agreed only once", "never mind")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "bay.yaml")
    [problem] = caught.value.problems
    assert problem.line == line_of(text, "never mind")
    assert "'condition_reason' explains a condition, but this item has no 'condition'" in problem.message


def json_text(data: object) -> str:
    """``data`` as JSON text, to search."""
    import json

    return json.dumps(data)
