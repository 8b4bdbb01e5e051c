"""The desktop front end: pygame-ce and pygame_gui over one running :class:`~game.table.Match`.

Only this package imports pygame. Screens never change the game themselves: they hand small command objects to
the match (:meth:`~game.table.Match.apply`), ask it what comes next (:meth:`~game.table.Match.decision`, in
:mod:`game.ui.flow`) and draw what the seat's view and the history say happened.
"""

import os

# pygame prints a banner on import; `play` promises clean stdout (for example the `Ending: ...` line).
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
