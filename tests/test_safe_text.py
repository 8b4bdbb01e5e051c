"""Text is safe to show: control characters in a scenario's text are refused at load with their position, and
nothing from a scenario or a save reaches a terminal as a control sequence or stops the desktop's font."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import yamlsafe
from game.content.controls import REFUSED, for_drawing, for_terminal, normalise_breaks, terminal_safe
from game.content.loader import load_scenario, load_scenario_text
from game.content.problems import Problem, ScenarioError
from game.content.yamlsafe import load_yaml
from game.engine import Scenario, localize
from game.persistence import save_match
from game.table import PERSON, Match, Seat
from game.text.console import Console
from game.text.play import run
from game.text.replay import run_replay
from game.ui.app import App

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny.yaml"

#: Anything a terminal could take as a command: every control character but the tab and the line feed.
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def tiny_with(*replacements: tuple[str, str]) -> str:
    """The tiny fixture's text with each ``(old, new)`` replaced once (the old text must be there)."""
    text = TINY.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "mod.yaml")
    return caught.value.problems


def line_of(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column where ``needle`` first appears in ``text``."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


@pytest.fixture(params=["libyaml", "pure-python"])
def either_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsafe, "_LOADER", yamlsafe._PURE_LOADER)
    yield request.param


# --------------------------------------------------------------------------- refused at load, with the position


def test_a_nul_in_a_label_is_refused_at_the_escape_that_wrote_it(either_loader: str) -> None:
    text = tiny_with(("    label: X\n", '    label: "X\\0"\n'))
    [problem] = problems(text)
    assert (problem.path, problem.line, problem.col) == ("mod.yaml", *line_of(text, "\\0"))
    assert "control character U+0000 (NUL)" in problem.message


def test_terminal_sequences_in_a_title_are_refused_at_their_position(either_loader: str) -> None:
    text = tiny_with(("title: Tiny fixture", 'title: "Tiny \\e]0;pwned\\a\\e[2J fixture"'))
    [problem] = problems(text)
    assert (problem.line, problem.col) == line_of(text, "\\e]0")
    assert "U+001B (escape)" in problem.message
    assert TERMINAL_CONTROL.search(problem.format()) is None


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\e", "U+001B"),
        ("\\x1b", "U+001B"),
        ("\\u001B", "U+001B"),
        ("\\U0000001b", "U+001B"),
        ("\\0", "U+0000"),
        ("\\a", "U+0007"),
        ("\\b", "U+0008"),
        ("\\v", "U+000B"),
        ("\\f", "U+000C"),
        ("\\x7f", "U+007F"),
        ("\\x9b", "U+009B"),  # the one-character CSI of C1
    ],
)
def test_every_control_escape_is_refused_in_any_text_field(escape: str, code: str) -> None:
    text = tiny_with(("description: x += 5.", f'description: "x \\\\ += {escape}5."'))
    [problem] = problems(text)
    assert (problem.line, problem.col) == line_of(text, escape + "5.")
    assert code in problem.message


def test_a_control_character_in_a_key_is_refused_and_never_echoed_raw() -> None:
    text = tiny_with(("turns: 3\n", 'turns: 3\n"\\e[2Jsneaky": 1\n'))
    found = problems(text)
    assert [p.line for p in found] == [line_of(text, "\\e[2J")[0]]
    assert all(TERMINAL_CONTROL.search(p.format()) is None for p in found)


def test_tabs_and_line_breaks_in_a_description_are_kept() -> None:
    text = tiny_with(
        ("description: Two roles nudge two numbers for three turns.", 'description: "Two roles\\tnudge\\ntwo."'),
        ("description: Alpha's number. Starts at 50.", "description: |\n      Alpha's number.\n      Starts at 50.\n"),
    )
    scenario = load_scenario_text(text, "mod.yaml")
    assert localize(scenario.description) == "Two roles\tnudge\ntwo."
    assert localize(scenario.indicators[0].description) == "Alpha's number.\nStarts at 50.\n"


def test_carriage_returns_and_next_line_are_read_as_line_breaks() -> None:
    text = tiny_with(("description: Two roles nudge two numbers for three turns.", 'description: "a\\r\\nb\\rc\\Nd"'))
    assert localize(load_scenario_text(text, "mod.yaml").description) == "a\nb\nc\nd"


