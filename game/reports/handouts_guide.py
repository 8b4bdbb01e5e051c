"""The facilitator guide: the scenario at a glance, a plan for a 50-minute lesson, the scripted news turn by turn,
the events a teacher can inject, discussion questions with notes, a glossary, the numbers on the board, each side's
objectives, the model's contested assumptions and the sources."""

from __future__ import annotations

from game.engine import Event, Game, Lesson, Question, Timing
from game.i18n import N_, tr, tr_n
from game.i18n.formats import number, turn_date, turn_end_date
from game.present import num, source_credit
from game.present.notes import disputed, time_span
from game.present.reference import NOT_COMPARED, players, span_note
from game.reports.document import Block, Document, Entry, Heading, Items, Para, Table
from game.reports.handouts_cards import say

#: The plan of a 50-minute lesson when the scenario suggests none: (minutes, activity).
DEFAULT_PLAN = (
    (
        5,
        N_("Set up: form the teams, hand out the role cards and the rules sheet; each team reads its card in private."),
    ),
    (5, N_("Walk through one turn together on the projector: news, actions, negotiation, resolution, review.")),
    (25, N_("Play: one turn every few minutes; the facilitator keeps time and may inject an event.")),
    (15, N_("Debrief: the ending, each side's score against its own range, then the discussion questions.")),
)


def guide(game: Game) -> Document:
    """The facilitator guide of the game's scenario."""
    scenario = game.scenario
    title = say(game, scenario.title)
    lesson = scenario.lesson
    blocks: list[Block] = [Para(say(game, scenario.description), "lead")]
    blocks += overview(game, lesson)
    blocks += plan(game, lesson)
    blocks += scripted(game)
    blocks += injectable(game)
    blocks += questions(game, lesson)
    blocks += glossary(game, lesson)
    blocks += indicators(game)
    blocks += objectives(game)
    blocks += contested(game)
    blocks += sources(game)
    return Document(
        name="guide",
        title=tr("Facilitator guide"),
        kicker=tr("For the teacher · {scenario}", scenario=title),
        blocks=tuple(blocks),
        footer=tr("{scenario} · facilitator guide", scenario=title),
    )


def overview(game: Game, lesson: Lesson | None) -> list[Block]:
    """Length, what is history, the sides, and the learning objectives."""
    scenario = game.scenario
    calendar = scenario.calendar
    facts = [
        tr("{turns} of {months} each, from {first} to {last}.", turns=tr_n("{n} turn", "{n} turns", scenario.turns),
           months=tr_n("{n} month", "{n} months", calendar.months_per_turn), first=turn_date(calendar, 1),
           last=turn_end_date(calendar, scenario.turns)),
        tr("Sides: {sides}.", sides=", ".join(say(game, r.name) for r in scenario.roles)),
    ]  # fmt: skip
    span = time_span(scenario, game.lang)
    if span:
        facts.append(span)
    out: list[Block] = [Heading(tr("At a glance")), Items(tuple(Entry(fact) for fact in facts))]
    if lesson is not None and lesson.objectives:
        out += [Heading(tr("Learning objectives"), 3), Items(tuple(Entry(say(game, o)) for o in lesson.objectives))]
    return out


def plan(game: Game, lesson: Lesson | None) -> list[Block]:
    """A suggested lesson plan: the scenario's own timings, or a sensible 50-minute default."""
    timings: tuple[Timing, ...] = lesson.timings if lesson is not None else ()
    if timings:
        minutes = [(t.minutes, say(game, t.activity)) for t in timings]
        note = tr("The plan the scenario suggests.")
    else:
        minutes = [(length, tr(activity)) for length, activity in DEFAULT_PLAN]
        note = tr(
            "A general plan (the scenario suggests none). At two to three minutes a turn once the class knows the "
            "rules, 25 minutes of play is about 8 to 12 turns: choose a shorter game when the scenario offers one."
        )
    total = sum(int(length) for length, _ in minutes)
    rows = [(number(length), activity) for length, activity in minutes]
    rows.append((number(total), tr("In all")))
    return [
        Heading(tr("A plan for a {minutes}-minute lesson", minutes=number(total))),
        Para(note, "note"),
        Table((tr("Minutes"), tr("Activity")), tuple(rows), (0.14, 0.86)),
    ]


