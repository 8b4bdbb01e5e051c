"""A generative campaign: valid scenarios made up by hypothesis, played through every front end.

:func:`scenario_files` draws scenario files as a modder might write them, only stranger: ranges up to the loader's
limits, a single turn, hundreds of actions, long and unusual Unicode in every text, each optional section present or
absent. Each is written as YAML and read by the real loader (a file the loader refuses is not a valid scenario, and
is discarded), then played by computers (the engine and ``simulate``), through the terminal with random answers,
and through the desktop's screens with random keys, clicks and resizes. Nothing may raise.

``tests/test_campaign.py`` runs a bounded campaign with the suite; a long one runs on demand:

    CAMPAIGN_SCENARIOS=2000 .venv/bin/python -m pytest -n 0 -s tests/test_campaign.py

which prints the figures (scenarios, games, inputs) at the end.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from typing import Any

import pygame
import yaml
from hypothesis import strategies as st
from uikit import frames, new_app

from game.content.loader import load_scenario_text
from game.content.problems import ScenarioError
from game.engine import Scenario
from game.table import PERSON, Match, replay
from game.text import run
from game.ui import flow


def looks_like_a_number(text: str) -> bool:
    """Whether YAML would read ``text`` unquoted as a number (PyYAML writes ``1e5`` unquoted; the loader reads a
    number there, and rightly refuses it where a text belongs)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


#: Letters, marks, numbers, punctuation, symbols and spaces of every script (no control or private-use characters,
#: which a scenario may not hold); some long texts.
WORDS = st.text(
    st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs"), blacklist_characters="\u00a0"),
    min_size=1,
    max_size=60,
)
TEXT = WORDS.map(str.strip).filter(lambda text: bool(text) and not looks_like_a_number(text)) | st.sampled_from(
    ["Ω≈ç√∫ 東京 ✓ 🙂 ﷺ", "word " * 120, "ក្រុមហ៊ុន កម្ពុជា"]
)

#: Ranges from the ordinary to the extreme.
RANGES = st.sampled_from([(0.0, 100.0), (-50.0, 50.0), (0.0, 1.0), (-1e6, 1e6), (0.0, 1e9), (-1e15, 1e15), (0.0, 1e15)])


@dataclass
class Figures:
    """What a campaign did."""

    scenarios: int = 0
    refused: int = 0
    games: int = 0
    inputs: int = 0
    seen: set[str] = field(default_factory=set)


