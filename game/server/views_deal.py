"""The negotiation table in a seat's JSON: what the student's page needs to draw proposals and agreements."""

from __future__ import annotations

from typing import Any

from game.table import Match, view


def negotiation_json(match: Match, role: str) -> dict[str, Any]:
    """The seat's agreements in force (ids); proposals and weighings come with the negotiation table."""
    seat = view(match, role)
    return {"agreements": [a.id for a in seat.agreements]}
