"""The rules of Common Ground: pure, deterministic, and free of pygame and file I/O.

Typical use::

    game = Game.new(scenario, seed=7)
    while not game.is_over():
        for pending in game.pending_choices():
            game.choose(pending.role, pending.event, "some_choice")
        game.commit("us", "us_dialogue")
        report = game.resolve_turn()
    print(game.outcome)
"""

from game.engine.commands import BreakAgreement, Choose, Command, Commit, Counter, EndTurn, Propose, Respond, Withdraw
from game.engine.errors import IllegalActionError, NegotiationError, RulesError, UnknownIdError, WrongPhaseError
from game.engine.expr import Expr, ExprError
from game.engine.game import Forecast, ForecastItem, Game, TurnReport
from game.engine.scenario import (
    Action,
    Calendar,
    Choice,
    Dynamic,
    Effect,
    Ending,
    Event,
    Family,
    Indicator,
    Item,
    Negotiation,
    Op,
    Role,
    Scenario,
    Source,
    Text,
    localize,
    trust_key,
    trust_name,
)
from game.engine.state import (
    Agreement,
    AgreementItem,
    Change,
    GameState,
    News,
    Outcome,
    PendingChoice,
    Phase,
    Proposal,
    RuleError,
    Termination,
)

__all__ = [
    "Action",
    "Agreement",
    "AgreementItem",
    "BreakAgreement",
    "Calendar",
    "Change",
    "Choice",
    "Choose",
    "Command",
    "Commit",
    "Counter",
    "Dynamic",
    "Effect",
    "EndTurn",
    "Ending",
    "Event",
    "Expr",
    "ExprError",
    "Family",
    "Forecast",
    "ForecastItem",
    "Game",
    "GameState",
    "IllegalActionError",
    "Indicator",
    "Item",
    "Negotiation",
    "NegotiationError",
    "News",
    "Op",
    "Outcome",
    "PendingChoice",
    "Phase",
    "Proposal",
    "Propose",
    "Respond",
    "Role",
    "RuleError",
    "RulesError",
    "Scenario",
    "Source",
    "Termination",
    "Text",
    "TurnReport",
    "UnknownIdError",
    "Withdraw",
    "WrongPhaseError",
    "localize",
    "trust_key",
    "trust_name",
]
