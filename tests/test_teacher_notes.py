"""What a teacher can rely on: which turns are history, which rules are disputed (shown where the rule is explained
and listed in the notes), and flags the story keeps that players never see."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pygame
import pytest
from test_text import play, section, small
from uikit import MakeApp, doc_text, frames, key, start

from builders import effect
from game import cli
from game.content.loader import load_scenario
from game.content.problems import Problem
from game.engine import Calendar, Game, Indicator, Scenario
from game.paths import DEFAULT_SCENARIO
from game.present.notes import disputed, teacher_notes, time_span
from game.table import PERSON, Match, view
from game.text import views
from game.ui.screens.board import BoardScreen
from game.ui.screens.event import EventScreen


@pytest.fixture(scope="module")
def default() -> Scenario:
    return load_scenario(DEFAULT_SCENARIO)


def marked(sc: Scenario) -> Scenario:
    """The small terminal scenario with turn 1 on the record, ``talk`` and the answer ``calm`` marked disputed, and a
    hidden flag ``done`` that ``talk`` sets."""
    talk = sc.action("talk")
    talk = dataclasses.replace(talk, contested={"en": "Some say talking changes nothing."},
                               effects=(*talk.effects, effect("done = 1")))  # fmt: skip
    crisis = sc.event("crisis")
    calm = dataclasses.replace(crisis.choices[0], contested={"en": "Calm may only delay the next crisis."})
    crisis = dataclasses.replace(crisis, choices=(calm, *crisis.choices[1:]))
    flag = Indicator("done", {"en": "done"}, {"en": "a flag"}, 0.0, 1.0, 0.0, "neutral", (), hidden=True)
    return dataclasses.replace(
        sc,
        indicators=(*sc.indicators, flag),
        actions=tuple(talk if a.id == "talk" else a for a in sc.actions),
        events=tuple(crisis if e.id == "crisis" else e for e in sc.events),
        calendar=Calendar(2023, 1, 3, record_until=1),
    )


# --------------------------------------------------------------------- history or invention
def test_the_turn_says_whether_it_follows_the_record() -> None:
    sc = marked(small())
    match = Match.start(sc, {"a": PERSON, "b": PERSON}, seed=1)
    assert match.turn_label == "Turn 1 of 3 · Jan 2023 · on the record"
    assert views.turn_header(match.game) == "=== Turn 1 of 3, Jan 2023 (on the record) ==="
    _, out = play(["2", "e"], sc=sc)
    assert "=== Turn 2 of 3, Apr 2023 (a plausible future) ===" in out
    plain = Match.start(small(), {"a": PERSON}, seed=1)
    assert plain.turn_label == "Turn 1 of 3 · Jan 2023"  # a scenario that does not say, says nothing


def test_the_default_scenario_says_which_turns_are_history(default: Scenario) -> None:
    last = default.calendar.record_until
    assert last is not None and 1 <= last < default.turns
    span = time_span(default)
    assert f"Turns 1 to {last} " in span and f"turns {last + 1} to {default.turns} " in span
    assert "plausible future" in span


def test_a_record_that_runs_past_the_last_turn_ends_at_it_with_a_warning(tmp_path: Path) -> None:
    text = DEFAULT_SCENARIO.read_text(encoding="utf-8").replace("record_until: 3", "record_until: 30", 1)
    path = tmp_path / "late.yaml"
    path.write_text(text, encoding="utf-8")
    warnings: list[Problem] = []
    scenario = load_scenario(path, warnings=warnings)  # a file whose turns were lowered still plays
    assert scenario.calendar.record_until == scenario.turns == 12
    assert [w.message for w in warnings] == ["record_until 30 is after the last turn: read as 12"]


# --------------------------------------------------------------------- disputed rules
def test_a_disputed_rule_says_so_where_it_is_explained() -> None:
    sc = marked(small())
    game = Game.new(sc, 1)
    match = Match.start(sc, {"a": PERSON, "b": PERSON}, seed=1)
    talk = next(a for a in view(match, "a").actions if a.id == "talk")
    details = " ".join(views.detail_lines(game, 1, talk))
    assert "Note on this rule: Some say talking changes nothing." in details
    choices = " ".join(views.choice_lines(game, sc.event("crisis")))
    assert "Note on this rule: Calm may only delay the next crisis." in choices
    plain = next(a for a in view(match, "a").actions if a.id == "push")
    assert "Disputed" not in " ".join(views.detail_lines(game, 2, plain))


def test_the_notes_list_every_disputed_rule_of_the_default_scenario(default: Scenario) -> None:
    out = io.StringIO()
    assert cli._notes(None, out) == 0
    text = " ".join(out.getvalue().split())
    found = disputed(default)
    marked_rules = [a for a in default.actions if a.contested] + [d for d in default.dynamics if d.contested]
    assert len(found) >= len(marked_rules) >= 5
    for rule in found:
        assert " ".join(rule.note.split()) in text
    for role in default.roles:
        assert " ".join(role.objectives["en"].split()) in text
    assert "not comparable" in text
    assert all(source.title in text for source in default.sources)


def test_notes_of_a_scenario_with_nothing_disputed_say_so_and_a_missing_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = teacher_notes(small())
    assert "The scenario marks no rule of its model as disputed." in lines
    code = cli.main(["notes", str(tmp_path / "missing.yaml")])
    assert code == 1 and "file not found" in capsys.readouterr().err


def test_the_board_explains_a_disputed_action(make_app: MakeApp, default: Scenario) -> None:
    contested = next(a for a in default.actions if a.role == "us" and a.contested)
    app = make_app()
    start(app, default, role="us", seed=5)
    for _ in range(30):
        if isinstance(app.top, BoardScreen):
            break
        if isinstance(app.top, EventScreen):
            key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
        frames(app, 1)
    board = app.top
    assert isinstance(board, BoardScreen)
    board.act_index = next(i for i, a in enumerate(board.actions) if a.id == contested.id)
    board.details.cache = None
    text = " ".join(doc_text(board.details.action_doc()).split())
    assert "A RULE PEOPLE DISPUTE" in text and " ".join(contested.contested["en"].split()) in text  # type: ignore[index]


# --------------------------------------------------------------------- hidden flags
def test_a_hidden_flag_works_in_the_rules_but_is_never_shown() -> None:
    sc = marked(small())
    assert [i.id for i in sc.shown_indicators] == ["x", "y"]
    match = Match.start(sc, {"a": PERSON, "b": PERSON}, seed=1)
    assert "done" not in {i.id for i in view(match, "a").indicators}
    game = match.game
    assert "done" not in views.forecast_text(game, game.forecast("talk").items)
    _, out = play(["1", "1", "e", "e"], sc=sc)  # answer, commit talk (done = 1), end
    assert "done" not in section(out, "--- Review of turn 1", "=== Turn 2")
    assert "done" not in section(out, "=== Turn 2 of 3", "Your actions")


def test_the_default_scenario_keeps_its_trade_preference_flag_off_the_board(default: Scenario) -> None:
    hidden = [i.id for i in default.indicators if i.hidden]
    assert hidden, "the GSP renewal is a flag for the story's conditions"
    assert not set(hidden) & {i.id for i in default.shown_indicators}


# --------------------------------------------------------------------- the agenda, as the table explains it
def test_the_negotiation_table_says_an_item_is_not_on_the_table_yet(make_app: MakeApp) -> None:
    from game.ui.screens.negotiate import NegotiationScreen, unavailable_reason

    sc = load_scenario(Path(__file__).parent / "fixtures" / "agenda.yaml")
    app = make_app()
    start(app, sc, role="north", seed=1)
    for _ in range(10):
        if isinstance(app.top, BoardScreen):
            break
        key(app, pygame.K_RETURN)
        frames(app, 1)
    key(app, pygame.K_p)
    table = app.top
    assert isinstance(table, NegotiationScreen)
    assert sc.negotiation is not None
    summit = next(i for i in sc.negotiation.items if i.id == "summit")
    reason = unavailable_reason(table, summit, "north", "south")
    assert reason.startswith("this item is not on the table yet"), reason
    renew = next(i for i in sc.negotiation.items if i.id == "renew")
    assert "fully implemented" in unavailable_reason(table, renew, "north", "south")
