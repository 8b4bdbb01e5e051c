"""The New game screen: pick a scenario (shipped or opened by path), who plays each side (a person, or the computer
at a level, with the level's one-line description) and an optional seed, then start.

The default is one person, on the first side, against the Standard computer. Two people or more make a hot-seat game
(they take turns at this machine, with a privacy screen between their parts)."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame
from pygame_gui.elements import UITextBox

from game.content.loader import find_scenarios, load_scenario
from game.content.problems import ScenarioError
from game.engine import Scenario, localize
from game.paths import SCENARIO_DIR
from game.table import DEFAULT_LEVEL, LEVELS, PERSON, Seat
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import (
    BUTTON_SIZE,
    MenuScreen,
    blit_lines,
    blit_text,
    ellipsize,
    with_key,
    wrap,
)
from game.ui.screens.results import NewGame

NUMBER_KEYS = {
    pygame.K_1: 0,
    pygame.K_2: 1,
    pygame.K_3: 2,
    pygame.K_4: 3,
    pygame.K_5: 4,
    pygame.K_6: 5,
    pygame.K_7: 6,
    pygame.K_8: 7,
    pygame.K_9: 8,
    pygame.K_KP1: 0,
    pygame.K_KP2: 1,
    pygame.K_KP3: 2,
    pygame.K_KP4: 3,
    pygame.K_KP5: 4,
    pygame.K_KP6: 5,
    pygame.K_KP7: 6,
    pygame.K_KP8: 7,
    pygame.K_KP9: 8,
}
SEED_DIGITS = 9
LANG = "en"

FocusKey = tuple[str, int]
START: FocusKey = ("start", 0)
#: What a seat button cycles through (Enter or a click): a person, then the computer's levels, weakest first.
SEAT_CHOICES = (PERSON.player, *LEVELS)


@dataclass
class Entry:
    """One scenario file in the list: loaded, or refused with its problems."""

    path: Path
    scenario: Scenario | None
    problems: tuple[str, ...] = ()
    opened: bool = False  # opened by path rather than found in the scenarios folder

    @property
    def title(self) -> str:
        """The scenario's title, or the file name of a file that did not load."""
        if self.scenario is None:
            return self.path.name
        return localize(self.scenario.title, LANG)


def load_entry(path: Path, *, opened: bool = False) -> Entry:
    """Load one scenario file; a file with mistakes becomes an entry that lists them."""
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        problems = tuple(problem.format() for problem in exc.problems) or (f"{path}: error: it cannot be loaded",)
        return Entry(path, None, problems, opened)
    return Entry(path, scenario, (), opened)


@dataclass
class Plan:
    """Where each part of the form goes (computed before any widget is made, to check that it fits)."""

    height: int
    items: list[tuple[str, pygame.Rect, int]]  # kind, rect, index (scenario / role number, or 0)
    labels: list[tuple[pygame.Rect, str, str]]  # rect, text, key hint