@st.composite
def scenario_files(draw: st.DrawFn, *, most_actions: int = 40) -> dict[str, Any]:
    """A scenario file (as the dict YAML would hold) that the loader should accept."""
    indicators = []
    for index in range(draw(st.integers(1, 5))):
        low, high = draw(RANGES)
        indicators.append(
            {
                "id": f"i{index}",
                "label": draw(TEXT),
                "description": draw(TEXT),
                "min": low,
                "max": high,
                "initial": draw(st.sampled_from([low, high, (low + high) / 2])),
                "good": draw(st.sampled_from(["high", "low", "neutral"])),
            }
        )
    names = [i["id"] for i in indicators]
    roles = [
        {
            "id": f"r{index}",
            "name": draw(TEXT),
            "brief": draw(TEXT),
            "objectives": draw(TEXT),
            "score": " + ".join(draw(st.lists(st.sampled_from(names), min_size=1, max_size=3))),
            "capital": draw(st.integers(0, 6)),
        }
        for index in range(draw(st.integers(1, 3)))
    ]
    role_ids = [r["id"] for r in roles]
    families = [{"id": f"f{index}", "label": draw(TEXT)} for index in range(draw(st.integers(1, 3)))]
    turns = draw(st.sampled_from([1, 2, 3, 5, 12]))

    def effects(count: int = 2) -> list[Any]:
        out: list[Any] = []
        for _ in range(draw(st.integers(1, count))):
            indicator = draw(st.sampled_from(indicators))
            step = (indicator["max"] - indicator["min"]) / draw(st.sampled_from([3, 10, 1000]))
            text = f"{indicator['id']} {draw(st.sampled_from(['+=', '-=']))} {step!r}"
            if draw(st.booleans()):
                out.append(text)
            else:
                out.append({"change": text, "delay": draw(st.integers(0, 2)), "duration": draw(st.integers(1, 3))})
        return out

    actions = [
        {
            "id": f"a{index}",
            "role": draw(st.sampled_from(role_ids)),
            "family": draw(st.sampled_from(families))["id"],
            "label": draw(TEXT),
            "description": draw(TEXT),
            "cost": draw(st.integers(0, 3)),
            "cooldown": draw(st.integers(0, 2)),
            "effects": effects(),
        }
        for index in range(draw(st.sampled_from([1, 5, most_actions])))
    ]
    for action in actions:
        if draw(st.booleans()):
            action["condition"] = f"{draw(st.sampled_from(names))} >= {draw(st.sampled_from(indicators))['min']!r}"
        if draw(st.integers(0, 5)) == 0:
            action["contested"] = draw(TEXT)
    events = []
    for index in range(draw(st.integers(0, 4))):
        event: dict[str, Any] = {"id": f"e{index}", "title": draw(TEXT), "text": draw(TEXT), "effects": effects()}
        if draw(st.booleans()):
            event["role"] = draw(st.sampled_from(role_ids))
            event["choices"] = [
                {"id": f"c{c}", "label": draw(TEXT), "description": draw(TEXT), "effects": effects()}
                for c in range(draw(st.integers(2, 3)))
            ]
        if draw(st.booleans()):
            event["at_turn"] = draw(st.integers(1, turns))
        events.append(event)
    file: dict[str, Any] = {
        "format": 1,
        "id": "generated",
        "title": draw(TEXT),
        "description": draw(TEXT),
        "turns": turns,
        "events_per_turn": draw(st.integers(0, 2)),
        "indicators": indicators,
        "families": families,
        "roles": roles,
        "actions": actions,
        "events": events,
        "dynamics": [
            {"id": f"d{index}", "description": draw(TEXT), "effects": effects(1)}
            for index in range(draw(st.integers(0, 2)))
        ],
        "endings": [
            {
                "id": "win",
                "title": draw(TEXT),
                "text": draw(TEXT),
                "condition": f"{names[0]} > {indicators[0]['initial']!r}",
                "early": draw(st.booleans()),
            },
            {"id": "other", "title": draw(TEXT), "text": draw(TEXT)},
        ],
    }
    if draw(st.booleans()):
        file["calendar"] = {
            "start_year": draw(st.integers(1900, 2200)),
            "start_month": draw(st.integers(1, 12)),
            "months_per_turn": draw(st.integers(1, 24)),
        }
    if len(roles) > 1 and draw(st.booleans()):
        file["negotiation"] = {
            "items": [
                {
                    "id": f"n{index}",
                    "giver": draw(st.sampled_from(role_ids)),
                    "label": draw(TEXT),
                    "description": draw(TEXT),
                    "effects": effects(),
                    "turns": draw(st.integers(1, 3)),
                }
                for index in range(draw(st.integers(1, 4)))
            ]
        }
    if draw(st.booleans()):
        file["sources"] = [{"id": "s0", "title": draw(TEXT), "url": "https://example.org/a", "note": draw(TEXT)}]
    optional_parts(draw, file)
    return file


def optional_parts(draw: st.DrawFn, file: dict[str, Any]) -> None:
    """The optional fields of a scenario, each present or absent: hidden indicators, capital that carries over,
    personalities and colours, event windows and repeats, conditional and contested dynamics, the end of the record,
    a negotiation's trust, threshold and items off the table at first."""
    indicators, roles, families, turns = file["indicators"], file["roles"], file["families"], file["turns"]
    if len(indicators) > 1 and draw(st.booleans()):
        indicators[-1]["hidden"] = True
    for role in roles:
        if draw(st.booleans()):
            role["capital_max"] = role["capital"] + draw(st.integers(0, 10))
            role["personality"] = {f["id"]: draw(st.floats(0, 10)) for f in families}
            role["color"] = draw(st.sampled_from(["#E69F00", "#56B4E9", "#009E73"]))
    for event in file["events"]:
        if "at_turn" not in event and draw(st.booleans()):
            first = draw(st.integers(1, turns))
            event["window"] = [first, draw(st.integers(first, turns))]
        if draw(st.booleans()):
            event.update(once=draw(st.booleans()), cooldown=draw(st.integers(0, 3)), weight=draw(st.floats(0.1, 5)))
    for dynamic in file["dynamics"]:
        if draw(st.booleans()):
            dynamic["condition"] = f"turn >= {draw(st.integers(1, turns))}"
            dynamic["contested"] = draw(TEXT)
    if "calendar" in file and draw(st.booleans()):
        file["calendar"]["record_until"] = draw(st.integers(1, turns))
    negotiation = file.get("negotiation")
    if negotiation is not None and draw(st.booleans()):
        negotiation["trust"] = {"initial": draw(st.floats(0, 100)), "kept": draw(st.floats(0, 20)),
                                "broken": draw(st.floats(0, 40))}  # fmt: skip
        negotiation["threshold"] = draw(st.floats(-5, 5))
        for item in negotiation["items"]:
            item["value"] = {r["id"]: draw(st.floats(-100, 100)) for r in roles}
            if file["events"] and draw(st.booleans()):  # off the table until an event opens it
                item["on_table"] = False
                draw(st.sampled_from(file["events"])).setdefault("opens", []).append(item["id"])
            elif draw(st.booleans()):
                item["condition"] = f"turn >= {draw(st.integers(1, turns))}"


