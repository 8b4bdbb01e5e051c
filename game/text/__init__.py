"""The terminal front end: a whole game through stdin/stdout, readable at 80 columns and by screen readers.

Start it with :func:`run` (``python main.py text``).
"""

from game.text.play import run

__all__ = ["run"]
