"""The generative campaign (see :mod:`campaign`): valid scenarios made up by hypothesis, each played by computers,
through the terminal and through the desktop's screens; nothing may raise. A bounded run here; set
``CAMPAIGN_SCENARIOS`` for a long one (and ``-s`` to see its figures)."""

from __future__ import annotations

import os

from campaign import Figures, load, play_computers, play_desktop, play_terminal, scenario_files
from hypothesis import HealthCheck, given, reject, settings

SCENARIOS = int(os.environ.get("CAMPAIGN_SCENARIOS", "20"))
FIGURES = Figures()


@settings(
    max_examples=SCENARIOS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=SCENARIOS <= 20,  # the bounded run is the same every time: CI stays reproducible
)
@given(scenario_files())
def test_valid_generated_scenarios_play_through_every_front_end_without_an_exception(file: dict[str, object]) -> None:
    scenario = load(file)
    if scenario is None:
        FIGURES.refused += 1
        reject()
    FIGURES.scenarios += 1
    seed = FIGURES.scenarios
    play_computers(scenario, seed, FIGURES)
    play_terminal(scenario, seed, FIGURES)
    play_desktop(scenario, seed, FIGURES)
    if FIGURES.scenarios % 50 == 0 or FIGURES.scenarios == SCENARIOS:
        print(
            f"\ncampaign: {FIGURES.scenarios} scenarios ({FIGURES.refused} refused by the loader and discarded), "
            f"{FIGURES.games} games, {FIGURES.inputs} inputs, 0 exceptions; screens seen: {sorted(FIGURES.seen)}"
        )


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.data_too_large])
@given(scenario_files())
def test_the_generator_makes_only_scenarios_the_loader_accepts(file: dict[str, object]) -> None:
    """The campaign tests what a modder could ship: every file it draws is a valid scenario (a generator that drifted
    into files the loader refuses would quietly test less)."""
    assert load(file) is not None
