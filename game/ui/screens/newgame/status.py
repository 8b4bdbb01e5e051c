"""The line between Back and Start: who plays what, or why the game cannot start yet."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.table import LEVELS, PERSON
from game.ui import theme
from game.ui.screens.menu_common import MenuScreen, blit_text, wrap
from game.ui.screens.newgame.scenario_files import Entry

Colour = tuple[int, int, int]


def status_text(
    entry: Entry | None, roles: list[tuple[str, str]], players: list[str], palette: theme.Palette
) -> tuple[list[str], Colour]:
    """Who plays what, or why the game cannot start: the same message from longest to shortest, and its colour.

    ``roles`` are the (id, name) of the selected scenario's sides and ``players`` who plays each."""
    if entry is None:
        return [tr("Open a scenario file to play."), tr("No scenario")], palette.muted
    if entry.scenario is None:
        return [tr("This scenario has mistakes and cannot be played."), tr("Cannot be played")], palette.bad
    persons = [name for (_, name), player in zip(roles, players, strict=True) if player == PERSON.player]
    computers = [
        f"{name} ({tr(LEVELS[player].name) if player in LEVELS else player})"
        for (_, name), player in zip(roles, players, strict=True)
        if player != PERSON.player
    ]
    others = ", ".join(computers)
    if not persons:
        return [tr("Make at least one side a person (Enter on its seat) to start."), tr("Nobody plays")], palette.bad
    if len(persons) == 1:
        you = persons[0]
        text = tr("You play {you}", you=you) + (tr("; the computer plays {others}.", others=others) if others else ".")
        return [
            text,
            tr("You: {you}", you=you) + (tr(" · Computer: {others}", others=others) if others else ""),
            tr("You: {you}", you=you),
        ], palette.muted
    people = tr("{first} and {last}", first=", ".join(persons[:-1]), last=persons[-1])
    text = tr("{people} take turns at this machine, with a privacy screen between their parts", people=people) + (
        tr("; the computer plays {others}.", others=others) if others else "."
    )
    return [
        text,
        tr("People: {persons}", persons=", ".join(persons))
        + (tr(" · Computer: {others}", others=others) if others else ""),
        tr("People: {persons}", persons=", ".join(persons)),
    ], palette.muted


def draw_status(
    screen: MenuScreen, surface: pygame.Surface, rect: pygame.Rect, texts: list[str], colour: Colour
) -> None:
    """The longest of ``texts`` that fits in two lines of ``rect`` (else the shortest, cut), centred vertically."""
    small = screen.font(13)
    text = next((t for t in texts if len(wrap(t, small, rect.width)) <= 2), texts[-1])
    lines = wrap(text, small, rect.width, 2)
    y = rect.centery - len(lines) * small.get_linesize() // 2
    for line in lines:
        blit_text(surface, line, small, colour, (rect.left, y))
        y += small.get_linesize()
