"""A student joins the class from a real browser: the room code and a team name on the student's page, then the
dashboard (over its WebSocket) sees the team connected."""

from __future__ import annotations

import json
from pathlib import Path

from browser_kit import browser
from server_process_kit import free_port, hosting, until
from websockets.sync.client import connect


def test_a_team_joins_from_a_browser_and_the_dashboard_sees_it(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        page = chromium.new_page(viewport={"width": 360, "height": 740})
        page.goto(server.url.replace("ws:", "http:") + "/")
        page.get_by_label("Room code").fill(server.code)
        page.get_by_label("Team name").fill("Blue")
        page.get_by_role("button", name="Join").click()
        page.get_by_text("waiting for a seat").wait_for(timeout=10_000)
        with connect(server.url + "/ws/teacher") as desk:
            desk.send(json.dumps({"type": "hello", "admin": server.admin}))
            room = until(desk, "room")
        assert [(t["name"], t["connected"]) for t in room["teams"]] == [("Blue", True)]


def test_the_qr_codes_address_fills_in_the_room_code(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        page = chromium.new_page(viewport={"width": 360, "height": 740})
        page.goto(server.url.replace("ws:", "http:") + "/?room=" + server.code.lower())
        page.get_by_label("Team name").wait_for(timeout=10_000)
        assert page.get_by_label("Room code").input_value() == server.code
        page.keyboard.type("Gold")  # the team name has the keyboard: the code is already there
        page.keyboard.press("Enter")
        page.get_by_text("no seat yet").wait_for(timeout=10_000)
