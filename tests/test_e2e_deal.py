"""The negotiation table in a real browser against a real class server: two teams in two browser contexts trade a
proposal (each seeing how it weighs for itself) and both see the agreement; a team facing the computer sees how
the computer is likely to weigh its proposal before sending it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from browser_kit import browser
from server_process_kit import Server, free_port, hosting, resumed, set_up, until
from websockets.sync.client import connect

from game.server.views_deal_weigh import compose

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 720}
WAIT = 10_000


def command(server: Server, token: str, pick: str) -> bool:
    """The team of ``token`` sends the option of its decision whose kind is ``pick`` (``choose``: the first answer
    to the news; ``act``: Done); False when it has no such decision now."""
    with connect(server.url + "/ws") as socket:
        socket.send(json.dumps({"type": "resume", "token": token}))
        until(socket, "welcome")
        view = until(socket, "view")
        decision = view["view"]["decision"]
        if decision is None or decision["kind"] != pick:
            return False
        option = decision["options"][0 if pick == "choose" else -1]["command"]
        socket.send(
            json.dumps({"type": "command", "id": view["last_id"] + 1, "table": view["table"], "command": option})
        )
        assert until(socket, "result")["ok"]
        return True


def answer_the_news(server: Server, tokens: dict[str, str]) -> None:
    """Every team answers the first turn's news (over the WebSocket), so that the actions phase begins."""
    for _ in range(12):
        if not any([command(server, token, "choose") for token in tokens.values()]):
            return
    raise AssertionError("the news never ended")


def seat_one_team(server: Server) -> str:
    """The dashboard makes table t1, seats team Blue as the United States and leaves Cambodia to the computer."""
    with connect(server.url + "/ws/teacher") as desk:
        desk.send(json.dumps({"type": "hello", "admin": server.admin}))
        until(desk, "room")
        desk.send(json.dumps({"type": "create_table", "id": 1}))
        until(desk, "result")
        with connect(server.url + "/ws") as team:
            team.send(json.dumps({"type": "hello", "room": server.code, "name": "Blue"}))
            token: str = until(team, "welcome")["token"]
        desk.send(json.dumps({"type": "seat", "id": 2, "table": "t1", "role": "us", "who": "team:Blue"}))
        assert until(desk, "result")["ok"]
        desk.send(json.dumps({"type": "start", "id": 3, "table": "t1"}))
        assert until(desk, "result")["ok"]
    return token


@contextmanager
def team_page(chromium: Any, server: Server, token: str, viewport: dict[str, int]) -> Iterator[Any]:
    """A page of its own browser context that comes back as the team of ``token``."""
    context = chromium.new_context(viewport=viewport)
    context.add_init_script(f"localStorage.setItem('cg-token', {json.dumps(token)})")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url.replace("ws:", "http:") + "/")
    try:
        yield page
    finally:
        context.close()
    assert errors == []


def negotiation(page: Any) -> Any:
    return page.locator("#negotiation")


