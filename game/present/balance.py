"""``simulate``'s balancing figures in words (:mod:`game.table.balance`), and a game's failed rules for the turn
reviews of both front ends."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from game.engine import RuleError, Scenario, Text
from game.i18n import tr
from game.table.balance import Diagnostics, FailureTally

#: Where a failed rule is written: ``where(rule, message)`` gives ``file:line:col`` (or ``""`` when unknown).
Where = Callable[[str, str], str]
#: How many indicators' names are lined up at most (longer ids push their row right).
_NAME_WIDTH = 28


def diagnostics_lines(
    scenario: Scenario,
    diagnostics: Diagnostics,
    counts: tuple[Mapping[str, int], Mapping[str, int], int],
    say: Callable[[Text], str],
    where: Where | None = None,
) -> list[str]:
    """The balancing figures of a run as ``simulate`` prints them: the indicators' final spreads, each ending's
    clauses, the flags and the failed rules. ``counts`` is the run's ``(endings, actions, turns)``."""
    endings, actions, turns = counts
    out = _spread_lines(diagnostics)
    out += _clause_lines(scenario, diagnostics, endings, say)
    out += _flag_lines(scenario, diagnostics, endings, actions, turns, say)
    out += failure_lines(diagnostics.tallies(), where)
    return out


def _spread_lines(diagnostics: Diagnostics) -> list[str]:
    spreads = diagnostics.spreads()
    if not spreads:
        return []
    width = min(max(len(name) for name in spreads), _NAME_WIDTH)
    out = ["", "Indicators at the end of the games", f"  {'':<{width}} {'min':>8} {'10%':>8} {'median':>8} "
           f"{'90%':>8} {'max':>8}"]  # fmt: skip
    for name, s in spreads.items():
        cells = " ".join(f"{_number(value):>8}" for value in (s.min, s.p10, s.median, s.p90, s.max))
        out.append(f"  {name:<{width}} {cells}")
    return out


def _clause_lines(scenario: Scenario, diagnostics: Diagnostics, endings: Mapping[str, int],
                  say: Callable[[Text], str]) -> list[str]:  # fmt: skip
    if not diagnostics.clauses:
        return []
    games = max(diagnostics.games, 1)
    out = ["", "Endings' conditions: how often each clause held when a game ended (any ending)"]
    for ending in scenario.endings:
        counts = diagnostics.clauses.get(ending.id)
        if counts is None:
            continue
        reached = 100.0 * endings.get(ending.id, 0) / games
        whole = 100.0 * diagnostics.whole.get(ending.id, 0) / games
        joiner = diagnostics.joiners[ending.id]
        how = f"; clauses joined by '{joiner}'" if joiner else ""
        out.append(f"  {say(ending.title)}: held in {whole:.1f}% of games, reached in {reached:.1f}%{how}")
        for count in counts:
            share = 100.0 * count.held / games
            note = "  never held" if not count.held else "  always held" if count.held == diagnostics.games else ""
            out.append(f"    {share:5.1f}%  {count.text}{note}")
    return out


def _flag_lines(
    scenario: Scenario,
    diagnostics: Diagnostics,
    endings: Mapping[str, int],
    actions: Mapping[str, int],
    turns: int,
    say: Callable[[Text], str],
) -> list[str]:
    out: list[str] = []
    for ending in diagnostics.never_reached(endings):
        out.append(f"  ending never reached: {say(scenario.ending(ending).title)} ({ending})")
    for role, ids in diagnostics.never_chosen(actions).items():
        out.append(f"  {say(scenario.role(role).name)} never chose: {', '.join(ids)}")
    for role, ids in diagnostics.always_chosen(actions, turns).items():
        out.append(f"  {say(scenario.role(role).name)} chose on every turn of every game: {', '.join(ids)}")
    return ["", "Flags", *out] if out else []


def failure_lines(tallies: Sequence[FailureTally], where: Where | None = None) -> list[str]:
    """The rules that failed at run time, one line each: where, which rule, how often, in which turns, and why."""
    if not tallies:
        return []
    total = sum(t.count for t in tallies)
    out = ["", f"Rules that failed at run time ({total} in all; each failure skipped that rule for the turn)"]
    for tally in tallies:
        turns = (f"turn {tally.first_turn}" if tally.first_turn == tally.last_turn
                 else f"turns {tally.first_turn}-{tally.last_turn}")  # fmt: skip
        times = "once" if tally.count == 1 else f"{tally.count} times"
        games = "1 game" if tally.games == 1 else f"{tally.games} games"
        place = where(tally.rule, tally.message) if where is not None else ""
        lead = f"{place}: " if place else ""
        out.append(f"  {lead}rule '{tally.rule}' failed {times} in {games} ({turns}): {tally.message}")
    return out


def turn_failures(errors: Iterable[RuleError], turn: int) -> list[str]:
    """The rules that failed at run time in ``turn`` of a game, one sentence each (the same rule and message
    counted once): ``Rule 'tax' failed (twice): 'x / y': division by zero; it was skipped.``"""
    counted: dict[tuple[str, str], int] = {}
    for error in errors:
        if error.turn == turn:
            key = (error.rule, error.message)
            counted[key] = counted.get(key, 0) + 1
    out = []
    for (rule, message), count in counted.items():
        if count == 1:
            out.append(tr("Rule '{rule}' failed: {message}; it was skipped.", rule=rule, message=message))
        elif count == 2:
            out.append(tr("Rule '{rule}' failed (twice): {message}; it was skipped.", rule=rule, message=message))
        else:
            out.append(
                tr(
                    "Rule '{rule}' failed ({count} times): {message}; it was skipped.",
                    rule=rule,
                    message=message,
                    count=count,
                )
            )
    return out


def _number(value: float) -> str:
    """A figure as short as it reads: ``12``, ``12.5``, ``0.33``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
