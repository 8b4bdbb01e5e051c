"""Who is debriefed at the end: each computer counterpart for each person playing, and how their willingness
lines are named."""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.debrief import Debrief
from game.i18n import tr
from game.present.debriefs import counterpart_debriefs

__all__ = ["counterpart_debriefs", "mood_name"]


def mood_name(report: Debrief, reports: Sequence[Debrief]) -> str:
    """A series' name on the willingness chart: the counterpart, and whom it faced when there are several
    players."""
    if len({d.player for d in reports}) > 1:
        return tr("{name} towards {player}", name=report.name, player=report.player_name)
    return report.name
