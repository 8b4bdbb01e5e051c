"""Who is debriefed at the end of a match: each computer counterpart for each person playing. The end screen and the
debrief report show the same debriefs."""

from __future__ import annotations

from game.ai.debrief import Debrief, debrief
from game.table import Match


def counterpart_debriefs(match: Match) -> list[Debrief]:
    """The debrief of each computer counterpart for each person playing.

    In a game with no computer player, each person gets the debriefs of the other sides; with nobody playing
    (autoplay), the other roles' debriefs for the first role."""
    roles = [r.id for r in match.game.scenario.roles]
    humans = [h for h in match.persons if h in roles] or roles[:1]
    computers = [r for r in roles if r not in match.persons]
    pairs = [
        (other, human)
        for human in humans
        for other in (computers or [r for r in roles if r != human])
        if other != human
    ]
    return [debrief(match.game, other, human) for other, human in pairs]
