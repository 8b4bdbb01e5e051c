"""The Load screen (every save, newest first; unreadable files listed apart), built from its parts: the list of
saves (:mod:`.save_list`), the names of the sides in a save (:mod:`.role_names`), the unreadable files
(:mod:`.refused`), the question before deleting (:mod:`.confirm`) and the screen that routes the keys
(:mod:`.screen`)."""

from game.ui.screens.load.save_list import NUMBER_KEYS
from game.ui.screens.load.screen import BACK, LoadScreen

__all__ = ["BACK", "NUMBER_KEYS", "LoadScreen"]