class NewGameScreen(MenuScreen):
    """Choose a scenario, the seats and a seed. Number keys pick a scenario, Enter on a seat changes who plays it,
    R moves the seats round (the person plays the next side), Enter on Start starts."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.entries: list[Entry] = [load_entry(path) for path in find_scenarios(SCENARIO_DIR)]
        self.selected = next((i for i, e in enumerate(self.entries) if e.scenario is not None), 0)
        #: Who plays each role of the selected scenario, in its order: ``person`` or a computer level id.
        self.players: list[str] = self.default_players()
        self.path_error = ""
        self.focus_key: FocusKey = START
        self.widget_keys: dict[FocusKey, int] = {}
        self.areas: dict[str, pygame.Rect] = {}
        self.labels: list[tuple[pygame.Rect, str, str]] = []
        self.details: UITextBox | None = None
        self.compact = False

    # ----------------------------------------------------------------- data
    @property
    def entry(self) -> Entry | None:
        """The selected scenario file."""
        return self.entries[self.selected] if 0 <= self.selected < len(self.entries) else None

    @property
    def scenario(self) -> Scenario | None:
        """The selected scenario, if it loaded."""
        entry = self.entry
        return entry.scenario if entry is not None else None

    def role_names(self) -> list[tuple[str, str]]:
        """(id, name) of the selected scenario's roles."""
        scenario = self.scenario
        return [(r.id, localize(r.name, LANG)) for r in scenario.roles] if scenario is not None else []

    def default_players(self) -> list[str]:
        """One person on the first side, the Standard computer on the others."""
        count = len(self.role_names())
        return [PERSON.player] + [DEFAULT_LEVEL] * (count - 1) if count else []

    def seats(self) -> dict[str, Seat]:
        """The chosen seat of every role."""
        return {role: Seat(player) for (role, _), player in zip(self.role_names(), self.players, strict=True)}

    def persons(self) -> list[str]:
        """The names of the sides people play."""
        return [
            name for (_, name), player in zip(self.role_names(), self.players, strict=True) if player == PERSON.player
        ]

    def can_start(self) -> bool:
        """A playable scenario with at least one side played by a person."""
        return self.scenario is not None and bool(self.persons())

    def seat_text(self, index: int) -> str:
        """``United States: Person`` or ``Cambodia: Computer · Standard``."""
        name = self.role_names()[index][1]
        player = self.players[index]
        level = LEVELS.get(player)
        who = "Person" if player == PERSON.player else f"Computer · {level.name if level else player}"
        return f"{name}:  {who}"

    def seat_note(self, index: int) -> str:
        """The one-line description of what sits in a seat (a computer level's own description)."""
        level = LEVELS.get(self.players[index])
        if level is not None:
            return level.description
        return "A person at this machine" + (
            " (the game asks to pass it between people)." if len(self.persons()) > 1 else "."
        )

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Header, the form (scenario, side, seed, open a file), the scenario's details, and Back / Start."""
        width, height = rect.size
        self.compact = height < self.px(520)
        margin = max(self.px(16), round(width * 0.05), (width - self.px(1240)) // 2)  # centred on wide windows
        heading = self.heading_font()
        top = max(self.px(8), round(height * (0.025 if self.compact else 0.045)))
        subtitle_h = 0 if self.compact else self.font(15).get_linesize()
        self.areas = {"header": pygame.Rect(margin, top, width - 2 * margin, heading.get_linesize() + subtitle_h)}
        self.widget_keys = {}
        button_font = theme.font(self.px(BUTTON_SIZE))
        button_h = button_font.get_linesize() + self.px(12)

        # Footer: Back on the left, Start on the right, who plays what in between.
        footer_top = height - max(self.px(10), round(height * 0.035)) - button_h
        back_text, start_text = with_key("Back", "Esc"), with_key("Start", "Enter")
        back = pygame.Rect(margin, footer_top, button_font.size(back_text)[0] + self.px(40), button_h)
        start_w = button_font.size(start_text)[0] + self.px(56)
        start = pygame.Rect(width - margin - start_w, footer_top, start_w, button_h)
        self.areas["status"] = pygame.Rect(
            back.right + self.px(16), footer_top, start.left - back.right - self.px(32), button_h
        )

        body = pygame.Rect(
            margin, self.areas["header"].bottom + self.px(10 if self.compact else 18), width - 2 * margin, 0
        )
        body.height = footer_top - self.px(12 if self.compact else 18) - body.top
        gap = self.px(20)
        wide = body.width >= self.px(340) + self.px(250) + gap
        left_w = max(self.px(340), round(body.width * 0.5)) if wide else body.width
        form_area = pygame.Rect(body.left, body.top, left_w, body.height)

        plan = None
        for inline, cyclers, notes, tight in (
            (False, False, 2, False),
            (True, False, 2, False),
            (True, True, 1, False),
            (True, True, 0, False),
            (True, True, 0, True),
        ):
            plan = self._plan(form_area, button_h, inline=inline, cyclers=cyclers, wide=wide, notes=notes, tight=tight)
            if plan.height <= form_area.height:
                break
        assert plan is not None
        self.labels = plan.labels
        if wide:
            details = pygame.Rect(body.left + left_w + gap, body.top, body.width - left_w - gap, body.height)
        else:
            details_top = body.top + plan.height + self.px(10)
            details = pygame.Rect(body.left, details_top, body.width, body.bottom - details_top)
        self._make_widgets(plan)
        self.details = None
        if details.height >= self.font(16).get_linesize() * 2 + self.px(16):
            assert self.manager is not None
            self.manager.preload_fonts([{"name": "noto_sans", "point_size": self.px(16), "style": "bold"}])
            self.details = UITextBox(self.details_html(), details, self.manager)
            self.areas["details"] = details

        self.widget_keys[("back", 0)] = len(self.focusables)
        self.button(back, back_text, self.back, key=pygame.K_ESCAPE)
        self.widget_keys[START] = len(self.focusables)
        start_button = self.button(start, start_text, self.start, object_id="#primary")
        if not self.can_start():
            start_button.disable()  # type: ignore[no-untyped-call]
        for key in NUMBER_KEYS:
            self.shortcuts[key] = self._picker(NUMBER_KEYS[key])
        self.shortcuts[pygame.K_r] = self.next_role
        self.shortcuts[pygame.K_PAGEUP] = lambda: self.scroll_details(-1)
        self.shortcuts[pygame.K_PAGEDOWN] = lambda: self.scroll_details(1)
        self.escape_focus = lambda: self._focus_key(START)
        if self.focus_key not in self.widget_keys or not self.focusables[self.widget_keys[self.focus_key]].is_enabled:
            # Start is disabled for a file with mistakes, or with nobody to play: the focus waits on the seats or
            # the list (never on Back, where the Enter meant for Start would leave the screen)
            fallback = [("seat", 0), ("scenario", self.selected), ("scenario_cycler", 0), ("back", 0)]
            self.focus_key = START if self.can_start() else next(k for k in fallback if k in self.widget_keys)
        self.focus_index = self.widget_keys[self.focus_key]

    def _plan(
        self,
        area: pygame.Rect,
        button_h: int,
        *,
        inline: bool,
        cyclers: bool,
        wide: bool,
        notes: int = 2,
        tight: bool = False,
    ) -> Plan:
        """Place the form's parts; labels above their controls, or beside them when ``inline``; under each seat,
        at most ``notes`` lines of what plays it; smaller gaps when ``tight``."""
        button_font = theme.font(self.px(BUTTON_SIZE))
        label_font = self.font(15, bold=True)
        small = self.font(13)
        section_gap = self.px(4 if tight else 10 if inline else 16)
        row_gap = self.px(3 if tight else 6)
        label_texts = ("Scenario", "Who plays", "Seed", "Open a file")
        label_w = max(label_font.size(text)[0] for text in label_texts) + self.px(16) if inline else 0
        items: list[tuple[str, pygame.Rect, int]] = []
        labels: list[tuple[pygame.Rect, str, str]] = []
        y = area.top
        x = area.left + label_w
        control_w = area.width - label_w

        def section(text: str, hint: str) -> None:
            nonlocal y
            if inline:
                labels.append((pygame.Rect(area.left, y, label_w, button_h), text, ""))
            else:
                labels.append((pygame.Rect(area.left, y, area.width, label_font.get_linesize()), text, hint))
                y += label_font.get_linesize() + self.px(4)

        # Scenarios: one button each, or one button that cycles through them when they do not fit.
        section("Scenario", "1-9" if len(self.entries) > 1 else "")
        list_h = len(self.entries) * button_h + max(0, len(self.entries) - 1) * row_gap
        if not self.entries:
            items.append(("no_scenarios", pygame.Rect(x, y, control_w, button_h), 0))
            y += button_h
        elif cyclers or list_h > area.height * 0.45:
            items.append(("scenario_cycler", pygame.Rect(x, y, control_w, button_h), 0))
            y += button_h
        else:
            for index in range(len(self.entries)):
                items.append(("scenario", pygame.Rect(x, y, control_w, button_h), index))
                y += button_h + row_gap
            y -= row_gap
        entry = self.entry
        if entry is not None and entry.scenario is None and not wide:  # no details panel: the problem goes here
            lines = min(3, len(wrap(entry.problems[0], small, control_w)))
            y += self.px(4)
            items.append(("problem", pygame.Rect(x, y, control_w, lines * small.get_linesize()), 0))
            y += lines * small.get_linesize()
        y += section_gap

        # Seats: one button per side (Enter or a click changes who plays it), the level's description under it.
        roles = self.role_names()
        if roles:
            section("Who plays", "Enter changes · R swaps")
            for index in range(len(roles)):
                items.append(("seat", pygame.Rect(x, y, control_w, button_h), index))
                y += button_h
                lines = min(notes, len(wrap(self.seat_note(index), small, control_w - self.px(12))))
                if lines:
                    items.append(
                        (
                            "seat_note",
                            pygame.Rect(
                                x + self.px(12), y + self.px(2), control_w - self.px(12), lines * small.get_linesize()
                            ),
                            index,
                        )
                    )
                    y += lines * small.get_linesize() + self.px(2)
                y += row_gap
            y += section_gap - row_gap

        section("Seed", "")
        seed_w = min(control_w, max(self.px(150), button_font.size("0" * SEED_DIGITS)[0] + self.px(30)))
        items.append(("seed", pygame.Rect(x, y, seed_w, button_h), 0))
        hint_x = x + seed_w + self.px(12)
        if x + control_w - hint_x >= self.px(120):
            items.append(("seed_hint", pygame.Rect(hint_x, y, x + control_w - hint_x, button_h), 0))
        y += button_h + section_gap

        section("Open a file", "Ctrl+O")
        open_w = button_font.size("Open")[0] + self.px(36)
        items.append(("path", pygame.Rect(x, y, control_w - open_w - row_gap, button_h), 0))
        items.append(("open", pygame.Rect(x + control_w - open_w, y, open_w, button_h), 0))
        y += button_h
        if self.path_error:
            lines = min(3, len(wrap(self.path_error, small, area.width)))
            y += self.px(4)
            items.append(("error", pygame.Rect(area.left, y, area.width, lines * small.get_linesize()), 0))
            y += lines * small.get_linesize()
        return Plan(y - area.top, items, labels)

    def _make_widgets(self, plan: Plan) -> None:
        button_font = theme.font(self.px(BUTTON_SIZE))
        for kind, rect, index in plan.items:
            if kind == "scenario":
                entry = self.entries[index]
                text = self._scenario_text(index, rect.width - self.px(24), button_font)
                self.widget_keys[("scenario", index)] = len(self.focusables)
                self.button(
                    rect, text, self._chooser(index), object_id=self.list_item_id(chosen=index == self.selected)
                )
                if entry.scenario is None:
                    self.areas[f"invalid{index}"] = rect
            elif kind == "scenario_cycler":
                text = self._scenario_text(
                    self.selected, rect.width - self.px(24), button_font, counter=len(self.entries) > 1
                )
                self.widget_keys[("scenario_cycler", 0)] = len(self.focusables)
                self.button(rect, text, self.next_scenario, object_id=self.list_item_id())  # type: ignore[arg-type]
            elif kind == "no_scenarios":
                self.areas["no_scenarios"] = rect
            elif kind == "seat":
                text = ellipsize(self.seat_text(index) + "  ›", button_font, rect.width - self.px(24))
                self.widget_keys[("seat", index)] = len(self.focusables)
                chosen = self.players[index] == PERSON.player
                self.button(rect, text, self._seat_cycler(index), object_id=self.list_item_id(chosen=chosen))  # type: ignore[arg-type]
            elif kind == "seat_note":
                self.areas[f"seat_note{index}"] = rect
            elif kind == "seed":
                self.widget_keys[("seed", 0)] = len(self.focusables)
                self.field("seed", rect, self.start, placeholder="random", digits_only=True, limit=SEED_DIGITS)
            elif kind == "path":
                self.widget_keys[("path", 0)] = len(self.focusables)
                self.field("path", rect, self.open_path, placeholder="path/to/scenario.yaml")
            elif kind == "open":
                self.widget_keys[("open", 0)] = len(self.focusables)
                self.button(rect, "Open", self.open_path)
            else:  # drawn, not widgets: the seed hint and the error under the path
                self.areas[kind] = rect

    def _scenario_text(self, index: int, width: int, font: pygame.font.Font, *, counter: bool = False) -> str:
        entry = self.entries[index]
        number = f"{index + 1}  " if index < 9 and len(self.entries) > 1 else ""
        status = "  (has errors)" if entry.scenario is None else ""
        suffix = f"  ({index + 1} of {len(self.entries)})" if counter else ""
        if counter:
            number = "‹ "
            suffix = " ›" + suffix
        return number + ellipsize(entry.title, font, width - font.size(number + status + suffix)[0]) + status + suffix

    def details_html(self) -> str:
        """What the selected scenario is about (or what is wrong with the file), as pygame_gui HTML."""
        entry = self.entry
        if entry is None:
            return (
                "No scenarios were found in the scenarios folder "
                f"({html.escape(str(SCENARIO_DIR))}). Open a scenario file by its path on the left."
            )
        if entry.scenario is None:
            count = len(entry.problems)
            more = (
                f"<br><br>…and {count - 1} more problem{'s' if count > 2 else ''}. Run "
                f"<b>python main.py validate {html.escape(str(entry.path))}</b> to see them all."
                if count > 1
                else ""
            )
            return (
                f"<b>{html.escape(entry.path.name)}</b> cannot be played: it has mistakes. Fix the file, then "
                f"open it again.<br><br>{html.escape(entry.problems[0])}{more}"
            )
        scenario = entry.scenario
        calendar = scenario.calendar
        parts = [
            f"<b>{html.escape(localize(scenario.title, LANG))}</b>",
            html.escape(localize(scenario.description, LANG)),
            f"<b>Length:</b> {scenario.turns} turns, {html.escape(calendar.label(1))} to "
            f"{html.escape(calendar.label(scenario.turns))}.",
        ]
        sides = []
        for index, role in enumerate(scenario.roles):
            player = self.players[index] if index < len(self.players) else DEFAULT_LEVEL
            level = LEVELS.get(player)
            you = " (person)" if player == PERSON.player else f" (computer, {level.name if level else player})"
            sides.append(
                f"<b>{html.escape(localize(role.name, LANG))}{you}:</b> {html.escape(localize(role.brief, LANG))}"
            )
        parts.append("<br><br>".join(sides))
        if entry.opened:
            parts.append(f"File: {html.escape(str(entry.path))}")
        return "<br><br>".join(parts)

    # ----------------------------------------------------------------- commands
    def _picker(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def _chooser(self, index: int) -> Callable[[], None]:
        def choose() -> None:
            self.choose(index)
            if self.scenario is not None:
                self._focus_key(("seat", 0) if ("seat", 0) in self.widget_keys else START)

        return choose

    def _seat_cycler(self, index: int) -> Callable[[], None]:
        return lambda: self.next_player(index)

    def next_player(self, index: int) -> None:
        """Change who plays side ``index``: a person, then the computer at each level (and round again)."""
        if not 0 <= index < len(self.players):
            return
        player = self.players[index]
        position = SEAT_CHOICES.index(player) if player in SEAT_CHOICES else -1
        self.players[index] = SEAT_CHOICES[(position + 1) % len(SEAT_CHOICES)]
        self.focus_key = ("seat", index)
        self.rebuild()
        self.app.dirty = True

    def choose(self, index: int) -> None:
        """Select scenario number ``index`` (its first side)."""
        if not 0 <= index < len(self.entries) or index == self.selected:
            return
        if self.focus_key[0] in ("scenario", "scenario_cycler") and self.scenario is None:
            self.focus_key = START  # the focus only waited on the list because Start was disabled
        self.selected = index
        self.players = self.default_players()
        self.rebuild()
        self.app.dirty = True

    def next_scenario(self) -> None:
        """The next scenario in the list (wrapping around)."""
        if len(self.entries) > 1:
            self.choose((self.selected + 1) % len(self.entries))

    def next_role(self) -> None:
        """Move every seat on to the next side (one person against the computer: the person plays the next side)."""
        if len(self.players) > 1:
            self.players = self.players[-1:] + self.players[:-1]
            self.rebuild()
            self.app.dirty = True

    def _focus_key(self, key: FocusKey) -> None:
        self.focus_key = key
        if key in self.widget_keys:
            self.focus_index = self.widget_keys[key]
            self._show_focus()
        self.app.dirty = True

    def scroll_details(self, step: int) -> None:
        """Scroll the scenario's description (PgUp / PgDn)."""
        box = self.details
        bar = getattr(box, "scroll_bar", None)
        if bar is None:
            return
        bar.set_scroll_from_start_percentage(
            max(0.0, min(1.0, bar.start_percentage + step * bar.visible_percentage * 0.9))
        )
        self.app.dirty = True

    def open_path(self) -> None:
        """Load the scenario file typed in the path field and select it; its first problem shows if it is bad."""
        text = self.text_of("path").strip().strip('"').strip("'")
        if not text:
            self.path_error = "Type the path of a scenario file (.yaml) first."
            self.focus_key = ("path", 0)
            self.rebuild()
            self.app.dirty = True
            return
        path = Path(text).expanduser()
        entry = load_entry(path, opened=True)
        if entry.scenario is None:
            count = len(entry.problems)
            more = f" (and {count - 1} more)" if count > 1 else ""
            self.path_error = entry.problems[0] + more
            self.focus_key = ("path", 0)
        else:
            self.path_error = ""
            resolved = _resolved(path)
            existing = next((i for i, e in enumerate(self.entries) if _resolved(e.path) == resolved), None)
            if existing is None:
                self.entries.append(entry)
                existing = len(self.entries) - 1
            else:
                entry.opened = self.entries[existing].opened
                self.entries[existing] = entry  # reloaded: the file may have been edited
            self.selected = existing
            self.players = self.default_players()
            self.set_text_of("path", "")
            self.focus_key = START
        self.rebuild()
        self.app.dirty = True

    def start(self) -> None:
        """Start the game with the chosen scenario, seats and seed."""
        entry = self.entry
        scenario = self.scenario
        if entry is None or scenario is None or not self.can_start():
            return
        seed_text = self.text_of("seed").strip()
        seed = int(seed_text) if seed_text.isdigit() else random.randrange(10**6)
        self.request(NewGame(scenario, str(entry.path), self.seats(), seed))

    def back(self) -> None:
        """Return to the title."""
        self.app.pop()

    # ----------------------------------------------------------------- keyboard
    def handle(self, event: pygame.event.Event) -> bool:
        """Ctrl+O goes to the path field; the rest as in every menu."""
        if (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_o
            and event.mod & pygame.KMOD_CTRL
            and ("path", 0) in self.widget_keys
        ):
            self._focus_key(("path", 0))
            return True
        handled = super().handle(event)
        self._sync_focus_key()
        return handled

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Heading, section labels, hints, the path error and who plays what."""
        palette = self.palette
        header = self.draw_header(surface, "New game")
        if header is None:
            return
        if not self.compact:
            blit_text(
                surface,
                "Choose a scenario and who plays each side: a person, or the computer at a level.",
                self.font(15),
                palette.muted,
                (header.left, header.top + self.heading_font().get_linesize()),
                width=header.width,
            )
        label_font, small = self.font(15, bold=True), self.font(13)
        for rect, text, hint in self.labels:
            drawn = blit_text(
                surface, text, label_font, palette.text, (rect.left, rect.centery), width=rect.width, anchor="midleft"
            )
            if hint and drawn.right + self.px(10) < rect.right:
                blit_text(
                    surface,
                    f"[{hint}]",
                    small,
                    palette.muted,
                    (drawn.right + self.px(8), rect.centery),
                    width=rect.right - drawn.right - self.px(8),
                    anchor="midleft",
                )
        seed_hint = self.areas.get("seed_hint")
        if seed_hint is not None:
            text = "Empty: random. The same seed brings the same events."
            if len(wrap(text, small, seed_hint.width)) > 2:
                text = "Empty: random."
            lines = wrap(text, small, seed_hint.width, 2)
            y = seed_hint.centery - len(lines) * small.get_linesize() // 2
            for line in lines:
                blit_text(surface, line, small, palette.muted, (seed_hint.left, y))
                y += small.get_linesize()
        for index in range(len(self.players)):
            note = self.areas.get(f"seat_note{index}")
            if note is not None:
                blit_lines(surface, self.seat_note(index), small, palette.muted, note)
        problem = self.areas.get("problem")
        entry = self.entry
        if problem is not None and entry is not None and entry.problems:
            blit_lines(surface, entry.problems[0], small, palette.bad, problem, max_lines=3)
        error = self.areas.get("error")
        if error is not None and self.path_error:
            blit_lines(surface, self.path_error, small, palette.bad, error, max_lines=3)
        empty = self.areas.get("no_scenarios")
        if empty is not None:
            blit_lines(
                surface,
                "No scenario files in the scenarios folder. Open one by its path below.",
                small,
                palette.muted,
                empty,
            )
        status = self.areas.get("status")
        if status is not None:
            texts, colour = self.status_text()
            seat = self.focus_key[1] if self.focus_key[0] == "seat" else -1
            if 0 <= seat < len(self.players) and f"seat_note{seat}" not in self.areas:
                texts, colour = [self.seat_note(seat)], palette.muted  # no room under the seat: said here
            text = next((t for t in texts if len(wrap(t, small, status.width)) <= 2), texts[-1])
            lines = wrap(text, small, status.width, 2)
            y = status.centery - len(lines) * small.get_linesize() // 2
            for line in lines:
                blit_text(surface, line, small, colour, (status.left, y))
                y += small.get_linesize()

    def status_text(self) -> tuple[list[str], tuple[int, int, int]]:
        """Who plays what, or why the game cannot start: the same message from longest to shortest."""
        entry = self.entry
        if entry is None:
            return ["Open a scenario file to play.", "No scenario"], self.palette.muted
        if entry.scenario is None:
            return ["This scenario has mistakes and cannot be played.", "Cannot be played"], self.palette.bad
        persons = self.persons()
        computers = [
            f"{name} ({LEVELS[player].name if player in LEVELS else player})"
            for (_, name), player in zip(self.role_names(), self.players, strict=True)
            if player != PERSON.player
        ]
        others = ", ".join(computers)
        if not persons:
            return ["Make at least one side a person (Enter on its seat) to start.", "Nobody plays"], self.palette.bad
        if len(persons) == 1:
            you = persons[0]
            text = f"You play {you}" + (f"; the computer plays {others}." if others else ".")
            return [
                text,
                f"You: {you}" + (f" · Computer: {others}" if others else ""),
                f"You: {you}",
            ], self.palette.muted
        people = " and ".join([", ".join(persons[:-1]), persons[-1]])
        text = f"{people} take turns at this machine, with a privacy screen between their parts" + (
            f"; the computer plays {others}." if others else "."
        )
        return [
            text,
            f"People: {', '.join(persons)}" + (f" · Computer: {others}" if others else ""),
            f"People: {', '.join(persons)}",
        ], self.palette.muted

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """A warning stripe on scenario files that cannot be played; the fields' placeholders."""
        super().draw_overlay(surface)
        for key, rect in self.areas.items():
            if key.startswith("invalid"):
                pygame.draw.rect(
                    surface,
                    self.palette.bad,
                    (rect.left + self.px(3), rect.top + self.px(6), self.px(3), rect.height - self.px(12)),
                )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
