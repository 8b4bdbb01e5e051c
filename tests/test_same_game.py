"""The same seed and the same commands give the same game through every front end: the terminal and a match driven
directly (as the desktop and ``simulate`` drive it) end in equal states (``to_dict``)."""

from __future__ import annotations

import io

import pytest

from game.engine import Scenario
from game.table import PERSON, Match, Seat
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
