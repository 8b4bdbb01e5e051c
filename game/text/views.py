"""What the text front end shows: pure functions from a game (or scenario) to lines of plain text.

Nothing here reads input or changes the game; :mod:`game.text.play` decides when to show what.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from game import present
from game.engine import (
    Cause,
    Change,
    Event,
    ForecastItem,
    Game,
    NewsKind,
    Outcome,
    Scenario,
    localize,
)
from game.present import (
    date_of,
    decisions,
    family_label,
    how_it_ended,
    indicator_label,
    num,
    plural,
    role_name,
    say,
    score,
    signed,
    source_credit,
    timing,
    visible,
)
from game.present.balance import turn_failures
from game.present.review import Condensed, condense, left_out_words
from game.table import ActionView, SeatView
from game.text.console import wrap

#: How each kind of cause is named in the turn review (``{role}`` is the deciding role's name).
CAUSE_NAMES = {
    Cause.ACTION: "action by {role}",
    Cause.CHOICE: "decision by {role}",
    Cause.EVENT: "event",
    Cause.DYNAMIC: "trend",
    Cause.FACILITATOR: "facilitator",
}


#: What moving an indicator from one value to another does to the reader's own score: ``judge(id, before, after)``.
Judge = Callable[[str, float, float], float | None]


# --------------------------------------------------------------------- forecasts
def forecast_item(game: Game, item: ForecastItem) -> str:
    """One expected change, with when it applies as the desktop says it (:func:`game.present.timing`):
    ``Relations +4 (in turn 5)``, ``Relations set to 40``, ``Trade access +3 (after the game ends)``."""
    label = indicator_label(game, item.indicator)
    change = f"set to {num(item.amount)}" if item.op == "=" else signed(item.delta)
    when = timing(item, game.turn, game.scenario.turns)
    return f"{label} {change}" + ("" if when == "now" else f" ({when})")


def forecast_text(game: Game, items: Iterable[ForecastItem]) -> str:
    """A one-line forecast such as ``Relations +4, Trade access -2 (in 2 turns)``."""
    parts = [forecast_item(game, item) for item in visible(game, items)]
    return ", ".join(parts) if parts else "no direct effect"


# --------------------------------------------------------------------- start of the game
def intro_lines(scenario: Scenario, lang: str) -> list[str]:
    """Title, description, length and the sources credited, before a side is chosen."""
    out = [localize(scenario.title, lang), ""]
    out += wrap(localize(scenario.description, lang))
    calendar = scenario.calendar
    out += [
        "",
        f"{scenario.turns} turns of {plural(calendar.months_per_turn, 'month')} each, "
        f"from {calendar.label(1)} to {calendar.label(scenario.turns)}.",
    ]
    if scenario.sources:
        out += wrap("Sources: " + "; ".join(source_credit(s) for s in scenario.sources), hanging="  ")
    return out


def role_lines(game: Game, seat: SeatView) -> list[str]:
    """The player's side, as its seat sees it: brief, private objectives and political capital."""
    role = game.scenario.role(seat.role)
    public = next(r for r in seat.roles if r.id == seat.role)
    out = [*wrap(f"You play: {public.name}"), ""]
    out += wrap("Brief: " + public.brief)
    out += ["", *wrap("Your private objectives (your score): " + seat.objectives)]
    carry = (
        f"unspent capital carries over, up to {role.capital_max}"
        if role.capital_max > role.capital
        else "unspent capital does not carry over"
    )
    out += ["", *wrap(f"Political capital: {role.capital} per turn; {carry}.")]
    return out


def help_lines(*, negotiation: bool = False) -> list[str]:
    """How to answer the prompts; with ``negotiation``, also the negotiation keys."""
    talks = (
        " n opens the negotiation table (build a proposal, see how it would be received, send it), a lists "
        "your agreements (and lets you break one),"
        if negotiation
        else ""
    )
    return wrap(
        "How to play: type the number of an option and press Enter. In the action menu, a number commits "
        "an action or withdraws it again, d and a number (for example d 2) shows its details, l lists the "
        f"actions again, s shows the indicators,{talks} and e ends the turn. After each turn the review tells "
        "what mattered most; f at the prompt after it lists every change. Type q at any prompt to quit."
    )


