"""A room hosted in Khmer (``host --lang km``) in a real browser at phone size: the student's page loads the room's
catalog before it draws, so the join form, the waiting panel, the board, the negotiation table and the briefing
read in Khmer, with the page's language set and the game's own Khmer font; nothing scrolls sideways at 360 px. The
dashboard reads in Khmer too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from browser_kit import browser
from server_process_kit import Server, free_port, hosting, until
from websockets.sync.client import ClientConnection, connect

PHONE = {"width": 360, "height": 740}


def ask(socket: ClientConnection, **request: Any) -> dict[str, Any]:
    socket.send(json.dumps({"id": 1, **request}))
    answer = until(socket, "result")
    assert answer["ok"], answer
    return answer


def fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def heading(page: Any, name: str) -> None:
    page.get_by_role("heading", name=name).first.wait_for(timeout=15_000)


def test_a_team_plays_a_khmer_room_at_phone_size(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port(), lang="km") as server, browser() as chromium:
        page = chromium.new_page(viewport=PHONE)
        page.goto(server.url.replace("ws:", "http:") + "/")
        heading(page, "ចូលរួមថ្នាក់របស់អ្នក")  # "Join your class"
        assert page.evaluate("document.documentElement.lang") == "km"
        assert page.get_by_label("លេខកូដបន្ទប់").is_visible()  # "Room code": the labels are translated too
        assert fits(page)
        page.get_by_label("លេខកូដបន្ទប់").fill(server.code)
        page.get_by_label("ឈ្មោះក្រុម").fill("Blue")
        page.get_by_role("button", name="ចូលរួម", exact=True).click()
        heading(page, "បានចូលរួម៖ មិនទាន់មានកៅអី")  # "Joined: no seat yet"
        with connect(server.url + "/ws/teacher") as teacher, connect(server.url + "/ws") as gold:
            teacher.send(json.dumps({"type": "hello", "admin": server.admin}))
            until(teacher, "room")
            seat_and_start(teacher, gold, server)
            heading(page, "សេចក្តីសង្ខេបរបស់អ្នក")  # "Your briefing"
            heading(page, "ព័ត៌មានក្នុងវេននេះ")  # "News this turn", on the board
            heading(page, "ការចរចា")  # "Negotiation"
            assert "ក្រុម Blue" in page.locator("#who").inner_text()  # "Team Blue · ..."
            assert page.evaluate("document.fonts.check('16px \"Common Ground Khmer\"', 'ក')")
            assert fits(page)
            page.screenshot(path=str(tmp_path / "khmer-board.png"), full_page=True)
            desk = chromium.new_page(viewport={"width": 1280, "height": 720})
            desk.goto(server.url.replace("ws:", "http:") + "/teacher#" + server.admin)
            heading(desk, "ក្រុម")  # "Teams"
            desk.get_by_text("បានតភ្ជាប់៖ បន្ទប់").wait_for(timeout=10_000)  # "Connected: room ..."
            assert desk.evaluate("document.documentElement.lang") == "km"


def seat_and_start(teacher: ClientConnection, gold: ClientConnection, server: Server) -> None:
    """A table with Blue (the page) as the United States and Gold (a socket) as Cambodia, started."""
    ask(teacher, type="create_table")
    gold.send(json.dumps({"type": "hello", "room": server.code, "name": "Gold"}))
    until(gold, "welcome")
    ask(teacher, type="seat", table="t1", role="us", who="team:Blue")
    ask(teacher, type="seat", table="t1", role="cambodia", who="team:Gold")
    ask(teacher, type="start", table="t1")
