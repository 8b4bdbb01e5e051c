"""Saving and restoring matches: the glue between :mod:`game.saves` (files) and :class:`~game.table.Match`.

Both front ends use it, so a lesson can stop in one and resume in the other.
"""

from __future__ import annotations

from pathlib import Path

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.engine import LengthError, Scenario, localize, of_length
from game.i18n import tr
from game.saves import AUTOSAVE_LABEL, SaveError, SaveInfo, autosave_path, new_save_path, read_save, write_save
from game.storage import StorageError, data_dir, read_json, write_json_atomic
from game.table import DAMAGED, Match
from game.table.reference import ReferenceCache


def save_match(match: Match, path: Path, label: str) -> SaveInfo:
    """Write ``match`` to ``path`` atomically."""
    scenario = match.scenario
    return write_save(
        path,
        label=label,
        scenario_id=scenario.id,
        scenario_title=localize(scenario.title, match.game.lang),
        scenario_path=str(Path(match.scenario_path).resolve()),
        fingerprint=scenario.fingerprint,
        turn=match.game.turn,
        date=scenario.calendar.label(match.game.turn),
        roles={role: seat.player for role, seat in match.seats.items()},
        session=match.to_dict(),
    )


def save_new(match: Match, label: str) -> SaveInfo:
    """Save under a new file name in the saves folder."""
    return save_match(match, new_save_path(label), label)


def autosave_match(match: Match) -> str:
    """Write the autosave; returns an error message for the screen, or ``""``."""
    try:
        save_match(match, autosave_path(), AUTOSAVE_LABEL)
    except (OSError, StorageError, SaveError, ValueError) as exc:
        return tr("Autosave failed: {problem}", problem=exc)
    return ""


def _of_saved_length(scenario: Scenario, turns: object) -> Scenario:
    """The scenario of the length a save records (its ``turns``); the full game for a save that records none."""
    if turns is None:
        return scenario
    if not isinstance(turns, int) or isinstance(turns, bool):
        raise SaveError(
            tr("This save is damaged (its length should be a number of turns, not {value})", value=repr(turns))
        )
    try:
        return of_length(scenario, turns)
    except LengthError as exc:
        raise SaveError(tr("This save's length no longer fits its scenario: {problem}", problem=exc)) from None


def load_match(path: Path) -> Match:
    """Restore a saved match; raises :class:`SaveError` with a message a player can read."""
    info, data = read_save(path)
    try:
        scenario = load_scenario(info.scenario_path)
    except ScenarioError as exc:
        first = exc.problems[0].message if exc.problems else tr("it is not valid")
        raise SaveError(
            tr("The scenario of this save ({file}) cannot be loaded: {problem}", file=info.scenario_path, problem=first)
        ) from None
    scenario = _of_saved_length(scenario, data.get("turns"))
    if scenario.fingerprint != info.fingerprint:
        raise SaveError(
            tr(
                "This save belongs to a different version of the scenario '{title}': the scenario file has changed "
                "since",
                title=info.scenario_title,
            )
        )
    try:
        return Match.from_dict(scenario, info.scenario_path, data)
    except DAMAGED as exc:  # the saved parts are checked as they are read (LogError, SeatError: ValueErrors)
        raise SaveError(tr("This save is damaged ({problem})", problem=exc)) from None


def reference_cache() -> ReferenceCache | None:
    """The cache of usual score ranges in the user's data folder (``cache/``), its folder found now (a background
    thread must not look for it later, when it may have changed); ``None`` when there is no data folder."""
    try:
        folder = data_dir() / "cache"
    except StorageError:
        return None
    return ReferenceCache(lambda: folder, read_json, write_json_atomic)
