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
from game.i18n import N_, tr, tr_n
from game.i18n.formats import turn_date
from game.present import (
    date_of,
    decisions,
    family_label,
    how_it_ended,
    indicator_label,
    num,
    role_name,
    say,
    score,
    signed,
    source_credit,
    timing,
    visible,
)
from game.present.balance import turn_failures
from game.present.notes import game_length
from game.present.review import Condensed, condense, left_out_words
from game.table import ActionView, SeatView
from game.text.console import wrap

#: How each kind of cause is named in the turn review (``{role}`` is the deciding role's name).
CAUSE_NAMES = {
    Cause.ACTION: N_("action by {role}"),
    Cause.CHOICE: N_("decision by {role}"),
    Cause.EVENT: N_("event"),
    Cause.DYNAMIC: N_("trend"),
    Cause.FACILITATOR: N_("facilitator"),
    Cause.AGREEMENT: N_("agreement"),
    Cause.KEPT: N_("kept"),
    Cause.BREAK: N_("break"),
}


#: What moving an indicator from one value to another does to the reader's own score: ``judge(id, before, after)``.
Judge = Callable[[str, float, float], float | None]


# --------------------------------------------------------------------- forecasts
def forecast_item(game: Game, item: ForecastItem) -> str:
    """One expected change, with when it applies as the desktop says it (:func:`game.present.timing`):
    ``Relations +4 (in turn 5)``, ``Relations set to 40``, ``Trade access +3 (after the game ends)``."""
    label = indicator_label(game, item.indicator)
    change = tr("set to {value}", value=num(item.amount)) if item.op == "=" else signed(item.delta)
    if item.delay == 0 and item.duration <= 1:  # it applies now
        return tr("{label} {change}", label=label, change=change)
    when = timing(item, game.turn, game.scenario.turns)
    return tr("{label} {change} ({when})", label=label, change=change, when=when)


def forecast_text(game: Game, items: Iterable[ForecastItem]) -> str:
    """A one-line forecast such as ``Relations +4, Trade access -2 (in 2 turns)``."""
    parts = [forecast_item(game, item) for item in visible(game, items)]
    return ", ".join(parts) if parts else tr("no direct effect")


# --------------------------------------------------------------------- start of the game
def intro_lines(scenario: Scenario, lang: str) -> list[str]:
    """Title, description, length and the sources credited, before a side is chosen."""
    out = [localize(scenario.title, lang), ""]
    out += wrap(localize(scenario.description, lang))
    out += ["", game_length(scenario, turn_date(scenario.calendar, scenario.turns))]
    if scenario.sources:
        out += wrap(
            tr("Sources: {sources}", sources="; ".join(source_credit(s) for s in scenario.sources)), hanging="  "
        )
    return out


def role_lines(game: Game, seat: SeatView) -> list[str]:
    """The player's side, as its seat sees it: brief, private objectives and political capital."""
    role = game.scenario.role(seat.role)
    public = next(r for r in seat.roles if r.id == seat.role)
    out = [*wrap(tr("You play: {name}", name=public.name)), ""]
    out += wrap(tr("Brief: {text}", text=public.brief))
    out += ["", *wrap(tr("Your private objectives (your score): {text}", text=seat.objectives))]
    if role.capital_max > role.capital:
        text = tr(
            "Political capital: {capital} per turn; unspent capital carries over, up to {most}.",
            capital=num(role.capital),
            most=num(role.capital_max),
        )
    else:
        text = tr(
            "Political capital: {capital} per turn; unspent capital does not carry over.", capital=num(role.capital)
        )
    out += ["", *wrap(text)]
    return out


