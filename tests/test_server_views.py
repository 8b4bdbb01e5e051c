"""A seat's JSON has what the student's page draws at each moment of a game (waiting, the briefing, an event's
choices, the actions with their forecasts, the turn review, the end with the debrief), in words, and nothing private
of the other seat before the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from server_kit import play_once, seated, service_at

from game.server.service import ClassService
from game.server.views import seat_json
from game.table import Match


@pytest.fixture
def service(tmp_path: Path) -> ClassService:
    return service_at(tmp_path / "class.sqlite3")[0]


def _objectives(match: Match) -> dict[str, str]:
    return {r.id: r.objectives["en"] for r in match.scenario.roles}


def test_a_team_waiting_is_told_where_it_sits_before_the_start(service: ClassService) -> None:
    table = service.add_table()
    _, team = service.join(service.room.code, "Blue")
    waiting = service.team_json(team)
    assert (waiting["started"], waiting["view"], waiting["table"], waiting["role_name"]) == (False, None, "", "")
    service.seat(table.id, "us", "team:Blue")
    seated_now = service.team_json(team)
    assert (seated_now["table"], seated_now["role"], seated_now["role_name"]) == (table.id, "us", "United States")
    assert seated_now["started"] is False and seated_now["free_seats"] == []


def test_the_briefing_holds_the_seats_own_objectives_and_only_the_others_public_brief(service: ClassService) -> None:
    table, _ = seated(service)
    assert table.match is not None
    objectives = _objectives(table.match)
    for role, other in (("us", "cambodia"), ("cambodia", "us")):
        data = seat_json(table.match, role)
        brief = data["briefing"]
        assert brief["objectives"] == objectives[role]
        assert brief["situation"] and brief["brief"] and "capital" in brief["capital"]
        assert [o["name"] for o in brief["others"]] == [table.match.role_name(other)]
        assert objectives[other] not in json.dumps(data)
        assert data["end"] is None and data["ending"] is None
    calendar = table.match.scenario.calendar  # the game's span, to the month its last turn ends
    assert brief["length"].endswith(f"from {calendar.label(1)} to the end of {calendar.end_label(3)}.")
    assert brief["length"].startswith("3 turns of ")


def test_an_event_to_answer_comes_with_its_text_and_each_choice_with_a_forecast(service: ClassService) -> None:
    table, _ = seated(service)
    assert table.match is not None
    us = seat_json(table.match, "us")
    decision = us["decision"]
    event = table.match.scenario.event(decision["event"])
    assert decision["kind"] == "choose"
    assert (decision["title"], decision["text"]) == (event.title["en"], event.text["en"])
    assert [o["label"] for o in decision["options"]] == [c.label["en"] for c in event.choices]
    assert all(o["forecast"] and "command" in o and "description" in o for o in decision["options"])
    asked = [n for n in us["news_items"] if n["asked"]]
    assert [n["id"] for n in asked] == [decision["event"]]
    assert all(n["title"] and n["text"] for n in us["news_items"])
    later = [n["decides"] for n in us["news_items"] if n["id"] in us["pending"] and not n["asked"]]
    assert later and set(later) == {"Your team decides on this next."}
    assert seat_json(table.match, "cambodia")["decision"] is None


def test_the_actions_come_by_strategy_with_forecasts_in_words_and_commit_and_done_options(
    service: ClassService,
) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None
    while match.game.phase.value != "actions":
        play_once(service, table, tokens, option=0)
    role = match.decision().role  # type: ignore[union-attr]
    data = seat_json(match, role)
    actions = data["actions"]
    assert all(a["family_label"] and a["forecast_text"] and a["status"] for a in actions)
    families = [a["family"] for a in actions]
    assert families == sorted(families, key=families.index)  # each strategy's actions together
    kinds = [o["command"]["type"] for o in data["decision"]["options"]]
    available = [a["id"] for a in actions if a["status"] == "available"]
    commits = [o["command"]["action"] for o in data["decision"]["options"] if o["command"]["type"] == "commit"]
    assert kinds[-1] == "done" and commits == available and available
    assert all(a["status"] != "available" for a in actions if a["id"] not in commits)


def test_the_review_tells_what_each_side_did_and_what_mattered_most_with_its_causes(service: ClassService) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None
    assert seat_json(match, "us")["review"] is None
    while match.game.turn < 2:
        play_once(service, table, tokens)
    review = seat_json(match, "us")["review"]
    assert review["turn"] == 1 and review["date"]
    assert [side["name"] for side in review["did"]] == ["You", "Cambodia"]
    assert any(review["did"][0]["did"])  # the events the US answered
    assert review["moves"] and all(m["causes"] and m["label"] for m in review["moves"])
    assert all("(" in c["why"] for m in review["moves"] for c in m["causes"])  # who or what decided it


def test_the_history_leaves_out_the_hidden_indicators(service: ClassService) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None
    for _ in range(12):
        play_once(service, table, tokens)
    hidden = {i.id for i in match.scenario.indicators if i.hidden}
    data = seat_json(match, "us")
    assert hidden and data["history"]
    assert not hidden & {c["indicator"] for c in data["history"]}
    assert all(c["why"] for c in data["history"])


def test_the_end_reveals_every_sides_score_and_objectives_and_the_seats_own_debriefs(service: ClassService) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None
    play_once(service, table, tokens)
    service.control(table.id, "end", {})
    objectives = _objectives(match)
    for role in ("us", "cambodia"):
        end = seat_json(match, role)["end"]
        assert end["title"] and end["text"] and "teacher ended" in end["when"]
        assert {s["role"]: s["objectives"] for s in end["sides"]} == objectives
        assert [s["you"] for s in end["sides"]] == [s["role"] == role for s in end["sides"]]
        other = match.role_name("cambodia" if role == "us" else "us")
        assert [d["name"] for d in end["debriefs"]] == [other]
        assert end["debriefs"][0]["summary"] and end["debriefs"][0]["cared"]
    recap = seat_json(match, "us")["end"]["recap"]
    assert [t["turn"] for t in recap] == [1] and any("answered" in d for d in recap[0]["did"])
    series = seat_json(match, "us")["indicators"][0]["series"]
    assert len(series) >= 2  # the chart's points: the start and each turn played


def test_the_debrief_at_the_end_tells_each_proposal_between_the_two_sides(service: ClassService) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None and match.scenario.negotiation is not None
    while match.game.phase.value != "actions":
        play_once(service, table, tokens, option=0)
    items = [i for i in match.scenario.negotiation.items if i.on_table and not i.follows]
    give = next(i for i in items if i.giver == "us")
    ask = next(i for i in items if i.giver == "cambodia")
    proposal = {"type": "propose", "sender": "us", "receiver": "cambodia", "give": [give.id], "ask": [ask.id]}
    service.command(tokens["us"], table.id, service.room.team(tokens["us"]).last_id + 1, proposal)
    assert seat_json(match, "us")["end"] is None
    service.control(table.id, "end", {})
    [stance] = seat_json(match, "us")["end"]["debriefs"][0]["stances"]
    assert stance.startswith("Your proposal of Jan 2023: you give ")
    assert give.label["en"] in stance and ask.label["en"] in stance


def test_the_briefing_shows_the_other_sides_objectives_once_the_teacher_reveals_them(service: ClassService) -> None:
    table, _ = seated(service)
    match = table.match
    assert match is not None
    assert seat_json(match, "us")["briefing"]["revealed"] == []
    service.control(table.id, "reveal", {})
    revealed = seat_json(match, "us")["briefing"]["revealed"]
    assert revealed == [{"name": "Cambodia", "objectives": _objectives(match)["cambodia"]}]


def test_a_seat_that_waits_is_told_for_whom_and_whether_it_is_done(service: ClassService) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None
    gold = seat_json(match, "cambodia")
    assert gold["decision"] is None and gold["moment"] == {"role": "us", "name": "United States", "kind": "choose"}
    while match.game.phase.value != "actions":
        play_once(service, table, tokens, option=0)
    first = match.decision().role  # type: ignore[union-attr]
    other = "cambodia" if first == "us" else "us"
    assert seat_json(match, other)["done"] is False and seat_json(match, other)["moment"]["role"] == first
    play_once(service, table, tokens)  # the first side is done
    mover = seat_json(match, first)
    assert mover["done"] is True and mover["moment"]["role"] == other
    service.control(table.id, "end", {})
    assert seat_json(match, first)["moment"] is None
