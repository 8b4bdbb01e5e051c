"""The table: a match of a scenario with a seat per role (a person, or the computer at a level), the one order of a
turn, each seat's view, and the command log (replay, saves). Pure: no pygame, no files. Every front end (desktop,
terminal) and ``simulate`` drive games through it.

Layers, each importing only those below it: ``cli`` -> ``ui``, ``text`` -> ``present`` -> ``table`` -> ``ai`` ->
``engine`` <- ``content``.
"""

from game.table.log import CommandLog, Done, LogEntry, LogError, TableCommand, command_from_json, command_to_json
from game.table.match import MATCH_FORMAT, Decision, DecisionKind, Match, TableError
from game.table.replay import DAMAGED, Replay, rebuild, replay
from game.table.results import (
    ActionCommitted,
    ActionWithdrawn,
    AgreementBroken,
    ChoiceMade,
    PartDone,
    ProposalAnswered,
    ProposalSent,
    Result,
    TurnResolved,
)
from game.table.seats import (
    DEFAULT_LEVEL,
    LEVELS,
    PERSON,
    Level,
    Seat,
    SeatError,
    SeatKind,
    make_player,
    parse_seat,
    seat_rng,
    seats_for,
)
from game.table.view import ActionView, IndicatorView, SeatView, baseline_values, directions, score_gain, view

__all__ = [
    "DAMAGED",
    "DEFAULT_LEVEL",
    "LEVELS",
    "MATCH_FORMAT",
    "PERSON",
    "ActionCommitted",
    "ActionView",
    "ActionWithdrawn",
    "AgreementBroken",
    "ChoiceMade",
    "CommandLog",
    "Decision",
    "DecisionKind",
    "Done",
    "IndicatorView",
    "Level",
    "LogEntry",
    "LogError",
    "Match",
    "PartDone",
    "ProposalAnswered",
    "ProposalSent",
    "Replay",
    "Result",
    "Seat",
    "SeatError",
    "SeatKind",
    "SeatView",
    "TableCommand",
    "TableError",
    "TurnResolved",
    "baseline_values",
    "command_from_json",
    "command_to_json",
    "directions",
    "make_player",
    "parse_seat",
    "rebuild",
    "replay",
    "score_gain",
    "seat_rng",
    "seats_for",
    "view",
]
