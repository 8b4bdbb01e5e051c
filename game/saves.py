"""Saved games: a versioned JSON format, written atomically, refused with a readable message when anything is wrong.

A save is one JSON object::

    {"format": 1, "kind": "common-ground-save", "saved_at": "2025-03-01T14:02:11.123456+00:00",
     "label": "Week 3, class B",
     "scenario": {"id": "cambodia_us", "title": "...", "path": "scenarios/cambodia_us.yaml", "fingerprint": "..."},
     "turn": 4, "date": "March 2019", "roles": {"us": "person", "cambodia": "standard"},
     "session": {...}}

``session`` belongs to the caller (typically ``{"game": game.to_dict(), ...}``); this module only checks that it is
an object. Everything else is described by :class:`SaveInfo`, which is what a Load screen lists without restoring
the game. Every problem with a file ends in a :class:`SaveError` whose message can be shown to the player as is.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

from game.i18n import N_, tr
from game.storage import (
    StorageError,
    StorageProblem,
    data_dir,
    read_json,
    remove_stale_temp_files,
    write_json_atomic,
)

#: The save format this version writes and the newest it reads.
SAVE_FORMAT = 1

#: The ``kind`` every save carries, so that other JSON files are not mistaken for saves.
SAVE_KIND = "common-ground-save"

#: What a role is played by when a person plays it (``"human"`` in saves written before seats).
PERSON = "person"
_PERSON_NAMES = frozenset({PERSON, "human"})


def is_person(player: str) -> bool:
    """Whether a save's ``roles`` entry names a person (rather than a computer level or policy)."""
    return player in _PERSON_NAMES


_AUTOSAVE_NAME = "autosave.json"
_MAX_SLUG = 40


class SaveError(ValueError):
    """A save could not be read, written or deleted; the message is meant for the player's screen."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


#: The autosave's label, as written in its file (shown in the player's language: :attr:`SaveInfo.shown_label`).
AUTOSAVE_LABEL = N_("Autosave")


@dataclass(frozen=True)
class SaveInfo:
    """What a Load screen shows about one save, read from the file without restoring the game."""

    #: The save file.
    path: Path
    #: The player's name for the save.
    label: str
    #: When it was written (timezone-aware).
    saved_at: datetime
    scenario_id: str
    scenario_title: str
    #: Where the scenario file was when the game was saved, as the caller recorded it.
    scenario_path: str
    #: The sha256 of the scenario file the game was played with (``Scenario.fingerprint``).
    fingerprint: str
    turn: int
    #: The in-game date of ``turn`` (the scenario calendar's label).
    date: str
    #: role id -> ``"person"`` (``"human"`` in older saves) or the computer's level or policy.
    roles: dict[str, str] = field(hash=False)

    @property
    def shown_label(self) -> str:
        """The label as the player reads it: the autosave's in the active language, any other as it was typed."""
        return tr(AUTOSAVE_LABEL) if self.label == AUTOSAVE_LABEL else self.label


# ----------------------------------------------------------------------------------------------- where saves live
def saves_dir() -> Path:
    """The folder of saves (``data_dir()/saves``), created if needed."""
    try:
        directory = data_dir() / "saves"
    except StorageError as exc:
        raise SaveError(
            tr("The saves folder cannot be created ({problem})", problem=_os_reason(exc)), path=exc.path
        ) from exc
    try:
        directory.mkdir(exist_ok=True)
    except OSError as exc:
        raise SaveError(
            tr("The saves folder cannot be created ({problem})", problem=exc.strerror or exc), path=directory
        ) from exc
    return directory


def autosave_path() -> Path:
    """The one autosave file, overwritten at each autosave."""
    return saves_dir() / _AUTOSAVE_NAME


def is_autosave(path: Path) -> bool:
    """Whether ``path`` names the autosave (read from its name alone: the folder need not exist)."""
    return Path(path).name == _AUTOSAVE_NAME


def new_save_path(label: str) -> Path:
    """A new file name in :func:`saves_dir` for a save called ``label``: ``20250301-140211-week-3.json``.

    The name keeps the label's letters, digits and marks (any script), replaces everything else with ``-``, and gets a
    ``-2``, ``-3``... suffix if a file of that name already exists.
    """
    directory = saves_dir()
    stem = f"{datetime.now().strftime('%Y%m%d-%H%M%S')}-{_slug(label)}"
    candidate = directory / f"{stem}.json"
    number = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{number}.json"
        number += 1
    return candidate


def _slug(label: str) -> str:
    text = unicodedata.normalize("NFC", label).lower()
    # Letters, digits and combining marks (Khmer vowel signs are marks) of any script; "-" for everything else.
    text = "".join(ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else "-" for ch in text)
    text = re.sub(r"-+", "-", text).strip("-")[:_MAX_SLUG].strip("-")
    return text or "save"


