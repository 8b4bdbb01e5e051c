"""Custom drawing for the desktop game: gauges, sparklines, charts, cached text and scrolling documents.

Pure drawing functions with keyword-only options (in the spirit of python-chess's ``svg.board``): they draw what
they are given into a rect and keep no state; expensive text rendering is cached in :mod:`.text`.
"""

from game.ui.widgets.charts import gain_colour, gauge, line_chart, mix, news_colour, sparkline
from game.ui.widgets.document import Document, ScrollView, draw_scrollbar

__all__ = [
    "Document",
    "ScrollView",
    "draw_scrollbar",
    "gain_colour",
    "gauge",
    "line_chart",
    "mix",
    "news_colour",
    "sparkline",
]
