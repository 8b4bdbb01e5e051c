"""A role card: what one side's players hold in their hands during the game (brief, private objectives, capital,
actions by strategy, what they can give and ask for in a negotiation, the decisions news may ask of them)."""

from __future__ import annotations

from game.engine import Action, Game, Item, Role, Scenario, Text, implementation_effects, localize
from game.i18n import tr, tr_n
from game.i18n.formats import number
from game.present import family_label
from game.present.effects import effect_words
from game.present.reference import players, span_note
from game.reports.document import Block, Document, Entry, Heading, Items, Para, Table


def role_card(game: Game, role: Role) -> Document:
    """The role card of ``role`` (its objectives are private: the card says so)."""
    scenario = game.scenario
    name = say(game, role.name)
    blocks: list[Block] = [Para(say(game, role.brief), "lead")]
    blocks += objectives(game, role)
    blocks += capital(role)
    blocks += actions(game, role)
    blocks += negotiation(game, role)
    blocks += decisions(game, role)
    title = say(game, scenario.title)
    return Document(
        name=f"role-{role.id}",
        title=name,
        kicker=tr("Role card · {scenario}", scenario=title),
        kind=tr("Role card"),
        blocks=tuple(blocks),
        footer=tr("{scenario} · role card: {role} · keep the objectives to your own side", scenario=title, role=name),
    )


def say(game: Game, text: Text | None) -> str:
    """A scenario text in the game's language (``""`` for none)."""
    return localize(text, game.lang) if text else ""


def objectives(game: Game, role: Role) -> list[Block]:
    """The private objectives, and how the score is read."""
    out: list[Block] = [
        Heading(tr("Your private objectives")),
        Para(say(game, role.objectives), "private"),
        Para(tr("This is what your score rewards. Keep it to your own side until the end of the game."), "note"),
    ]
    reference = game.scenario.score_reference
    bounds = reference.roles.get(role.id) if reference is not None else None
    read = tr("Your score is never compared with the other sides' scores (each side is scored on its own "
              "objectives): it is read against your own side's usual range.")  # fmt: skip
    if reference is not None and bounds is not None:
        read += " " + tr("When {players} play every side, yours usually ends at {span}.", players=players(reference),
                         span=span_note(bounds))  # fmt: skip
    out.append(Para(read, "note"))
    return out


def capital(role: Role) -> list[Block]:
    """The political capital a turn, and whether it carries over."""
    if role.capital_max > role.capital:
        gets = tr_n("You get {n} point of political capital each turn; capital you do not spend carries over to the "
                    "next turn, up to {most}.", "You get {n} points of political capital each turn; capital you do "
                    "not spend carries over to the next turn, up to {most}.", role.capital,
                    most=number(role.capital_max))  # fmt: skip
    else:
        gets = tr_n("You get {n} point of political capital each turn; capital you do not spend is lost at the end "
                    "of the turn.", "You get {n} points of political capital each turn; capital you do not spend is "
                    "lost at the end of the turn.", role.capital)  # fmt: skip
    return [
        Heading(tr("Political capital")),
        Para(gets + " " + tr("Every action costs capital; proposals in a negotiation cost none.")),
    ]


def actions(game: Game, role: Role) -> list[Block]:
    """The role's actions grouped by strategy family, each with its cost and what it moves."""
    mine = [a for a in game.scenario.actions if a.role == role.id]
    out: list[Block] = [Heading(tr("Your actions, by strategy"))]
    if not mine:
        return [*out, Para(tr("This side has no actions of its own: it plays through news and negotiation."))]
    out.append(Para(tr("What each action moves is worked out from the rules as things stand at the start of the "
                       "game; trends and the other sides' moves come on top. The game shows the same forecast before "
                       "you commit."), "note"))  # fmt: skip
    for family in _families(game.scenario, mine):
        out.append(Heading(family_label(game, family), 3))
        described = say(game, game.scenario.family(family).description) if _has_family(game.scenario, family) else ""
        if described:
            out.append(Para(described, "note"))
        rows = tuple(_action_row(game, a) for a in mine if a.family == family)
        head = (tr("Action"), tr("What it does"), tr("Cost"), tr("What it moves"))
        out.append(Table(head, rows, (0.2, 0.4, 0.07, 0.33), strong=1))
    return out


