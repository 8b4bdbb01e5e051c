"""The facilitator guide: the scenario at a glance, a plan for a 50-minute lesson, the scripted news turn by turn,
the events a teacher can inject, discussion questions with notes, a glossary, the numbers on the board, each side's
objectives, the model's contested assumptions and the sources."""

from __future__ import annotations

from game.engine import Event, Game, Lesson, Question, Timing
from game.present import num, plural, source_credit
from game.present.notes import disputed, time_span
from game.present.reference import NOT_COMPARED, players, span_note
from game.reports.document import Block, Document, Entry, Heading, Items, Para, Table
from game.reports.handouts_cards import say

#: The plan of a 50-minute lesson when the scenario suggests none: (minutes, activity).
DEFAULT_PLAN = (
    (5, "Set up: form the teams, hand out the role cards and the rules sheet; each team reads its card in private."),
    (5, "Walk through one turn together on the projector: news, actions, negotiation, resolution, review."),
    (25, "Play: one turn every few minutes; the facilitator keeps time and may inject an event."),
    (15, "Debrief: the ending, each side's score against its own range, then the discussion questions."),
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
        title="Facilitator guide",
        kicker=f"For the teacher · {title}",
        blocks=tuple(blocks),
        footer=f"{title} · facilitator guide",
    )


def overview(game: Game, lesson: Lesson | None) -> list[Block]:
    """Length, what is history, the sides, and the learning objectives."""
    scenario = game.scenario
    calendar = scenario.calendar
    facts = [
        f"{plural(scenario.turns, 'turn')} of {plural(calendar.months_per_turn, 'month')} each, from "
        f"{calendar.label(1)} to {calendar.end_label(scenario.turns)}.",
        "Sides: " + ", ".join(say(game, r.name) for r in scenario.roles) + ".",
    ]
    span = time_span(scenario, game.lang)
    if span:
        facts.append(span)
    out: list[Block] = [Heading("At a glance"), Items(tuple(Entry(fact) for fact in facts))]
    if lesson is not None and lesson.objectives:
        out += [Heading("Learning objectives", 3), Items(tuple(Entry(say(game, o)) for o in lesson.objectives))]
    return out


def plan(game: Game, lesson: Lesson | None) -> list[Block]:
    """A suggested lesson plan: the scenario's own timings, or a sensible 50-minute default."""
    timings: tuple[Timing, ...] = lesson.timings if lesson is not None else ()
    if timings:
        rows = [(str(t.minutes), say(game, t.activity)) for t in timings]
        note = "The plan the scenario suggests."
    else:
        rows = [(str(minutes), activity) for minutes, activity in DEFAULT_PLAN]
        note = (
            "A general plan (the scenario suggests none). At two to three minutes a turn once the class knows the "
            "rules, 25 minutes of play is about 8 to 12 turns: choose a shorter game when the scenario offers one."
        )
    total = sum(int(minutes) for minutes, _ in rows)
    rows.append((str(total), "In all"))
    return [
        Heading(f"A plan for a {total}-minute lesson"),
        Para(note, "note"),
        Table(("Minutes", "Activity"), tuple(rows), (0.14, 0.86)),
    ]


def _who(game: Game, event: Event) -> str:
    if not event.choices:
        return ""
    asked = say(game, game.scenario.role(event.role).name) if event.role else "the side it concerns"
    return f"Asks {asked} to choose: " + " / ".join(say(game, c.label) for c in event.choices) + "."


def scripted(game: Game) -> list[Block]:
    """The scripted news, turn by turn."""
    scenario = game.scenario
    timed = sorted((e for e in scenario.events if e.at_turn is not None), key=lambda e: e.at_turn or 0)
    out: list[Block] = [Heading("Scripted news, turn by turn")]
    if not timed:
        return [*out, Para("This scenario scripts no news: every event comes by chance (or when you inject it).")]
    rows = []
    for event in timed:
        turn = event.at_turn or 0
        lines = [say(game, event.text)]
        if event.condition is not None:
            lines.append("Only if the situation then allows it.")
        lines.append(_who(game, event))
        rows.append((f"{turn}\n{scenario.calendar.label(turn)}", say(game, event.title),
                     "\n".join(line for line in lines if line)))  # fmt: skip
    out.append(Table(("Turn", "Event", "What it says"), tuple(rows), (0.12, 0.26, 0.62), strong=2))
    return out


def injectable(game: Game) -> list[Block]:
    """Every event of the scenario, which the teacher may fire at the next news."""
    scenario = game.scenario
    out: list[Block] = [
        Heading("Events you can inject"),
        Para(
            "From the teacher's console you can fire any of these at the next news, to steer the game or to "
            "make a point for the discussion.",
            "note",
        ),
    ]
    if not scenario.events:
        return [*out, Para("This scenario has no events.")]
    entries = []
    for event in scenario.events:
        if event.at_turn is not None:
            when = f"Scripted for turn {event.at_turn} ({scenario.calendar.label(event.at_turn)})."
        else:
            last = event.last_turn if event.last_turn is not None else scenario.turns
            when = f"Can come by chance in turns {event.first_turn} to {last}."
        detail = tuple(line for line in (when, _who(game, event)) if line)
        entries.append(Entry(say(game, event.text), lead=say(game, event.title) + ":", detail=detail))
    out.append(Items(tuple(entries)))
    return out


