"""The class server's room: teams join, the teacher seats and starts, seats play through checked commands, a
refused command changes nothing, views keep each seat's private data to itself, and the store keeps a table
through a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from server_kit import play_once, seated, service_at

from game.engine import Phase
from game.server.room import CODE_ALPHABET, RoomError, Table, digest, new_code
from game.server.service import ClassService
from game.server.store import SqliteStore, archive
from game.server.views import public_json, seat_json
from game.table import Match, command_to_json


@pytest.fixture
def service(tmp_path: Path) -> ClassService:
    return service_at(tmp_path / "class.sqlite3")[0]


def test_room_codes_are_six_unambiguous_characters() -> None:
    codes = {new_code() for _ in range(50)}
    assert len(codes) > 45
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("0O1IL5S8B2Z") & set(CODE_ALPHABET)


def test_joining_needs_the_code_and_a_new_name(service: ClassService) -> None:
    room = service.room
    with pytest.raises(RoomError, match="wrong room code"):
        room.join("XXXXXX" if room.code != "XXXXXX" else "YYYYYY", "Blue")
    token, team = service.join(room.code.lower(), "  Blue   Team ")
    assert team.name == "Blue Team"
    assert len(token) >= 22 and team.token_digest == digest(token) and token not in team.token_digest
    assert room.team(token) is team
    for name, words in (("blue team", "already here"), ("", "type a team name"), ("x" * 41, "at most"), (3, "text")):
        with pytest.raises(RoomError, match=words):
            room.join(room.code, name)


def test_a_room_stops_a_runaway_script_at_its_limits(service: ClassService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("game.server.room.TEAM_LIMIT", 2)
    monkeypatch.setattr("game.server.room.TABLE_LIMIT", 2)
    service.join(service.room.code, "One")
    service.join(service.room.code, "Two")
    with pytest.raises(RoomError, match="room is full"):
        service.join(service.room.code, "Three")
    service.add_table()
    service.add_table()
    with pytest.raises(RoomError, match="at most 2 tables"):
        service.add_table()
    assert len(service.room.teams) == 2 and len(service.room.tables) == 2


def test_seating_and_starting_are_checked(service: ClassService) -> None:
    table = service.add_table()
    service.join(service.room.code, "Blue")
    with pytest.raises(RoomError, match="at least one team"):
        service.start(table.id)
    for role, who, words in (("us", "team:Nobody", "no team called"), ("spain", "team:Blue", "no role"),
                             ("us", "wizard", "computer level"), ("us", "team:Blue", "")):  # fmt: skip
        if words:
            with pytest.raises(RoomError, match=words):
                service.seat(table.id, role, who)
        else:
            service.seat(table.id, role, who)
    assert table.seats == {"us": "team:Blue", "cambodia": ""}
    with pytest.raises(RoomError, match="no table"):
        service.start("t99")
    match = service.start(table.id).match
    assert match is not None and match.seats["cambodia"].player == "standard" and match.seats["us"].is_person
    with pytest.raises(RoomError, match="has started"):
        service.seat(table.id, "cambodia", "strong")


def test_a_seat_moves_a_team_from_its_old_seat(service: ClassService) -> None:
    first, second = service.add_table(), service.add_table()
    service.join(service.room.code, "Blue")
    service.seat(first.id, "us", "team:Blue")
    service.seat(second.id, "cambodia", "team:blue")
    assert first.seats["us"] == "" and second.seats["cambodia"] == "team:Blue"
    team = service.room.team_named("BLUE")
    assert team is not None and (team.table, team.role) == (second.id, "cambodia")
    service.start(second.id)
    with pytest.raises(RoomError, match="Blue plays at table t2, which has started"):
        service.seat(first.id, "us", "team:Blue")
    assert second.seats["cambodia"] == "team:Blue" and first.seats["us"] == ""


def test_two_teams_play_whole_turns_through_commands(service: ClassService) -> None:
    table, tokens = seated(service)
    assert table.match is not None
    roles = set()
    while table.match.game.turn < 3:
        roles.add(play_once(service, table, tokens))
    assert roles == {"us", "cambodia"}
    assert len(table.match.reports) == 2
    assert service.room.team(tokens["us"]).last_id > 1


def _refused(service: ClassService, words: str, token: object, table: object, message_id: object, data: object) -> None:
    match = service.room.tables["t1"].match
    assert match is not None
    before = json.dumps(match.to_dict(), sort_keys=True)
    with pytest.raises(RoomError, match=words):
        service.command(token, table, message_id, data)
    assert json.dumps(match.to_dict(), sort_keys=True) == before


def test_every_wrong_command_is_refused_and_changes_nothing(service: ClassService) -> None:
    table, tokens = seated(service)
    assert table.match is not None
    decision = table.match.decision()
    assert decision is not None and decision.role == "us"
    good = command_to_json(decision.options[0])
    other = dict(good, role="cambodia")
    service.command(tokens["us"], table.id, 5, good)
    play = command_to_json(table.match.decision().options[-1])  # type: ignore[union-attr]
    cases = [
        ("unknown team token", "forged-token-" + "x" * 10, table.id, 6, play),
        ("no valid team token", None, table.id, 6, play),
        ("already received", tokens["us"], table.id, 5, play),
        ("already received", tokens["us"], table.id, 3, play),
        ("whole number id", tokens["us"], table.id, "7", play),
        ("does not sit at that table", tokens["us"], "t2", 6, play),
        ("cannot act for another seat", tokens["us"], table.id, 6, other),
        ("not a command", tokens["us"], table.id, 6, {"type": "launch_missiles"}),
        ("not a command", tokens["us"], table.id, 6, {"type": "commit", "role": "us"}),
        ("an object", tokens["us"], table.id, 6, [1, 2]),
        ("no choice of .us. is pending", tokens["us"], table.id, 6, good),
    ]
    for words, *args in cases:
        _refused(service, words, *args)


def test_a_seat_cannot_act_out_of_its_moment_or_while_paused(service: ClassService) -> None:
    table, tokens = seated(service)
    assert table.match is not None
    waiting = next(r for r in tokens if r != table.match.waiting_for())
    decision_now = table.match.decision()
    assert decision_now is not None
    own = command_to_json(decision_now.options[0]) | {"role": waiting}
    _refused(service, "moment", tokens[waiting], table.id, 1, own)
    service.control(table.id, "pause", {})
    mover = table.match.waiting_for()
    assert mover is not None
    _refused(service, "paused", tokens[mover], table.id, 1, command_to_json(decision_now.options[0]))
    service.control(table.id, "resume", {})
    play_once(service, table, tokens)


def test_the_teachers_controls_are_checked(service: ClassService) -> None:
    table, _ = seated(service)
    for action, args, words in (("resume", {}, "not paused"), ("fly", {}, "unknown control"),
                                ("timer", {"seconds": "ten"}, "whole number"), ("timer", {"seconds": 5}, "10 to"),
                                ("inject", {"event": "alien_landing"}, "alien_landing")):  # fmt: skip
        with pytest.raises(RoomError, match=words):
            service.control(table.id, action, args)
    service.control(table.id, "timer", {"seconds": 120})
    service.control(table.id, "end", {})
    assert table.match is not None and table.match.is_over()
    with pytest.raises(RoomError, match="not started"):
        service.control(service.add_table().id, "pause", {})


def test_a_seats_view_holds_only_its_own_private_data(service: ClassService) -> None:
    table, tokens = seated(service)
    match = table.match
    assert match is not None
    objectives = {r.id: r.objectives["en"] for r in match.scenario.roles}
    for role in tokens:
        text = json.dumps(seat_json(match, role))
        other = next(r for r in tokens if r != role)
        assert objectives[role] in text and objectives[other] not in text
    public = json.dumps(public_json(match))
    assert all(o not in public for o in objectives.values())
    us = seat_json(match, "us")
    assert us["decision"]["kind"] == "choose" and all("command" in o for o in us["decision"]["options"])
    assert seat_json(match, "cambodia")["decision"] is None
    assert {"family_label", "cost", "forecast", "status"} <= set(us["actions"][0])
    service.control(table.id, "end", {})
    ended = seat_json(match, "us")
    assert ended["over"] and objectives["cambodia"] in json.dumps(ended["ending"])


def test_the_review_says_why_each_indicator_moved(service: ClassService) -> None:
    table, tokens = seated(service)
    assert table.match is not None
    while table.match.game.turn < 2:
        play_once(service, table, tokens)
    review = seat_json(table.match, "us")["review"]
    assert review["turn"] == 1 and review["changes"]
    assert all(isinstance(c["why"], str) and c["why"] for c in review["changes"])


def test_a_table_survives_a_restart_of_the_server(tmp_path: Path) -> None:
    path = tmp_path / "class.sqlite3"
    service, admin = service_at(path)
    table, tokens = seated(service)
    assert table.match is not None
    for _ in range(3):
        play_once(service, table, tokens)
    service.control(table.id, "timer", {"seconds": 90})
    saved = table.match.to_dict()
    code = service.room.code
    service.store.close()

    again, new_admin = service_at(path)
    assert again.room.code == code and new_admin != admin
    assert again.room.is_admin(new_admin) and not again.room.is_admin(admin)
    restored = again.room.tables[table.id]
    assert restored.match is not None and restored.match.to_dict() == saved
    assert restored.seats == table.seats
    for role, token in tokens.items():
        team = again.room.team(token)
        assert (team.table, team.role) == (table.id, role)
    roles = {play_once(again, restored, tokens) for _ in range(4)}
    assert roles and restored.match.to_dict() != saved


def test_tables_and_teams_keep_their_order_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "class.sqlite3"
    service, _ = service_at(path)
    first, tokens = seated(service)  # t1 with two teams, started
    second = service.add_table(seed=5)
    service.join(service.room.code, "Red")
    for _ in range(2):
        play_once(service, first, tokens)  # t1 written again after t2
    name = service.room.team(next(iter(tokens.values()))).name
    code = service.rejoin_code(name, 10.0)
    service.rejoin(service.room.code, name, code, 11.0)  # a new token for the first team
    tables, teams = list(service.room.tables), [t.name for t in service.room.teams.values()]
    service.store.close()

    again, _ = service_at(path)
    assert list(again.room.tables) == tables == [first.id, second.id]
    assert [t.name for t in again.room.teams.values()] == teams == ["Blue", "Gold", "Red"]  # as they joined
    assert teams[0] == name and again.room.team_named(name) is not None


def _to_actions(service: ClassService, table: Table, tokens: dict[str, str]) -> Match:
    """Answer the news until the table is in its actions phase."""
    match = table.match
    assert match is not None
    while match.game.phase is not Phase.ACTIONS:
        play_once(service, table, tokens)
    return match


def test_the_turn_timer_ends_the_turn_on_the_server(service: ClassService) -> None:
    table, tokens = seated(service)
    match = _to_actions(service, table, tokens)
    turn = match.game.turn
    service.control(table.id, "timer", {"seconds": 30})
    assert service.team_json(service.room.team(tokens["us"]))["seconds_left"] == 30  # before the clock's first tick
    assert service.tick(100.0) == [] and service.seconds_left(table.id) == 30
    assert service.tick(120.0) == [] and service.seconds_left(table.id) == 10
    service.control(table.id, "pause", {})
    assert service.tick(200.0) == [] and service.seconds_left(table.id) == 10  # paused: the count stands still
    service.control(table.id, "resume", {})
    service.control(table.id, "more_time", {"seconds": 15})
    assert service.tick(215.0) == [] and service.seconds_left(table.id) == 10
    assert service.tick(226.0) == [table.id]
    assert match.game.turn == turn + 1 and "Time ran out" in match.teacher.interventions[-1].detail
    assert service.team_json(service.room.team(tokens["us"]))["seconds_left"] == 30  # a new turn: a new count


def test_a_team_sees_the_whole_time_of_a_new_turn_before_the_count_starts(service: ClassService) -> None:
    table, tokens = seated(service)
    match = _to_actions(service, table, tokens)
    turn = match.game.turn
    service.control(table.id, "timer", {"seconds": 180})
    assert service.tick(100.0) == [] and service.tick(160.0) == []
    assert service.team_json(service.room.team(tokens["us"]))["seconds_left"] == 120
    while match.game.turn == turn:
        play_once(service, table, tokens)  # both sides done: the turn ends before the time runs out
    for token in tokens.values():  # the new turn's whole time, not what the last turn had left
        assert service.team_json(service.room.team(token))["seconds_left"] == 180


def test_the_turn_timer_waits_for_the_news_and_stops_when_turned_off(service: ClassService) -> None:
    table, _ = seated(service)
    match = table.match
    assert match is not None and match.game.phase is Phase.NEWS
    service.control(table.id, "timer", {"seconds": 10})
    service.tick(0.0)
    assert service.tick(50.0) == [] and match.game.phase is Phase.NEWS
    service.control(table.id, "timer", {"seconds": None})
    assert service.tick(100.0) == [] and service.seconds_left(table.id) is None
    with pytest.raises(RoomError, match="add 1 to"):
        service.control(table.id, "more_time", {"seconds": 0})


def test_the_teacher_pauses_and_resumes_every_table_at_once(service: ClassService) -> None:
    first, _ = seated(service)
    second = service.add_table()
    service.join(service.room.code, "Third")
    service.seat(second.id, "us", "team:Third")
    service.start(second.id)
    idle = service.add_table()
    service.control(second.id, "pause", {})
    assert service.pause_all(True) == [first.id]
    assert all(t.match is not None and t.match.teacher.paused for t in (first, second)) and idle.match is None
    assert service.pause_all(False) == [first.id, second.id]
    assert not any(t.match is not None and t.match.teacher.paused for t in (first, second))


def test_a_new_class_puts_the_last_one_aside_with_its_log(tmp_path: Path) -> None:
    path = tmp_path / "class.sqlite3"
    service, _ = service_at(path)
    seated(service)
    code = service.room.code  # the store is left open, as after a kill: its write-ahead log holds the tables
    kept = archive(path)
    assert kept is not None and not path.exists() and archive(path) is None
    assert SqliteStore(kept).load().tables[0].match is not None  # type: ignore[union-attr]
    fresh, _ = service_at(path)
    assert fresh.room.tables == {} and fresh.room.code != code