def double_quoted(value: str) -> str:
    """``value`` as a YAML double-quoted string: control characters written as ``\\xNN`` escapes."""
    escaped = (f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else "\\" + c if c in '"\\' else c
               for c in value)  # fmt: skip
    return '"' + "".join(escaped) + '"'


def test_names_labels_and_titles_are_kept_on_one_line() -> None:
    text = tiny_with(
        ("title: Tiny fixture", 'title: "Tiny\\tfixture\\n"'),
        ("    label: X\n", "    label: |\n      X\n      axis\n"),
        ("    name: Alpha\n", '    name: "Alpha \\u2028 side"\n'),
        ("        label: Calm\n", "        label: >\n          Calm\n"),
    )
    scenario = load_scenario_text(text, "mod.yaml")
    assert localize(scenario.title) == "Tiny fixture"
    assert localize(scenario.indicators[0].label) == "X axis"
    assert localize(scenario.roles[0].name) == "Alpha side"
    assert localize(scenario.events[0].choices[0].label) == "Calm"


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufeff\ufffe\uffff"), max_size=30))
def test_any_string_loads_with_no_refused_control_or_is_refused_for_it(value: str) -> None:
    source = f"v: {double_quoted(value)}\n"
    try:
        loaded = load_yaml(source, "mod.yaml").data["v"]
    except ScenarioError as exc:
        assert REFUSED.search(normalise_breaks(value)) is not None
        assert all("control character" in p.message and p.line == 1 for p in exc.problems)
        return
    assert loaded == normalise_breaks(value)
    assert REFUSED.search(loaded) is None


# --------------------------------------------------------------------------- nothing reaches a terminal raw


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input="", capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)  # fmt: skip


