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
from game.engine.forecasts import BreakForecast, Forecast, ForecastItem
from game.engine.game import Game
from game.engine.lengths import Length, LengthError, length_choices, of_length
from game.engine.lesson import Claim, Happened, Lesson, Question, Term, Timing
from game.engine.rules import implementation_effects
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
    ScoreRange,
    ScoreReference,
    Source,
    Text,
    localize,
    trust_indicators,
    trust_name,
)
from game.engine.state import (
    Agreement,
    AgreementItem,
    Cause,
    Change,
    GameState,
    ItemStatus,
    Mark,
    News,
    NewsDetail,
    NewsKind,
    Origin,
    Outcome,
    PendingChoice,
    Phase,
    Proposal,
    ProposalStatus,
    RuleError,
    Scheduled,
    Stage,
    Termination,
    choice_key,
    item_key,
)
from game.engine.turns import TurnReport

__all__ = [
    "Action",
    "Agreement",
    "AgreementItem",
    "BreakAgreement",
    "BreakForecast",
    "Calendar",
    "Cause",
    "Change",
    "Choice",
    "Choose",
    "Claim",
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
    "Happened",
    "IllegalActionError",
    "Indicator",
    "Item",
    "ItemStatus",
    "Length",
    "LengthError",
    "Lesson",
    "Mark",
    "Negotiation",
    "NegotiationError",
    "News",
    "NewsDetail",
    "NewsKind",
    "Op",
    "Origin",
    "Outcome",
    "PendingChoice",
    "Phase",
    "Proposal",
    "ProposalStatus",
    "Propose",
    "Question",
    "Respond",
    "Role",
    "RuleError",
    "RulesError",
    "Scenario",
    "Scheduled",
    "ScoreRange",
    "ScoreReference",
    "Source",
    "Stage",
    "Term",
    "Termination",
    "Text",
    "Timing",
    "TurnReport",
    "UnknownIdError",
    "Withdraw",
    "WrongPhaseError",
    "choice_key",
    "implementation_effects",
    "item_key",
    "length_choices",
    "localize",
    "of_length",
    "trust_indicators",
    "trust_name",
]
