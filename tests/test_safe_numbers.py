"""Numbers are safe to draw: indicator ranges far too wide or too narrow to show are refused by ``validate`` with
their position; every chart, gauge and number format copes with flat series, huge and tiny ranges, long histories,
infinities and NaN; a game whose ranges are pushed past what the loader allows still plays to its end screen on the
desktop and in the terminal, and scores stay finite."""

from __future__ import annotations

import dataclasses
import io
import math
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
from uikit import frames, ink, key, new_app, screens

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.engine import Game, Scenario
from game.present import num, per_point, points, score, signed
from game.table import PERSON
from game.table.reference import compute_reference
from game.text import run
from game.ui import flow
from game.ui.screens.end import EndScreen
from game.ui.theme import palette
from game.ui.widgets.charts import gauge, line_chart, sparkline, trend_chart
from game.ui.widgets.charts.axes import nice_ticks, tick_text

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).resolve().parent / "fixtures" / "tiny.yaml"
NAN, INF = math.nan, math.inf

# --------------------------------------------------------------------- scenarios with extreme ranges
#: Where the extra indicators go in the tiny fixture: after its last indicator.
_AFTER_INDICATORS = "    initial: 50\nfamilies:\n"
#: Where the extra effects go: Alpha's first action.
_AFTER_BUILD = "      - x += 10\n  - id: alpha_slow\n"


def indicator(ident: str, low: float, high: float, start: float, *, hidden: bool = False) -> str:
    """An indicator's YAML."""
    extra = "    hidden: true\n" if hidden else ""
    return (
        f"  - id: {ident}\n    label: {ident.capitalize()}\n    description: The {ident} number.\n"
        f"    min: {low!r}\n    max: {high!r}\n    initial: {start!r}\n{extra}"
    )


def extreme_yaml(indicators: Sequence[str], effects: Sequence[str], *, score: str = "x") -> str:
    """The tiny fixture with more indicators, moved by Alpha's first action, and Alpha's score formula."""
    text = TINY.read_text(encoding="utf-8")
    text = text.replace(_AFTER_INDICATORS, "    initial: 50\n" + "".join(indicators) + "families:\n", 1)
    moves = "".join(f"      - {e}\n" for e in effects)
    text = text.replace(_AFTER_BUILD, "      - x += 10\n" + moves + "  - id: alpha_slow\n", 1)
    return text.replace("    score: x\n", f"    score: {score}\n", 1)


BEYOND = extreme_yaml(
    [
        indicator("huge", 0.0, 1e17, 5e16),
        indicator("wide", -1e17, 1e17, 0.0),
        indicator("tiny", 0.0, 1e-9, 5e-10),
        indicator("flat", 5.0, 5.0, 5.0),
    ],
    ["huge += 3e16", "wide -= 9e16", "tiny += 3e-10", "flat += 1"],
)

AT_LIMITS = extreme_yaml(
    [
        indicator("huge", 0.0, 1e15, 5e14),
        indicator("wide", -1e15, 1e15, 0.0),
        indicator("flag", 0.0, 1e-9, 0.0, hidden=True),
        indicator("unit", 0.0, 1.0, 0.0),
    ],
    ["huge += 3e14", "wide -= 9e14", "flag = 1e-9", "unit += 0.4"],
    score="x + huge / 1e13 - wide / 1e13",
)