# ----------------------------------------------------------------------------------------------- writing
def write_save(
    path: Path,
    *,
    label: str,
    scenario_id: str,
    scenario_title: str,
    scenario_path: str | os.PathLike[str],
    fingerprint: str,
    turn: int,
    date: str,
    roles: Mapping[str, str],
    session: dict[str, Any],
    saved_at: datetime | None = None,
) -> SaveInfo:
    """Write a save atomically (an existing file at ``path`` is replaced only once the new one is complete).

    ``session`` must be JSON data (``{"game": game.to_dict(), ...}``). ``saved_at`` defaults to now and must be
    timezone-aware. Raises ``ValueError`` naming the bad argument, or :class:`SaveError` if the file cannot be
    written (disk full, no permission, data that is not JSON).
    """
    path = Path(path)
    when = datetime.now(UTC) if saved_at is None else saved_at
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"saved_at must be timezone-aware, not {when!r}")  # i18n: not shown
    document: dict[str, Any] = {
        "format": SAVE_FORMAT,
        "kind": SAVE_KIND,
        "saved_at": when.isoformat(),
        "label": label,
        "scenario": {
            "id": scenario_id,
            "title": scenario_title,
            "path": os.fspath(scenario_path),
            "fingerprint": fingerprint,
        },
        "turn": turn,
        "date": date,
        "roles": dict(roles),
        "session": session,
    }
    info, problems = _parse(path, document)
    if info is None:
        raise ValueError("Cannot write this save: " + "; ".join(problems))  # i18n: not shown
    try:
        # Compact: Python writes JSON without indentation in C, several times faster for a long game's autosave.
        write_json_atomic(path, document, indent=None)
    except StorageError as exc:
        if exc.problem is StorageProblem.NOT_SERIALISABLE:
            problem = tr("Could not save the game: the game data cannot be stored ({problem})", problem=exc)
            raise SaveError(problem, path=path) from exc
        if exc.problem is StorageProblem.TOO_LARGE:  # refused rather than written as a save that cannot be loaded
            problem = tr("Could not save the game: the save is too large ({problem})", problem=exc.detail)
            raise SaveError(problem, path=path) from exc
        raise SaveError(tr("Could not save the game: {problem}", problem=_os_reason(exc)), path=path) from exc
    return info


def _os_reason(exc: StorageError) -> str:
    cause = exc.__cause__
    if isinstance(cause, OSError) and cause.strerror:
        return f"{cause.strerror} ({exc.path})"
    return str(exc)


# ----------------------------------------------------------------------------------------------- reading
_STORAGE_MESSAGES = {
    StorageProblem.MISSING: N_("This save no longer exists"),
    StorageProblem.TOO_LARGE: N_("This save is too large to be a Common Ground save"),
    # JSON is UTF-8 by definition, so a file that is not UTF-8 is not valid JSON either.
    StorageProblem.NOT_UTF8: N_("This save is damaged (not valid JSON)"),
    StorageProblem.EMPTY: N_("This save is empty (nothing was written to it)"),
    StorageProblem.TRUNCATED: N_("This save is incomplete (it was cut off)"),
    StorageProblem.NOT_JSON: N_("This save is damaged (not valid JSON)"),
}


def read_save(path: Path, *, fingerprint: str | None = None) -> tuple[SaveInfo, dict[str, Any]]:
    """Read a save: its :class:`SaveInfo` and the caller's ``session`` dict.

    If ``fingerprint`` is given (the current ``Scenario.fingerprint``), a save made with a different version of the
    scenario file is refused. Raises :class:`SaveError` for anything wrong with the file, never anything else.
    """
    path = Path(path)
    try:
        document = read_json(path)
    except StorageError as exc:
        if exc.problem is StorageProblem.UNREADABLE:
            message = tr("This save could not be read ({problem})", problem=_os_reason(exc))
        else:
            message = tr(_STORAGE_MESSAGES.get(exc.problem, N_("This save could not be read")))
        raise SaveError(message, path=path) from exc
    if not isinstance(document, dict) or document.get("kind") != SAVE_KIND:
        raise SaveError(tr("This is not a Common Ground save"), path=path)
    version = document.get("format")
    if not _is_int(version):
        raise SaveError(tr("This save has no valid format number ({value})", value=_show(version)), path=path)
    if version > SAVE_FORMAT:
        newer = tr("This save was made by a newer version of Common Ground (format {format})", format=version)
        raise SaveError(newer, path=path)
    if version < 1:
        raise SaveError(tr("This save has an unknown format number ({format})", format=version), path=path)
    info, problems = _parse(path, document)
    if info is None:
        raise SaveError(tr("This save is damaged: {problems}", problems="; ".join(problems)), path=path)
    if fingerprint is not None and info.fingerprint != fingerprint:
        name = info.scenario_title or info.scenario_id
        raise SaveError(
            tr(
                "This save belongs to a different version of the scenario '{title}': the scenario file has changed "
                "since",
                title=name,
            ),
            path=path,
        )
    session: dict[str, Any] = document["session"]
    return info, session


