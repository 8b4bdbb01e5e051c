"""The New game screen (scenario, who plays each side, seed), built from its parts: the scenario files
(:mod:`.scenario_files`), the form's layout (:mod:`.form`) and labels (:mod:`.labels`), the scenario list
(:mod:`.scenario_list`), the seat chooser (:mod:`.seat_chooser`), the scenario's details (:mod:`.details`), the
status line (:mod:`.status`) and the screen that routes the keys (:mod:`.screen`).

The scenarios folder the screen lists is read when a screen is made, from ``screen.SCENARIO_DIR``."""

from game.ui.screens.newgame.form import SEED_DIGITS, Plan
from game.ui.screens.newgame.scenario_files import Entry, load_entry
from game.ui.screens.newgame.screen import NUMBER_KEYS, START, FocusKey, NewGameScreen
from game.ui.screens.newgame.seat_chooser import SEAT_CHOICES

__all__ = [
    "NUMBER_KEYS",
    "SEAT_CHOICES",
    "SEED_DIGITS",
    "START",
    "Entry",
    "FocusKey",
    "NewGameScreen",
    "Plan",
    "load_entry",
]