def help_lines(*, negotiation: bool = False) -> list[str]:
    """How to answer the prompts; with ``negotiation``, also the negotiation keys."""
    if negotiation:
        return wrap(
            tr(
                "How to play: type the number of an option and press Enter. In the action menu, a number commits "
                "an action or withdraws it again, d and a number (for example d 2) shows its details, l lists the "
                "actions again, s shows the indicators, n opens the negotiation table (build a proposal, see how it "
                "would be received, send it), a lists your agreements (and lets you break one), and e ends the "
                "turn. After each turn the review tells what mattered most; f at the prompt after it lists every "
                "change. Type q at any prompt to quit."
            )
        )
    return wrap(
        tr(
            "How to play: type the number of an option and press Enter. In the action menu, a number commits "
            "an action or withdraws it again, d and a number (for example d 2) shows its details, l lists the "
            "actions again, s shows the indicators, and e ends the turn. After each turn the review tells what "
            "mattered most; f at the prompt after it lists every change. Type q at any prompt to quit."
        )
    )


# --------------------------------------------------------------------- start of a turn
def turn_header(game: Game) -> str:
    """``=== Turn 3 of 10, Jul 2023 ===``; where the scenario says so, whether the turn follows the public record
    or is a plausible future: ``=== Turn 4 of 12, Oct 2023 (a plausible future) ===``."""
    on_record = game.scenario.calendar.on_record(game.turn)
    values = {"turn": game.turn, "turns": game.scenario.turns, "date": date_of(game, game.turn)}
    if on_record is None:
        return tr("=== Turn {turn} of {turns}, {date} ===", **values)
    if on_record:
        return tr("=== Turn {turn} of {turns}, {date} (on the record) ===", **values)
    return tr("=== Turn {turn} of {turns}, {date} (a plausible future) ===", **values)


def movement(delta: float, *, gain: float | None = None, since: str = "", shown: Callable[[float], str] = num) -> str:
    """``up 4 since last turn, better for you`` / ``down 2, worse for you`` / ``no change``.

    ``since`` says what the move is measured from: ``start`` (the start values), ``last`` (last turn), ``turn``
    (this turn) or nothing.

    ``gain`` is how much the move changed the reader's own score (see :attr:`game.table.IndicatorView.gain`): it says
    whether the move is better or worse *for the reader*; ``None`` (a review shared by several people) judges nothing.
    """
    if _as_number(shown(delta)) == 0:
        return tr(SINCE[since][0]) if since else tr("no change")
    size = shown(abs(delta))
    if delta > 0:
        words = tr(SINCE[since][1], amount=size) if since else tr("up {amount}", amount=size)
    else:
        words = tr(SINCE[since][2], amount=size) if since else tr("down {amount}", amount=size)
    if gain is not None:
        if abs(gain) < 0.005:  # a score moves by fractions: judge the raw gain, not a number rounded for show
            words = tr("{move}, no effect on your score", move=words)
        elif gain > 0:
            words = tr("{move}, better for you", move=words)
        else:
            words = tr("{move}, worse for you", move=words)
    return words


#: How a move is said with what it is measured since: no change, up, down.
SINCE = {
    "start": (
        N_("no change since the start"),
        N_("up {amount} since the start"),
        N_("down {amount} since the start"),
    ),
    "last": (
        N_("no change since last turn"),
        N_("up {amount} since last turn"),
        N_("down {amount} since last turn"),
    ),
    "turn": (N_("no change this turn"), N_("up {amount} this turn"), N_("down {amount} this turn")),
}


def _as_number(text: str) -> float:
    """A number as :mod:`game.present.words` wrote it, read back (its grouping separators left out)."""
    return float(text.replace(",", "").replace("\u2212", "-"))


def shown_change(before: float, after: float, shown: Callable[[float], str] = num) -> float:
    """The change between two values as shown, so that ``39.2 -> 42.6`` (shown ``39 -> 43``) reads as ``up 4``."""
    return _as_number(shown(after)) - _as_number(shown(before))


