"""A language the scenario or the interface does not have is said once, not silently replaced by English."""

from __future__ import annotations

import dataclasses

from test_cli import no_traceback, run

from game.content.languages import language_notice, scenario_languages
from game.engine import Scenario
from game.i18n import use_language


def test_the_languages_of_a_scenario_are_those_of_its_texts(scenario: Scenario) -> None:
    english = dataclasses.replace(scenario, title="Common ground", roles=())
    only_title = dataclasses.replace(english, title={"en": "Common ground", "km": "ដីរួម"})
    assert "km" in scenario_languages(only_title)
    assert "fr" not in scenario_languages(only_title)
    assert language_notice(only_title, "km") is None
    assert language_notice(scenario, "en") is None
    notice = language_notice(scenario, "fr")
    assert notice is not None and notice.startswith("no French text in this scenario; showing English")
    assert "no 'xx' text" in (language_notice(scenario, "xx") or "")


def test_the_notice_is_in_the_players_language(scenario: Scenario) -> None:
    with use_language("km"):
        notice = language_notice(scenario, "fr")
    assert notice is not None and "បារាំង" in notice and "French" not in notice


def test_the_terminal_game_says_once_what_it_shows_in_english() -> None:
    result = run("text", "--lang", "fr", "--seed", "1", stdin="q\n")
    assert result.returncode == 0 and no_traceback(result)
    assert result.stderr.count("no French text in this scenario; showing English") == 1
    assert result.stderr.count("no French translation of the interface; showing English") == 1
    assert "no French" not in run("text", "--seed", "1", "--lang", "en", stdin="q\n").stderr
