"""Material made from games and scenarios for a class: the debrief report of matches and the handouts."""
