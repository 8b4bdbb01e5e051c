"""The student's page in a real browser at phone size (360x740) against a real class server: a team joins, is seated
from the dashboard, reads its briefing, answers the news, commits an action by keyboard alone, finishes the turn
and reads the review; a team that lost its token comes back with a rejoin code, sees the turn timer count down,
is stopped by the teacher's pause and reads the end screen; a team picks its own seat."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from browser_kit import browser
from server_process_kit import Server, free_port, hosting, set_up, until
from websockets.sync.client import ClientConnection, connect

PHONE = {"width": 360, "height": 740}


def hello(socket: ClientConnection, server: Server) -> ClientConnection:
    """The teacher's dashboard says hello."""
    socket.send(json.dumps({"type": "hello", "admin": server.admin}))
    until(socket, "room")
    return socket


def wait_until(page: Any, check: Callable[[], bool], seconds: float = 10) -> None:
    """Poll ``check`` until it holds (the page's strict policy forbids the browser evaluating strings)."""
    for _ in range(int(seconds * 10)):
        if check():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page never got there")


def ask(socket: ClientConnection, **request: Any) -> dict[str, Any]:
    """One of the teacher's requests, answered."""
    socket.send(json.dumps({"id": 1, **request}))
    answer = until(socket, "result")
    assert answer["ok"], answer
    return answer


def autoplay(socket: ClientConnection, server: Server, name: str) -> None:
    """A team that joins as ``name`` on ``socket`` and, once seated, answers every decision at once (the first
    choice of an event, Done when acting)."""
    socket.send(json.dumps({"type": "hello", "room": server.code, "name": name}))
    until(socket, "welcome")

    def play() -> None:
        try:
            while True:
                message = json.loads(socket.recv())
                decision = message.get("view") and message["view"]["decision"]
                if message["type"] == "view" and decision:
                    option = decision["options"][-1 if decision["kind"] == "act" else 0]
                    command = {"type": "command", "id": message["last_id"] + 1, "table": message["table"],
                               "command": option["command"]}  # fmt: skip
                    socket.send(json.dumps(command))
        except Exception:  # the test is over: the connection closed
            return

    threading.Thread(target=play, daemon=True).start()


def open_page(chromium: Any, server: Server) -> Any:
    page = chromium.new_page(viewport=PHONE)
    page.goto(server.url.replace("ws:", "http:") + "/")
    return page


