"""The public board, for a projector: what the whole room may see, in large type (see :mod:`.screen`)."""

from game.ui.screens.public.screen import PublicScreen
from game.ui.screens.public.timer import Countdown

__all__ = ["Countdown", "PublicScreen"]
