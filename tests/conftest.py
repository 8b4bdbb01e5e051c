"""Fixtures shared by the test modules.

Every test gets its own ``COMMON_GROUND_HOME`` (saves, settings, autosaves), so nothing touches the real user
folders; a module may still define its own ``home``. The desktop UI tests share the default scenario and
``make_app`` (see :mod:`uikit`).

pygame_gui adds its translations folder to ``i18n.load_path`` each time a UIManager is made (once a screen), and
every text it shows is then looked up in every entry of that list; over a whole test run the list grows to thousands
of copies of one folder and each new button gets slower. The list is swapped here for one that keeps each folder
once (:class:`FoldersOnce`), which finds the same translations.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import i18n  # type: ignore[import-untyped]
import pytest

from game.content.loader import load_scenario
from game.engine import Scenario
from game.paths import DEFAULT_SCENARIO
from game.storage import HOME_ENV


class FoldersOnce(list[str]):
    """A list of folders that ignores a folder it already holds (for ``i18n.load_path``)."""

    def append(self, folder: str) -> None:
        """Add ``folder`` at the end unless it is already in the list."""
        if folder not in self:
            super().append(folder)


def pytest_configure(config: pytest.Config) -> None:
    """Make ``i18n.load_path`` keep each folder once (see the module's docstring)."""
    folders = FoldersOnce(dict.fromkeys(i18n.load_path))
    i18n.load_path = folders
    i18n.config.settings["load_path"] = folders


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