def _families(scenario: Scenario, actions: list[Action]) -> list[str]:
    """The families of ``actions`` in the scenario's order (then any others in file order)."""
    used = {a.family for a in actions}
    order = [f.id for f in scenario.families if f.id in used]
    return order + [f for f in dict.fromkeys(a.family for a in actions) if f not in order]


def _has_family(scenario: Scenario, family: str) -> bool:
    return any(f.id == family for f in scenario.families)


def _action_row(game: Game, action: Action) -> tuple[str, str, str, str]:
    lines = [say(game, action.description)]
    if action.cooldown:
        lines.append(tr_n("After use, wait {n} turn before using it again.",
                          "After use, wait {n} turns before using it again.", action.cooldown))  # fmt: skip
    if action.condition is not None:
        lines.append(tr("Open only in some situations (the game says when it is closed)."))
    if action.contested:
        lines.append(tr("Disputed: {why}", why=say(game, action.contested)))
    moves = effect_words(game, action.effects, action.id) or [tr("nothing directly")]
    return say(game, action.label), "\n".join(line for line in lines if line), number(action.cost), "\n".join(moves)


def negotiation(game: Game, role: Role) -> list[Block]:
    """What the role can offer and what it can ask each other side for."""
    table = game.scenario.negotiation
    if table is None or len(game.scenario.roles) < 2:
        return []
    out: list[Block] = [
        Heading(tr("Negotiation")),
        Para(
            tr(
                "A proposal trades what you give for what you ask; the other side accepts, refuses or answers with a "
                "counter-proposal. What is agreed is carried out over the next turns. Keeping your word builds trust; "
                "breaking an agreement costs it."
            )
        ),
    ]
    offered = [i for i in table.items if i.giver == role.id]
    out.append(Heading(tr("You can offer"), 3))
    out.append(Items(tuple(_item_entry(game, i) for i in offered)) if offered else Para(tr("Nothing of your own.")))
    for other in game.scenario.roles:
        asked = [i for i in table.items if i.giver == other.id and other.id != role.id]
        if asked:
            out.append(Heading(tr("You can ask {side} for", side=say(game, other.name)), 3))
            out.append(Items(tuple(_item_entry(game, i) for i in asked)))
    return out


def _item_entry(game: Game, item: Item) -> Entry:
    detail = []
    moves = effect_words(game, implementation_effects(item), item.id)
    if moves:
        detail.append(tr("Moves: {moves}.", moves="; ".join(moves)))
    if item.turns > 1:
        detail.append(tr_n("Carried out over {n} turn.", "Carried out over {n} turns.", item.turns))
    if not item.on_table:
        detail.append(tr("Off the table until news puts it there."))
    elif item.follows is not None:
        earlier = say(game, game.item(item.follows).label)
        detail.append(tr("A later form of {item}: on the table once that has been carried out in full.", item=earlier))
    if item.condition is not None:
        detail.append(tr("On the table only in some situations."))
    if item.contested:
        detail.append(tr("Disputed: {why}", why=say(game, item.contested)))
    return Entry(say(game, item.description), lead=tr("{name}:", name=say(game, item.label)), detail=tuple(detail))


def decisions(game: Game, role: Role) -> list[Block]:
    """The news that asks this role to decide, with the answers it may give."""
    asked = [e for e in game.scenario.events if e.role == role.id and e.choices]
    if not asked:
        return []
    entries = tuple(
        Entry(" / ".join(say(game, c.label) for c in event.choices), lead=tr("{name}:", name=say(game, event.title)))
        for event in asked
    )
    return [
        Heading(tr("News that may ask {side} for a decision", side=say(game, role.name))),
        Para(
            tr("When such news comes, you choose one answer; the game shows what each answer is expected to do."),
            "note",
        ),
        Items(entries),
    ]
