"""The class server as a real process: ``python main.py host`` serves two teams and the dashboard over WebSockets;
killed with SIGKILL mid-game and started again, it resumes every table and the teams carry on with their tokens."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from server_process_kit import Server, free_port, hosting, resume, resumed, set_up, until
from websockets.sync.client import connect


def play(server: Server, tokens: dict[str, str]) -> None:
    """The seat whose moment it is sends its decision's first option."""
    for token in tokens.values():
        with connect(server.url + "/ws") as socket:
            seen = resumed(socket, token)
            decision = seen["view"]["decision"]
            if decision is None:
                continue
            command = decision["options"][0]["command"]
            socket.send(json.dumps({"type": "command", "id": seen["last_id"] + 1, "command": command}))
            assert until(socket, "result")["ok"] is True
            return
    raise AssertionError("nobody had a decision to take")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_a_killed_server_resumes_every_table_and_the_teams_carry_on(tmp_path: Path) -> None:
    home, port = tmp_path / "home", free_port()
    with hosting(home, port) as server:
        tokens = set_up(server)
        play(server, tokens)
        before = {role: resume(server, token) for role, token in tokens.items()}
        code = server.code
        server.kill()
    assert (home / "data" / "class.sqlite3").exists()
    with hosting(home, port) as again:
        assert again.code == code
        for role, token in tokens.items():
            seen = resume(again, token)
            assert seen == before[role] and seen["started"] and seen["view"]["role"] == role
        play(again, tokens)
        after = {role: resume(again, token) for role, token in tokens.items()}
        assert after != before
