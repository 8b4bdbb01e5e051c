"""Where Common Ground keeps its files, and how it reads and writes JSON safely.

Two folders, both from :mod:`platformdirs` unless ``$COMMON_GROUND_HOME`` is set (tests, classrooms, portable
installs), in which case they are ``<home>/data`` and ``<home>/config``:

- :func:`data_dir` holds saves (see :mod:`game.saves`);
- :func:`config_dir` holds settings (see :mod:`game.settings`).

:func:`write_json_atomic` never leaves a half-written file: the old content stays until the new content is complete
on disk. :func:`read_json` turns every way a file can be bad into one :class:`StorageError` that says which way.
Both keep to one size limit, :data:`MAX_JSON_BYTES`: what one writes, the other reads. A temporary file left behind
by a write that was interrupted (the program killed, the machine switched off) is removed by
:func:`remove_stale_temp_files` once it is old enough that no write can still be working on it.
"""

from __future__ import annotations

import codecs
import contextlib
import enum
import json
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

import platformdirs

#: The application name used for the per-user folders.
APP_NAME = "common-ground"

#: Environment variable that moves both folders under one directory.
HOME_ENV = "COMMON_GROUND_HOME"

#: Largest JSON file :func:`read_json` accepts and :func:`write_json_atomic` writes, in bytes. A game of 200 turns
#: with thousands of free actions a turn writes an autosave of about 30 MB; twice that still parses in seconds, and
#: a save larger still is refused when it is written rather than written and then refused when it is read.
MAX_JSON_BYTES = 64 * 1024 * 1024

#: Age in seconds after which a temporary file of an interrupted write is removed. A write holds its temporary file
#: for the time it takes to write and sync at most :data:`MAX_JSON_BYTES` bytes, far less than this.
STALE_TEMP_SECONDS = 15 * 60

#: The name of the temporary file of a write to ``NAME``: ``.NAME.<8 random characters>.tmp``.
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp", re.ASCII)