def _who(game: Game, event: Event) -> str:
    if not event.choices:
        return ""
    choices = " / ".join(say(game, c.label) for c in event.choices)
    if not event.role:
        return tr("Asks the side it concerns to choose: {choices}.", choices=choices)
    return tr("Asks {side} to choose: {choices}.", side=say(game, game.scenario.role(event.role).name), choices=choices)


def scripted(game: Game) -> list[Block]:
    """The scripted news, turn by turn."""
    scenario = game.scenario
    timed = sorted((e for e in scenario.events if e.at_turn is not None), key=lambda e: e.at_turn or 0)
    out: list[Block] = [Heading(tr("Scripted news, turn by turn"))]
    if not timed:
        return [*out, Para(tr("This scenario scripts no news: every event comes by chance (or when you inject it)."))]
    rows = []
    for event in timed:
        turn = event.at_turn or 0
        lines = [say(game, event.text)]
        if event.condition is not None:
            lines.append(tr("Only if the situation then allows it."))
        lines.append(_who(game, event))
        rows.append((f"{number(turn)}\n{turn_date(scenario.calendar, turn)}", say(game, event.title),
                     "\n".join(line for line in lines if line)))  # fmt: skip
    out.append(Table((tr("Turn"), tr("Event"), tr("What it says")), tuple(rows), (0.12, 0.26, 0.62), strong=2))
    return out


def injectable(game: Game) -> list[Block]:
    """Every event of the scenario, which the teacher may fire at the next news."""
    scenario = game.scenario
    out: list[Block] = [
        Heading(tr("Events you can inject")),
        Para(
            tr(
                "From the teacher's console you can fire any of these at the next news, to steer the game or to "
                "make a point for the discussion."
            ),
            "note",
        ),
    ]
    if not scenario.events:
        return [*out, Para(tr("This scenario has no events."))]
    entries = []
    for event in scenario.events:
        if event.at_turn is not None:
            when = tr("Scripted for turn {turn} ({date}).", turn=number(event.at_turn),
                      date=turn_date(scenario.calendar, event.at_turn))  # fmt: skip
        else:
            last = event.last_turn if event.last_turn is not None else scenario.turns
            when = tr("Can come by chance in turns {first} to {last}.", first=number(event.first_turn),
                      last=number(last))  # fmt: skip
        detail = tuple(line for line in (when, _who(game, event)) if line)
        entries.append(Entry(say(game, event.text), lead=tr("{name}:", name=say(game, event.title)), detail=detail))
    out.append(Items(tuple(entries)))
    return out


#: Questions for any scenario, when its lesson section has none: (question, notes).
DEFAULT_QUESTIONS = (
    (N_("Which of your decisions moved the numbers most, and was it worth what it cost?"),
     N_("Ask teams to point at the review's causes: every change names the action, answer, agreement or trend "
        "behind it.")),
    (N_("Where did your side's objectives and the other side's overlap, and where did they clash?"),
     N_("The objectives become public at the end: compare them with what each team guessed during the game.")),
    (N_("What made an agreement possible, or kept one from being made?"),
     N_("Trust, timing and what each side had to give up at home.")),
    (N_("Which ending did your table reach, and which turning point decided it?"),
     N_("Compare tables: the same rules can lead to different endings.")),
    (N_("Which rule of the model would you change, and why?"),
     N_("Start from the contested assumptions listed in this guide: people disagree about them in real life too.")),
)  # fmt: skip


def questions(game: Game, lesson: Lesson | None) -> list[Block]:
    """Discussion questions with notes: general ones, then those for a given ending."""
    out: list[Block] = [Heading(tr("Discussion questions"))]
    asked: tuple[Question, ...] = lesson.questions if lesson is not None else ()
    if not asked:
        out.append(Para(tr("General questions (the scenario's lesson section suggests none of its own)."), "note"))
        entries = tuple(Entry(tr(q), detail=(tr("Notes: {notes}", notes=tr(n)),)) for q, n in DEFAULT_QUESTIONS)
        return [*out, Items(entries, numbered=True)]
    general = [q for q in asked if not q.ending]
    if general:
        out.append(Items(tuple(_question(game, q) for q in general), numbered=True))
    for ending in game.scenario.endings:
        after = [q for q in asked if q.ending == ending.id]
        if after:
            out.append(Heading(tr("After the ending {ending}", ending=say(game, ending.title)), 3))
            out.append(Items(tuple(_question(game, q) for q in after), numbered=True))
    return out


