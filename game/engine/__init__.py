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

from game.engine.commands import Choose, Command, Commit, EndTurn, Withdraw
from game.engine.errors import IllegalActionError, RulesError, UnknownIdError, WrongPhaseError
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
    Op,
    Role,
    Scenario,
    Source,
    Text,
    localize,
)
from game.engine.state import Change, GameState, News, Outcome, PendingChoice, Phase, RuleError, Termination

__all__ = [
    "Action",
    "Calendar",
    "Change",
    "Choice",
    "Choose",
    "Command",
    "Commit",
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
    "News",
    "Op",
    "Outcome",
    "PendingChoice",
    "Phase",
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
]
