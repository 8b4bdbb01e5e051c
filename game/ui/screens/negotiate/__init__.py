"""The negotiation table: pick what you give and what you ask, read the counterpart's live breakdown, send; the
agreements with their schedules, and breaking one after its cost is stated.

The counterpart's breakdown is the computer's own evaluator (:func:`game.ai.negotiation.evaluate`), recomputed on
every change of the picked items; it reads the game and never changes it. Sending, answering and breaking go
through the match (:meth:`Match.apply <game.table.Match.apply>` with a Propose, Counter or BreakAgreement), and every
move to another screen or dialog through the typed results the flow (:mod:`game.ui.flow`) routes.

The package is built from parts with one job each:

- :mod:`.screen`: the screen; it builds the parts, holds the state they share and routes the input;
- :mod:`.shared`: what the parts share (a list row, the :class:`~.shared.Table` protocol the screen fulfils);
- :mod:`.layout`: where everything goes, for wide, medium and narrow windows;
- the panels: :mod:`.item_list`, :mod:`.weigh_panel`, :mod:`.agreement_list`, :mod:`.agreement_panel`,
  :mod:`.header`, :mod:`.tabs`, :mod:`.status_line`;
- the proposal being built (:mod:`.picker`), the keyboard focus (:mod:`.focus`), the mouse (:mod:`.pointer`) and
  the buttons (:mod:`.buttons`);
- the words (:mod:`.words`) and the document builders the dialogs of :mod:`game.ui.screens.proposal` share too:
  a breakdown item by item (:mod:`.breakdown`), an item in full (:mod:`.item_detail`), an agreement with its
  schedule and the cost of breaking one (:mod:`.agreement_docs`).
"""

from game.ui.screens.negotiate.agreement_docs import add_agreement, add_break_cost
from game.ui.screens.negotiate.breakdown import add_breakdown, add_context, new_doc
from game.ui.screens.negotiate.focus import TAB_KEYS
from game.ui.screens.negotiate.item_detail import add_item_detail
from game.ui.screens.negotiate.screen import NegotiationScreen
from game.ui.screens.negotiate.shared import SIDES, Entry
from game.ui.screens.negotiate.words import (
    agreement_status,
    computer_counterpart,
    dates,
    effects_parts,
    effects_summary,
    item_status,
    item_worth,
    points_colour,
    unavailable_reason,
    who,
)

__all__ = [
    "SIDES",
    "TAB_KEYS",
    "Entry",
    "NegotiationScreen",
    "add_agreement",
    "add_break_cost",
    "add_breakdown",
    "add_context",
    "add_item_detail",
    "agreement_status",
    "computer_counterpart",
    "dates",
    "effects_parts",
    "effects_summary",
    "item_status",
    "item_worth",
    "new_doc",
    "points_colour",
    "unavailable_reason",
    "who",
]