def load(file: dict[str, Any]) -> Scenario | None:
    """The scenario the loader reads from ``file`` written as YAML, or None when the loader refuses it."""
    text = yaml.safe_dump(file, allow_unicode=True, sort_keys=False)
    try:
        return load_scenario_text(text, "generated.yaml")
    except ScenarioError:
        return None


def play_computers(scenario: Scenario, seed: int, figures: Figures) -> None:
    """Computers in every seat, to the end; the log must rebuild the same game."""
    match = Match.start(scenario, {}, seed)
    match.play()
    assert match.is_over()
    assert replay(match).reproduced
    figures.games += 1


def play_terminal(scenario: Scenario, seed: int, figures: Figures, answers: int = 120) -> None:
    """The terminal game with random answers at every prompt."""
    rng = random.Random(seed)
    words = ["", "0", "1", "2", "3", "e", "d 1", "d 2", "l", "s", "h", "?", "x", "-1", "n", "y", "p", "9", "e"]
    stdin = io.StringIO("".join(f"{rng.choice(words)}\n" for _ in range(answers)))
    code = run(scenario, role=None, seed=seed, stdin=stdin, stdout=io.StringIO())
    assert code == 0
    figures.games += 1
    figures.inputs += answers


KEYS = [
    pygame.K_RETURN,
    pygame.K_TAB,
    pygame.K_e,
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_DOWN,
    pygame.K_UP,
    pygame.K_RIGHT,
    pygame.K_LEFT,
    pygame.K_p,
    pygame.K_n,
    pygame.K_d,
    pygame.K_i,
    pygame.K_c,
    pygame.K_g,
    pygame.K_PAGEDOWN,
    pygame.K_SPACE,
    pygame.K_a,
    pygame.K_k,
    pygame.K_s,
    pygame.K_y,
    pygame.K_ESCAPE,
]
SIZES = [(1280, 720), (1024, 600), (1920, 1080), (800, 460)]


def play_desktop(scenario: Scenario, seed: int, figures: Figures, steps: int = 150) -> None:
    """Every role played by a person at the desktop, with random keys, clicks and resizes; a frame now and then."""
    rng = random.Random(seed)
    app = new_app(rng.choice(SIZES), rng.choice([1.0, 1.5]))
    flow.start_game(app, scenario, "generated.yaml", seats={r.id: PERSON for r in scenario.roles}, seed=seed)
    for step in range(steps):
        top = app.top
        if top is None or not app.running:
            break
        figures.seen.add(type(top).__name__)
        roll = rng.random()
        if roll < 0.75:
            code = rng.choice(KEYS)
            if code == pygame.K_ESCAPE and rng.random() < 0.5:
                code = pygame.K_RETURN
            app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
        elif roll < 0.95:
            width, height = app.window.get_size()
            for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                app.dispatch(pygame.event.Event(kind, pos=(rng.randrange(width), rng.randrange(height)), button=1))
        else:
            size = rng.choice(SIZES)
            app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
            app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        for event in pygame.event.get():  # what the widgets posted, as the main loop hands it on
            if event.type != pygame.QUIT and app.top is not None:
                app.dispatch(event)
        if step % 10 == 0 and app.top is not None:
            frames(app, 1)
        figures.inputs += 1
    figures.games += 1
