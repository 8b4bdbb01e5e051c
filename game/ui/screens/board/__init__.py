"""The main board, built from components: the header strip, the indicator list, the action list, the details panel
and the news panel (one module each), composed and routed by :class:`BoardScreen` in :mod:`.screen`."""

from game.ui.screens.board.screen import BoardScreen
from game.ui.screens.board.selection import TAB_NAMES
from game.ui.screens.board.state import PAGE_SIZE, BoardState, Row

__all__ = ["PAGE_SIZE", "TAB_NAMES", "BoardScreen", "BoardState", "Row"]