class StorageProblem(enum.Enum):
    """Why a file could not be read or written."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too large"
    NOT_UTF8 = "not UTF-8"
    EMPTY = "empty"
    TRUNCATED = "truncated"
    NOT_JSON = "not JSON"
    NOT_SERIALISABLE = "not serialisable"
    UNWRITABLE = "unwritable"


class StorageError(ValueError):
    """A file could not be read or written; ``problem`` says why, ``path`` says which file, ``detail`` says why in
    words (the message without the path)."""

    def __init__(self, message: str, *, path: Path, problem: StorageProblem, detail: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.problem = problem
        self.detail = detail


# ----------------------------------------------------------------------------------------------- folders
def _home() -> Path | None:
    home = os.environ.get(HOME_ENV, "")
    return Path(home).expanduser() if home else None


def _ensure_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot create the folder ({exc.strerror or exc})", path=path, problem=StorageProblem.UNWRITABLE
        ) from exc
    return path


def data_dir() -> Path:
    """The per-user data folder (saves live here), created if needed; ``$COMMON_GROUND_HOME/data`` if set.

    Raises :class:`StorageError` if the folder cannot be created.
    """
    home = _home()
    return _ensure_dir(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    """The per-user configuration folder (settings live here), created if needed; ``$COMMON_GROUND_HOME/config`` if set.

    Raises :class:`StorageError` if the folder cannot be created.
    """
    home = _home()
    return _ensure_dir(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


# ----------------------------------------------------------------------------------------------- writing
def write_json_atomic(path: Path, data: Any, *, indent: int | None = 1) -> None:
    """Write ``data`` as UTF-8 JSON to ``path`` so that ``path`` is always either the old file or the new one.

    ``indent`` is passed to :func:`json.dumps` (``None`` for the most compact file).

    Data whose JSON is larger than :data:`MAX_JSON_BYTES` is refused (problem ``TOO_LARGE``): :func:`read_json`
    could not read it back. Stale temporary files of earlier, interrupted writes to ``path`` are removed first.

    The data is serialised in memory first (strict JSON: no NaN or infinity), written to a temporary file in the same
    folder, flushed and synced to disk, then renamed over ``path``; the folder is synced too where the OS allows.
    The parent folder is created if needed. Raises :class:`StorageError` (problem ``NOT_SERIALISABLE``,
    ``TOO_LARGE`` or ``UNWRITABLE``, the original exception as ``__cause__``); the old file is untouched in every
    case.
    """
    path = Path(path)
    try:
        text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"
        try:
            payload = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in some string: escape everything instead
            payload = (json.dumps(data, indent=indent, allow_nan=False) + "\n").encode("ascii")
    except (TypeError, ValueError, RecursionError) as exc:
        raise StorageError(
            f"{path}: the data cannot be written as JSON ({_first_line(exc)})",
            path=path,
            problem=StorageProblem.NOT_SERIALISABLE,
        ) from exc
    if len(payload) > MAX_JSON_BYTES:
        detail = f"it would take {_megabytes(len(payload))}, more than the {_megabytes(MAX_JSON_BYTES)} a file may hold"
        raise _error(path, StorageProblem.TOO_LARGE, detail)
    write_bytes_atomic(path, payload)


def write_bytes_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that ``path`` is always either the old file or the new one (as
    :func:`write_json_atomic` does, for any file: handouts, reports). The parent folder is created if needed; raises
    :class:`StorageError` (problem ``UNWRITABLE``) and leaves the old file untouched when it cannot be written."""
    path = Path(path)
    _ensure_dir(path.parent)
    remove_stale_temp_files(path.parent, target=path.name)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot write the file ({exc.strerror or exc})", path=path, problem=StorageProblem.UNWRITABLE
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    _sync_dir(path.parent)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def remove_stale_temp_files(
    directory: Path, *, target: str | None = None, older_than: float | None = None, now: float | None = None
) -> list[Path]:
    """Remove the temporary files that interrupted writes left in ``directory``; returns the files removed.

    Only regular files named like :func:`write_json_atomic`'s temporary files (``.NAME.xxxxxxxx.tmp``, for the
    target ``NAME`` only if ``target`` is given) and last modified more than ``older_than`` seconds before ``now``
    (default :data:`STALE_TEMP_SECONDS` before the current time) are removed. A write in progress in another
    process keeps its file younger than that, so it is never touched. Never raises: a folder that cannot be read,
    or a file that cannot be removed, is left as it is.
    """
    limit = (time.time() if now is None else now) - (STALE_TEMP_SECONDS if older_than is None else older_than)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or (target is not None and match["target"] != target):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime >= limit:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _sync_dir(directory: Path) -> None:
    """Make the rename durable; not every OS can open a folder (Windows cannot), which is fine."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


# ----------------------------------------------------------------------------------------------- reading
def read_json(path: Path) -> Any:
    """Read a UTF-8 JSON file (a leading byte-order mark is allowed) of at most :data:`MAX_JSON_BYTES` bytes.

    Only a regular file is read: a FIFO, a device or a folder is refused (``UNREADABLE``) without waiting for it.
    Raises :class:`StorageError` whose ``problem`` is ``MISSING``, ``UNREADABLE``, ``TOO_LARGE``, ``NOT_UTF8``,
    ``EMPTY``, ``TRUNCATED`` (the text is the start of some valid JSON: the file was cut off) or ``NOT_JSON``.
    ``NaN`` and ``Infinity`` are refused: they are not JSON.
    """
    path = Path(path)
    data = _read_bytes(path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A file cut inside a multi-byte character fails at its very end: it was cut off if any complete
        # character could stand there (U+FFFD stands for one).
        if (
            exc.reason == "unexpected end of data"
            and exc.end == len(data)
            and _is_cut_off(data[: exc.start].decode("utf-8", errors="replace") + "\ufffd")
        ):
            raise _error(path, StorageProblem.TRUNCATED, "the file ends in the middle of its data") from exc
        raise _error(path, StorageProblem.NOT_UTF8, f"not UTF-8 text (bad byte at offset {exc.start})") from exc
    if not text.strip(_JSON_SPACE):
        raise _error(path, StorageProblem.EMPTY, "the file is empty")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        if _is_cut_off(text, exc):
            raise _error(path, StorageProblem.TRUNCATED, "the file ends in the middle of its data") from exc
        raise _error(
            path, StorageProblem.NOT_JSON, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from exc
    except (ValueError, RecursionError) as exc:  # NaN/Infinity, integers too long to convert, absurd nesting
        raise _error(path, StorageProblem.NOT_JSON, f"not valid JSON ({_first_line(exc)})") from exc


def _read_bytes(path: Path) -> bytes:
    try:
        # Opened without blocking (opening a FIFO would wait for a writer), then refused unless it is a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a special file"
                raise _error(
                    path, StorageProblem.UNREADABLE, f"cannot read the file (it is {kind}, not a regular file)"
                )
            if info.st_size > MAX_JSON_BYTES:
                raise _error(path, StorageProblem.TOO_LARGE, f"the file is larger than {MAX_JSON_BYTES} bytes")
            data = handle.read(MAX_JSON_BYTES + 1)  # the file may have grown since
    except FileNotFoundError as exc:
        raise _error(path, StorageProblem.MISSING, "the file does not exist") from exc
    except OSError as exc:
        raise _error(path, StorageProblem.UNREADABLE, f"cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > MAX_JSON_BYTES:
        raise _error(path, StorageProblem.TOO_LARGE, f"the file is larger than {MAX_JSON_BYTES} bytes")
    return data


def _error(path: Path, problem: StorageProblem, detail: str) -> StorageError:
    return StorageError(f"{path}: {detail}", path=path, problem=problem, detail=detail)


def _first_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _json_error(text: str) -> json.JSONDecodeError | None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc
    except (ValueError, RecursionError):
        return None
    return None


# The only characters JSON counts as white space (str.strip() would also remove others).
_JSON_SPACE = " \t\n\r"
# The start of a JSON number: "-", "1", "1.", "1.5e", "1e+", ...
_NUMBER_START = re.compile(r"-?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*|(?:\.[0-9]+)?[eE][-+]?[0-9]*)?)?")
# The complete number that ends just before the error position.
_NUMBER_BEFORE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


def _is_cut_off(text: str, exc: json.JSONDecodeError | None = None) -> bool:
    """True if ``text`` is not valid JSON but is the beginning of some valid JSON (so the file was truncated).

    The decoder has already checked everything before the error position; what is left to decide is whether the
    text from there on is a token cut short at the end of the file.
    """
    if exc is None:
        exc = _json_error(text)
        if exc is None:
            return False
    rest = text[exc.pos :]
    if not rest.strip(_JSON_SPACE) or exc.msg.startswith("Unterminated string"):
        return True
    if exc.msg.startswith("Invalid \\uXXXX escape"):
        return re.fullmatch(r"u[0-9a-fA-F]{0,4}", rest) is not None  # the C decoder wants one more character
    if exc.msg == "Expecting value":
        if any(word.startswith(rest) for word in ("true", "false", "null")):
            return True
        return _NUMBER_START.fullmatch(rest) is not None
    if exc.pos > 0 and text[exc.pos - 1].isdigit():  # "1." / "1e" / "1.5e+" read as a number and a stray tail
        before = _NUMBER_BEFORE.search(text, max(0, exc.pos - 10_000), exc.pos)
        if before is not None:
            return _NUMBER_START.fullmatch(before.group() + rest) is not None
    return False