#: Questions for any scenario, when its lesson section has none: (question, notes).
DEFAULT_QUESTIONS = (
    ("Which of your decisions moved the numbers most, and was it worth what it cost?",
     "Ask teams to point at the review's causes: every change names the action, answer, agreement or trend behind "
     "it."),
    ("Where did your side's objectives and the other side's overlap, and where did they clash?",
     "The objectives become public at the end: compare them with what each team guessed during the game."),
    ("What made an agreement possible, or kept one from being made?",
     "Trust, timing and what each side had to give up at home."),
    ("Which ending did your table reach, and which turning point decided it?",
     "Compare tables: the same rules can lead to different endings."),
    ("Which rule of the model would you change, and why?",
     "Start from the contested assumptions listed in this guide: people disagree about them in real life too."),
)  # fmt: skip


def questions(game: Game, lesson: Lesson | None) -> list[Block]:
    """Discussion questions with notes: general ones, then those for a given ending."""
    out: list[Block] = [Heading("Discussion questions")]
    asked: tuple[Question, ...] = lesson.questions if lesson is not None else ()
    if not asked:
        out.append(Para("General questions (the scenario's lesson section suggests none of its own).", "note"))
        entries = tuple(Entry(q, detail=(f"Notes: {n}",)) for q, n in DEFAULT_QUESTIONS)
        return [*out, Items(entries, numbered=True)]
    general = [q for q in asked if not q.ending]
    if general:
        out.append(Items(tuple(_question(game, q) for q in general), numbered=True))
    for ending in game.scenario.endings:
        after = [q for q in asked if q.ending == ending.id]
        if after:
            out.append(Heading(f"After the ending {say(game, ending.title)}", 3))
            out.append(Items(tuple(_question(game, q) for q in after), numbered=True))
    return out


def _question(game: Game, question: Question) -> Entry:
    notes = say(game, question.notes)
    return Entry(say(game, question.text), detail=(f"Notes: {notes}",) if notes else ())


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
        Entry(say(game, t.meaning), lead=say(game, t.term) + ":",
              detail=(f"Sources: {credits(game, t.sources)}",) if t.sources else ())
        for t in terms
    )  # fmt: skip
    return [Heading("Glossary"), Items(entries)]


def indicators(game: Game) -> list[Block]:
    """The numbers on the board: what each means, its range and where it starts."""
    rows = tuple(
        (say(game, i.label), say(game, i.description), f"{num(i.min)} to {num(i.max)}", num(i.initial))
        for i in game.scenario.indicators
        if not i.hidden
    )
    return [
        Heading("The numbers on the board"),
        Table(("Indicator", "What it means", "Range", "Start"), rows, (0.24, 0.52, 0.14, 0.1), strong=1),
    ]


def objectives(game: Game) -> list[Block]:
    """Each side's private objectives and its usual range of scores."""
    reference = game.scenario.score_reference
    entries = []
    for role in game.scenario.roles:
        bounds = reference.roles.get(role.id) if reference is not None else None
        detail: tuple[str, ...] = ()
        if reference is not None and bounds is not None:
            detail = (f"Usual range of final scores ({players(reference)} on every side): {span_note(bounds)}.",)
        entries.append(Entry(say(game, role.objectives), lead=say(game, role.name) + ":", detail=detail))
    return [
        Heading("What each side's score rewards"),
        Para("Private to each side until the end of the game. " + NOT_COMPARED, "note"),
        Items(tuple(entries)),
    ]


def contested(game: Game) -> list[Block]:
    """The rules of the model that people dispute, and by whom."""
    found = disputed(game.scenario, game.lang)
    out: list[Block] = [Heading("The model's contested assumptions")]
    if not found:
        return [*out, Para("The scenario marks no rule of its model as disputed. Every model simplifies: ask the "
                           "class which rules they would question.")]  # fmt: skip
    out.append(Para("Rules of the model that people disagree on: worth raising in the discussion. The numbers are a "
                    "simplified model meant for discussion, not measurements.", "note"))  # fmt: skip
    entries = tuple(
        Entry(item.note, lead=f"{item.kind.capitalize()}{f' ({item.owner})' if item.owner else ''}: "
              f"{item.name.rstrip('.')}.")
        for item in found
    )  # fmt: skip
    return [*out, Items(entries)]


def sources(game: Game) -> list[Block]:
    """The scenario's sources, credited."""
    if not game.scenario.sources:
        return []
    entries = tuple(
        Entry(source_credit(s), detail=tuple(part for part in (s.url, say(game, s.note)) if part))
        for s in game.scenario.sources
    )
    return [Heading("Sources"), Items(entries)]
