"""The same seed and the same commands give the same game through every front end: the desktop, the terminal, a match
driven directly and ``simulate`` end in equal states (``to_dict``)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from game import present
from game.engine import Choose, Commit, Respond, Scenario, Withdraw
from game.table import PERSON, Done, Match, Seat
from game.table.simulate import play
from game.text import run


def terminal_match(sc: Scenario, seed: int, lines: list[str], seats: dict[str, Seat]) -> Match:
    """Play the terminal game with scripted input; returns its match (caught by the save hook)."""
    caught: list[Match] = []

    def save(match: Match) -> str:
        caught[:] = [match]
        return ""

    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    assert run(sc, role=None, seed=seed, stdin=stdin, stdout=io.StringIO(), seats=seats, save=save) == 0
    return caught[0]


def replayed_by_hand(sc: Scenario, seed: int, seats: dict[str, Seat], played: Match) -> Match:
    """A new match of the same seed and seats, sent the people's commands of ``played`` one by one."""
    match = Match.start(sc, seats, seed)
    for entry in played.log:
        if entry.by == "person":
            match.apply(entry.role, entry.command)
    return match


@pytest.mark.parametrize("seed", [3, 34823])
def test_an_idle_person_gives_the_same_game_in_the_terminal_and_at_a_match(scenario: Scenario, seed: int) -> None:
    seats = {"us": Seat("standard"), "cambodia": PERSON}
    played = terminal_match(scenario, seed, ["1", "2", "e"] * 80, seats)
    assert played.is_over()
    again = replayed_by_hand(scenario, seed, seats, played)
    assert again.to_dict() == played.to_dict()


def test_two_people_in_the_terminal_give_the_same_game_as_the_same_commands_at_a_match(scenario: Scenario) -> None:
    seats = {"us": PERSON, "cambodia": PERSON}
    played = terminal_match(scenario, 12, ["", "1", "3", "e"] * 200, seats)
    assert played.is_over()
    assert replayed_by_hand(scenario, 12, seats, played).to_dict() == played.to_dict()


def test_simulate_plays_the_same_game_as_a_match_of_computer_seats(scenario: Scenario) -> None:
    game, _ = play(scenario, 77, {"us": "greedy", "cambodia": "casual"})
    match = Match.start(scenario, {"us": Seat("greedy"), "cambodia": Seat("casual")}, 77)
    assert game.to_dict() == match.game.to_dict()


def terminal_lines(sc: Scenario, match: Match) -> list[str]:
    """The terminal input that sends the people's commands of ``match`` (one person, no privacy lines)."""
    lines: list[str] = []
    for entry in match.log:
        if entry.by != "person":
            continue
        command = entry.command
        if isinstance(command, Choose):
            choices = [c.id for c in sc.event(command.event).choices]
            lines.append(str(choices.index(command.choice) + 1))
        elif isinstance(command, Commit | Withdraw):
            actions = [a.id for a in present.menu_actions(match.game, command.role)]
            lines.append(str(actions.index(command.action) + 1))
        elif isinstance(command, Respond):
            lines.append("1" if command.accept else "2")
        elif isinstance(command, Done):
            lines.append("e")
        else:  # pragma: no cover - the keyboard walk below sends nothing else
            raise AssertionError(f"no terminal line for {command!r}")
    return lines


@pytest.mark.parametrize("seed", [5, 34823])
def test_the_desktop_and_the_terminal_give_the_same_game_for_the_same_commands(
    make_app: Any, scenario: Scenario, seed: int
) -> None:
    """A keyboard-only desktop game (first choices, the first action each turn, refusing proposals), then the same
    commands typed into the terminal and sent to a match directly: three equal games."""
    from uikit import screens, start

    app = make_app()
    desktop = start(app, scenario, role="cambodia", seed=seed)
    for _ in screens(app):
        pass
    assert desktop.is_over()
    seats = dict(desktop.seats)
    assert any(isinstance(e.command, Commit) and e.by == "person" for e in desktop.log)
    terminal = terminal_match(scenario, seed, terminal_lines(scenario, desktop), seats)
    assert terminal.to_dict() == desktop.to_dict()
    assert replayed_by_hand(scenario, seed, seats, desktop).to_dict() == desktop.to_dict()
