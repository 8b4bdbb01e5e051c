"""The New game screen: pick a scenario (shipped or opened by path), who plays each side (a person, or the computer
at a level, with the level's one-line description) and an optional seed, then start.

The default is one person, on the first side, against the Standard computer. Two people or more make a hot-seat game
(they take turns at this machine, with a privacy screen between their parts).

The screen holds the scenario files, the selection, the seats and the focus, and routes the keys; its parts are the
form's layout (:mod:`.form`), the scenario list (:mod:`.scenario_list`), the seat chooser (:mod:`.seat_chooser`),
the scenario's details (:mod:`.details`) and the status line (:mod:`.status`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pygame

from game.content.loader import find_scenarios
from game.engine import Scenario, localize
from game.i18n import language, tr
from game.paths import SCENARIO_DIR
from game.table import DEFAULT_LEVEL, PERSON, Seat
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_lines, with_key
from game.ui.screens.newgame.details import ScenarioDetails, details_html
from game.ui.screens.newgame.form import SEED_DIGITS, FormContent, FormPlanner, Plan
from game.ui.screens.newgame.labels import draw_labels, draw_seed_hint
from game.ui.screens.newgame.length_chooser import build_length_button, length_names, scenario_of_choice
from game.ui.screens.newgame.scenario_files import Entry, load_entry, resolved_path
from game.ui.screens.newgame.scenario_list import ScenarioList
from game.ui.screens.newgame.seat_chooser import SeatChooser, next_choice, seat_note, seat_text
from game.ui.screens.newgame.status import draw_status, status_text
from game.ui.screens.newgame.teacher_pin import PIN_DIGITS, draw_pin_label, pin_problem
from game.ui.screens.results import NewGame
from game.ui.widgets.gui import set_enabled

#: The number keys (top row and keypad) and the scenario each picks.
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n - 1 for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n - 1 for n in range(1, 10)
}

FocusKey = tuple[str, int]
START: FocusKey = ("start", 0)


class NewGameScreen(MenuScreen):
    """Choose a scenario, the seats and a seed. Number keys pick a scenario, Enter on a seat changes who plays it,
    R moves the seats round (the person plays the next side), Enter on Start starts."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.scenario_dir = SCENARIO_DIR
        self.entries: list[Entry] = [load_entry(path) for path in find_scenarios(self.scenario_dir)]
        self.selected = next((i for i, e in enumerate(self.entries) if e.scenario is not None), 0)
        #: Who plays each role of the selected scenario, in its order: ``person`` or a computer level id.
        self.players: list[str] = self.default_players()
        self.length = 0  # the chosen length of the selected scenario: 0 is the full game, then its ``lengths``
        self.path_error = ""
        self.focus_key: FocusKey = START
        self.widget_keys: dict[FocusKey, int] = {}
        self.areas: dict[str, pygame.Rect] = {}
        self.labels: list[tuple[pygame.Rect, str, str]] = []
        self.compact = False
        self.scenario_list = ScenarioList(self)
        self.seat_chooser = SeatChooser(self)
        self.details = ScenarioDetails(self)

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
        return [(r.id, localize(r.name, language())) for r in scenario.roles] if scenario is not None else []

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
        return seat_text(self.role_names()[index][1], self.players[index])

    def seat_note(self, index: int) -> str:
        """The one-line description of what sits in a seat (a computer level's own description)."""
        return seat_note(self.players[index], len(self.persons()))

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
        self.scenario_list.clear()
        button_font = theme.font(self.px(BUTTON_SIZE))
        button_h = button_font.get_linesize() + self.px(12)

        # Footer: Back on the left, Start on the right, who plays what in between.
        footer_top = height - max(self.px(10), round(height * 0.035)) - button_h
        back_text, start_text = with_key(tr("Back"), tr("Esc")), with_key(tr("Start"), tr("Enter"))
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
        self._build_body(body, button_h)

        self.widget_keys[("back", 0)] = len(self.focusables)
        self.button(back, back_text, self.back, key=pygame.K_ESCAPE)
        self.widget_keys[START] = len(self.focusables)
        start_button = self.button(start, start_text, self.start, object_id="#primary")
        if not self.can_start():
            set_enabled(start_button, False)
        self._add_shortcuts()
        self._place_focus()

    def _build_body(self, body: pygame.Rect, button_h: int) -> None:
        """The form on the left (or on top), the scenario's details on the right (or under it)."""
        gap = self.px(20)
        wide = body.width >= self.px(340) + self.px(250) + gap
        left_w = max(self.px(340), round(body.width * 0.5)) if wide else body.width
        form_area = pygame.Rect(body.left, body.top, left_w, body.height)
        notes = [self.seat_note(index) for index in range(len(self.role_names()))]
        content = FormContent(self.entries, self.entry, notes, self.path_error, length_names(self.scenario))
        plan = FormPlanner(self, form_area, button_h, content, wide=wide).fit()
        self.labels = plan.labels
        if wide:
            details = pygame.Rect(body.left + left_w + gap, body.top, body.width - left_w - gap, body.height)
        else:
            details_top = body.top + plan.height + self.px(10)
            details = pygame.Rect(body.left, details_top, body.width, body.bottom - details_top)
        self._make_widgets(plan)
        if self.details.build(details, self.details_html()):
            self.areas["details"] = details

    def _add_shortcuts(self) -> None:
        """1-9 pick a scenario, R moves the seats round, PgUp / PgDn scroll the details; Esc in a field: Start."""
        for key in NUMBER_KEYS:
            self.shortcuts[key] = self._picker(NUMBER_KEYS[key])
        self.shortcuts[pygame.K_r] = self.next_role
        self.shortcuts[pygame.K_l] = self.next_length
        self.shortcuts[pygame.K_PAGEUP] = lambda: self.scroll_details(-1)
        self.shortcuts[pygame.K_PAGEDOWN] = lambda: self.scroll_details(1)
        self.escape_focus = lambda: self._focus_key(START)

    def _place_focus(self) -> None:
        """The focus back on its control after a rebuild, or where it can wait when that control is not usable."""
        if self.focus_key not in self.widget_keys or not self.focusables[self.widget_keys[self.focus_key]].is_enabled:
            # Start is disabled for a file with mistakes, or with nobody to play: the focus waits on the seats or
            # the list (never on Back, where the Enter meant for Start would leave the screen)
            fallback = [("seat", 0), ("scenario", self.selected), ("scenario_cycler", 0), ("back", 0)]
            self.focus_key = START if self.can_start() else next(k for k in fallback if k in self.widget_keys)
        self.focus_index = self.widget_keys[self.focus_key]

    def _make_widgets(self, plan: Plan) -> None:
        """The form's widgets where the plan put them; the parts drawn, not widgets, get their areas."""
        for kind, rect, index in plan.items:
            if kind == "scenario":
                self.widget_keys[("scenario", index)] = len(self.focusables)
                self.scenario_list.build_button(rect, self.entries, index, self.selected, self._chooser(index))
            elif kind == "scenario_cycler":
                self.widget_keys[("scenario_cycler", 0)] = len(self.focusables)
                self.scenario_list.build_cycler(rect, self.entries, self.selected, self.next_scenario)
            elif kind == "length":
                self.widget_keys[("length", 0)] = len(self.focusables)
                build_length_button(self, rect, self.scenario, self.length, self.next_length)
            elif kind == "seat":
                self.widget_keys[("seat", index)] = len(self.focusables)
                self.seat_chooser.build_seat(rect, self.seat_text(index), self.players[index], self._seat_cycler(index))
            elif kind == "seat_note":
                self.areas[f"seat_note{index}"] = rect
            elif kind == "seed":
                self.widget_keys[("seed", 0)] = len(self.focusables)
                self.field("seed", rect, self.start, placeholder=tr("random"), digits_only=True, limit=SEED_DIGITS)
            elif kind == "pin":
                self.widget_keys[("pin", 0)] = len(self.focusables)
                self.field("pin", rect, self.start, placeholder=tr("none"), digits_only=True, limit=PIN_DIGITS)
            elif kind == "path":
                self.widget_keys[("path", 0)] = len(self.focusables)
                self.field("path", rect, self.open_path, placeholder="path/to/scenario.yaml")
            elif kind == "open":
                self.widget_keys[("open", 0)] = len(self.focusables)
                self.button(rect, tr("Open"), self.open_path)
            else:  # drawn, not widgets: no scenarios, the seed hint, the problem and the error under the path
                self.areas[kind] = rect

    def details_html(self) -> str:
        """What the selected scenario is about (or what is wrong with the file), as pygame_gui HTML."""
        return details_html(self.entry, self.players, self.scenario_dir)

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
        self.players[index] = next_choice(self.players[index])
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
        self.players, self.length = self.default_players(), 0
        self.rebuild()
        self.app.dirty = True

    def next_scenario(self) -> None:
        """The next scenario in the list (wrapping around)."""
        if len(self.entries) > 1:
            self.choose((self.selected + 1) % len(self.entries))

    def next_length(self) -> None:
        """The next length of the selected scenario: the full game, then each shorter game it offers (and round)."""
        count = len(length_names(self.scenario))
        if count > 1:
            self.length = (self.length + 1) % count
            self.rebuild()
            self.app.dirty = True

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
        if self.details.scroll(step):
            self.app.dirty = True

    def open_path(self) -> None:
        """Load the scenario file typed in the path field and select it; its first problem shows if it is bad."""
        text = self.text_of("path").strip().strip('"').strip("'")
        if not text:
            self.path_error = tr("Type the path of a scenario file (.yaml) first.")
            self.focus_key = ("path", 0)
            self.rebuild()
            self.app.dirty = True
            return
        path = Path(text).expanduser()
        entry = load_entry(path, opened=True)
        if entry.scenario is None:
            count = len(entry.problems)
            more = tr(" (and {value} more)", value=count - 1) if count > 1 else ""
            self.path_error = entry.problems[0] + more
            self.focus_key = ("path", 0)
        else:
            self.path_error = ""
            resolved = resolved_path(path)
            existing = next((i for i, e in enumerate(self.entries) if resolved_path(e.path) == resolved), None)
            if existing is None:
                self.entries.append(entry)
                existing = len(self.entries) - 1
            else:
                entry.opened = self.entries[existing].opened
                self.entries[existing] = entry  # reloaded: the file may have been edited
            self.selected = existing
            self.players, self.length = self.default_players(), 0
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
        pin = self.text_of("pin").strip()
        if pin_problem(pin):
            self._focus_key(("pin", 0))
            return
        self.request(NewGame(scenario_of_choice(scenario, self.length), str(entry.path), self.seats(), seed, pin=pin))

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
        header = self.draw_header(surface, tr("New game"))
        if header is None:
            return
        self.draw_subtitle(
            surface, header, tr("Choose a scenario and who plays each side: a person, or the computer at a level.")
        )
        draw_labels(self, surface, self.labels)
        draw_seed_hint(self, surface, self.areas.get("seed_hint"))
        draw_pin_label(self, surface, self.areas.get("pin_label"), pin_problem(self.text_of("pin")))
        self.seat_chooser.draw_notes(surface, [self.seat_note(index) for index in range(len(self.players))], self.areas)
        small = self.font(13)
        problem = self.areas.get("problem")
        entry = self.entry
        if problem is not None and entry is not None and entry.problems:
            blit_lines(surface, entry.problems[0], small, palette.bad, problem, max_lines=3)
        error = self.areas.get("error")
        if error is not None and self.path_error:
            blit_lines(surface, self.path_error, small, palette.bad, error, max_lines=3)
        self.scenario_list.draw_empty(surface, self.areas.get("no_scenarios"))
        status = self.areas.get("status")
        if status is not None:
            texts, colour = self.status_text()
            seat = self.focus_key[1] if self.focus_key[0] == "seat" else -1
            if 0 <= seat < len(self.players) and f"seat_note{seat}" not in self.areas:
                texts, colour = [self.seat_note(seat)], palette.muted  # no room under the seat: said here
            draw_status(self, surface, status, texts, colour)

    def status_text(self) -> tuple[list[str], tuple[int, int, int]]:
        """Who plays what, or why the game cannot start: the same message from longest to shortest."""
        return status_text(self.entry, self.role_names(), self.players, self.palette)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """A warning stripe on scenario files that cannot be played; the fields' placeholders."""
        super().draw_overlay(surface)
        self.scenario_list.draw_marks(surface)