def fits(page: Any) -> bool:
    """Nothing scrolls sideways at phone width."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def answer_the_news(page: Any) -> int:
    """Click the first choice of each event the seat is asked about, until none is left; how many were answered."""
    answered = 0
    choose = page.locator("#decision:not([hidden]) button[data-key^='choose:']:enabled").first
    while answered < 8:
        try:
            choose.wait_for(timeout=2000)
        except Exception:  # Playwright's timeout: no more events to answer
            return answered
        key = choose.get_attribute("data-key")
        choose.click()
        page.wait_for_selector(f"[data-key='{key}']", state="detached", timeout=10_000)
        answered += 1
    return answered


def test_a_team_joins_reads_its_briefing_plays_a_turn_by_keyboard_and_reads_the_review(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        page = open_page(chromium, server)
        page.get_by_label("Room code").fill(server.code)
        page.get_by_label("Team name").fill("Blue")
        page.get_by_role("button", name="Join").click()
        page.get_by_role("heading", name="Joined: no seat yet").wait_for(timeout=10_000)
        with connect(server.url + "/ws/teacher") as teacher, connect(server.url + "/ws") as gold:
            play_a_turn(page, hello(teacher, server), gold, server, tmp_path)


def play_a_turn(page: Any, teacher: ClientConnection, gold: ClientConnection, server: Server, shots: Path) -> None:
    """Blue (in the page) is seated and plays its first turn; Gold answers everything at once."""
    ask(teacher, type="create_table")
    ask(teacher, type="seat", table="t1", role="us", who="team:Blue")
    page.get_by_role("heading", name="Seated: United States").wait_for(timeout=10_000)
    assert "waiting for the start" in page.locator("#status").inner_text()
    autoplay(gold, server, "Gold")
    ask(teacher, type="seat", table="t1", role="cambodia", who="team:Gold")
    ask(teacher, type="start", table="t1")

    page.get_by_role("heading", name="Your briefing").wait_for(timeout=10_000)
    assert page.get_by_role("heading", name="Your private objectives (your score)").is_visible()
    assert "overall relations (15%)" in page.locator("#briefing").inner_text()
    page.screenshot(path=str(shots / "briefing.png"), full_page=True)
    page.get_by_role("button", name="To the board: a decision waits for you").click()
    ask(teacher, type="control", table="t1", action="timer", seconds=120)
    assert answer_the_news(page) >= 1
    page.get_by_text("Your move: commit actions, then Done.").wait_for(timeout=10_000)
    timer = page.locator("#fact-timer")
    wait_until(page, lambda: re.fullmatch(r"1:5[0-9]", timer.inner_text()) is not None)
    first = timer.inner_text()
    page.wait_for_timeout(2100)
    assert timer.inner_text() < first  # counting down on the page

    # By keyboard alone: Tab to the Actions tab, open it with Space, Tab to the first Commit, press Enter.
    page.locator("#main").focus()
    page.keyboard.press("Shift+Tab")
    for _ in range(8):
        if page.evaluate("document.activeElement.textContent") == "Actions":
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert page.get_by_role("heading", name="Your actions").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Your actions"  # the nav took the keyboard there
    assert page.locator("#nav button[aria-current]").inner_text() == "Actions"
    for _ in range(12):
        page.keyboard.press("Tab")
        if (page.evaluate("document.activeElement.dataset.key") or "").startswith("commit:"):
            break
    action = page.evaluate("document.activeElement.getAttribute('aria-label')").removeprefix("Commit: ")
    page.keyboard.press("Enter")
    page.get_by_text(f"Committed this turn: {action}.").wait_for(timeout=10_000)
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Withdraw: {action}"
    more = page.locator("#actions details[data-key^='more:']").nth(1)
    more.locator("summary").click()
    page.get_by_label(f"Withdraw: {action}").focus()
    page.keyboard.press("Space")  # withdraw it again: the page is drawn anew, what was open stays open
    page.get_by_text("Committed this turn: nothing yet.").wait_for(timeout=10_000)
    assert more.get_attribute("open") is not None
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Commit: {action}"
    page.keyboard.press("Enter")
    page.get_by_text(f"Committed this turn: {action}.").wait_for(timeout=10_000)
    assert fits(page)
    page.screenshot(path=str(shots / "actions.png"), full_page=True)

    page.get_by_role("button", name="Done for this turn").click()
    page.get_by_role("heading", name="What happened in turn 1").wait_for(timeout=15_000)
    review = page.locator(".review").inner_text()
    assert action in review and "What mattered most" in review
    assert "2 of 3" in page.locator("#fact-turn").inner_text()
    assert fits(page)
    page.screenshot(path=str(shots / "review.png"), full_page=True)


def test_a_team_rejoins_with_a_code_sees_the_timer_the_pause_and_the_end(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        set_up(server)
        with connect(server.url + "/ws/teacher") as teacher:
            rejoin_and_play(open_page(chromium, server), hello(teacher, server), server, tmp_path)


def rejoin_and_play(page: Any, teacher: ClientConnection, server: Server, shots: Path) -> None:
    """Blue, seated and started, comes back on a new page with a rejoin code; the teacher times, pauses and ends."""
    page.get_by_label("Room code").fill(server.code)
    page.get_by_label("Team name").fill("Blue")
    page.get_by_role("button", name="Join").click()
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=10_000)
    assert "already here" in alert.inner_text() and page.get_by_label("Rejoin code").is_visible()

    code = ask(teacher, type="rejoin", team="Blue")["code"]
    page.get_by_label("Rejoin code").fill(code)
    page.get_by_role("button", name="Join").click()
    page.get_by_role("heading", name="Your briefing").wait_for(timeout=10_000)
    assert alert.is_hidden()
    page.get_by_role("button", name="Actions", exact=True).click()
    closed = page.locator("#actions").get_by_text("Not available: actions can only be committed in the actions phase")
    assert closed.count() > 10 and closed.first.is_visible()  # why an action cannot be taken now

    ask(teacher, type="control", table="t1", action="timer", seconds=120)
    timer = page.locator("#fact-timer")
    wait_until(page, lambda: timer.inner_text() == "2:00 after the news")  # the clock waits for the news

    ask(teacher, type="control", table="t1", action="pause")
    page.get_by_text("Paused by the teacher").first.wait_for(timeout=10_000)
    choices = page.locator("#decision button[data-key^='choose:']")
    assert choices.count() >= 2 and all(choices.nth(i).is_disabled() for i in range(choices.count()))
    assert timer.inner_text() == "paused"
    ask(teacher, type="control", table="t1", action="resume")
    wait_until(page, lambda: choices.first.is_enabled())

    page.evaluate("window.scrollTo(0, 1500)")  # reading further down the page when the game ends
    ask(teacher, type="control", table="t1", action="end")
    page.get_by_role("heading", name="Game over", exact=False).wait_for(timeout=10_000)
    # the end screen from its top, with the keyboard on its heading
    assert page.evaluate("[window.scrollY, document.activeElement.id]") == [0, "end-title"]
    end = page.locator("#end")
    assert end.get_by_role("heading", name="Scores").is_visible()
    assert "United States (you)" in end.locator("table.scores").inner_text()
    charts = end.locator("svg.spark")
    assert charts.count() >= 10 and charts.first.get_attribute("aria-label")
    assert end.get_by_role("heading", name="Debrief: how Cambodia saw the game").is_visible()
    assert end.get_by_role("heading", name="Your decisions, turn by turn").is_visible()
    assert end.locator("table tr").count() >= 3 + 11  # the scores, and the values behind the charts (folded)
    assert page.locator("#nav").is_hidden()
    assert fits(page)
    page.screenshot(path=str(shots / "end.png"), full_page=True)


def test_a_team_picks_a_free_seat_when_the_teacher_lets_it(tmp_path: Path) -> None:
    with (
        hosting(tmp_path / "home", free_port()) as server,
        browser() as chromium,
        connect(server.url + "/ws/teacher") as teacher,
    ):
        pick_a_seat(open_page(chromium, server), hello(teacher, server), server)


def pick_a_seat(page: Any, teacher: ClientConnection, server: Server) -> None:
    """The teacher lets teams pick; Blue takes Cambodia's seat from the page, by keyboard."""
    ask(teacher, type="create_table")
    ask(teacher, type="picking", allowed=True)
    page.get_by_label("Room code").fill(server.code)
    page.get_by_label("Team name").fill("Blue")
    page.get_by_label("Team name").press("Enter")
    seat = page.get_by_role("button", name="Sit at table t1 as Cambodia")
    seat.wait_for(timeout=10_000)
    seat.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Seated: Cambodia").wait_for(timeout=10_000)
    assert page.get_by_role("button", name="Sit at table t1 as United States").is_visible()
    ask(teacher, type="start", table="t1")
    page.get_by_role("heading", name="Your briefing").wait_for(timeout=10_000)
    assert "You play Cambodia" in page.locator("#briefing").inner_text()