def indicator_lines(seat: SeatView) -> list[str]:
    """Every indicator of a seat's view with its value, its change since the values the seat compares with (and
    whether that is better or worse for this seat) and its range."""
    when = "start" if seat.turn == 1 else "last"
    out = [tr("Indicators:")]
    for ind in seat.indicators:
        change = movement(shown_change(ind.before, ind.value), gain=ind.gain, since=when)
        text = tr(
            "{label}: {value} ({change}; range {low} to {high})",
            label=ind.label,
            value=num(ind.value),
            change=change,
            low=num(ind.low),
            high=num(ind.high),
        )
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
        return [tr("News: a quiet turn, no news.")]
    chosen = {n.id: n.detail for n in seat.news if n.turn == turn and n.kind is NewsKind.CHOICE}
    changes = [c for c in seat.history if c.turn == turn]
    out = [tr("News:")]
    for event_id in fired:
        event = game.scenario.event(event_id)
        out += wrap(say(game, event.title), indent="- ", hanging="  ")
        if event_id in asked:
            out.append("  " + tr("You are asked to decide on this below."))
        else:
            out += wrap(say(game, event.text), indent="  ")
            if event.choices and event.role:
                decider = role_name(game, event.role)
                if event_id in chosen:
                    label = next(
                        (say(game, c.label) for c in event.choices if c.id == chosen[event_id]), chosen[event_id]
                    )
                    out += wrap(tr("{name} chose: {choice}.", name=decider, choice=label), indent="  ", hanging="    ")
                else:
                    out += wrap(tr("{name} decides.", name=decider), indent="  ", hanging="    ")
        for change in visible(game, changes):
            if change.cause is Cause.EVENT and change.cause_id == event_id and not change.fell_due:
                out += wrap(tr("Effect: {change}", change=change_summary(game, change)), indent="  ", hanging="    ")
    return out


def change_summary(game: Game, change: Change) -> str:
    """``Relations 50 -> 47``."""
    return f"{indicator_label(game, change.indicator)} {num(change.before)} -> {num(change.after)}"


def choice_lines(game: Game, event: Event) -> list[str]:
    """An event that asks the player to decide, with each numbered choice and its forecast."""
    out = wrap(tr("Decision needed: {title}", title=say(game, event.title)))
    out += wrap(say(game, event.text), indent="  ")
    for number, choice in enumerate(event.choices, 1):
        out += wrap(f"{number}. {say(game, choice.label)}", indent="  ", hanging="     ")
        if choice.description:
            out += wrap(say(game, choice.description), indent="     ")
        if choice.contested:
            out += wrap(tr("Note on this rule: {text}", text=say(game, choice.contested)), indent="     ")
        forecast = game.forecast_choice(event.id, choice.id)
        out += wrap(tr("Forecast: {forecast}", forecast=forecast_text(game, forecast.items)), indent="     ")
    return out


# --------------------------------------------------------------------- the action menu


def menu_lines(game: Game, seat: SeatView) -> list[str]:
    """The numbered action menu of a seat, grouped by family, with cost and a one-line forecast or the reason it is
    closed (the seat's view lists the actions in menu order)."""
    out = [tr("Your actions this turn (capital left: {capital}):", capital=num(seat.capital))]
    family = None
    for number, action in enumerate(seat.actions, 1):
        if action.family != family:
            family = action.family
            out += wrap(tr("{family}:", family=family_label(game, family)), hanging="  ")
        values = {"number": number, "action": action.label, "cost": num(action.cost)}
        if action.status == "committed":
            forecast = forecast_text(game, action.forecast.items)
            text = tr("{number}. {action} (cost {cost}), COMMITTED: {forecast}", forecast=forecast, **values)
        elif action.status == "available":
            forecast = forecast_text(game, action.forecast.items)
            text = tr("{number}. {action} (cost {cost}): {forecast}", forecast=forecast, **values)
        else:
            text = tr("{number}. {action} (cost {cost}), unavailable: {reason}", reason=action.status, **values)
        out += wrap(text, indent="  ", hanging="      ")
    labels = {a.id: a.label for a in seat.actions}
    committed = [labels.get(a, a) for a in seat.committed]
    text = tr("Committed: {actions}.", actions="; ".join(committed)) if committed else tr("Committed: nothing yet.")
    out += wrap(text, hanging="  ")
    return out


