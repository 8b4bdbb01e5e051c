"""The negotiation table in a seat's JSON (game/server/views_deal.py): the items either side may put on the table
now, how a proposal weighs for the seat (and, facing the computer only, for the counterpart), the proposals with
their answers, the agreements with their schedule, and breaking one."""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from server_kit import play_once, seated, service_at

from game.ai.negotiation import evaluate_for
from game.engine import Propose
from game.server.room import RoomError, Table
from game.server.room_view import table_json
from game.server.service import ClassService
from game.server.views import seat_json
from game.server.views_deal import negotiation_json
from game.server.views_deal_weigh import compose
from game.table import Match, command_from_json


def match_of(table: Table) -> Match:
    assert table.match is not None
    return table.match


def send(service: ClassService, table: Table, token: str, command: dict[str, Any]) -> None:
    """A team sends one command through the room's checks."""
    team = service.room.team(token)
    service.command(token, table.id, team.last_id + 1, command)


def to_actions(service: ClassService, table: Table, tokens: dict[str, str]) -> Match:
    """Answer the news until a seat may act (the first turn opens with events to answer)."""
    match = match_of(table)
    while (decision := match.decision()) is not None and decision.kind.value == "choose":
        play_once(service, table, tokens)
    return match


@pytest.fixture
def two_teams(tmp_path: Path) -> tuple[ClassService, Table, dict[str, str]]:
    service, _ = service_at(tmp_path / "room.db")
    table, tokens = seated(service)
    return service, table, tokens


@pytest.fixture
def against_computer(tmp_path: Path) -> tuple[ClassService, Table, dict[str, str]]:
    """Only the United States' seat has a team: the computer plays Cambodia."""
    service, _ = service_at(tmp_path / "room.db")
    table = service.add_table(seed=7)
    token, _ = service.join(service.room.code, "Blue")
    service.seat(table.id, "us", "team:Blue")
    service.start(table.id)
    return service, table, {"us": token}


def first_bundle(deal: dict[str, Any]) -> tuple[list[str], list[str]]:
    other = deal["counterparts"][0]
    return [other["give"][0]["id"]], [other["ask"][0]["id"]]


def test_in_the_news_phase_nothing_is_on_the_table_and_the_seat_is_told_why(two_teams: Any) -> None:
    _, table, _ = two_teams
    deal = negotiation_json(match_of(table), "us")
    other = deal["counterparts"][0]
    assert deal["active"] and not deal["moment"]["now"]
    assert "actions phase" in deal["moment"]["why"]
    assert other["give"] == other["ask"] == []
    assert other["unavailable"] and all("actions phase" in i["why_not"] for i in other["unavailable"])