# --------------------------------------------------------------------- start of a turn
def turn_header(game: Game) -> str:
    """``=== Turn 3 of 10, Jul 2023 ===``; where the scenario says so, whether the turn follows the public record
    or is a plausible future: ``=== Turn 4 of 12, Oct 2023 (a plausible future) ===``."""
    on_record = game.scenario.calendar.on_record(game.turn)
    span = "" if on_record is None else " (on the record)" if on_record else " (a plausible future)"
    return f"=== Turn {game.turn} of {game.scenario.turns}, {date_of(game, game.turn)}{span} ==="


def movement(delta: float, *, gain: float | None = None, since: str = "", shown: Callable[[float], str] = num) -> str:
    """``up 4 since last turn, better for you`` / ``down 2, worse for you`` / ``no change``.

    ``gain`` is how much the move changed the reader's own score (see :attr:`game.table.IndicatorView.gain`): it says
    whether the move is better or worse *for the reader*; ``None`` (a review shared by several people) judges nothing.
    """
    if float(shown(delta)) == 0:
        return f"no change{since}"
    up = delta > 0
    words = f"{'up' if up else 'down'} {shown(abs(delta))}{since}"
    if gain is not None:
        if abs(gain) < 0.005:  # a score moves by fractions: judge the raw gain, not a number rounded for show
            words += ", no effect on your score"
        else:
            words += ", better for you" if gain > 0 else ", worse for you"
    return words


def shown_change(before: float, after: float, shown: Callable[[float], str] = num) -> float:
    """The change between two values as shown, so that ``39.2 -> 42.6`` (shown ``39 -> 43``) reads as ``up 4``."""
    return float(shown(after)) - float(shown(before))


def indicator_lines(seat: SeatView) -> list[str]:
    """Every indicator of a seat's view with its value, its change since the values the seat compares with (and
    whether that is better or worse for this seat) and its range."""
    when = " since the start" if seat.turn == 1 else " since last turn"
    out = ["Indicators:"]
    for ind in seat.indicators:
        change = movement(shown_change(ind.before, ind.value), gain=ind.gain, since=when)
        text = f"{ind.label}: {num(ind.value)} ({change}; range {num(ind.low)} to {num(ind.high)})"
        out += wrap(text, indent="  ", hanging="      ")
    return out


def news_lines(game: Game, seat: SeatView, *, asked: Collection[str] = ()) -> list[str]:
    """The events that fired in the seat's current turn: title, text and what they changed at once (from the seat's
    view; ``game`` only words them).

    The text of the events in ``asked`` is left out: it comes with the decision the player is asked to make. An
    event that asks another side for a choice says who decides (or what they chose, once they have).
    """
    turn = seat.turn
    fired = [n.id for n in seat.news if n.turn == turn and n.kind is NewsKind.EVENT]
    if not fired:
        return ["News: a quiet turn, no news."]
    chosen = {n.id: n.detail for n in seat.news if n.turn == turn and n.kind is NewsKind.CHOICE}
    changes = [c for c in seat.history if c.turn == turn]
    out = ["News:"]
    for event_id in fired:
        event = game.scenario.event(event_id)
        out += wrap(say(game, event.title), indent="- ", hanging="  ")
        if event_id in asked:
            out.append("  You are asked to decide on this below.")
        else:
            out += wrap(say(game, event.text), indent="  ")
            if event.choices and event.role:
                decider = role_name(game, event.role)
                if event_id in chosen:
                    label = next(
                        (say(game, c.label) for c in event.choices if c.id == chosen[event_id]), chosen[event_id]
                    )
                    out += wrap(f"{decider} chose: {label}.", indent="  ", hanging="    ")
                else:
                    out += wrap(f"{decider} decides.", indent="  ", hanging="    ")
        for change in visible(game, changes):
            if change.cause is Cause.EVENT and change.cause_id == event_id and not change.fell_due:
                out += wrap(f"Effect: {change_summary(game, change)}", indent="  ", hanging="    ")
    return out


def change_summary(game: Game, change: Change) -> str:
    """``Relations 50 -> 47``."""
    return f"{indicator_label(game, change.indicator)} {num(change.before)} -> {num(change.after)}"


def choice_lines(game: Game, event: Event) -> list[str]:
    """An event that asks the player to decide, with each numbered choice and its forecast."""
    out = wrap(f"Decision needed: {say(game, event.title)}")
    out += wrap(say(game, event.text), indent="  ")
    for number, choice in enumerate(event.choices, 1):
        out += wrap(f"{number}. {say(game, choice.label)}", indent="  ", hanging="     ")
        if choice.description:
            out += wrap(say(game, choice.description), indent="     ")
        if choice.contested:
            out += wrap(f"Note on this rule: {say(game, choice.contested)}", indent="     ")
        forecast = game.forecast_choice(event.id, choice.id)
        out += wrap(f"Forecast: {forecast_text(game, forecast.items)}", indent="     ")
    return out