def test_validate_and_the_terminal_game_refuse_a_hostile_scenario_without_writing_its_controls(
    tmp_path: Path,
) -> None:
    text = tiny_with(
        ("title: Tiny fixture", 'title: "Tiny \\e]0;pwned\\a\\e[2J fixture"'),
        ("    label: X\n", '    label: "X\\0"\n'),
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    for command in (["validate", str(path)], ["text", "--scenario", str(path)]):
        result = run_main(*command)
        assert result.returncode == 1, command
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        assert TERMINAL_CONTROL.search(output) is None
        for escape in ("\\e]0", "\\0"):
            line, col = line_of(text, escape)
            assert f"{path}:{line}:{col}: error:" in output


def hostile(scenario: Scenario) -> Scenario:
    """``scenario`` with terminal sequences and a NUL in its title, role names and first indicator's label, as if
    it had come from somewhere other than the loader."""
    bad = "\x1b]0;pwned\x07\x1b[2J\x00\r"
    roles = tuple(dataclasses.replace(r, name={"en": f"{localize(r.name)}{bad}"}) for r in scenario.roles)
    first, *rest = scenario.indicators
    indicators = (dataclasses.replace(first, label={"en": f"X{bad}"}), *rest)
    return dataclasses.replace(scenario, title={"en": f"Title{bad}"}, roles=roles, indicators=indicators)


def test_the_terminal_game_writes_no_control_sequence_whatever_the_scenario_holds() -> None:
    scenario = hostile(load_scenario(TINY))
    out = io.StringIO()
    run(scenario, role=None, seed=1, stdin=io.StringIO("1\ns\nl\ne\ne\ne\ne\n"), stdout=out)
    text = out.getvalue()
    assert "\\x1b]0;pwned\\x07" in text  # shown, harmlessly
    assert TERMINAL_CONTROL.search(text) is None


def test_a_console_and_a_terminal_safe_stream_show_controls_as_escapes() -> None:
    raw = io.StringIO()
    Console(io.StringIO(), raw).line("a\x1b[2Jb\tc\x00\ud800")
    stream = io.StringIO()
    terminal_safe(stream).write("x\x9b31my\r\n")
    assert raw.getvalue() == "a\\x1b[2Jb\tc\\x00\\ud800\n"
    assert stream.getvalue() == "x\\x9b31my\\x0d\n"


def damaged_save(tmp_path: Path) -> Path:
    """A save whose label and a role key hold terminal sequences (the role key makes it damaged)."""
    scenario = load_scenario(TINY)
    match = Match.start(scenario, {"alpha": Seat("greedy"), "beta": Seat("greedy")}, 3, scenario_path=str(TINY))
    path = tmp_path / "save.json"
    save_match(match, path, "label\x1b]0;pwned\x07")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["roles"] = {"\x1b[2Jalpha": 5, **data["roles"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_damaged_saves_text_reaches_the_terminal_only_as_visible_escapes(tmp_path: Path) -> None:
    path = damaged_save(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert run_replay(path, out, err) == 1
    assert "\\x1b[2Jalpha" in err.getvalue()
    assert TERMINAL_CONTROL.search(out.getvalue() + err.getvalue()) is None
    result = run_main("replay", str(path))
    assert result.returncode == 1
    assert "\\x1b[2Jalpha" in result.stderr
    assert TERMINAL_CONTROL.search(result.stdout + result.stderr) is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_for_terminal_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = for_terminal(text)
    assert TERMINAL_CONTROL.search(shown) is None
    shown.encode("utf-8")  # no lone surrogate either
    assert for_terminal(shown) == shown


# --------------------------------------------------------------------------- the desktop's text drawing


@pytest.fixture
def font() -> Iterator[object]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.font.init()
    yield pygame.font.Font(None, 18)


@pytest.mark.parametrize(
    "text",
    ["label\x00typed", "\x1b[2J\x07", "tab\there", "lone \ud800 surrogate", "\x00"],
    ids=["nul-in-a-label", "escape-and-bell", "tab", "lone-surrogate", "only-nul"],
)
def test_the_desktop_draws_any_control_character_without_stopping(font: object, text: str) -> None:
    import pygame

    from game.ui.widgets import text as textlib

    assert isinstance(font, pygame.font.Font)
    surface = pygame.Surface((200, 200))
    assert textlib.render(font, text, (255, 255, 255)).get_width() > 0
    assert textlib.draw(surface, text * 5, (0, 0), font=font, colour=(0, 0, 0), max_width=60).width <= 60
    assert textlib.draw_wrapped(surface, f"{text} {text}\n{text}", pygame.Rect(0, 0, 40, 200), font=font,
                                colour=(0, 0, 0)) > 0  # fmt: skip
    assert all("\x00" not in line for line in textlib.wrap(font, text, 40))


def test_text_for_drawing_keeps_line_breaks_and_marks_the_rest() -> None:
    assert for_drawing("a\x00b\tc\nd\ud800") == "a\ufffdb c\nd\ufffd"


@pytest.mark.parametrize("label", ["Week\x00 3\x1b[2J", "lone \ud800 mark"])
def test_the_load_screen_lists_and_asks_about_a_save_whose_label_holds_a_control_or_a_lone_surrogate(
    make_app: Callable[..., App], label: str
) -> None:
    import pygame
    from uikit import frames, key

    from game.persistence import save_new
    from game.ui.screens.load import LoadScreen

    match = Match.start(load_scenario(TINY), {"alpha": PERSON, "beta": Seat("greedy")}, 3,
                        scenario_path=str(TINY))  # fmt: skip
    info = save_new(match, label)
    data = json.loads(info.path.read_text(encoding="utf-8"))
    data["roles"]["gh\x00st"] = "person"  # a side the scenario does not have is listed by its id
    info.path.write_text(json.dumps(data), encoding="utf-8")
    app = make_app()
    app.push(LoadScreen(app))
    frames(app)
    screen = app.top
    assert isinstance(screen, LoadScreen)
    assert [info.label for info in screen.saves] == [label]
    key(app, pygame.K_DELETE)  # the question quotes the label
    frames(app)
    assert screen.confirming is not None


def test_the_progress_line_keeps_its_own_carriage_return_behind_a_terminal_safe_stream() -> None:
    import time

    from game.cli import _progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    raw = Tty()
    report = _progress(4, time.perf_counter(), terminal_safe(raw))
    assert report is not None
    report(1)
    assert raw.getvalue().startswith("\r  1/4 games")


def test_a_desktop_game_with_nul_and_escapes_in_its_texts_plays_to_the_end(make_app: Callable[..., App]) -> None:
    from uikit import screens, start

    from game.ui.screens.end import EndScreen

    scenario = hostile(load_scenario(TINY))
    bad = "\x1b]0;pwned\x07\x00"
    actions = tuple(
        dataclasses.replace(a, label={"en": f"{localize(a.label)}{bad}"}, description={"en": f"{bad}{a.id}"})
        for a in scenario.actions
    )
    scenario = dataclasses.replace(scenario, actions=actions, description={"en": f"About{bad}"})
    app = make_app()
    start(app, scenario, role="alpha")
    assert sum(1 for _ in screens(app, limit=400)) > 3
    assert isinstance(app.top, EndScreen)
