"""Fixtures shared by the test modules.

Every test gets its own ``COMMON_GROUND_HOME`` (saves, settings, autosaves), so nothing touches the real user
folders; a module may still define its own ``home``, and what runs outside a test (a module's fixture) has the
session's own folder. Every test starts in English, whatever a test before it chose with ``--lang``. The desktop UI
tests share the default scenario and ``make_app`` (see :mod:`uikit`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.content.loader import load_scenario
from game.engine import Scenario
from game.i18n import set_language
from game.paths import DEFAULT_SCENARIO
from game.storage import HOME_ENV


def pytest_configure(config: pytest.Config) -> None:
    """Module fixtures that run the command line do so outside any test's home: give the session its own."""
    os.environ[HOME_ENV] = tempfile.mkdtemp(prefix="common-ground-tests-")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Each test starts with the interface in English and leaves it so."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own COMMON_GROUND_HOME: nothing touches the real user folders."""
    path = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(path))
    return path


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
