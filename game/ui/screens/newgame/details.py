"""The selected scenario's details beside (or under) the form: what it is about, how long it lasts and each side's
brief, or what is wrong with a file that cannot be played. PgUp / PgDn scroll it."""

from __future__ import annotations

import html
from pathlib import Path

import pygame
from pygame_gui.elements import UITextBox

from game.engine import localize
from game.i18n import language, tr, tr_n
from game.i18n.formats import turn_date
from game.table import DEFAULT_LEVEL, LEVELS, PERSON
from game.ui import theme
from game.ui.screens.menu_common import MenuScreen
from game.ui.screens.newgame.scenario_files import Entry


def problems_html(entry: Entry) -> str:
    """Why a scenario file cannot be played: its first problem, and how to see the others."""
    count = len(entry.problems)
    more = (
        "<br><br>"
        + tr_n(
            "…and {n} more problem. Run {command} to see them all.",
            "…and {n} more problems. Run {command} to see them all.",
            count - 1,
            command=f"<b>python main.py validate {html.escape(str(entry.path))}</b>",
        )
        if count > 1
        else ""
    )
    return tr(
        "{file} cannot be played: it has mistakes. Fix the file, then open it again.<br><br>{problem}{more}",
        file=f"<b>{html.escape(entry.path.name)}</b>",
        problem=html.escape(entry.problems[0]),
        more=more,
    )


def details_html(entry: Entry | None, players: list[str], folder: Path) -> str:
    """What the selected scenario is about (or what is wrong with the file), as pygame_gui HTML; ``players`` says
    who plays each side, ``folder`` is the scenarios folder (named when it holds no scenario)."""
    if entry is None:
        return tr(
            "No scenarios were found in the scenarios folder ({folder}). Open a scenario file by its path on the left.",
            folder=html.escape(str(folder)),
        )
    if entry.scenario is None:
        return problems_html(entry)
    scenario = entry.scenario
    calendar = scenario.calendar
    parts = [
        f"<b>{html.escape(localize(scenario.title, language()))}</b>",
        html.escape(localize(scenario.description, language())),
        tr(
            "{length} {turns} turns, {start} to {end}.",
            length="<b>" + tr("Length:") + "</b>",
            turns=scenario.turns,
            start=html.escape(turn_date(calendar, 1)),
            end=html.escape(turn_date(calendar, scenario.turns)),
        ),
    ]
    sides = []
    for index, role in enumerate(scenario.roles):
        player = players[index] if index < len(players) else DEFAULT_LEVEL
        level = LEVELS.get(player)
        name = html.escape(localize(role.name, language()))
        who = (
            tr("{name} (person):", name=name)
            if player == PERSON.player
            else tr("{name} (computer, {level}):", name=name, level=html.escape(tr(level.name) if level else player))
        )
        sides.append(f"<b>{who}</b> {html.escape(localize(role.brief, language()))}")
    parts.append("<br><br>".join(sides))
    if entry.opened:
        parts.append(tr("File: {path}", path=html.escape(str(entry.path))))
    return "<br><br>".join(parts)


class ScenarioDetails:
    """The text box of the scenario's details (left out when its area is too small to read)."""

    def __init__(self, screen: MenuScreen) -> None:
        self.screen = screen
        self.box: UITextBox | None = None

    def build(self, rect: pygame.Rect, text: str) -> bool:
        """Make the box in ``rect`` when at least two lines fit; says whether it was made."""
        screen = self.screen
        self.box = None
        if rect.height < screen.font(16).get_linesize() * 2 + screen.px(16):
            return False
        assert screen.manager is not None
        screen.manager.preload_fonts([{"name": theme.FONT_NAME, "point_size": screen.px(16), "style": "bold"}])
        self.box = UITextBox(text, rect, screen.manager)
        return True

    def scroll(self, step: int) -> bool:
        """Scroll the text most of a page up (``step`` -1) or down (1); says whether it could scroll."""
        bar = getattr(self.box, "scroll_bar", None)
        if bar is None:
            return False
        bar.set_scroll_from_start_percentage(
            max(0.0, min(1.0, bar.start_percentage + step * bar.visible_percentage * 0.9))
        )
        return True
