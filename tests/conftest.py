"""Fixtures shared by the test modules.

Every test gets its own ``COMMON_GROUND_HOME`` (saves, settings, autosaves), so nothing touches the real user
folders; a module may still define its own ``home``. The desktop UI tests share the default scenario and
``make_app`` (see :mod:`uikit`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.content.loader import load_scenario
from game.engine import Scenario
from game.paths import DEFAULT_SCENARIO
from game.storage import HOME_ENV


@pytest.fixture(scope="session", autouse=True)
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A COMMON_GROUND_HOME for what runs before a test's own (module fixtures): never the real user folders, whose
    settings may choose another language."""
    import os

    path = tmp_path_factory.mktemp("session-home")
    before = os.environ.get(HOME_ENV)
    os.environ[HOME_ENV] = str(path)
    yield path
    if before is None:
        os.environ.pop(HOME_ENV, None)
    else:
        os.environ[HOME_ENV] = before


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own COMMON_GROUND_HOME: nothing touches the real user folders. The interface's language
    is English again after each test (a command run in process with ``--lang`` sets the process's language)."""
    from game.i18n import set_language

    path = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(path))
    yield path
    set_language("en")


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    """The default scenario (loaded once a module)."""
    return load_scenario(DEFAULT_SCENARIO)


@pytest.fixture
def make_app() -> Iterator[object]:
    """``uikit.new_app``: build an App at a size and scale, without touching the player's settings file."""
    from uikit import new_app  # pygame only for the tests that ask for an App

    yield new_app


@pytest.fixture
def class_app(tmp_path: Path) -> Iterator[tuple[Any, Any, str]]:
    """A class server's app in process (Starlette's test client), its service (kept in a fresh SQLite file) and the
    teacher's token."""
    import warnings

    from server_kit import service_at

    from game.server.app import create_app

    with warnings.catch_warnings():  # this Starlette's test client prefers a renamed httpx; the one installed works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    service, admin = service_at(tmp_path / "class.sqlite3")
    with TestClient(create_app(service)) as client:
        yield client, service, admin
    service.store.close()
