"""The class server in the room's language: a room hosted in Khmer keeps its language, builds its views, refusals
and dashboard in it, and serves the browser client's catalog; an English room is unchanged."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from server_kit import SCENARIO, TURNS, seated
from test_server_app import until

from game.i18n import language
from game.server.app import create_app
from game.server.client_catalog import client_catalog
from game.server.host import load_at_length
from game.server.service import ClassService
from game.server.store import SqliteStore

with warnings.catch_warnings():  # this Starlette's test client prefers a renamed httpx; the one installed works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

#: Known Khmer words of the catalogs (server and client).
NOTE_KM = "សំណើមួយមិនអាចដកមកវិញបានទេ"
NOTE_EN = "A proposal cannot be taken back once sent"
WRONG_CODE_KM = "លេខកូដបន្ទប់មិនត្រឹមត្រូវ"


def open_service(path: Path, lang: str | None) -> tuple[ClassService, str]:
    service = ClassService(SqliteStore(path), load_at_length, SCENARIO, TURNS, lang)
    return service, service.open()


@pytest.fixture
def khmer_app(tmp_path: Path) -> Iterator[tuple[TestClient, ClassService, str]]:
    service, admin = open_service(tmp_path / "class.sqlite3", "km")
    with TestClient(create_app(service)) as client:
        yield client, service, admin


def test_a_khmer_room_builds_its_views_in_khmer_and_an_english_room_stays_english(tmp_path: Path) -> None:
    for lang, note in (("km", NOTE_KM), ("en", NOTE_EN)):
        service, _ = open_service(tmp_path / f"{lang}.sqlite3", lang)
        table, tokens = seated(service)
        assert table.match is not None and table.match.game.lang == lang  # the scenario's texts too
        view = service.team_json(service.room.team(next(iter(tokens.values()))))
        assert view["lang"] == lang
        assert view["view"]["negotiation"]["note"].startswith(note)
        room = service.room_json({})
        assert room["lang"] == lang
    assert language() == "en"  # the process's language is left alone


def test_the_room_keeps_its_language_for_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "class.sqlite3"
    service, _ = open_service(path, "km")
    service.store.close()
    again, _ = open_service(path, None)
    assert again.lang == "km"
    again.store.close()
    chosen, _ = open_service(path, "en")  # a language given at the start wins, and is kept
    assert chosen.lang == "en"
    chosen.store.close()
    assert open_service(path, None)[0].lang == "en"


def test_refusals_and_views_reach_the_pages_in_khmer(khmer_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = khmer_app
    with ExitStack() as stack:
        team = stack.enter_context(client.websocket_connect("/ws"))
        team.send_json({"type": "hello", "room": "WRONG1", "name": "Blue"})
        assert WRONG_CODE_KM in until(team, "error")["message"]
        team.send_json({"type": "hello", "room": service.room.code, "name": "Blue"})
        welcome = until(team, "welcome")
        assert welcome["lang"] == "km"
        desk = stack.enter_context(client.websocket_connect("/ws/teacher"))
        desk.send_json({"type": "hello", "admin": admin})
        assert until(desk, "room")["lang"] == "km"
        desk.send_json({"type": "create_table", "id": 1})
        assert until(desk, "result")["ok"]
        desk.send_json({"type": "seat", "id": 2, "table": "t1", "role": "us", "who": "team:Blue"})
        assert until(desk, "result")["ok"]
        desk.send_json({"type": "start", "id": 3, "table": "t1"})
        assert until(desk, "result")["ok"]
        view = until(team, "view")
        while not view["started"]:
            view = until(team, "view")
        assert view["view"]["negotiation"]["note"].startswith(NOTE_KM)
        team.send_json({"type": "command", "id": 0, "table": "t1", "command": {}})
        refused = until(team, "error")
        assert "ចំនួនគត់" in refused["message"]  # "a command needs a whole number id greater than 0"
        stale = stack.enter_context(client.websocket_connect("/ws"))
        stale.send_json({"type": "resume", "token": "not-a-token"})
        lost = until(stale, "error")
        assert lost["reason"] == "token" and "ថូខឹន" in lost["message"]


def test_the_client_catalog_is_served_as_json(khmer_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, _ = khmer_app
    room = client.get("/i18n.json")
    assert room.status_code == 200 and room.headers["content-type"].startswith("application/json")
    data = room.json()
    assert data["lang"] == "km" and data["messages"]["Join"] == "ចូលរួម"
    assert data["plurals"]["{n} team, {on} connected now"] == ["{n} ក្រុម, {on} កំពុងតភ្ជាប់ឥឡូវ"]
    assert data["plural_index"] == []  # Khmer has one form
    assert client.get("/i18n/km.json").json() == data
    english = client.get("/i18n/en.json").json()
    assert english == {"lang": "en", "messages": {}, "plurals": {}, "plural_index": []}
    assert client.get("/i18n/xx.json").json()["lang"] == "en"  # a language without a catalog: English
    assert "default-src 'self'" in room.headers["content-security-policy"]


def test_every_client_msgid_has_its_khmer_and_keeps_its_placeholders() -> None:
    data = client_catalog("km")
    assert len(data["messages"]) > 250
    for msgid, text in data["messages"].items():
        assert sorted(_names(msgid)) == sorted(_names(text)), msgid


def _names(text: str) -> list[str]:
    import re

    return re.findall(r"\{(\w+)\}", text)


def test_the_khmer_font_is_served_from_the_game_itself(khmer_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, _ = khmer_app
    font = client.get("/fonts/NotoSansKhmer-Regular.ttf")
    assert font.status_code == 200 and font.headers["content-type"] == "font/ttf" and len(font.content) > 50_000
    assert client.get("/fonts/../room.py").status_code == 404
    assert client.get("/fonts/CommonGroundSans-Regular.ttf").status_code == 404
    assert "Noto Sans Khmer" in client.get("/static/style.css").text


def test_the_pages_mark_their_words_for_translation(khmer_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, _ = khmer_app
    page = client.get("/").text
    assert '<h1 id="join-title" data-i18n>Join your class</h1>' in page
    assert "<script" in page and "<script>" not in page  # no inline script: the policy stays default-src 'self'
    assert 'import { t } from "./i18n.js"' in client.get("/static/student.js").text


def test_the_downloads_speak_the_rooms_language(khmer_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = khmer_app
    refused = client.get("/download/summary")
    assert refused.status_code == 403 and "ថូខឹន" in refused.text
    scenario = service.room_json({})["scenarios"][0]["id"]
    handouts = client.get(f"/download/handouts/{scenario}", headers={"Authorization": f"Bearer {admin}"})
    assert handouts.status_code == 200 and "ឯកសារចែក៖" in handouts.text  # "Handouts: ..."
