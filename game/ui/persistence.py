"""Saving and restoring sessions: the glue between :mod:`game.saves` and :class:`~game.ui.session.Session`."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.engine import localize
from game.saves import SaveError, SaveInfo, autosave_path, new_save_path, read_save, write_save
from game.storage import StorageError
from game.ui.session import Session


def save_session(session: Session, path: Path, label: str) -> SaveInfo:
    """Write ``session`` to ``path`` atomically."""
    scenario = session.scenario
    return write_save(
        path,
        label=label,
        scenario_id=scenario.id,
        scenario_title=localize(scenario.title, session.game.lang),
        scenario_path=str(Path(session.scenario_path).resolve()),
        fingerprint=scenario.fingerprint,
        turn=session.game.turn,
        date=scenario.calendar.label(session.game.turn),
        roles=dict(session.players),
        session=session.to_dict(),
    )


def save_new(session: Session, label: str) -> SaveInfo:
    """Save under a new file name in the saves folder."""
    return save_session(session, new_save_path(label), label)


def autosave_session(session: Session) -> str:
    """Write the autosave; returns an error message for the screen, or ``""``."""
    try:
        save_session(session, autosave_path(), "Autosave")
    except (OSError, StorageError, SaveError, ValueError) as exc:
        return f"Autosave failed: {exc}"
    return ""


def load_session(path: Path) -> Session:
    """Restore a saved session; raises :class:`SaveError` with a message a player can read."""
    info, data = read_save(path)
    try:
        scenario = load_scenario(info.scenario_path)
    except ScenarioError as exc:
        first = exc.problems[0].message if exc.problems else "it is not valid"
        raise SaveError(f"The scenario of this save ({info.scenario_path}) cannot be loaded: {first}") from None
    if scenario.fingerprint != info.fingerprint:
        raise SaveError(
            f"This save belongs to a different version of the scenario '{info.scenario_title}': "
            "the scenario file has changed since"
        )
    try:
        return Session.from_dict(scenario, info.scenario_path, data)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise SaveError(f"This save is damaged ({exc})") from None