def detail_lines(game: Game, number: int, action: ActionView) -> list[str]:
    """Everything about one action of a seat's view: description, cost, cooldown, forecast now and later, status,
    sources."""
    rule = game.scenario.action(action.id)
    forecast = action.forecast
    out = wrap(
        tr(
            "Details of {number}. {action} ({family})",
            number=number,
            action=action.label,
            family=family_label(game, action.family),
        )
    )
    if rule.cooldown:
        cost = tr_n(
            "Cost: {cost} capital. Cooldown: {n} turn after use.",
            "Cost: {cost} capital. Cooldown: {n} turns after use.",
            rule.cooldown,
            cost=num(action.cost),
        )
    else:
        cost = tr("Cost: {cost} capital.", cost=num(action.cost))
    out += wrap(cost, indent="  ", hanging="    ")
    out += wrap(say(game, rule.description), indent="  ")
    if rule.contested:
        out += wrap(tr("Note on this rule: {text}", text=say(game, rule.contested)), indent="  ", hanging="    ")
    out += wrap(
        tr("Expected now: {forecast}", forecast=forecast_text(game, forecast.immediate)), indent="  ", hanging="    "
    )
    if forecast.delayed:
        out += wrap(
            tr("Expected later: {forecast}", forecast=forecast_text(game, forecast.delayed)),
            indent="  ",
            hanging="    ",
        )
    out += wrap(tr("(Forecasts leave out trends and the other side's moves.)"), indent="  ", hanging="   ")
    if action.status == "available":
        status = tr("Status: available.")
    elif action.status == "committed":
        status = tr("Status: committed.")
    else:
        status = tr("Status: unavailable, {reason}.", reason=action.status)
    out += wrap(status, indent="  ", hanging="    ")
    if rule.sources:
        credits = [source_credit(game.scenario.source(s)) for s in rule.sources]
        out += wrap(tr("Sources: {sources}", sources="; ".join(credits)), indent="  ", hanging="    ")
    return out


# --------------------------------------------------------------------- after a turn
def cause_text(game: Game, change: Change) -> str:
    """Why a change happened: ``Regular meetings (action by United States)``."""
    kind = CAUSE_NAMES.get(change.cause, change.cause)
    who = role_name(game, change.role) if change.role else tr("nobody")
    return tr("{cause} ({kind})", cause=present.cause_text(game, change), kind=tr(kind, role=who))


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
    out = [tr("--- Review of turn {turn} ({date}) ---", turn=turn, date=date_of(game, turn))]
    for role in game.scenario.roles:
        who = tr("You") if role.id == human else say(game, role.name)
        done = decisions(game, role.id, turn)
        text = (
            tr("{who}: {decisions}.", who=who, decisions="; ".join(done)) if done else tr("{who}: no action.", who=who)
        )
        out += wrap(text, hanging="  ")
    if talks:
        out += ["", *talks]
    if full:
        out += ["", tr("What changed and why:")]
        out += change_lines(game, game.changes_in_turn(turn), judge)
    else:
        out += ["", tr("What mattered most:")]
        out += mattered_lines(game, condense(game.scenario, game.changes_in_turn(turn)), judge)
    failed = turn_failures(game.state.errors, turn)
    if failed:
        out += ["", tr("Rules of the scenario that failed this turn (tell the scenario's author):")]
        out += [line for text in failed for line in wrap(text, indent="  ", hanging="    ")]
    if score_before is not None and score_after is not None:
        change = movement(shown_change(score_before, score_after, score), shown=score, since="turn")
        out += ["", tr("Your score: {score} ({change}).", score=score(score_after), change=change)]
    return out


