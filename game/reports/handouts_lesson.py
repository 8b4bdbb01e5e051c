"""The two sheets a scenario about real events adds from its ``lesson`` section: what actually happened (a
timeline, each entry with its sources) and the main claims in the debate with who makes them."""

from __future__ import annotations

from game.engine import Game
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
            "The game is a model: from some turn on, its news is invented. Here is what really happened, as the "
            "sources listed report it. Compare it with your game.",
            "lead",
        ),
        Table(("When", "What happened", "Sources"), rows, (0.13, 0.55, 0.32), strong=1),
    ]
    return Document(
        name="what-happened",
        title="What actually happened",
        kicker=f"Lesson sheet · {title}",
        kind="Lesson sheet",
        blocks=tuple(blocks),
        footer=f"{title} · what actually happened",
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
        Para("Each of these is a claim someone makes, not a settled fact. Who makes it, and why might they?", "lead"),
        Table(("The claim", "Who makes it", "What others answer", "Sources"), rows, (0.33, 0.17, 0.28, 0.22)),
    ]
    return Document(
        name="claims",
        title="The main claims, and who makes them",
        kicker=f"Lesson sheet · {title}",
        kind="Lesson sheet",
        blocks=tuple(blocks),
        footer=f"{title} · claims and who makes them",
    )