# --------------------------------------------------------------------- the action menu


def menu_lines(game: Game, seat: SeatView) -> list[str]:
    """The numbered action menu of a seat, grouped by family, with cost and a one-line forecast or the reason it is
    closed (the seat's view lists the actions in menu order)."""
    out = [f"Your actions this turn (capital left: {seat.capital}):"]
    family = None
    for number, action in enumerate(seat.actions, 1):
        if action.family != family:
            family = action.family
            out += wrap(f"{family_label(game, family)}:", hanging="  ")
        head = f"{number}. {action.label} (cost {action.cost})"
        if action.status in ("available", "committed"):
            mark = ", COMMITTED" if action.status == "committed" else ""
            text = f"{head}{mark}: {forecast_text(game, action.forecast.items)}"
        else:
            text = f"{head}, unavailable: {action.status}"
        out += wrap(text, indent="  ", hanging="      ")
    labels = {a.id: a.label for a in seat.actions}
    committed = [labels.get(a, a) for a in seat.committed]
    out += wrap("Committed: " + ("; ".join(committed) if committed else "nothing yet") + ".", hanging="  ")
    return out


def detail_lines(game: Game, number: int, action: ActionView) -> list[str]:
    """Everything about one action of a seat's view: description, cost, cooldown, forecast now and later, status,
    sources."""
    rule = game.scenario.action(action.id)
    forecast = action.forecast
    out = wrap(f"Details of {number}. {action.label} ({family_label(game, action.family)})")
    cooldown = f" Cooldown: {plural(rule.cooldown, 'turn')} after use." if rule.cooldown else ""
    out.append(f"  Cost: {action.cost} capital.{cooldown}")
    out += wrap(say(game, rule.description), indent="  ")
    if rule.contested:
        out += wrap(f"Note on this rule: {say(game, rule.contested)}", indent="  ", hanging="    ")
    out += wrap("Expected now: " + forecast_text(game, forecast.immediate), indent="  ", hanging="    ")
    if forecast.delayed:
        out += wrap("Expected later: " + forecast_text(game, forecast.delayed), indent="  ", hanging="    ")
    out.append("  (Forecasts leave out trends and the other side's moves.)")
    status = action.status
    if status not in ("available", "committed"):
        status = f"unavailable, {status}"
    out += wrap(f"Status: {status}.", indent="  ", hanging="    ")
    if rule.sources:
        credits = [source_credit(game.scenario.source(s)) for s in rule.sources]
        out += wrap("Sources: " + "; ".join(credits), indent="  ", hanging="    ")
    return out


# --------------------------------------------------------------------- after a turn
def cause_text(game: Game, change: Change) -> str:
    """Why a change happened: ``Regular meetings (action by United States)``."""
    kind = CAUSE_NAMES.get(change.cause, change.cause)
    who = role_name(game, change.role) if change.role else "nobody"
    return f"{present.cause_text(game, change)} ({kind.format(role=who)})"


def review_lines(
    game: Game,
    human: str | None,
    turn: int,
    score_before: float | None = None,
    score_after: float | None = None,
    *,
    talks: Sequence[str] = (),
    judge: Judge | None = None,
    full: bool = False,
) -> list[str]:
    """The turn review: what each side did, the negotiation news ``talks`` (lines, if any), the moves that
    mattered most with their biggest causes (:func:`mattered_lines`; with ``full``, each indicator's changes cause
    by cause), and the player's score (when both scores are given). With ``human`` None (several people at one
    table) every side is named and no score is shown: the review is for everybody. ``judge`` says what a move means
    for the reader's own score (none: the review judges no move better or worse)."""
    out = [f"--- Review of turn {turn} ({date_of(game, turn)}) ---"]
    for role in game.scenario.roles:
        who = "You" if role.id == human else say(game, role.name)
        done = decisions(game, role.id, turn)
        text = f"{who}: " + ("; ".join(done) if done else "no action") + "."
        out += wrap(text, hanging="  ")
    if talks:
        out += ["", *talks]
    if full:
        out += ["", "What changed and why:"]
        out += change_lines(game, game.changes_in_turn(turn), judge)
    else:
        out += ["", "What mattered most:"]
        out += mattered_lines(game, condense(game.scenario, game.changes_in_turn(turn)), judge)
    failed = turn_failures(game.state.errors, turn)
    if failed:
        out += ["", "Rules of the scenario that failed this turn (tell the scenario's author):"]
        out += [line for text in failed for line in wrap(text, indent="  ", hanging="    ")]
    if score_before is not None and score_after is not None:
        change = movement(shown_change(score_before, score_after, score), shown=score)
        out += ["", f"Your score: {score(score_after)} ({change} this turn)."]
    return out