def _parse(path: Path, document: dict[str, Any]) -> tuple[SaveInfo | None, list[str]]:
    """Check every field (all problems at once); the info if there were none."""
    problems: list[str] = []

    def text(container: dict[str, Any], key: str, name: str) -> str:
        if key not in container:
            problems.append(tr("'{field}' is missing", field=name))
            return ""
        value = container[key]
        if not isinstance(value, str):
            problems.append(tr("'{field}' should be text, not {value}", field=name, value=_show(value)))
            return ""
        return value

    label = text(document, "label", "label")
    saved_at = datetime.min.replace(tzinfo=UTC)
    if isinstance(document.get("saved_at"), str):
        try:
            saved_at = datetime.fromisoformat(document["saved_at"])
        except ValueError:
            problems.append(
                tr(
                    "'{field}' should be a date and time, not {value}",
                    field="saved_at",
                    value=_show(document["saved_at"]),
                )
            )
        else:
            if saved_at.tzinfo is None:  # written by hand: read it as UTC, so that it sorts with the others
                saved_at = saved_at.replace(tzinfo=UTC)
    else:
        text(document, "saved_at", "saved_at")

    fields = dict.fromkeys(("id", "title", "path", "fingerprint"), "")
    if "scenario" not in document:
        problems.append(tr("'{field}' is missing", field="scenario"))
    elif not isinstance(document["scenario"], dict):
        problems.append(
            tr("'{field}' should be an object, not {value}", field="scenario", value=_show(document["scenario"]))
        )
    else:
        fields = {key: text(document["scenario"], key, f"scenario.{key}") for key in fields}

    turn = 0
    if "turn" not in document:
        problems.append(tr("'{field}' is missing", field="turn"))
    elif not _is_int(document["turn"]) or document["turn"] < 0:
        problems.append(
            tr(
                "'{field}' should be a whole number of 0 or more, not {value}",
                field="turn",
                value=_show(document["turn"]),
            )
        )
    else:
        turn = document["turn"]
    date = text(document, "date", "date")

    roles: dict[str, str] = {}
    if "roles" not in document:
        problems.append(tr("'{field}' is missing", field="roles"))
    elif not isinstance(document["roles"], dict):
        problems.append(tr("'{field}' should be an object, not {value}", field="roles", value=_show(document["roles"])))
    else:
        for role, player in document["roles"].items():
            if not isinstance(role, str):  # only possible when writing
                problems.append(tr("role ids should be text, not {value}", value=_show(role)))
                break
            if not isinstance(player, str) or not player:
                problems.append(
                    tr(
                        "'{field}' should be 'person' or a computer level, not {value}",
                        field=f"roles.{_clip(role)}",
                        value=_show(player),
                    )
                )
                break
            roles[role] = player

    if "session" not in document:
        problems.append(tr("'{field}' is missing", field="session"))
    elif not isinstance(document["session"], dict):
        problems.append(
            tr("'{field}' should be an object, not {value}", field="session", value=_show(document["session"]))
        )

    if problems:
        return None, problems
    info = SaveInfo(
        path=path,
        label=label,
        saved_at=saved_at,
        scenario_id=fields["id"],
        scenario_title=fields["title"],
        scenario_path=fields["path"],
        fingerprint=fields["fingerprint"],
        turn=turn,
        date=date,
        roles=roles,
    )
    return info, []


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: object) -> str:
    """A short description of a bad value for a message on screen."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return tr("an object")
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, str):
        return repr(_clip(value))
    return _clip(repr(value))


# ----------------------------------------------------------------------------------------------- listing
def list_saves(directory: Path | None = None) -> tuple[list[SaveInfo], list[tuple[Path, str]]]:
    """The readable saves in ``directory`` (default :func:`saves_dir`), newest first, and the refused files.

    Every ``*.json`` file is tried; a file that is refused is listed with the reason (the :class:`SaveError`
    message) instead of hiding the others. A folder that does not exist holds no saves. Never raises for what the
    folder contains; if the folder itself cannot be read, that is the one refused entry. Temporary files that an
    interrupted save left behind are removed once they are stale (see :func:`~game.storage.remove_stale_temp_files`).
    """
    try:
        folder = saves_dir() if directory is None else Path(directory)
    except SaveError as exc:
        return [], [(exc.path or Path(), str(exc))]
    remove_stale_temp_files(folder)
    try:
        candidates = sorted(p for p in folder.glob("*.json") if p.is_file())
    except OSError as exc:
        return [], [(folder, tr("The saves folder could not be read ({problem})", problem=exc.strerror or exc))]
    good: list[SaveInfo] = []
    bad: list[tuple[Path, str]] = []
    for candidate in candidates:
        try:
            info, _session = read_save(candidate)
        except SaveError as exc:
            bad.append((candidate, str(exc)))
        else:
            good.append(info)
    good.sort(key=lambda info: (info.saved_at, info.path.name), reverse=True)
    return good, bad


def latest_save(directory: Path | None = None) -> SaveInfo | None:
    """The newest readable save (the autosave included), or ``None`` if there is none."""
    good, _bad = list_saves(directory)
    return good[0] if good else None


def delete_save(path: Path) -> None:
    """Delete a save file; deleting one that is already gone is not an error. Raises :class:`SaveError` otherwise."""
    path = Path(path)
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise SaveError(
            tr("This save could not be deleted ({problem})", problem=exc.strerror or exc), path=path
        ) from exc
