"""The two sheets a scenario about real events adds from its ``lesson`` section: what actually happened (a
timeline, each entry with its sources) and the main claims in the debate with who makes them."""

from __future__ import annotations

from game.engine import Game
from game.i18n import tr
from game.reports.document import Block, Document, Para, Table
from game.reports.handouts_cards import say
from game.reports.handouts_guide import credits


def history_sheet(game: Game) -> Document | None:
    """What actually happened, as the scenario's sources report it (``None`` without a timeline)."""
    lesson = game.scenario.lesson
    if lesson is None or not lesson.timeline:
        return None
    title = say(game, game.scenario.title)
    rows = tuple((h.date, say(game, h.text), credits(game, h.sources)) for h in lesson.timeline)
    blocks: list[Block] = [
        Para(
            tr(
                "The game is a model: from some turn on, its news is invented. Here is what really happened, as the "
                "sources listed report it. Compare it with your game."
            ),
            "lead",
        ),
        Table((tr("When"), tr("What happened"), tr("Sources")), rows, (0.13, 0.55, 0.32), strong=1),
    ]
    return Document(
        name="what-happened",
        title=tr("What actually happened"),
        kicker=tr("Lesson sheet · {scenario}", scenario=title),
        kind=tr("Lesson sheet"),
        blocks=tuple(blocks),
        footer=tr("{scenario} · what actually happened", scenario=title),
    )


def claims_sheet(game: Game) -> Document | None:
    """The main claims and who makes them (``None`` without claims)."""
    lesson = game.scenario.lesson
    if lesson is None or not lesson.claims:
        return None
    title = say(game, game.scenario.title)
    rows = tuple(
        (say(game, c.claim), say(game, c.who), say(game, c.response) or "-", credits(game, c.sources))
        for c in lesson.claims
    )
    blocks: list[Block] = [
        Para(tr("Each of these is a claim someone makes, not a settled fact. Who makes it, and why might they?"),
             "lead"),
        Table((tr("The claim"), tr("Who makes it"), tr("What others answer"), tr("Sources")), rows,
              (0.33, 0.17, 0.28, 0.22)),
    ]  # fmt: skip
    return Document(
        name="claims",
        title=tr("The main claims, and who makes them"),
        kicker=tr("Lesson sheet · {scenario}", scenario=title),
        kind=tr("Lesson sheet"),
        blocks=tuple(blocks),
        footer=tr("{scenario} · claims and who makes them", scenario=title),
    )
