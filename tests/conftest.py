"""Fixtures shared by the test modules.

Every test gets its own ``COMMON_GROUND_HOME`` (saves, settings, autosaves), so nothing touches the real user
folders; a module may still define its own ``home``. The desktop UI tests share the default scenario and
``make_app`` (see :mod:`uikit`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.engine import Scenario
from game.paths import DEFAULT_SCENARIO
from game.storage import HOME_ENV


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
