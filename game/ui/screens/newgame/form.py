"""Where the parts of the New game form go (scenario, who plays, seed, open a file), computed before any widget is
made so that the screen can try denser layouts until one fits."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.i18n import tr
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, wrap
from game.ui.screens.newgame.scenario_files import Entry
from game.ui.screens.newgame.teacher_pin import pin_items

SEED_DIGITS = 9


@dataclass
class Plan:
    """Where each part of the form goes (computed before any widget is made, to check that it fits)."""

    height: int
    items: list[tuple[str, pygame.Rect, int]]  # kind, rect, index (scenario / role number, or 0)
    labels: list[tuple[pygame.Rect, str, str]]  # rect, text, key hint


@dataclass(frozen=True)
class Density:
    """How tightly the form is laid out: labels beside their controls (``inline``), one button cycling through the
    scenarios (``cyclers``), lines of description under each seat (``notes``), smaller gaps and the length beside
    the seed (``tight``)."""

    inline: bool
    cyclers: bool
    notes: int = 2
    tight: bool = False


#: The layouts tried in turn, from the most spacious, until one fits.
DENSITIES = (
    Density(False, False, 2, False),
    Density(True, False, 2, False),
    Density(True, True, 1, False),
    Density(True, True, 0, False),
    Density(True, True, 0, True),
)


@dataclass
class FormContent:
    """What the form shows: the scenario files, the selected one, each seat's description and the path's error."""

    entries: list[Entry]
    entry: Entry | None
    seat_notes: list[str]
    path_error: str
    #: The names of the lengths the selected scenario offers, the full game first (no choice with fewer than two).
    lengths: list[str] = field(default_factory=list)


@dataclass
class _Cursor:
    """The plan being made: the running height and the parts placed so far."""

    y: int
    items: list[tuple[str, pygame.Rect, int]] = field(default_factory=list)
    labels: list[tuple[pygame.Rect, str, str]] = field(default_factory=list)


class FormPlanner:
    """Plans the form in an area for some content; :meth:`plan` places it at one density."""

    def __init__(self, screen: MenuScreen, area: pygame.Rect, button_h: int, content: FormContent, *, wide: bool):
        self.screen = screen
        self.area = area
        self.button_h = button_h
        self.content = content
        self.wide = wide
        # set for each density by plan()
        self.inline = False
        self.section_gap = self.row_gap = self.label_w = 0
        self.x, self.control_w = area.left, area.width

    def fit(self) -> Plan:
        """The most spacious plan whose height fits the area (the densest one if none does)."""
        plan = None
        for density in DENSITIES:
            plan = self.plan(density)
            if plan.height <= self.area.height:
                break
        assert plan is not None
        return plan

    def plan(self, density: Density) -> Plan:
        """Place the form's parts; labels above their controls, or beside them when ``inline``; under each seat,
        at most ``notes`` lines of what plays it; smaller gaps when ``tight``."""
        px = self.screen.px
        label_font = self.screen.font(15, bold=True)
        inline, tight = density.inline, density.tight
        self.section_gap = px(4 if tight else 10 if inline else 16)
        self.row_gap = px(3 if tight else 6)
        label_texts = (tr("Scenario"), tr("Length"), tr("Who plays"), tr("Seed"), tr("Open a file"))
        self.label_w = max(label_font.size(text)[0] for text in label_texts) + px(16) if inline else 0
        self.inline = inline
        self.x = self.area.left + self.label_w
        self.control_w = self.area.width - self.label_w
        cursor = _Cursor(self.area.top)
        self._scenarios(cursor, density.cyclers)
        if not tight:
            self._length(cursor)
        self._seats(cursor, density.notes)
        self._seed(cursor, length_beside=tight and len(self.content.lengths) > 1)
        self._open_file(cursor)
        return Plan(cursor.y - self.area.top, cursor.items, cursor.labels)

    def _section(self, cursor: _Cursor, text: str, hint: str) -> None:
        """A section's label: beside the controls (inline), or above them with its key hint."""
        area, label_font = self.area, self.screen.font(15, bold=True)
        if self.inline:
            cursor.labels.append((pygame.Rect(area.left, cursor.y, self.label_w, self.button_h), text, ""))
        else:
            cursor.labels.append((pygame.Rect(area.left, cursor.y, area.width, label_font.get_linesize()), text, hint))
            cursor.y += label_font.get_linesize() + self.screen.px(4)

    def _scenarios(self, cursor: _Cursor, cyclers: bool) -> None:
        """Scenarios: one button each, or one button that cycles through them when they do not fit."""
        entries, button_h, x, control_w = self.content.entries, self.button_h, self.x, self.control_w
        small = self.screen.font(13)
        self._section(cursor, tr("Scenario"), "1-9" if len(entries) > 1 else "")
        list_h = len(entries) * button_h + max(0, len(entries) - 1) * self.row_gap
        if not entries:
            cursor.items.append(("no_scenarios", pygame.Rect(x, cursor.y, control_w, button_h), 0))
            cursor.y += button_h
        elif cyclers or list_h > self.area.height * 0.45:
            cursor.items.append(("scenario_cycler", pygame.Rect(x, cursor.y, control_w, button_h), 0))
            cursor.y += button_h
        else:
            for index in range(len(entries)):
                cursor.items.append(("scenario", pygame.Rect(x, cursor.y, control_w, button_h), index))
                cursor.y += button_h + self.row_gap
            cursor.y -= self.row_gap
        entry = self.content.entry
        if entry is not None and entry.scenario is None and not self.wide:  # no details panel: the problem goes here
            lines = min(3, len(wrap(entry.problems[0], small, control_w)))
            cursor.y += self.screen.px(4)
            cursor.items.append(("problem", pygame.Rect(x, cursor.y, control_w, lines * small.get_linesize()), 0))
            cursor.y += lines * small.get_linesize()
        cursor.y += self.section_gap

    def _length(self, cursor: _Cursor) -> None:
        """How long the game is: one button that moves on to the next length (when there is a choice)."""
        if len(self.content.lengths) < 2:
            return
        self._section(cursor, tr("Length"), "L")
        cursor.items.append(("length", pygame.Rect(self.x, cursor.y, self.control_w, self.button_h), 0))
        cursor.y += self.button_h + self.section_gap

    def _seats(self, cursor: _Cursor, notes: int) -> None:
        """Seats: one button per side (Enter or a click changes who plays it), the level's description under it."""
        seat_notes = self.content.seat_notes
        if not seat_notes:
            return
        px, x, control_w = self.screen.px, self.x, self.control_w
        small = self.screen.font(13)
        self._section(cursor, tr("Who plays"), tr("Enter changes · R swaps"))
        for index, note in enumerate(seat_notes):
            cursor.items.append(("seat", pygame.Rect(x, cursor.y, control_w, self.button_h), index))
            cursor.y += self.button_h
            lines = min(notes, len(wrap(note, small, control_w - px(12))))
            if lines:
                height = lines * small.get_linesize()
                rect = pygame.Rect(x + px(12), cursor.y + px(2), control_w - px(12), height)
                cursor.items.append(("seat_note", rect, index))
                cursor.y += height + px(2)
            cursor.y += self.row_gap
        cursor.y += self.section_gap - self.row_gap

    def _seed(self, cursor: _Cursor, *, length_beside: bool = False) -> None:
        """The seed field, with its hint beside it when there is room (or, with ``length_beside``, the length's
        button, which then has no row of its own)."""
        px, x, control_w, button_h = self.screen.px, self.x, self.control_w, self.button_h
        button_font = theme.font(px(BUTTON_SIZE))
        self._section(cursor, tr("Seed"), "")
        seed_w = min(control_w, max(px(150), button_font.size("0" * SEED_DIGITS)[0] + px(30)))
        cursor.items.append(("seed", pygame.Rect(x, cursor.y, seed_w, button_h), 0))
        hint_x = x + seed_w + px(12)
        pin: list[tuple[str, pygame.Rect, int]] = []
        if length_beside:  # the length takes the room beside the seed, and there is no room for the PIN
            cursor.items.append(("length", pygame.Rect(hint_x, cursor.y, x + control_w - hint_x, button_h), 0))
        else:
            pin = pin_items(self.screen, hint_x, cursor.y, x + control_w - hint_x, button_h)  # the teacher's PIN
            hint_x = pin[-1][1].right + px(12) if pin else hint_x
        if not length_beside and x + control_w - hint_x >= px(120):
            cursor.items.append(("seed_hint", pygame.Rect(hint_x, cursor.y, x + control_w - hint_x, button_h), 0))
        cursor.y += button_h + self.section_gap
        if not pin and not length_beside:  # no room beside the seed: a row of its own (none in the tightest form)
            pin = pin_items(self.screen, x, cursor.y, control_w, button_h)
            cursor.y += button_h + self.section_gap if pin else 0
        cursor.items.extend(pin)

    def _open_file(self, cursor: _Cursor) -> None:
        """The path field and Open, and the error of the last file opened under them."""
        px, x, control_w, button_h = self.screen.px, self.x, self.control_w, self.button_h
        button_font = theme.font(px(BUTTON_SIZE))
        small = self.screen.font(13)
        self._section(cursor, tr("Open a file"), tr("Ctrl+O"))
        open_w = button_font.size(tr("Open"))[0] + px(36)
        cursor.items.append(("path", pygame.Rect(x, cursor.y, control_w - open_w - self.row_gap, button_h), 0))
        cursor.items.append(("open", pygame.Rect(x + control_w - open_w, cursor.y, open_w, button_h), 0))
        cursor.y += button_h
        path_error = self.content.path_error
        if path_error:
            area = self.area
            lines = min(3, len(wrap(path_error, small, area.width)))
            cursor.y += px(4)
            cursor.items.append(
                ("error", pygame.Rect(area.left, cursor.y, area.width, lines * small.get_linesize()), 0)
            )
            cursor.y += lines * small.get_linesize()