def write(tmp_path: Path, text: str, name: str = "extreme.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    """The 1-based line where ``needle`` first appears."""
    return text[: text.index(needle)].count("\n") + 1


def beyond_the_loader(base: Scenario) -> Scenario:
    """``base`` (loaded AT_LIMITS) with its ranges pushed past what the loader allows: 0..1e17, -1e17..1e17,
    a visible 0..1e-9 and a flat 5..5, as a scenario built some other way could have them."""
    pushed = {
        "huge": (0.0, 1e17, 5e16, False),
        "wide": (-1e17, 1e17, 0.0, False),
        "flag": (0.0, 1e-9, 5e-10, False),
        "unit": (5.0, 5.0, 5.0, False),
    }
    indicators = tuple(
        dataclasses.replace(i, min=pushed[i.id][0], max=pushed[i.id][1], initial=pushed[i.id][2], hidden=False)
        if i.id in pushed
        else i
        for i in base.indicators
    )
    return dataclasses.replace(base, indicators=indicators)


# --------------------------------------------------------------------- validate says what cannot be shown
def test_validate_refuses_bounds_too_large_and_ranges_too_narrow_to_show_with_their_positions(tmp_path: Path) -> None:
    path = write(tmp_path, BEYOND)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    found = {(p.line, p.message.split(":")[0]) for p in caught.value.problems}
    assert (line_of(BEYOND, "max: 1e+17"), "max (1e+17) is beyond what the game can show") in found
    assert (line_of(BEYOND, "min: -1e+17"), "min (-1e+17) is beyond what the game can show") in found
    assert (line_of(BEYOND, "max: 1e-09"), "the range 0..1e-09 is narrower than 1") in found
    assert (line_of(BEYOND, "max: 5.0"), "max (5) must be greater than min (5)") in found
    assert len(caught.value.problems) == 4
    every = str(caught.value)
    assert "within -1e15..1e15" in every and "levels are shown as whole numbers" in every


def test_validate_on_the_command_line_reports_the_ranges_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, BEYOND)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{path}:{line_of(BEYOND, 'max: 1e+17')}:10: error: max (1e+17) is beyond" in result.stdout
    assert "narrower than 1" in result.stdout


def test_ranges_at_the_limits_load_and_a_hidden_flag_may_be_narrow(tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, AT_LIMITS))
    ranges = {i.id: (i.min, i.max) for i in sc.indicators}
    assert ranges["huge"] == (0.0, 1e15) and ranges["wide"] == (-1e15, 1e15)
    assert ranges["flag"] == (0.0, 1e-9) and ranges["unit"] == (0.0, 1.0)


# --------------------------------------------------------------------- formats
@pytest.mark.parametrize("value", [NAN, INF, -INF, 1e17, -1e17, 1e300, 5e-10])
def test_number_formats_never_fail_and_never_write_nan_or_inf(value: float) -> None:
    for fmt in (num, signed, score, points, per_point):
        text = fmt(value)
        assert "nan" not in text.lower() and "inf" not in text.lower(), (fmt, text)
        assert len(text) <= 18, (fmt, text)
    if not math.isfinite(value):
        assert num(value) == "?" and score(value) == "?"


def test_very_large_numbers_are_written_short_and_ordinary_ones_as_before() -> None:
    assert num(1e17) == "1e17" and signed(-2.5e16) == "-2.5e16" and points(3e16) == "+3e16"
    assert num(1e15) == "1000000000000000"
    assert (num(57.4), signed(-2.5), score(45.06), points(2), per_point(0.15)) == ("57", "-3", "45.1", "+2.0", "+0.15")


def test_ticks_of_huge_tiny_flat_and_non_finite_ranges_are_distinct_and_readable() -> None:
    for low, high in [(0, 1e17), (-1e17, 1e17), (0, 1e-9), (5, 5), (5e16, 5e16), (NAN, 1), (-INF, INF)]:
        ticks = nice_ticks(low, high)
        texts = [tick_text(v) for v in ticks]
        assert 4 <= len(ticks) <= 7 and all(math.isfinite(v) for v in ticks), (low, high, ticks)
        assert len(set(texts)) == len(texts), (low, high, texts)
        assert all(len(t) <= 8 and "nan" not in t and "inf" not in t for t in texts), texts
    assert [tick_text(v) for v in nice_ticks(0, 1e17)] == ["0", "2.5e16", "5e16", "7.5e16", "1e17"]
    assert [tick_text(v) for v in nice_ticks(0, 100)] == ["0", "25", "50", "75", "100"]


# --------------------------------------------------------------------- charts and gauges drawn directly
LONG = [50 + 40 * math.sin(i / 7) for i in range(5000)]
SERIES: dict[str, list[float]] = {
    "flat": [5.0] * 12,
    "flat huge": [5e16] * 12,
    "huge": [0.0, 3e16, 8e16, 1e17],
    "wide": [-1e17, 0.0, 1e17, -9e16],
    "tiny": [0.0, 3e-10, 8e-10, 1e-9],
    "float limits": [-1.7e308, 1.7e308, 0.0],
    "non-finite": [NAN, 1.0, INF, -INF, NAN, 2.0],
    "only nan": [NAN, NAN],
    "one point": [7.0],
    "long history": LONG,
}


@pytest.fixture(scope="module")
def canvas() -> tuple[pygame.Surface, pygame.font.Font]:
    pygame.init()
    return pygame.Surface((640, 360)), pygame.font.Font(None, 18)


def drawn(surface: pygame.Surface) -> int:
    """How many pixels are not the black background."""
    width, height = surface.get_size()
    return width * height - pygame.mask.from_threshold(surface, (0, 0, 0), (1, 1, 1, 255)).count()


@pytest.mark.parametrize("name", list(SERIES))
def test_the_line_and_trend_charts_draw_any_series(name: str, canvas: tuple[pygame.Surface, pygame.font.Font]) -> None:
    surface, font = canvas
    colours = palette("standard")
    values = SERIES[name]
    labels = [f"T{i}" for i in range(len(values))]
    for low, high in [(None, None), (0.0, 1e17), (5.0, 5.0), (0.0, 1e-9), (NAN, INF)]:
        surface.fill((0, 0, 0))
        line_chart(
            surface, surface.get_rect(), {name: values, "steady": [1.0] * len(values)},
            palette=colours, font=font, low=low, high=high, x_labels=labels, highlight=name,
        )  # fmt: skip
        assert drawn(surface) > 50, (name, low, high)
    for selected in (-1, 0, len(values) - 1):
        for reference in (None, 0.0, 1e17, NAN):
            surface.fill((0, 0, 0))
            xs = trend_chart(
                surface, surface.get_rect(), {name: values, "other": values[::-1]},
                palette=colours, font=font, x_labels=labels, reference=reference, reference_label="deal",
                selected=selected,
            )  # fmt: skip
            assert len(xs) == len(values) and drawn(surface) > 50, (name, selected, reference)


@pytest.mark.parametrize("name", list(SERIES))
def test_gauges_and_sparklines_draw_any_values(name: str, canvas: tuple[pygame.Surface, pygame.font.Font]) -> None:
    surface, _ = canvas
    colours = palette("standard")
    values = SERIES[name]
    rect = pygame.Rect(10, 10, 200, 16)
    for low, high in [(0.0, 1e17), (-1e17, 1e17), (0.0, 1e-9), (5.0, 5.0), (1.0, 0.0), (NAN, NAN), (-INF, INF)]:
        for value, previous in zip(values[:12], [None, *values[:11]], strict=False):
            surface.fill((0, 0, 0))
            gauge(surface, rect, value=value, low=low, high=high, previous=previous, palette=colours)
            assert drawn(surface) > 0
        surface.fill((0, 0, 0))
        sparkline(surface, pygame.Rect(10, 40, 120, 30), values, colour=(200, 200, 200), low=low, high=high)
        sparkline(surface, pygame.Rect(10, 80, 120, 30), values, colour=(200, 200, 200))
        assert drawn(surface) > 0 or name == "only nan"


# --------------------------------------------------------------------- whole games
def play_desktop(sc: Scenario) -> EndScreen:
    """A game of ``sc`` on the desktop, walked by keyboard to its end screen; every screen drawn on the way, and
    each line of the end chart highlighted in turn."""
    app = new_app()
    flow.start_game(app, sc, "extreme.yaml", seats={"alpha": PERSON}, seed=3)
    for _ in screens(app):
        frames(app, 1)
    end = app.top
    assert isinstance(end, EndScreen)
    for code in (pygame.K_RIGHT, pygame.K_RIGHT, pygame.K_RIGHT, pygame.K_LEFT, pygame.K_d):
        key(app, code)
        frames(app, 2)
    assert ink(app) > 0.1
    return end


def test_ranges_at_the_limits_play_to_the_end_on_the_desktop_in_the_terminal_and_in_simulate(tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, AT_LIMITS))
    play_desktop(sc)
    out = io.StringIO()
    code = run(sc, role="alpha", seed=3, stdin=io.StringIO("1\ne\n" * 10), stdout=out)
    assert code == 0 and "Ending: " in out.getvalue()
    assert "nan" not in out.getvalue() and "Traceback" not in out.getvalue()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "simulate", str(tmp_path / "extreme.yaml"), "--games", "3"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "3 games" in result.stdout and " nan" not in result.stdout and " inf" not in result.stdout


def test_ranges_beyond_the_loader_still_play_to_the_end_on_the_desktop_and_in_the_terminal(tmp_path: Path) -> None:
    sc = beyond_the_loader(load_scenario(write(tmp_path, AT_LIMITS)))
    game = Game.new(sc, seed=1)
    assert (game.state.values["huge"], game.state.values["unit"]) == (5e16, 5.0)
    play_desktop(sc)
    out = io.StringIO()
    code = run(sc, role="alpha", seed=3, stdin=io.StringIO("1\ne\n" * 10), stdout=out)
    transcript = out.getvalue()
    assert code == 0 and "Ending: " in transcript
    assert "nan" not in transcript and "Traceback" not in transcript


# --------------------------------------------------------------------- scores stay finite
HUGE_SCORE = extreme_yaml([indicator("huge", 0.0, 1e15, 5e14)], ["huge += 3e14"], score="y * 1e306 + huge")


def test_a_score_formula_far_past_any_meaning_keeps_scores_and_their_usual_range_finite(tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, HUGE_SCORE))
    game = Game.new(sc, seed=1)
    assert 1e14 < game.score("alpha") <= 1e15  # far past any meaning, kept within the limit of scores
    reference = compute_reference(sc, games=12)
    for bounds in reference.roles.values():
        assert all(math.isfinite(v) for v in (bounds.low, bounds.typical, bounds.high)), bounds


def test_a_score_formula_far_past_any_meaning_does_not_crash_the_end_screen(tmp_path: Path) -> None:
    end = play_desktop(load_scenario(write(tmp_path, HUGE_SCORE)))
    assert end.ending.id in ("good", "other")
