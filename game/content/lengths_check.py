"""Checks of a scenario file's ``lengths`` section, and the engine's :class:`~game.engine.scenario.Length` values built
from it. The loader calls :func:`check_lengths` with the file's valid parts and :func:`build_lengths` for a valid
file."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Mapping, Sequence

from game.content import models as m
from game.content.lengths_models import LengthEntry
from game.engine.scenario import Length, ScoreReference, Text

NodePath = tuple[str | int, ...]
#: ``add(at, message, hint)``: report a problem (or a warning) at a place in the file.
Reporter = Callable[[NodePath, str, str], None]


def check_lengths(
    entries: Sequence[tuple[int, LengthEntry]],
    turns: int | None,
    events: Mapping[str, m.Event],
    roles: Collection[str],
    *,
    error: Reporter,
    warning: Reporter,
) -> None:
    """Report every mistake in the ``lengths`` entries: a length not shorter than the full game (a warning: the
    length is left out, so a modder who shortens the full game still gets one), the same length twice, unknown or
    unsuitable event ids, turns after the length's last turn, and score ranges that name no role."""
    seen: dict[int, int] = {}
    for index, entry in entries:
        at: NodePath = ("lengths", index)
        if turns is not None and entry.turns >= turns:
            message = (
                f"a length of {entry.turns} turns is not shorter than the full game, which has {turns}: it is left out"
            )
            warning((*at, "turns"), message, "a length offers a shorter game; remove it or lower its turns")
            continue
        if entry.turns in seen:
            message = f"a length of {entry.turns} turns is already offered by entry {seen[entry.turns] + 1}"
            error((*at, "turns"), message, "offer each length once")
        seen.setdefault(entry.turns, index)
        _check_entry(at, entry, events, roles, error)


def _check_entry(
    at: NodePath, entry: LengthEntry, events: Mapping[str, m.Event], roles: Collection[str], error: Reporter
) -> None:
    """The parts of one length: every turn it names within its own turns, every id it names right."""
    last = entry.turns
    if entry.record_until is not None and entry.record_until > last:
        error((*at, "record_until"), f"record_until {entry.record_until} is after the last turn of this length",
              f"it has {last} turns")  # fmt: skip
    for event_id, turn in entry.at_turn.items():
        place = (*at, "at_turn", event_id)
        event = events.get(event_id)
        if event is None or event.at_turn is None:
            error(place, _event_problem(event_id, event, "scripted"), _hint(event_id, events, scripted=True))
        elif turn > last:
            error(place, f"turn {turn} is after the last turn of this length", f"it has {last} turns")
    for event_id, (first, end) in entry.windows.items():
        place = (*at, "windows", event_id)
        event = events.get(event_id)
        if event is None or event.at_turn is not None:
            error(place, _event_problem(event_id, event, "random"), _hint(event_id, events, scripted=False))
        elif first > end:
            error(place, f"window [{first}, {end}] ends before it starts", "write [first_turn, last_turn]")
        elif end > last:
            error(place, f"window end {end} is after the last turn of this length", f"it has {last} turns")
    reference = entry.score_reference
    for role, bounds in reference.roles.items() if reference is not None else ():
        place = (*at, "score_reference", "roles", role)
        if role not in roles:
            error(place, f"unknown role '{role}'", f"declared roles: {', '.join(sorted(roles))}")
        if not bounds.low <= bounds.typical <= bounds.high:
            error(place, f"the range of '{role}' must have low <= typical <= high", "")


def _event_problem(event_id: str, event: m.Event | None, kind: str) -> str:
    """Why an event id cannot be listed under ``at_turn`` (scripted events) or ``windows`` (random ones)."""
    if event is None:
        return f"unknown event '{event_id}'"
    if kind == "scripted":
        return f"event '{event_id}' is drawn at random, not scripted: list it under 'windows'"
    return f"event '{event_id}' is scripted (it has 'at_turn'): list it under 'at_turn'"


def _hint(event_id: str, events: Mapping[str, m.Event], *, scripted: bool) -> str:
    """A close match among the events of the right kind, or what that kind is."""
    kind = sorted(e for e, event in events.items() if (event.at_turn is not None) == scripted)
    close = difflib.get_close_matches(event_id, kind, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    noun = "scripted events" if scripted else "random events"
    return f"{noun}: {', '.join(kind[:8])}" if kind else f"the scenario has no {noun}"


def build_lengths(
    entries: Sequence[LengthEntry],
    turns: int,
    text: Callable[[str | dict[str, str]], Text],
    reference: Callable[[m.ScoreReference | None], ScoreReference | None],
) -> tuple[Length, ...]:
    """The engine's lengths of a valid file, in file order; those not shorter than the full game are left out."""
    return tuple(
        Length(
            turns=entry.turns,
            name=text(entry.name),
            months_per_turn=entry.months_per_turn,
            record_until=entry.record_until,
            at_turn=dict(entry.at_turn),
            windows={event_id: (first, last) for event_id, (first, last) in entry.windows.items()},
            score_reference=reference(entry.score_reference),
        )
        for entry in entries
        if entry.turns < turns
    )
