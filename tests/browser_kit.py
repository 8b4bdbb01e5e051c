"""A real browser for the class server's end-to-end tests: Debian's Chromium driven by Playwright for Python.

Playwright's own browser download is not reachable everywhere, so the tests use the system's ``chromium``
(``.ci/run`` installs it with apt-get when it is missing). Without Playwright or a Chromium the tests that need
them skip, saying which is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

#: Where to look for the browser, in order (``CHROMIUM`` overrides).
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str | None:
    """The system browser's executable, or ``None``."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given if shutil.which(given) else None
    return next((path for path in map(shutil.which, CANDIDATES) if path), None)


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``); skips the test when Playwright or Chromium is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    path = chromium_path()
    if path is None:
        pytest.skip("no system Chromium (install it: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()
