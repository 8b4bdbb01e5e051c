"""Carry a match over to a new version of its scenario (the file was edited while the game runs).

Pure. The match's command log is replayed on the new scenario from the same seed: every command, the people's and
the computers', in the same order, up to where the match stands. When the new version takes them all, the result is
a match at the same turn, with the same seats and history, whose numbers follow the new rules
(:class:`Reloaded`). When a command no longer fits (an action removed, an event or an item gone, the game ended
sooner), the result says at which turn the replay stopped and why (:class:`ReplayFailed`); the old match is left as
it was, and :func:`restart` starts the new version afresh with the same seats and seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine import Game, Scenario, TurnReport
from game.i18n import N_, tr
from game.table.log import LogEntry
from game.table.match import Match
from game.table.replay import DAMAGED, rebuild

__all__ = ["Reloaded", "ReplayFailed", "reload_match", "restart"]


@dataclass(frozen=True, slots=True)
class Reloaded:
    """The match rebuilt on the new scenario, at the turn the old one had reached."""

    match: Match


@dataclass(frozen=True, slots=True)
class ReplayFailed:
    """The log cannot be replayed on the new scenario: it stopped at ``turn``, for ``reason``. ``scenario`` is the
    new version (to :func:`restart` on)."""

    turn: int
    reason: str
    scenario: Scenario = field(repr=False)

    def message(self) -> str:
        """One sentence for the player."""
        return tr(
            "The edited scenario cannot replay this game past turn {turn}: {reason}.",
            turn=self.turn,
            reason=self.reason,
        )


def reload_match(match: Match, scenario: Scenario) -> Reloaded | ReplayFailed:
    """Replay ``match``'s log on ``scenario`` (a new version of its scenario): the new match, or why not."""
    roles = [r.id for r in scenario.roles]
    if roles != list(match.seats):
        return ReplayFailed(1, _roles_changed(list(match.seats), roles), scenario)
    entries = list(match.log)
    reports: list[TurnReport] = []
    applied = 0

    def collect(_entry: LogEntry, _game: Game, report: TurnReport | None) -> None:
        nonlocal applied
        applied += 1
        if report is not None:
            reports.append(report)

    try:
        game = rebuild(scenario, match.seed, entries, lang=match.game.lang, origin=match.origin, on_entry=collect)
    except DAMAGED as exc:
        turn = entries[applied].turn if applied < len(entries) else match.game.turn
        return ReplayFailed(turn, _refused(entries[applied] if applied < len(entries) else None, exc), scenario)
    if (game.turn, game.phase) != (match.game.turn, match.game.phase):
        turn = min(game.turn, match.game.turn)
        return ReplayFailed(turn, _elsewhere(game, match.game), scenario)
    data: dict[str, Any] = match.to_dict()
    data["game"] = game.to_dict()
    data["reports"] = [[r.turn, [list(c) for c in r.changes]] for r in reports]
    try:
        new = Match.from_dict(scenario, match.scenario_path, data)
    except DAMAGED as exc:
        return ReplayFailed(match.game.turn, str(exc), scenario)
    new.reports = reports  # with their outcomes, as the rebuild made them
    return Reloaded(new)


def restart(match: Match, scenario: Scenario) -> Match:
    """A new match of ``scenario`` with ``match``'s seats (those of roles it still has), seed and language."""
    roles = {r.id for r in scenario.roles}
    seats = {role: seat for role, seat in match.seats.items() if role in roles}
    return Match.start(scenario, seats, match.seed, scenario_path=match.scenario_path, lang=match.game.lang,
                       negotiate=match.negotiate, budget=match.budget)  # fmt: skip


def _roles_changed(before: list[str], after: list[str]) -> str:
    gone = [r for r in before if r not in after]
    new = [r for r in after if r not in before]
    if gone:
        return tr("the role '{role}' is gone", role=gone[0])
    if new:
        return tr("the role '{role}' is new", role=new[0])
    return tr("the roles are in another order")


def _refused(entry: LogEntry | None, exc: BaseException) -> str:
    """Why a logged command was refused, with who sent it."""
    reason = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    reason = reason or type(exc).__name__
    if entry is None:
        return reason
    name = tr(_COMMAND_WORDS.get(type(entry.command).__name__, N_("command")))
    if entry.role:
        return tr("the {command} of '{role}' was refused ({reason})", command=name, role=entry.role, reason=reason)
    return tr("the {command} was refused ({reason})", command=name, reason=reason)


#: How a refused command is named (the log's command types).
_COMMAND_WORDS = {
    "Commit": N_("action"),
    "Withdraw": N_("withdrawal"),
    "Choose": N_("answer to an event"),
    "EndTurn": N_("end of the turn"),
    "Propose": N_("proposal"),
    "Respond": N_("answer to a proposal"),
    "Counter": N_("counter-proposal"),
    "BreakAgreement": N_("break of an agreement"),
    "Done": N_("end of a part of the turn"),
    "Adjust": N_("teacher's adjustment"),
    "Inject": N_("teacher's event"),
    "EndNow": N_("teacher's end of the game"),
}


def _elsewhere(rebuilt: Game, played: Game) -> str:
    """How the rebuilt game stands apart from the played one after the whole log."""
    if rebuilt.outcome is not None and played.outcome is None:
        return tr("the game now ends at turn {turn}", turn=rebuilt.turn)
    return tr(
        "the game now stands at turn {turn} ({phase}), not turn {played} ({played_phase})",
        turn=rebuilt.turn,
        phase=rebuilt.phase.value,
        played=played.turn,
        played_phase=played.phase.value,
    )
