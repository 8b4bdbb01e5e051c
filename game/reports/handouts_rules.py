"""The rules sheet: how the game works, on one page, for students (the scenario's numbers filled in)."""

from __future__ import annotations

from game.engine import Game, Scenario
from game.i18n import tr, tr_n
from game.i18n.formats import number, turn_date, turn_end_date
from game.reports.document import Block, Document, Entry, Heading, Items, Para
from game.reports.handouts_cards import say

#: The longest name the sheet repeats (a role, an ending): longer ones are cut, so the sheet stays one page.
LONGEST = 70


def short(text: str, longest: int = LONGEST) -> str:
    """``text``, cut to ``longest`` characters with an ellipsis when longer."""
    return text if len(text) <= longest else text[: longest - 1].rstrip() + "…"


def rules_sheet(game: Game) -> Document:
    """The one-page rules sheet of the game's scenario."""
    scenario = game.scenario
    title = say(game, scenario.title)
    calendar = scenario.calendar
    blocks: list[Block] = [
        Para(
            tr("Each side is played by a team.") + " "
            + tr("The game lasts {turns} of {months} each ({first} to {last}).",
                 turns=tr_n("{n} turn", "{n} turns", scenario.turns),
                 months=tr_n("{n} month", "{n} months", calendar.months_per_turn),
                 first=turn_date(calendar, 1), last=turn_end_date(calendar, scenario.turns))
            + " " + tr("Every number on the board moves for a reason you can see."),
            "lead",
        ),
        Heading(tr("How a turn works")),
        Items(turn_steps(scenario), numbered=True),
        Heading(tr("Political capital")),
        Para(
            tr("Every action costs capital; each side gets its own amount each turn. {sides}.",
               sides="; ".join(_capital(game, r.id) for r in scenario.roles))
        ),
        Heading(tr("Effects: now, later, or spread out")),
        Para(
            tr("Most effects apply at the end of the turn. Some come later (a delayed effect) and some are spread "
               "over several turns, so a choice can pay off, or cost you, well after you made it. Each number stays "
               "within its range. Trends that run by themselves every turn couple the numbers: a move on one can "
               "drag another. Before you commit, the game forecasts what an action will do.")
        ),
    ]  # fmt: skip
    blocks += _negotiation(scenario)
    blocks += [Heading(tr("How the game ends")), Para(endings(game))]
    blocks += [
        Heading(tr("Scores")),
        Para(tr("Each side has private objectives, printed on its role card: they decide its score. The scores of "
                "different sides are never compared (a higher number does not mean that side won), because each "
                "side is scored on different things. At the end, each score is read against its own side's usual "
                "range: below, within or above what good play usually gets on that side. Both sides can do well.")),
    ]  # fmt: skip
    return Document(
        name="rules",
        title=tr("How to play"),
        kicker=tr("Rules sheet · {scenario}", scenario=title),
        kind=tr("Rules sheet"),
        blocks=tuple(blocks),
        one_page=True,
        footer=tr("{scenario} · rules sheet", scenario=title),
    )


def turn_steps(scenario: Scenario) -> tuple[Entry, ...]:
    """The parts of a turn, in order."""
    talks = scenario.negotiation is not None and len(scenario.roles) > 1
    steps = [
        Entry(
            tr("Events happen: some scripted, some by chance. Some news asks one side to choose an answer."),
            lead=tr("News."),
        ),
        Entry(
            tr(
                "Each side spends its political capital on actions. You may commit several, or change your mind "
                "until you end your part of the turn."
            ),
            lead=tr("Actions."),
        ),
    ]
    if talks:
        steps.append(
            Entry(
                tr(
                    "In the same part of the turn, sides send proposals (what you give for what you ask); "
                    "the other side accepts, refuses or makes a counter-proposal."
                ),
                lead=tr("Negotiation."),
            )
        )
    steps += [
        Entry(
            tr("All committed actions take effect together, then earlier delayed effects fall due, then the trends "
               "run."),
            lead=tr("Resolution."),
        ),
        Entry(tr("The game shows what changed and why: every change names its cause."), lead=tr("Review.")),
    ]  # fmt: skip
    return tuple(steps)


def _capital(game: Game, role_id: str) -> str:
    role = game.scenario.role(role_id)
    name = short(say(game, role.name))
    if role.capital_max > role.capital:
        return tr("{side}: {capital} a turn, unspent capital saved up to {most}", side=name,
                  capital=number(role.capital), most=number(role.capital_max))  # fmt: skip
    return tr("{side}: {capital} a turn", side=name, capital=number(role.capital))


def _negotiation(scenario: Scenario) -> list[Block]:
    table = scenario.negotiation
    if table is None or len(scenario.roles) < 2:
        return []
    return [
        Heading(tr("Negotiation and trust")),
        Para(tr("A proposal bundles what you give and what you ask; it costs no capital. An accepted proposal becomes "
                "an agreement, carried out over the next turns. Each item carried out in full raises trust; breaking "
                "an agreement cuts it at once and has other costs. Trust between the sides is one of the numbers on "
                "the board. A computer side is readier to deal the more it trusts you, but never takes a deal that "
                "costs it more than it brings.")),
    ]  # fmt: skip


def endings(game: Game) -> str:
    """How a game ends, in a few sentences naming the endings."""
    scenario = game.scenario
    early = [short(say(game, e.title)) for e in scenario.endings if e.early]
    final = [short(say(game, e.title)) for e in scenario.endings if not e.early]
    turn = number(scenario.turns)
    if final:
        out = tr("After turn {turn} the game ends with the best ending the state of the numbers allows: {endings} "
                 "(best first).", turn=turn, endings=", ".join(final))  # fmt: skip
    else:
        out = tr("After turn {turn} the game ends with the best ending the state of the numbers allows.", turn=turn)
    if early:
        out += " " + tr("It can also end early, after any turn, if things collapse: {endings}.",
                        endings=", ".join(early))  # fmt: skip
    return out
