"""The end screen's pages: the ending (with the chart beside it in wide windows), the chart alone (narrow windows),
and the debrief."""

ENDING, CHART, DEBRIEF = "ending", "chart", "debrief"
