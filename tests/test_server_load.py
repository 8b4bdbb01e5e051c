"""The load measurement of ``bench`` at a tiny size, against a real ``main.py host`` process: two tables of two
scripted teams and the dashboard play a three-turn game each; the figures it reports are counted right and make
sense. Not a timed test: the figures themselves depend on the machine."""

from __future__ import annotations

import sys

import pytest

from game.server.loadtest import LoadPlan, measure_class_server, percentile


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the server's CPU and memory are read from /proc")
def test_two_tables_play_a_whole_game_against_a_real_server_and_the_figures_make_sense() -> None:
    result = measure_class_server(LoadPlan(tables=2, turns=3, think=(0.01, 0.05)))
    assert result.tables == 2 and result.clients == 5  # two teams a table, and the dashboard
    assert result.games_over == 2 and result.errors == 0
    assert result.commands >= 2 * 2 * 3  # every seat sends at least its Done each turn
    assert 0 < result.p50_ms <= result.p95_ms <= result.max_ms
    assert result.dashboard_messages > 0 and result.dashboard_tables_over == 2  # the dashboard saw both ends
    assert result.cpu_percent is not None and result.cpu_percent > 0
    assert result.rss_peak_mb is not None and result.rss_final_mb is not None
    assert result.rss_peak_mb >= result.rss_final_mb > 0
    assert result.wall_seconds > 0


def test_the_95th_percentile_is_the_nearest_rank() -> None:
    ordered = [float(n) for n in range(1, 101)]
    assert percentile(ordered, 95) == 95.0
    assert percentile(ordered, 50) == 50.0
    assert percentile([7.0], 95) == 7.0
    assert percentile([1.0, 2.0], 95) == 2.0
