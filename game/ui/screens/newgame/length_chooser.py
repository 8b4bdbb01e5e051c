"""The length chooser of the New game screen: the full game first, then each shorter game the scenario offers
(its ``lengths``); Enter, a click or L moves on to the next."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine import Scenario, length_choices, localize, of_length
from game.i18n import language, tr, tr_n
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, ellipsize


def length_names(scenario: Scenario | None) -> list[str]:
    """The name of each length to choose from, the full game first (none without a scenario)."""
    if scenario is None:
        return []
    full, *shorter = length_choices(scenario)
    # The engine names the full game in English only: it is worded here.
    names = [tr_n("Full game ({n} turn)", "Full game ({n} turns)", full.turns)]
    return names + [_name(scenario, length.turns, localize(length.name, language())) for length in shorter]


def _name(scenario: Scenario, turns: int, name: str) -> str:
    """A length's name, with its number of turns when the name does not say it."""
    full = turns == scenario.turns
    if not name:
        return tr_n("{n} turn", "{n} turns", turns) + (tr(" (full game)") if full else "")
    return name if str(turns) in name else tr_n("{name} ({n} turn)", "{name} ({n} turns)", turns, name=name)


def build_length_button(
    screen: MenuScreen, rect: pygame.Rect, scenario: Scenario | None, index: int, command: Callable[[], None]
) -> None:
    """The button that names the chosen length (``Lesson game (8 turns, 2023-2024)  ›``) and moves on to the next."""
    names = length_names(scenario)
    text = names[index % len(names)] if names else ""
    label = ellipsize(text + "  ›", theme.font(screen.px(BUTTON_SIZE)), rect.width - screen.px(24))
    screen.button(rect, label, command, object_id=screen.list_item_id(chosen=False))


def scenario_of_choice(scenario: Scenario, index: int) -> Scenario:
    """The scenario of the length chosen at ``index`` (0: the full game)."""
    choices = length_choices(scenario)
    return of_length(scenario, choices[index % len(choices)].turns)
