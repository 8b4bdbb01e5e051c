"""A class through a server restart, in real browsers against a real ``main.py host``: the teacher's open
dashboard hides a rejoin code once the team has used it, says why its token no longer works after a restart (a
restarted server prints a new one) and signs in again with the new address, with the tables in the order they were
made."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from browser_kit import browser
from server_process_kit import Server, free_port, hosting, set_up


def test_the_dashboard_through_a_rejoin_and_a_server_restart(tmp_path: Path) -> None:
    home, port = tmp_path / "home", free_port()
    with hosting(home, port) as server, browser() as chromium:
        set_up(server)  # t1, started
        desk = chromium.new_page(viewport={"width": 1280, "height": 720})
        desk.goto(server.url.replace("ws:", "http:") + "/teacher#" + server.admin)
        desk.get_by_text(f"Connected: room {server.code}").wait_for(timeout=10_000)
        desk.get_by_role("button", name="Create table").click()
        desk.get_by_role("article", name=re.compile("Table t2")).wait_for(timeout=10_000)
        t1 = desk.get_by_role("article", name=re.compile("Table t1"))
        t1.get_by_role("button", name="Pause", exact=True).click()  # t1 is written again after t2 was made
        t1.get_by_role("button", name="Resume", exact=True).wait_for(timeout=10_000)
        desk.get_by_role("button", name="Rejoin code for Blue").click()
        shown = desk.locator("#rejoin")
        code = shown.get_by_text(re.compile("^[A-Z0-9]{6}$")).inner_text(timeout=10_000)
        phone = chromium.new_page(viewport={"width": 360, "height": 740})
        phone.goto(server.url.replace("ws:", "http:") + "/")
        phone.get_by_label("Room code").fill(server.code)
        phone.get_by_label("Team name").fill("Blue")
        phone.get_by_text("Our team already joined on another device").click()
        phone.get_by_label("Rejoin code").fill(code.lower())
        phone.get_by_role("button", name="Join").click()
        phone.get_by_role("heading", name="Your briefing").wait_for(timeout=10_000)
        desk.get_by_text("Team Blue is back with its rejoin code.").wait_for(timeout=10_000)
        assert shown.is_hidden()  # a used code is no longer on show
        server.kill()
        desk.get_by_text("Connection lost").wait_for(timeout=10_000)
        again = Server(home, port)
        try:
            desk.get_by_text("The server was restarted").wait_for(timeout=15_000)
            assert desk.get_by_label("Teacher's token or dashboard address").is_visible()
            address = again.url.replace("ws:", "http:") + "/teacher#" + again.admin
            desk.get_by_label("Teacher's token or dashboard address").fill(address)
            desk.get_by_role("button", name="Open the dashboard").click()
            desk.get_by_text(f"Connected: room {server.code}").wait_for(timeout=10_000)
            headings = desk.locator("#tables article h3").all_inner_texts()
            assert [h.split(" ·")[0] for h in headings] == ["Table t1", "Table t2"]
        finally:
            again.kill()


HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter((h) => h.offsetParent !== null || h.classList.contains('sr-only') && !h.closest('[hidden]'))
  .map((h) => Number(h.tagName[1]))"""


def test_a_students_page_has_its_headings_in_order_and_its_messages_in_sentences(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        tokens = set_up(server)
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        context.add_init_script(f"localStorage.setItem('cg-token', {json.dumps(tokens['us'])})")
        page = context.new_page()
        page.goto(server.url.replace("ws:", "http:") + "/")
        page.get_by_role("heading", name=re.compile("^Decision needed: ")).wait_for(timeout=10_000)
        levels = page.evaluate(HEADINGS)
        assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

        other = chromium.new_page(viewport={"width": 360, "height": 740})
        other.goto(server.url.replace("ws:", "http:") + "/")
        other.get_by_label("Room code").fill(server.code)
        other.get_by_label("Team name").fill("Blue")
        other.get_by_role("button", name="Join").click()
        alert = other.get_by_role("alert")
        alert.wait_for(timeout=10_000)
        assert alert.locator("p").inner_text().startswith("A team called 'Blue' is already here")
