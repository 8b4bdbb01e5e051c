"""A language the scenario does not have is said once, not silently replaced by English."""

from __future__ import annotations

import dataclasses

from test_cli import no_traceback, run

from game.content.languages import language_notice, scenario_languages
from game.engine import Scenario


def test_the_languages_of_a_scenario_are_those_of_its_texts(scenario: Scenario) -> None:
    assert scenario_languages(scenario) == {"en"}
    translated = dataclasses.replace(scenario, title={"en": "Common ground", "km": "ដីរួម"})
    assert scenario_languages(translated) == {"en", "km"}
    assert language_notice(translated, "km") is None
    assert language_notice(scenario, "en") is None
    notice = language_notice(scenario, "km")
    assert notice is not None and notice.startswith("no Khmer text in this scenario; showing English")
    assert "no 'xx' text" in (language_notice(scenario, "xx") or "")


def test_the_terminal_game_says_once_that_it_shows_english() -> None:
    result = run("text", "--lang", "km", "--seed", "1", stdin="q\n")
    assert result.returncode == 0 and no_traceback(result)
    assert result.stderr.count("no Khmer text in this scenario; showing English") == 1
    assert "no Khmer" not in run("text", "--seed", "1", stdin="q\n").stderr
