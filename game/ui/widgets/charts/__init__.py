"""Gauges, sparklines and line charts: pure drawing functions of their data, with keyword-only options.

Each function draws into ``rect`` of ``surface`` and nothing else; none keeps state between calls (text goes
through the caches of :mod:`game.ui.widgets.text`). The parts live in their own modules: the colours of news
(:mod:`.colours`), gauges and sparklines (:mod:`.gauges`), the axes and grid (:mod:`.axes`), the plotted lines
and their dash patterns (:mod:`.lines`), the legend (:mod:`.legend`), the text labels (:mod:`.labels`), and the
two charts built from them (:mod:`.line` and :mod:`.trend`).
"""

from game.ui.widgets.charts.colours import Colour, gain_colour, mix, news_colour
from game.ui.widgets.charts.gauges import gauge, sparkline
from game.ui.widgets.charts.line import line_chart
from game.ui.widgets.charts.trend import trend_chart

__all__ = ["Colour", "gain_colour", "gauge", "line_chart", "mix", "news_colour", "sparkline", "trend_chart"]
