"""The end of the game: the ending, every side's score against its own side's usual range (never against the other
sides' scores), the private objectives (revealed now), a chart of every indicator, the key decisions, a debrief of
the computer counterpart, and what next.

The screen (:mod:`.screen`) builds its parts and routes input to them: the headline with the scores
(:mod:`.headline`), the story of the ending (:mod:`.story`, with its sections in :mod:`.scores`,
:mod:`.objectives` and :mod:`.changes`), the chart of every indicator and its export (:mod:`.chart`,
:mod:`.export`), the willingness chart (:mod:`.mood`) and the debrief (:mod:`.debrief`, :mod:`.stances`).
"""

from game.ui.screens.end.chart import CHART_SIZE
from game.ui.screens.end.pages import CHART, DEBRIEF, ENDING
from game.ui.screens.end.screen import EndScreen

__all__ = ["CHART", "CHART_SIZE", "DEBRIEF", "ENDING", "EndScreen"]