def test_two_teams_trade_a_proposal_and_both_see_the_agreement(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        tokens = set_up(server)
        answer_the_news(server, tokens)
        with (
            team_page(chromium, server, tokens["us"], PHONE) as blue,
            team_page(chromium, server, tokens["cambodia"], LAPTOP) as gold,
        ):
            mine = negotiation(blue)
            mine.get_by_text("You may negotiate now.").wait_for(timeout=WAIT)
            give = mine.locator("fieldset", has_text="You give").locator("input[type=checkbox]").first
            ask = mine.locator("fieldset", has_text="You ask of Cambodia").locator("input[type=checkbox]").first
            give.check()
            ask.check()
            weigh = mine.get_by_role("heading", name="How it weighs for you")
            assert weigh.is_visible()
            assert mine.get_by_role("heading", name="How Cambodia is likely to weigh it").count() == 0
            mine.get_by_role("button", name="Send the proposal to Cambodia").click()
            mine.get_by_role("heading", name="Your proposal to Cambodia").wait_for(timeout=WAIT)
            assert mine.locator("input:checked").count() == 0  # sent: the builder starts afresh
            assert blue.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

            theirs = negotiation(gold)
            card = theirs.locator("article", has_text="United States' proposal")
            card.wait_for(timeout=WAIT)
            assert "New proposal from United States" in theirs.get_by_role("status").first.inner_text()
            assert card.get_by_role("heading", name="How it weighs for you").is_visible()
            assert "Trust in United States" in card.inner_text()  # Gold's own weighing, by its own objectives
            assert "Trust in Cambodia" not in theirs.inner_text()

            assert command(server, tokens["us"], "act")  # Blue is done: Gold's moment to answer
            card.get_by_role("button", name="Accept United States' proposal of").click()
            theirs.get_by_role("heading", name="Agreement 1 with United States").wait_for(timeout=WAIT)
            mine.get_by_role("heading", name="Agreement 1 with Cambodia").wait_for(timeout=WAIT)
            assert "being implemented" in mine.locator("article", has_text="Agreement 1").inner_text()

            # Gold breaks it: first what it would cost, then a confirmation.
            theirs.get_by_role("button", name="Break agreement 1…").click()
            confirm = theirs.get_by_role("group", name="Break agreement 1? What it would do:")
            assert "Trust between you and United States falls by" in confirm.inner_text()
            theirs.get_by_role("button", name="Keep it").click()
            assert confirm.count() == 0
            assert "broken" not in theirs.locator("article", has_text="Agreement 1").inner_text()
            theirs.get_by_role("button", name="Break agreement 1…").click()
            theirs.get_by_role("button", name="Yes, break it").click()
            folded = mine.get_by_text("Implemented or broken (1)")  # no longer in force: folded away
            folded.wait_for(timeout=WAIT)
            folded.click()
            assert "· broken" in mine.locator("article", has_text="Agreement 1").inner_text()


def test_a_team_facing_the_computer_sees_how_it_would_weigh_the_proposal(tmp_path: Path) -> None:
    with hosting(tmp_path / "home", free_port()) as server, browser() as chromium:
        token = seat_one_team(server)
        answer_the_news(server, {"us": token})
        with team_page(chromium, server, token, PHONE) as blue:
            mine = negotiation(blue)
            mine.get_by_text("You may negotiate now.").wait_for(timeout=WAIT)
            assert "played by the computer" in mine.inner_text()
            assert "Before any item, Cambodia counts" in mine.inner_text()
            mine.get_by_role("button", name="Send the proposal to Cambodia").click()
            assert mine.get_by_role("alert").inner_text() == "Pick at least one item to give or to ask for."
            first = mine.locator("fieldset", has_text="You give").locator("input[type=checkbox]").first
            first.focus()  # by keyboard: Space ticks the box, Enter on the send button sends
            blue.keyboard.press("Space")
            assert first.is_checked()
            mine.locator("fieldset", has_text="You ask of Cambodia").locator("input[type=checkbox]").nth(1).check()
            panel = mine.locator(".deal-weigh")
            assert panel.get_by_role("heading", name="How Cambodia is likely to weigh it").is_visible()
            text = panel.inner_text()
            assert "Trust in United States" in text and "(they give)" in text and "against a threshold of" in text
            # The page adds up the server's parts as the server's own ``compose`` does.
            with connect(server.url + "/ws") as socket:
                other = resumed(socket, token)["view"]["negotiation"]["counterparts"][0]
            give, ask = [other["give"][0]["id"]], [other["ask"][1]["id"]]
            for parts, title in (
                (other["theirs"], "How Cambodia is likely to weigh it"),
                (other["yours"], "How it weighs for you"),
            ):
                weighing = compose(parts, give, ask)
                shown = panel.locator(".deal-breakdown", has=blue.get_by_role("heading", name=title))
                total = float(shown.locator(".deal-total strong").first.inner_text())
                assert abs(total - weighing["score"]) <= 0.051  # the same sum, rounded to one decimal
                labels = shown.locator(".deal-reasons li span:last-child").all_inner_texts()
                assert labels == [r["label"] for r in weighing["reasons"]]
            verdict = mine.locator(".deal-summary").inner_text()
            assert verdict.startswith(("Cambodia would accept", "Cambodia would refuse"))
            mine.get_by_role("button", name="Send the proposal to Cambodia").focus()
            blue.keyboard.press("Enter")
            answered = mine.get_by_text("Answered proposals")
            answered.wait_for(timeout=WAIT)  # the computer answers at once
            answered.click()
            status = (
                mine.locator("article", has_text="Your proposal to Cambodia").locator(".deal-status").first.inner_text()
            )
            assert any(word in status for word in ("accepted", "refused", "counter-proposal"))