def test_the_page_says_the_connection_is_lost_and_catches_up_when_the_server_is_back(tmp_path: Path) -> None:
    home, port = tmp_path / "home", free_port()
    with browser() as chromium:
        with hosting(home, port) as server:
            token = set_up(server)["us"]
            http = server.url.replace("ws:", "http:")
            kept = {"origin": http, "localStorage": [{"name": "cg-token", "value": token}]}
            page = chromium.new_context(viewport=PHONE, storage_state={"cookies": [], "origins": [kept]}).new_page()
            page.goto(http + "/")
            page.get_by_role("heading", name="Your briefing").wait_for(timeout=10_000)
            page.get_by_role("button", name="Board", exact=True).click()
            choose = page.locator("#decision button[data-key^='choose:']").first
            assert choose.is_enabled()
            server.kill()
            page.get_by_text("Connection lost: trying again").wait_for(timeout=10_000)
            assert choose.is_disabled()  # no command can be sent while offline
        with hosting(home, port) as again, connect(again.url + "/ws/teacher") as teacher:
            ask(hello(teacher, again), type="control", table="t1", action="pause")
            page.get_by_text("Paused by the teacher").first.wait_for(timeout=15_000)
            assert page.get_by_role("heading", name="Decision needed", exact=False).is_visible()
            assert choose.is_disabled() and page.locator("#fact-timer").inner_text() == "paused"