def change_lines(game: Game, changes: Sequence[Change], judge: Judge | None = None) -> list[str]:
    """Changes grouped by indicator (scenario order): ``before -> after`` (better or worse for the reader, when
    ``judge`` is given) then one line per cause."""
    if not changes:
        return ["  " + tr("Nothing changed.")]
    out = []
    scenario = game.scenario
    for ind in (*scenario.shown_indicators, *(scenario.indicator(name) for name in scenario.trust_names())):
        mine = [c for c in changes if c.indicator == ind.id]
        if not mine:
            continue
        first, last = mine[0].before, mine[-1].after
        moved = movement(shown_change(first, last), gain=None if judge is None else judge(ind.id, first, last))
        head = tr(
            "{label}: {before} -> {after} ({move})",
            label=say(game, ind.label),
            before=num(first),
            after=num(last),
            move=moved,
        )
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
        head = tr(
            "{label}: {before} -> {after} ({move})",
            label=indicator_label(game, move.indicator),
            before=num(move.before),
            after=num(move.after),
            move=moved,
        )
        out += wrap(head, indent="  ", hanging="    ")
        for share in move.causes:
            out += wrap(f"{signed(share.delta)}: {cause_text(game, share.first)}", indent="    ", hanging="      ")
        if move.more_causes:
            out.append("    " + tr_n("and {n} smaller cause", "and {n} smaller causes", move.more_causes))
    if not condensed.total:
        return ["  " + tr("Nothing changed.")]
    if not condensed.moves:
        out.append("  " + tr("No indicator moved by a whole point."))
    left_out = left_out_words(condensed)
    if left_out:
        out += wrap(tr("Left out: {what}. Type f below for the full list.", what=left_out), indent="  ", hanging="    ")
    return out


def review_complete(game: Game, turn: int) -> bool:
    """Whether the condensed review of ``turn`` tells every change (then the full list would add nothing)."""
    return condense(game.scenario, game.changes_in_turn(turn)).complete


# --------------------------------------------------------------------- the end
def ending_lines(game: Game, outcome: Outcome) -> list[str]:
    """``Ending: <title>``, its text, whether it ended early, and every role's score."""
    ending = game.scenario.ending(outcome.ending)
    when = tr("{sentence}.", sentence=how_it_ended(outcome, game.scenario.turns))
    out = [
        tr("=== Game over ==="),
        *wrap(when),
        "",
        *wrap(tr("Ending: {title}", title=say(game, ending.title)), hanging="  "),
    ]
    out += wrap(say(game, ending.text))
    out.append("")
    for role in game.scenario.roles:
        text = tr("Score - {name}: {score}", name=say(game, role.name), score=score(outcome.scores.get(role.id, 0.0)))
        out += wrap(text, hanging="  ")
    return out


def recap_lines(game: Game, human: str) -> list[str]:
    """Your key decisions turn by turn, and how far your own decisions moved each indicator in total."""
    out = [tr("Your key decisions:")]
    last = game.outcome.turn if game.outcome else game.turn
    for turn in range(1, last + 1):
        done = decisions(game, human, turn)
        values = {"turn": turn, "date": date_of(game, turn)}
        if done:
            text = tr("Turn {turn} ({date}): {decisions}.", decisions="; ".join(done), **values)
        else:
            text = tr("Turn {turn} ({date}): no action.", **values)
        out += wrap(text, indent="  ", hanging="    ")
    totals: dict[str, float] = {}
    for change in game.history:
        if change.role == human:
            totals[change.indicator] = totals.get(change.indicator, 0.0) + change.delta
    moved = [
        tr("{label} {change}", label=say(game, ind.label), change=signed(totals[ind.id]))
        for ind in game.scenario.shown_indicators
        if num(totals.get(ind.id, 0.0)) != "0"
    ]
    if moved:
        out += wrap(tr("Your decisions moved, in total: {moves}.", moves=", ".join(moved)), hanging="  ")
    return out