def change_lines(game: Game, changes: Sequence[Change], judge: Judge | None = None) -> list[str]:
    """Changes grouped by indicator (scenario order): ``before -> after`` (better or worse for the reader, when
    ``judge`` is given) then one line per cause."""
    if not changes:
        return ["  Nothing changed."]
    out = []
    scenario = game.scenario
    for ind in (*scenario.shown_indicators, *(scenario.indicator(name) for name in scenario.trust_names())):
        mine = [c for c in changes if c.indicator == ind.id]
        if not mine:
            continue
        first, last = mine[0].before, mine[-1].after
        moved = movement(shown_change(first, last), gain=None if judge is None else judge(ind.id, first, last))
        head = f"{say(game, ind.label)}: {num(first)} -> {num(last)} ({moved})"
        out += wrap(head, indent="  ", hanging="    ")
        for change in mine:
            out += wrap(f"{signed(change.delta)}: {cause_text(game, change)}", indent="    ", hanging="      ")
    return out


def mattered_lines(game: Game, condensed: Condensed, judge: Judge | None = None) -> list[str]:
    """The moves of a condensed review (:func:`game.present.review.condense`) as the full list words them, each with
    its biggest causes, and a last line on what was left out and how to see it."""
    out = []
    for move in condensed.moves:
        gain = None if judge is None else judge(move.indicator, move.before, move.after)
        moved = movement(shown_change(move.before, move.after), gain=gain)
        head = f"{indicator_label(game, move.indicator)}: {num(move.before)} -> {num(move.after)} ({moved})"
        out += wrap(head, indent="  ", hanging="    ")
        for share in move.causes:
            out += wrap(f"{signed(share.delta)}: {cause_text(game, share.first)}", indent="    ", hanging="      ")
        if move.more_causes:
            out.append(f"    and {plural(move.more_causes, 'smaller cause')}")
    if not condensed.total:
        return ["  Nothing changed."]
    if not condensed.moves:
        out.append("  No indicator moved by a whole point.")
    left_out = left_out_words(condensed)
    if left_out:
        out += wrap(f"Left out: {left_out}. Type f below for the full list.", indent="  ", hanging="    ")
    return out


def review_complete(game: Game, turn: int) -> bool:
    """Whether the condensed review of ``turn`` tells every change (then the full list would add nothing)."""
    return condense(game.scenario, game.changes_in_turn(turn)).complete


# --------------------------------------------------------------------- the end
def ending_lines(game: Game, outcome: Outcome) -> list[str]:
    """``Ending: <title>``, its text, whether it ended early, and every role's score."""
    ending = game.scenario.ending(outcome.ending)
    when = how_it_ended(outcome, game.scenario.turns) + "."
    out = ["=== Game over ===", when, "", *wrap(f"Ending: {say(game, ending.title)}", hanging="  ")]
    out += wrap(say(game, ending.text))
    out.append("")
    for role in game.scenario.roles:
        out += wrap(f"Score - {say(game, role.name)}: {score(outcome.scores.get(role.id, 0.0))}", hanging="  ")
    return out


def recap_lines(game: Game, human: str) -> list[str]:
    """Your key decisions turn by turn, and how far your own decisions moved each indicator in total."""
    out = ["Your key decisions:"]
    last = game.outcome.turn if game.outcome else game.turn
    for turn in range(1, last + 1):
        done = decisions(game, human, turn)
        text = f"Turn {turn} ({date_of(game, turn)}): " + ("; ".join(done) if done else "no action") + "."
        out += wrap(text, indent="  ", hanging="    ")
    totals: dict[str, float] = {}
    for change in game.history:
        if change.role == human:
            totals[change.indicator] = totals.get(change.indicator, 0.0) + change.delta
    moved = [
        f"{say(game, ind.label)} {signed(totals[ind.id])}"
        for ind in game.scenario.shown_indicators
        if num(totals.get(ind.id, 0.0)) != "0"
    ]
    if moved:
        out += wrap("Your decisions moved, in total: " + ", ".join(moved) + ".", hanging="  ")
    return out
