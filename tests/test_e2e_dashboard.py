"""The teacher's dashboard in a real browser against a real ``main.py host``: signing in with the token from the
address, a table made and seated with a team that joined from another browser and a computer, started, paused
and resumed (the team sees it), a turn timer counting down, the report downloaded, the game ended after a
confirmation; and the dashboard refusing a wrong token."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from browser_kit import browser
from server_process_kit import Server, free_port, hosting, resumed, set_up
from websockets.sync.client import connect


def open_dashboard(chromium: Any, server: Server, width: int = 1280, height: int = 720) -> Any:
    page = chromium.new_page(viewport={"width": width, "height": height})
    page.goto(server.url.replace("ws:", "http:") + "/teacher#" + server.admin)
    page.get_by_text(f"Connected: room {server.code}").wait_for(timeout=10_000)
    return page


def join(chromium: Any, server: Server, name: str) -> tuple[Any, str]:
    """A team joins from its own browser context (a phone-sized page): the page and the team's token."""
    page = chromium.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(server.url.replace("ws:", "http:") + "/")
    page.get_by_label("Room code").fill(server.code)
    page.get_by_label("Team name").fill(name)
    page.get_by_role("button", name="Join").click()
    page.wait_for_function("() => localStorage.getItem('cg-token') !== null", timeout=10_000)
    return page, str(page.evaluate("() => localStorage.getItem('cg-token')"))


def paused_for(server: Server, token: str) -> bool:
    """Whether the team's view from the server says its game is paused."""
    with connect(server.url + "/ws") as socket:
        return bool(resumed(socket, token)["view"]["paused"])


def test_the_teacher_runs_a_table_from_the_dashboard(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        desk = open_dashboard(chromium, server)
        assert server.admin not in desk.url  # the token left the address bar
        assert desk.locator("#code").inner_text() == server.code
        desk.get_by_role("button", name="Create table").click()
        card = desk.get_by_role("article", name=re.compile("Table t1"))
        card.get_by_text("Waiting to start").wait_for(timeout=10_000)
        student, token = join(chromium, server, "Blue")
        desk.get_by_text("1 team, 1 connected now").wait_for(timeout=10_000)
        card.get_by_label("United States", exact=True).select_option("team:Blue")
        desk.get_by_text("Seat of United States set.").wait_for(timeout=10_000)
        card.get_by_label("Cambodia", exact=True).select_option("beginner")
        desk.get_by_text("Seat of Cambodia set.").wait_for(timeout=10_000)
        card.get_by_role("button", name="Start table t1").click()
        card.get_by_text("Turn 1 of 3").wait_for(timeout=10_000)
        assert "table t1, United States" in desk.locator("#teams").inner_text()

        card.get_by_role("button", name="Pause", exact=True).click()
        card.get_by_role("button", name="Resume", exact=True).wait_for(timeout=10_000)
        assert "Paused · Turn 1 of 3" in card.locator(".status").inner_text()
        student.get_by_role("status").filter(has_text=re.compile("paused", re.I)).first.wait_for(timeout=10_000)
        assert paused_for(server, token)
        card.get_by_role("button", name="Resume", exact=True).click()
        card.get_by_role("button", name="Pause", exact=True).wait_for(timeout=10_000)
        assert not paused_for(server, token)

        card.get_by_label("Turn timer").select_option("180")
        desk.get_by_text("Timer of t1 set.").wait_for(timeout=10_000)
        assert re.fullmatch(r"[23]:\d\d left", card.locator(".countdown").inner_text())

        with desk.expect_download(timeout=20_000) as got:
            card.get_by_role("button", name="Download the report").click()
        report = Path(got.value.path()).read_text(encoding="utf-8")
        assert got.value.suggested_filename == f"common-ground-{server.code.lower()}-t1.html"
        assert "Debrief report" in report and "Table t1: Blue (United States)" in report
        with desk.expect_download(timeout=20_000) as got:
            desk.get_by_role("button", name="Download the class summary").click()
        assert "1 table reported" in Path(got.value.path()).read_text(encoding="utf-8")

        desk.get_by_label("Let teams pick a free seat themselves").check()
        desk.get_by_text("Teams may pick their seats.").wait_for(timeout=10_000)
        desk.get_by_role("button", name="Rejoin code for Blue").click()
        desk.locator("#rejoin").get_by_text(re.compile("^[A-Z0-9]{6}$")).wait_for(timeout=10_000)
        desk.screenshot(path=str(tmp_path / "dashboard-1280x720.png"), full_page=True)
        desk.once("dialog", lambda dialog: dialog.accept())
        card.get_by_role("button", name="End now").click()
        card.get_by_text(re.compile(r"^Over \(turn 1 of 3\)")).wait_for(timeout=10_000)


def test_the_projector_view_and_a_refused_token(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        set_up(server)  # a started table of two teams, made over the dashboard's socket
        desk = open_dashboard(chromium, server, 1920, 1080)
        desk.get_by_role("article", name=re.compile("Table t1")).wait_for(timeout=10_000)
        desk.screenshot(path=str(tmp_path / "dashboard-1920x1080.png"), full_page=True)
        desk.get_by_role("button", name="Show on the projector").click()
        projector = desk.get_by_role("region", name="Projector view")
        projector.get_by_role("heading", name=re.compile("Table t1")).wait_for(timeout=10_000)
        assert desk.locator("#desk").is_hidden() and desk.locator("#code").is_visible()
        assert projector.get_by_role("img", name=re.compile("^Overall relations: ")).is_visible()
        desk.screenshot(path=str(tmp_path / "projector-1920x1080.png"))
        desk.keyboard.press("Escape")
        desk.locator("#desk").wait_for(timeout=10_000)
        assert projector.is_hidden() and desk.evaluate("() => document.activeElement.id") == "t1-project"
        desk.reload()  # the token was kept for this tab: a reload signs in again without it in the address
        desk.get_by_text(f"Connected: room {server.code}").wait_for(timeout=10_000)
        assert server.admin not in desk.url

        wrong = chromium.new_page(viewport={"width": 1280, "height": 720})
        wrong.goto(server.url.replace("ws:", "http:") + "/teacher#not-the-token")
        wrong.get_by_text("That token was refused").wait_for(timeout=10_000)
        assert wrong.get_by_label("Teacher's token or dashboard address").is_visible()
        assert wrong.locator("#desk").is_hidden()
        wrong.screenshot(path=str(tmp_path / "refused-1280x720.png"))
