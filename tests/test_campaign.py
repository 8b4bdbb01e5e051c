"""The generative campaign (see :mod:`campaign`): valid scenarios made up by hypothesis, each played by computers,
through the terminal and through the desktop's screens; nothing may raise. A bounded run here; set
``CAMPAIGN_SCENARIOS`` for a long one (and ``-s`` to see its figures)."""

from __future__ import annotations

import os
from collections.abc import Callable

from campaign import Figures, load, play_computers, play_desktop, play_terminal, scenario_files
from hypothesis import HealthCheck, given, reject, seed, settings

SCENARIOS = int(os.environ.get("CAMPAIGN_SCENARIOS", "20"))
SHORT = "CAMPAIGN_SCENARIOS" not in os.environ
FIGURES = Figures()


def campaign(part: int, parts: int) -> Callable[..., None]:
    """One part of the campaign (the parts run side by side): SCENARIOS / parts scenarios, each part its own."""

    @settings(
        max_examples=max(1, SCENARIOS // parts),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(scenario_files())
    def play(file: dict[str, object]) -> None:
        scenario = load(file)
        if scenario is None:
            FIGURES.refused += 1
            reject()
        FIGURES.scenarios += 1
        number = FIGURES.scenarios
        play_computers(scenario, number, FIGURES)
        play_terminal(scenario, number, FIGURES)
        play_desktop(scenario, number, FIGURES)
        if number % 50 == 0 or number == SCENARIOS:
            print(
                f"\ncampaign: {number} scenarios ({FIGURES.refused} refused by the loader and discarded), "
                f"{FIGURES.games} games, {FIGURES.inputs} inputs, 0 exceptions; screens seen: {sorted(FIGURES.seen)}"
            )

    # The suite's bounded run is the same every time (CI stays reproducible); a long run explores anew each time.
    return seed(part)(play) if SHORT else play


#: Two parts, so that the suite's workers share the bounded run; a long run (CAMPAIGN_SCENARIOS) is one part.
test_valid_generated_scenarios_play_through_every_front_end_without_an_exception = campaign(0, 2 if SHORT else 1)
if SHORT:
    test_valid_generated_scenarios_play_through_every_front_end_without_an_exception_more = campaign(1, 2)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.data_too_large])
@given(scenario_files())
def test_the_generator_makes_only_scenarios_the_loader_accepts(file: dict[str, object]) -> None:
    """The campaign tests what a modder could ship: every file it draws is a valid scenario (a generator that drifted
    into files the loader refuses would quietly test less)."""
    assert load(file) is not None
