"""Which languages a scenario's texts are written in, and the one notice a player gets when the language asked for
is not among them (instead of English without a word)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from game.engine import Scenario
from game.i18n import language_name, tr


def scenario_languages(scenario: Scenario) -> frozenset[str]:
    """Every language any text of ``scenario`` is written in."""
    found: set[str] = set()
    _collect(scenario, found, set())
    return frozenset(found)


def _collect(value: Any, found: set[str], seen: set[int]) -> None:
    if isinstance(value, str | int | float | bool) or value is None or id(value) in seen:
        return
    seen.add(id(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for part in dataclasses.fields(value):
            _collect(getattr(value, part.name), found, seen)
    elif isinstance(value, Mapping):
        if value and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            found.update(k for k in value if 2 <= len(k) <= 3 and k.isalpha() and k.islower())
        for item in value.values():
            _collect(item, found, seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            _collect(item, found, seen)


def language_notice(scenario: Scenario, lang: str) -> str | None:
    """What to tell a player who asked for ``lang``: ``None`` when the scenario has texts in it (or it is English)."""
    if lang == "en" or lang in scenario_languages(scenario):
        return None
    return tr("no {language} text in this scenario; showing English", language=language_name(lang))
