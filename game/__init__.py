"""Common Ground: a turn-based diplomatic negotiation game."""

__version__ = "0.1.0"