def _question(game: Game, question: Question) -> Entry:
    notes = say(game, question.notes)
    return Entry(say(game, question.text), detail=(tr("Notes: {notes}", notes=notes),) if notes else ())


def credits(game: Game, ids: tuple[str, ...]) -> str:
    """The sources named by ``ids``, credited: ``Title (Publisher, 2023); ...`` (an unknown id as it is)."""
    known = {s.id: s for s in game.scenario.sources}
    return "; ".join(source_credit(known[i]) if i in known else i for i in ids)


def glossary(game: Game, lesson: Lesson | None) -> list[Block]:
    """The lesson's glossary terms, with their sources."""
    terms = lesson.glossary if lesson is not None else ()
    if not terms:
        return []
    entries = tuple(
        Entry(say(game, t.meaning), lead=tr("{name}:", name=say(game, t.term)),
              detail=(tr("Sources: {sources}", sources=credits(game, t.sources)),) if t.sources else ())
        for t in terms
    )  # fmt: skip
    return [Heading(tr("Glossary")), Items(entries)]


def indicators(game: Game) -> list[Block]:
    """The numbers on the board: what each means, its range and where it starts."""
    rows = tuple(
        (
            say(game, i.label),
            say(game, i.description),
            tr("{low} to {high}", low=num(i.min), high=num(i.max)),
            num(i.initial),
        )
        for i in game.scenario.indicators
        if not i.hidden
    )
    return [
        Heading(tr("The numbers on the board")),
        Table(
            (tr("Indicator"), tr("What it means"), tr("Range"), tr("Start")), rows, (0.24, 0.52, 0.14, 0.1), strong=1
        ),
    ]


def objectives(game: Game) -> list[Block]:
    """Each side's private objectives and its usual range of scores."""
    reference = game.scenario.score_reference
    entries = []
    for role in game.scenario.roles:
        bounds = reference.roles.get(role.id) if reference is not None else None
        detail: tuple[str, ...] = ()
        if reference is not None and bounds is not None:
            detail = (tr("Usual range of final scores ({players} on every side): {span}.", players=players(reference),
                         span=span_note(bounds)),)  # fmt: skip
        entries.append(Entry(say(game, role.objectives), lead=tr("{name}:", name=say(game, role.name)), detail=detail))
    return [
        Heading(tr("What each side's score rewards")),
        Para(tr("Private to each side until the end of the game.") + " " + tr(NOT_COMPARED), "note"),
        Items(tuple(entries)),
    ]


def contested(game: Game) -> list[Block]:
    """The rules of the model that people dispute, and by whom."""
    found = disputed(game.scenario, game.lang)
    out: list[Block] = [Heading(tr("The model's contested assumptions"))]
    if not found:
        return [*out, Para(tr("The scenario marks no rule of its model as disputed. Every model simplifies: ask the "
                              "class which rules they would question."))]  # fmt: skip
    out.append(Para(tr("Rules of the model that people disagree on: worth raising in the discussion. The numbers are "
                       "a simplified model meant for discussion, not measurements."), "note"))  # fmt: skip
    entries = tuple(Entry(item.note, lead=_contested_lead(item.kind, item.owner, item.name)) for item in found)
    return [*out, Items(entries)]


def sources(game: Game) -> list[Block]:
    """The scenario's sources, credited."""
    if not game.scenario.sources:
        return []
    entries = tuple(
        Entry(source_credit(s), detail=tuple(part for part in (s.url, say(game, s.note)) if part))
        for s in game.scenario.sources
    )
    return [Heading(tr("Sources")), Items(entries)]


def _contested_lead(kind: str, owner: str, name: str) -> str:
    """``Action (United States): Visa sanctions.``: what kind of rule is disputed, whose, and its name."""
    kind = kind[:1].upper() + kind[1:]
    if owner:
        return tr("{kind} ({owner}): {name}.", kind=kind, owner=owner, name=name.rstrip("."))
    return tr("{kind}: {name}.", kind=kind, name=name.rstrip("."))
