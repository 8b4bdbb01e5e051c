"""The teacher's dashboard in process (Starlette's test client): tables from a chosen scenario, the room message the
dashboard draws, and the downloads (a table's report, the class summary, the handouts), refused without the
teacher's token."""

from __future__ import annotations

import warnings
from contextlib import ExitStack
from typing import Any

from server_kit import play_once, seated
from test_server_app import until

with warnings.catch_warnings():  # this Starlette's test client prefers a renamed httpx; the one installed works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from game.engine import News, NewsKind, localize
from game.reports.report_cli import usual_ranges
from game.reports.report_html import match_page
from game.server.board_words import agreement_text, news_text
from game.server.room_view import table_json
from game.server.service import ClassService
from game.table import LEVELS


def desk(client: TestClient, admin: str, stack: ExitStack) -> tuple[Any, dict[str, Any]]:
    socket = stack.enter_context(client.websocket_connect("/ws/teacher"))
    socket.send_json({"type": "hello", "admin": admin})
    return socket, until(socket, "room")


def test_the_room_offers_the_scenarios_and_levels(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, admin = class_app
    with ExitStack() as stack:
        _, room = desk(client, admin, stack)
    ids = [s["id"] for s in room["scenarios"]]
    assert ids[0] == "cambodia_us" and room["scenarios"][0]["room"] and "tutorial" in ids
    assert len(ids) == len(set(ids)) and all(0 < s["shortest"] <= s["turns"] for s in room["scenarios"])
    assert room["levels"] == list(LEVELS) and room["default_level"] in LEVELS


def test_a_table_of_another_scenario_with_a_length_and_a_seed(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    with ExitStack() as stack:
        socket, _ = desk(client, admin, stack)
        socket.send_json({"type": "create_table", "id": 1, "scenario": "tutorial", "seed": 11})
        assert until(socket, "result")["table"] == "t1"
        table = until(socket, "room")["tables"][0]
        socket.send_json({"type": "create_table", "id": 2, "scenario": "nowhere"})
        error = until(socket, "error")
        socket.send_json({"type": "create_table", "id": 3, "scenario": "cambodia_us", "turns": 5})
        assert until(socket, "result")["table"] == "t2"
        socket.send_json({"type": "create_table", "id": 4})
        assert until(socket, "result")["table"] == "t3"
        tables = until(socket, "room")["tables"]
    assert (table["scenario_file"], table["turns"], table["seed"], table["started"]) == ("tutorial.yaml", 3, 11, False)
    assert error["id"] == 2 and "no scenario 'nowhere'" in error["message"] and "tutorial" in error["message"]
    assert [(t["scenario_file"], t["turns"]) for t in tables[1:]] == [("cambodia_us.yaml", 5), ("cambodia_us.yaml", 3)]
    assert service.room.tables["t1"].scenario_path.endswith("tutorial.yaml")


def test_bad_requests_are_refused_with_a_reason_and_change_nothing(
    class_app: tuple[TestClient, ClassService, str],
) -> None:
    client, service, admin = class_app
    service.add_table()
    refused = (
        ({"type": "create_table", "turns": 99}, "lasts"),
        ({"type": "create_table", "turns": "five"}, "whole number"),
        ({"type": "create_table", "seed": 1.5}, "seed is a whole number"),
        ({"type": "create_table", "scenario": "../../etc/passwd"}, "no scenario"),
        ({"type": "seat", "table": "t1", "role": "us", "who": "genius"}, "computer level"),
        ({"type": "seat", "table": "t1", "role": "us", "who": "team:Nobody"}, "no team called"),
        ({"type": "start", "table": "t1"}, "seat at least one team"),
        ({"type": "control", "table": "t1", "action": "pause"}, "has not started"),
        ({"type": "rejoin", "team": "Nobody"}, "Nobody"),
    )
    with ExitStack() as stack:
        socket, _ = desk(client, admin, stack)
        for number, (request, words) in enumerate(refused, 1):
            socket.send_json({**request, "id": number})
            error = until(socket, "error")
            assert error["id"] == number and words in error["message"], (request, error)
    assert list(service.room.tables) == ["t1"] and set(service.room.tables["t1"].seats.values()) == {""}


def test_a_started_table_shows_its_public_board_and_controls(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    seated(service)
    with ExitStack() as stack:
        socket, room = desk(client, admin, stack)
        socket.send_json({"type": "control", "id": 1, "table": "t1", "action": "reveal", "shown": True})
        until(socket, "result")
        revealed = until(socket, "room")["tables"][0]
    table = room["tables"][0]
    assert table["started"] and not table["over"] and not table["revealed"]
    public = table["public"]
    assert public["turn"] == 1 and public["turns"] == 3 and public["indicators"] and not public["objectives"]
    assert revealed["revealed"] and set(revealed["public"]["objectives"]) == {"us", "cambodia"}


def test_the_boards_news_and_agreements_come_in_words(class_app: tuple[TestClient, ClassService, str]) -> None:
    _, service, _ = class_app
    table, tokens = seated(service)
    play_once(service, table, tokens, option=0)  # a seat answers the news
    match = table.match
    assert match is not None
    words = table_json(service, table)["words"]
    fired = [n for n in match.game.state.news if n.kind.value == "event"]
    titles = [localize(match.scenario.event(n.id).title, "en") for n in fired]
    assert [w["text"] for w in words["news"] if w["kind"] == "event"] == titles
    answered = next(w["text"] for w in words["news"] if w["kind"] == "choice")
    assert answered.split(" answered ")[0] in ("United States", "Cambodia")
    item = match.scenario.negotiation.items[0]
    agreement = {"id": "a1", "turn": 1, "items": [{"item": item.id, "giver": "us", "status": "pending"}]}
    label = localize(item.label, "en")
    assert agreement_text(match, agreement) == f"Agreement 1 (turn 1): {label} (by United States, pending)"
    made = News(1, NewsKind.AGREEMENT, "a1", "cambodia", "made")
    broken = News(2, NewsKind.AGREEMENT, "a1", "cambodia", "broken")
    assert news_text(match, broken) == "Cambodia broke agreement 1"
    assert news_text(match, made) == "Agreement 1 made"  # no such agreement in this game: said without its parties


def test_the_teachers_steps_on_the_board_name_the_event_not_its_id(
    class_app: tuple[TestClient, ClassService, str],
) -> None:
    _, service, _ = class_app
    table, _ = seated(service)
    match = table.match
    assert match is not None
    event = match.scenario.events[0]
    service.control(table.id, "inject", {"event": event.id})
    service.control(table.id, "end", {})
    teacher = [w["text"] for w in table_json(service, table)["words"]["news"] if w["kind"] == "facilitator"]
    title = localize(event.title, "en")
    assert teacher == [f"The teacher added the event {title} to the next news", "The teacher ended the game"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_every_download_is_refused_without_the_teachers_token(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    seated(service)
    for path in ("/download/report/t1", "/download/summary", "/download/handouts/cambodia_us"):
        for headers in ({}, bearer("guess"), {"Authorization": admin}, {"Authorization": f"Basic {admin}"}):
            refused = client.get(path, headers=headers)
            assert refused.status_code == 403 and "teacher's token" in refused.text
            assert refused.headers["content-type"].startswith("text/plain") and "<" not in refused.text
        assert client.get(f"{path}?token={admin}").status_code == 403
        assert client.get(path, headers=bearer(admin)).status_code == 200


def test_a_tables_report_is_the_debrief_report_of_that_table(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    table, tokens = seated(service)
    for _ in range(4):
        play_once(service, table, tokens)
    got = client.get("/download/report/t1", headers=bearer(admin))
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/html")
    name = f"common-ground-{service.room.code.lower()}-t1.html"
    assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert table.match is not None
    expected = match_page(
        table.match, usual_ranges(table.scenario), name="Table t1: Blue (United States), Gold (Cambodia)"
    )
    assert got.text == expected


def test_reports_of_tables_not_started_or_unknown_say_why(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    service.add_table()
    waiting = client.get("/download/report/t1", headers=bearer(admin))
    assert waiting.status_code == 404 and "has not started" in waiting.text
    unknown = client.get("/download/report/t9", headers=bearer(admin))
    assert unknown.status_code == 404 and "no table 't9'" in unknown.text
    assert client.get("/download/handouts/nowhere", headers=bearer(admin)).status_code == 404


def test_the_class_summary_lists_every_started_table(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    first, tokens = seated(service)
    service.add_table()  # not started: not in the summary
    play_once(service, first, tokens)
    got = client.get("/download/summary", headers=bearer(admin))
    code = service.room.code.lower()
    assert got.status_code == 200 and "Class summary" in got.text and "1 table reported" in got.text
    assert f'href="common-ground-{code}-t1.html"' in got.text and "t2" not in got.text
    assert got.headers["content-disposition"] == f'attachment; filename="common-ground-{code}-summary.html"'


def test_the_handouts_of_a_scenario_hold_every_sheet(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, admin = class_app
    got = client.get("/download/handouts/cambodia_us", headers=bearer(admin))
    assert got.status_code == 200 and got.text.startswith("<!DOCTYPE html>")
    for words in ("How to play", "United States", "Cambodia", "Facilitator guide", "page-break"):
        assert words in got.text
