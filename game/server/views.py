"""What the class server sends: a seat's view and the room's public board as JSON.

A seat's JSON is built from :func:`game.table.view.view` (so it holds only what that seat may see: never another
seat's objectives, score, choices, weighings or proposals before the end) with what a browser needs to draw it: the
causes of each change in words ("why did it move"), the actions by strategy with cost, forecast (in words too) and
why not, the decision the seat must take now with its options as commands it can send back (an event's with its
text and each choice's forecast), whose moment it is, and the words of :mod:`game.server.views_words`: the
briefing, the news of the turn, the last turn's review condensed, and at the end the ending, every side's score and
objectives, the seat's decisions and the debriefs. The public JSON is :func:`game.table.public.public_view`, for the
dashboard and a projector.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from typing import Any

from game.engine import Change, Choose, Commit, Respond, Withdraw, localize
from game.i18n import tr
from game.present import visible
from game.present.words import date_of, family_label
from game.server import views_words as words
from game.server.views_deal import negotiation_json
from game.table import Decision, Done, Match, SeatView, TableCommand, command_to_json, view
from game.table.public import public_view

#: The types :func:`plain` returns as they are (exactly these: an enum of ints or strings is converted).
_LEAVES = frozenset({str, int, float, bool, type(None)})
#: How :func:`plain` converts a value of each type met so far (the checks below are made once per type).
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def plain(value: Any) -> Any:
    """Dataclasses, named tuples, tuples and enums as JSON values."""
    kind = type(value)
    if kind in _LEAVES:  # most values: answered before anything else
        return value
    convert = _CONVERTERS.get(kind)
    if convert is None:
        convert = _CONVERTERS[kind] = _converter(kind)
    return convert(value)


def _converter(kind: type) -> Callable[[Any], Any]:
    """How :func:`plain` converts a value of type ``kind``."""
    if dataclasses.is_dataclass(kind):
        names = tuple(f.name for f in dataclasses.fields(kind))
        return lambda value: {name: plain(getattr(value, name)) for name in names}
    if issubclass(kind, tuple) and hasattr(kind, "_asdict"):
        return lambda value: {str(k): plain(v) for k, v in value._asdict().items()}
    if issubclass(kind, dict):
        return lambda value: {str(k): plain(v) for k, v in value.items()}
    if issubclass(kind, list | tuple | frozenset | set):
        return lambda value: [plain(v) for v in value]
    if issubclass(kind, enum.Enum):
        return lambda value: plain(value.value)
    return lambda value: value


def seat_json(match: Match, role: str) -> dict[str, Any]:
    """Everything the seat of ``role`` may see now, as JSON."""
    seat = view(match, role)
    game = match.game
    data: dict[str, Any] = plain(seat)
    data["role_name"] = match.role_name(role)
    data["paused"] = match.teacher.paused
    data["turn_seconds"] = match.teacher.turn_seconds
    data["history"] = [_change(match, c) for c in visible(game, seat.history)]
    for action, shown in zip(data["actions"], seat.actions, strict=True):
        action["family_label"] = family_label(game, action["family"])
        action["forecast_text"] = words.forecast_words(game, shown.forecast.items)
        action["description"] = localize(match.scenario.action(shown.id).description, game.lang)
    data["decision"] = None if seat.decision is None else _decision(match, seat.decision)
    data["review"] = _review(match, seat)
    data["over"] = game.outcome is not None
    data["moment"] = _moment(match)
    data["done"] = match.done(role)
    data["briefing"] = words.briefing(match, seat)
    data["news_items"] = words.news(match, seat)
    data["end"] = words.ending(match, seat)
    data["negotiation"] = negotiation_json(match, role, seat)
    return data


def _moment(match: Match) -> dict[str, str] | None:
    """Whose moment it is at the table (public: the room's board shows it too), so a seat that waits knows for
    whom."""
    decision = match.decision()
    if decision is None:
        return None
    return {"role": decision.role, "name": match.role_name(decision.role), "kind": str(decision.kind)}


def _change(match: Match, change: Change) -> dict[str, Any]:
    return {"turn": change.turn, "indicator": change.indicator, "before": change.before, "after": change.after,
            "why": words.why(match.game, change)}  # fmt: skip


def _review(match: Match, seat: SeatView) -> dict[str, Any] | None:
    """What the last turn's resolution changed, with why (``None`` before the first resolution): every change,
    what each side did that turn, and the moves that mattered most with their biggest causes."""
    game = match.game
    turn = game.turn - 1 if game.outcome is None else game.turn
    report = next((r for r in reversed(match.reports) if r.turn <= turn), None)
    if report is None:
        return None
    changes = visible(game, report.changes)
    told = words.moves(match, game.changes_in_turn(report.turn))
    return {"turn": report.turn, "date": date_of(game, report.turn), "changes": [_change(match, c) for c in changes],
            "did": words.did(match, seat, report.turn), **told}  # fmt: skip


def _decision(match: Match, decision: Decision) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": str(decision.kind),
        "event": decision.event,
        "proposal": decision.proposal,
        "options": [{"label": option_label(match, o), "command": command_to_json(o)} for o in decision.options],
    }
    if decision.event:
        told = words.event_choice(match, decision.event)
        choices = told.pop("choices")
        for option, command in zip(data["options"], decision.options, strict=True):
            if isinstance(command, Choose):
                option.update(choices.get(command.choice, {}))
        data.update(told)
    return data


def option_label(match: Match, command: TableCommand) -> str:
    """A decision's option in words, for a button."""
    game = match.game
    lang = game.lang
    if isinstance(command, Choose):
        event = match.scenario.event(command.event)
        return next((localize(c.label, lang) for c in event.choices if c.id == command.choice), command.choice)
    if isinstance(command, Commit | Withdraw):
        label = localize(match.scenario.action(command.action).label, lang)
        return label if isinstance(command, Commit) else tr("Withdraw: {action}", action=label)
    if isinstance(command, Respond):
        return tr("Accept") if command.accept else tr("Refuse")
    if isinstance(command, Done):
        return tr("Done for this turn")
    return type(command).__name__  # pragma: no cover - a decision offers only the commands above


def public_json(match: Match) -> dict[str, Any]:
    """What the whole room may see of a match, as JSON."""
    data: dict[str, Any] = plain(public_view(match))
    data["turn_seconds"] = match.teacher.turn_seconds
    return data
