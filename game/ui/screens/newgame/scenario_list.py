"""The scenario list: one button per scenario file (a warning stripe on those that cannot be played), or one
button that cycles through them when they do not fit; a note when there is none."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import N_, tr
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_lines, ellipsize
from game.ui.screens.newgame.scenario_files import Entry

EMPTY_TEXT = N_("No scenario files in the scenarios folder. Open one by its path below.")


def scenario_text(
    entries: list[Entry], index: int, width: int, font: pygame.font.Font, *, counter: bool = False
) -> str:
    """A scenario's button text: its number key, title (cut to ``width``) and whether it has errors; as a cycler
    (``counter``), arrows and its place in the list."""
    entry = entries[index]
    number = f"{index + 1}  " if index < 9 and len(entries) > 1 else ""
    status = tr("  (has errors)") if entry.scenario is None else ""
    suffix = "  " + tr("({index} of {count})", index=index + 1, count=len(entries)) if counter else ""
    if counter:
        number = "‹ "
        suffix = " ›" + suffix
    return number + ellipsize(entry.title, font, width - font.size(number + status + suffix)[0]) + status + suffix


class ScenarioList:
    """The scenario buttons (or the cycler) and the marks drawn on them."""

    def __init__(self, screen: MenuScreen) -> None:
        self.screen = screen
        self.invalid: list[pygame.Rect] = []  # buttons of files that cannot be played

    def clear(self) -> None:
        """Forget the buttons of the last build."""
        self.invalid = []

    def build_button(
        self, rect: pygame.Rect, entries: list[Entry], index: int, selected: int, command: Callable[[], None]
    ) -> None:
        """The button of scenario ``index`` (in the primary colours when it is the ``selected`` one)."""
        screen = self.screen
        button_font = theme.font(screen.px(BUTTON_SIZE))
        text = scenario_text(entries, index, rect.width - screen.px(24), button_font)
        screen.button(rect, text, command, object_id=screen.list_item_id(chosen=index == selected))
        if entries[index].scenario is None:
            self.invalid.append(rect)

    def build_cycler(self, rect: pygame.Rect, entries: list[Entry], selected: int, command: Callable[[], None]) -> None:
        """One button showing the selected scenario; pressing it shows the next."""
        screen = self.screen
        button_font = theme.font(screen.px(BUTTON_SIZE))
        text = scenario_text(entries, selected, rect.width - screen.px(24), button_font, counter=len(entries) > 1)
        screen.button(rect, text, command, object_id=screen.list_item_id())

    def draw_empty(self, surface: pygame.Surface, rect: pygame.Rect | None) -> None:
        """The note in place of the list when the scenarios folder holds no scenario."""
        if rect is not None:
            blit_lines(surface, tr(EMPTY_TEXT), self.screen.font(13), self.screen.palette.muted, rect)

    def draw_marks(self, surface: pygame.Surface) -> None:
        """A warning stripe on the buttons of scenario files that cannot be played."""
        px = self.screen.px
        for rect in self.invalid:
            pygame.draw.rect(
                surface, self.screen.palette.bad, (rect.left + px(3), rect.top + px(6), px(3), rect.height - px(12))
            )