def test_the_items_offered_are_those_the_rules_allow_now_with_their_schedule(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    deal = negotiation_json(match, "us")
    other = deal["counterparts"][0]
    game = match.game
    assert deal["moment"] == {"now": True, "why": ""}
    assert (other["role"], other["name"], other["computer"]) == ("cambodia", "Cambodia", False)
    assert [i["id"] for i in other["give"]] == [i.id for i in game.legal_items("us")]
    assert [i["id"] for i in other["ask"]] == [i.id for i in game.legal_items("cambodia")]
    offered = {i["id"] for i in other["give"] + other["ask"]}
    assert len(offered) + len(other["unavailable"]) == len(match.scenario.negotiation.items)  # type: ignore[union-attr]
    assert all(i["why_not"] and i["id"] not in offered for i in other["unavailable"])
    three = next(i for i in other["give"] if i["turns"] == 3)
    assert three["when"].startswith(f"if agreed now: turns {game.turn}–{game.turn + 2} (")
    assert three["effects"] and all(": " in line for line in three["effects"])
    assert "Trust between you and Cambodia" in other["trust"]
    # Every item picked is given by its side: the command the page fills in is a Propose of this seat.
    give, ask = first_bundle(deal)
    command = command_from_json({**other["command"], "give": give, "ask": ask})
    assert command == Propose("us", "cambodia", tuple(give), tuple(ask))


def test_facing_a_team_only_the_seats_own_weighing_is_sent(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    deal = negotiation_json(match, "us")
    other = deal["counterparts"][0]
    assert other["theirs"] is None
    assert other["yours"]["weigher"] == "us"
    give, ask = first_bundle(deal)
    own = evaluate_for(match.game, "us", "cambodia", give, ask, "us")
    assert compose(other["yours"], give, ask)["score"] == pytest.approx(own.score)
    # Cambodia's reasons name its trust in the United States: nothing of its weighing reaches the United States.
    assert "Trust in United States" not in json.dumps(seat_json(match, "us"))


def test_a_proposal_between_teams_weighs_for_each_side_by_its_own_objectives_only(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    give, ask = first_bundle(negotiation_json(match, "us"))
    send(service, table, tokens["us"], {"type": "propose", "sender": "us", "receiver": "cambodia", "give": give,
                                        "ask": ask})  # fmt: skip
    game = match.game
    sent = negotiation_json(match, "us")["proposals"][0]
    received = negotiation_json(match, "cambodia")["proposals"][0]
    assert sent["sent"] and not received["sent"] and sent["id"] == received["id"]
    assert sent["you_give"] == received["you_get"] and sent["you_get"] == received["you_give"]
    theirs = evaluate_for(game, "us", "cambodia", give, ask, "cambodia")
    assert received["weighing"]["score"] == pytest.approx(theirs.score)
    assert sent["weighing"]["score"] == pytest.approx(evaluate_for(game, "us", "cambodia", give, ask, "us").score)
    assert "Trust in United States" not in json.dumps(negotiation_json(match, "us"))
    assert "Trust in Cambodia" not in json.dumps(negotiation_json(match, "cambodia"))
    # One open proposal to a side at a time; Cambodia answers in its own part of the turn.
    assert "waiting for an answer" in negotiation_json(match, "us")["counterparts"][0]["blocked"]
    assert received["answers"] == [] and "your own part" in received["answer_note"]


def test_the_receiver_answers_with_its_decisions_options_and_both_see_the_agreement(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    give, ask = first_bundle(negotiation_json(match, "us"))
    send(service, table, tokens["us"], {"type": "propose", "sender": "us", "receiver": "cambodia", "give": give,
                                        "ask": ask})  # fmt: skip
    play_once(service, table, tokens)  # the United States is done: Cambodia's moment, a proposal to answer
    deal = negotiation_json(match, "cambodia")
    received = deal["proposals"][0]
    decision = seat_json(match, "cambodia")["decision"]
    assert decision["kind"] == "answer"
    assert deal["answering"]["proposal"] == decision["proposal"] == received["id"]
    assert deal["answering"]["text"] == (
        f"United States' proposal of {match.game.scenario.calendar.label(1)}: "
        f"you give {'; '.join(received['you_give'])}; you get {'; '.join(received['you_get'])}."
    )
    assert negotiation_json(match, "us")["answering"] is None
    assert [a["command"] for a in received["answers"]] == [o["command"] for o in decision["options"]]
    accept = next(a["command"] for a in received["answers"] if a["label"] == "Accept")
    send(service, table, tokens["cambodia"], accept)
    for role, other in (("us", "Cambodia"), ("cambodia", "United States")):
        deal = negotiation_json(match, role)
        assert deal["proposals"][0]["status_words"] == "accepted"
        agreement = deal["agreements"][0]
        assert agreement["with"] == other and agreement["status"] == "being implemented"
        terms = deal["proposals"][0]["you_give"] + deal["proposals"][0]["you_get"]
        assert sorted(p["label"] for p in agreement["items"]) == sorted(terms)
        assert agreement["schedule"][0].startswith(f"Turn {match.game.turn} (")


def test_breaking_an_agreement_shows_the_engines_forecast_then_breaks_it(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    give, ask = first_bundle(negotiation_json(match, "us"))
    send(service, table, tokens["us"], {"type": "propose", "sender": "us", "receiver": "cambodia", "give": give,
                                        "ask": ask})  # fmt: skip
    play_once(service, table, tokens)
    send(
        service, table, tokens["cambodia"], negotiation_json(match, "cambodia")["proposals"][0]["answers"][0]["command"]
    )
    rule = negotiation_json(match, "cambodia")["agreements"][0]["break"]
    cost = match.game.forecast_break("cambodia", negotiation_json(match, "cambodia")["agreements"][0]["id"])
    assert rule["allowed"] and rule["command"]["type"] == "break"
    assert any(f"falls by {round(-cost.trust_change)}" in line for line in rule["forecast"])
    us_rule = negotiation_json(match, "us")["agreements"][0]["break"]
    assert not us_rule["allowed"] and "your own part" in us_rule["why_not"]
    with pytest.raises(RoomError):  # not the United States' moment: the room refuses and nothing changes
        send(service, table, tokens["us"], us_rule["command"])
    send(service, table, tokens["cambodia"], rule["command"])
    agreement = negotiation_json(match, "us")["agreements"][0]
    assert agreement["status"] == "broken"
    assert any(p["status"] == "broken" for p in agreement["items"])


def test_against_the_computer_its_weighing_is_sent_and_adds_up_as_the_evaluator_does(against_computer: Any) -> None:
    service, table, tokens = against_computer
    match = to_actions(service, table, tokens)
    game = match.game
    other = negotiation_json(match, "us")["counterparts"][0]
    assert other["computer"] and other["theirs"]["weigher"] == "cambodia"
    assert other["theirs"]["context"][0]["label"] == "Trust in United States"
    gives, asks = [i["id"] for i in other["give"]], [i["id"] for i in other["ask"]]
    bundles = [(list(g), list(a)) for n in (0, 1, 2) for g in combinations(gives, n) for a in combinations(asks, 2 - n)]
    bundles += [([g], [a]) for g in gives for a in asks]
    for give, ask in bundles:
        for weigher, parts in (("cambodia", other["theirs"]), ("us", other["yours"])):
            expected = evaluate_for(game, "us", "cambodia", give, ask, weigher)
            got = compose(parts, give, ask)
            assert [r["label"] for r in got["reasons"]] == [r.label for r in expected.reasons]
            assert got["score"] == pytest.approx(expected.score)
            assert got["accept"] is expected.accept


def test_a_paused_game_says_so_and_offers_no_answer(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    service.control(table.id, "pause", {})
    deal = negotiation_json(match, "us")
    assert deal["moment"] == {"now": False, "why": "The teacher has paused the game."}


def test_a_received_proposal_may_be_answered_with_a_counter_proposal_from_its_terms_turned_round(
    two_teams: Any,
) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    give, ask = first_bundle(negotiation_json(match, "us"))
    send(service, table, tokens["us"], {"type": "propose", "sender": "us", "receiver": "cambodia", "give": give,
                                        "ask": ask})  # fmt: skip
    assert negotiation_json(match, "cambodia")["proposals"][0]["counter"] is None  # not Cambodia's moment yet
    play_once(service, table, tokens)
    received = negotiation_json(match, "cambodia")["proposals"][0]
    counter = received["counter"]
    assert counter["items"] == ask + give
    assert counter["command"] == {"type": "counter", "role": "cambodia", "proposal": received["id"], "give": [],
                                  "ask": []}  # fmt: skip
    send(service, table, tokens["cambodia"], {**counter["command"], "give": ask, "ask": []})
    newest, answered = negotiation_json(match, "us")["proposals"][:2]
    assert answered["status_words"] == "answered with a counter-proposal"
    assert not newest["sent"] and newest["status"] == "open" and newest["you_get"] == received["you_give"]
    assert newest["reply_to"].startswith("your proposal of ")


def test_the_boards_words_name_an_agreement_and_its_parts_never_by_id(two_teams: Any) -> None:
    service, table, tokens = two_teams
    match = to_actions(service, table, tokens)
    give, ask = first_bundle(negotiation_json(match, "us"))
    send(service, table, tokens["us"], {"type": "propose", "sender": "us", "receiver": "cambodia", "give": give,
                                        "ask": ask})  # fmt: skip
    play_once(service, table, tokens)  # Cambodia's moment: the proposal to answer
    answers = negotiation_json(match, "cambodia")["proposals"][0]["answers"]
    send(service, table, tokens["cambodia"], next(a["command"] for a in answers if a["label"] == "Accept"))
    while not match.is_over():
        play_once(service, table, tokens)
    texts = [n["text"] for n in table_json(service, table)["words"]["news"] if n["kind"] == "agreement"]
    assert "Agreement 1 made between United States and Cambodia" in texts
    done = [t for t in texts if t.startswith("Carried out in full: ")]
    pattern = r"Carried out in full: [^._]+ \(agreement 1, by (United States|Cambodia)\)"
    assert done and all(re.fullmatch(pattern, t) for t in done)
