"""The desktop front end: pygame-ce and pygame_gui over one running :class:`~game.ui.session.Session`.

Only this package imports pygame. Screens never change the game themselves: they hand small command objects to
the Session and draw what its history says happened.
"""

import os

# pygame prints a banner on import; `play` promises clean stdout (for example the `Ending: ...` line).
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
