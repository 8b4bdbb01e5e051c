"""Shorter games: the lengths a scenario offers besides its full game, and the scenario of a given length.

A scenario is written for its full number of turns. A *length* is a shorter game of the same scenario: fewer turns,
and the turn numbers in the scenario moved to fit them. :func:`of_length` derives the scenario of a length from the
full one; it is a pure function, so a save that records its length rebuilds the very same scenario.

What a length does not say is mapped proportionally from the full game: turn ``t`` of ``T`` becomes
``1 + (t - 1) * (N - 1) / (T - 1)`` turns into a game of ``N``, rounded half up (so the first turn stays the first and
the last stays the last). That moves each scripted event's ``at_turn``, both ends of each random event's window and
the calendar's ``record_until``; a turn lasts long enough that the game spans about the same months. Delays,
durations, cooldowns and implementation times are counted in turns and kept as they are; expressions that read
``turn`` read the turn of the game being played.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from game.engine.scenario import Calendar, Event, Length, Scenario

#: The fewest turns a game of any length may have (unless the scenario offers a shorter length itself).
MIN_TURNS = 3
#: The longest a turn may last, in months (as in the file format's calendar).
MAX_MONTHS_PER_TURN = 24


class LengthError(ValueError):
    """A game length the scenario cannot be played at (the number of turns asked for is in the message)."""


def full_length(scenario: Scenario) -> Length:
    """The full game of a scenario, as a length (its own turns and calendar)."""
    return Length(scenario.turns, {"en": f"Full game ({scenario.turns} turns)"})


def length_choices(scenario: Scenario) -> tuple[Length, ...]:
    """The lengths to choose from: the full game first, then each length the scenario offers, in file order."""
    return (full_length(scenario), *scenario.lengths)


def check_turns(scenario: Scenario, turns: int) -> None:
    """Raise :class:`LengthError` unless a game of ``scenario`` can last ``turns`` turns: any number from
    :data:`MIN_TURNS` to the full game's, or a length the scenario offers."""
    if turns == scenario.turns or any(length.turns == turns for length in scenario.lengths):
        return
    if not MIN_TURNS <= turns <= scenario.turns:
        low = min(MIN_TURNS, scenario.turns)
        raise LengthError(f"a game of this scenario lasts {low} to {scenario.turns} turns, not {turns}")


def map_turn(turn: int, full: int, turns: int) -> int:
    """Turn ``turn`` of a ``full``-turn game, moved to a game of ``turns`` turns (proportionally, rounded half up)."""
    if full <= 1 or turns <= 1:
        return 1
    mapped = int(1 + (turn - 1) * (turns - 1) / (full - 1) + 0.5)
    return max(1, min(turns, mapped))


def of_length(scenario: Scenario, turns: int) -> Scenario:
    """The scenario of a game of ``turns`` turns, derived from the full ``scenario``: the same scenario (same ``id``)
    with its turns, scripted events, windows and calendar moved, and the length's own score reference. Its
    fingerprint is the full one's combined with the length, so a save tells the lengths apart. The full game is
    ``scenario`` itself. Raises :class:`LengthError` for a length the scenario cannot be played at."""
    if turns == scenario.turns:
        return scenario
    check_turns(scenario, turns)
    length = next((x for x in scenario.lengths if x.turns == turns), None) or Length(turns, {})
    full = scenario.turns
    return replace(
        scenario,
        turns=turns,
        events=tuple(_event(event, length, full) for event in scenario.events),
        calendar=_calendar(scenario.calendar, length, full),
        score_reference=length.score_reference,
        fingerprint=length_fingerprint(scenario.fingerprint, turns),
        lengths=(),
    )


def length_fingerprint(fingerprint: str, turns: int) -> str:
    """The fingerprint of the ``turns``-turn game of a scenario whose file has ``fingerprint``."""
    return hashlib.sha256(f"{fingerprint}\nlength {turns}".encode()).hexdigest()


def _event(event: Event, length: Length, full: int) -> Event:
    """An event moved to a game of ``length.turns`` turns."""
    turns = length.turns
    at_turn = event.at_turn
    if event.id in length.at_turn:
        at_turn = length.at_turn[event.id]
    elif at_turn is not None:
        at_turn = map_turn(at_turn, full, turns)
    if event.id in length.windows:
        first, last = length.windows[event.id]
        return replace(event, at_turn=at_turn, first_turn=first, last_turn=last)
    first_turn = map_turn(event.first_turn, full, turns)
    last_turn = None if event.last_turn is None else map_turn(event.last_turn, full, turns)
    return replace(event, at_turn=at_turn, first_turn=first_turn, last_turn=last_turn)


def _calendar(calendar: Calendar, length: Length, full: int) -> Calendar:
    """The calendar of a game of ``length.turns`` turns: the length's own turn length, else one that spans about the
    same months as the full game; its record ends at the length's ``record_until``, else at the mapped one."""
    turns = length.turns
    months = length.months_per_turn
    if months is None:
        months = max(1, min(MAX_MONTHS_PER_TURN, int(full * calendar.months_per_turn / turns + 0.5)))
    record = length.record_until
    if record is None and calendar.record_until is not None:
        record = map_turn(calendar.record_until, full, turns)
    return replace(calendar, months_per_turn=months, record_until=record)
