"""Each side's usual range of scores, found for the end screen: stored in the scenario or cached, at once; else
worked out in a background thread (about a second of standard-level games), so the screen never waits for it."""

from __future__ import annotations

import threading

from game.engine import Scenario
from game.persistence import reference_cache
from game.table.reference import Found, find_reference


class UsualRanges:
    """The usual ranges of a scenario's sides: :attr:`found` at once when stored or cached, else once the
    background work is done (see :meth:`collect`)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._cache = reference_cache()
        self.found: Found | None = find_reference(scenario, self._cache, compute=False)
        self._worked_out: list[Found | None] = []
        self._thread: threading.Thread | None = None
        if self.found is None:
            self._thread = threading.Thread(target=self._work_out_reference, name="score-reference", daemon=True)
            self._thread.start()

    def _work_out_reference(self) -> None:
        """In the background thread: the scenario's reference, computed now and cached (None if that fails)."""
        try:
            self._worked_out.append(find_reference(self.scenario, self._cache))
        except Exception:  # the scores then stand alone: the game must not fall over for this
            self._worked_out.append(None)

    def collect(self) -> bool:
        """Take the worked-out ranges once the background work is done; True just that once (whatever the ranges
        are shown in must then be rebuilt)."""
        thread = self._thread
        if thread is not None and not thread.is_alive():
            self.found = self._worked_out[0] if self._worked_out else None
            self._thread = None
            return True
        return False

    @property
    def pending(self) -> bool:
        """Whether the ranges are still being worked out."""
        return self._thread is not None

    def wait(self, timeout: float | None = None) -> None:
        """Wait (at most ``timeout`` seconds) for the background work, if any."""
        if self._thread is not None:
            self._thread.join(timeout)
