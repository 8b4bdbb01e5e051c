"""Notes for teachers on a scenario: what is history and what is invented, whom each side's score rewards, the
cause-and-effect rules that are disputed (and by whom), and the sources. Plain text lines, for the terminal
(``python main.py notes``) and later the handouts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.engine import Scenario, Text, localize
from game.i18n import N_, tr, tr_n
from game.i18n.formats import turn_date, turn_end_date
from game.present.words import source_credit


@dataclass(frozen=True, slots=True)
class Disputed:
    """One rule of the model marked as contested: what kind it is, its name, and the note."""

    kind: str  # action, answer, negotiation item, current
    name: str
    owner: str  # the role taking it or answering, "" for a current
    note: str


def time_span(scenario: Scenario, lang: str = "en") -> str:
    """Which turns follow the public record and which are a plausible future (or ``""`` when not said)."""
    del lang
    calendar = scenario.calendar
    last = calendar.record_until
    if last is None:
        return ""
    first_date, last_date = turn_date(calendar, 1), turn_end_date(calendar, scenario.turns)
    if last >= scenario.turns:
        return tr(
            "All {turns} turns ({first} to {last}) follow the public record.",
            turns=scenario.turns,
            first=first_date,
            last=last_date,
        )
    return tr(
        "Turns 1 to {record} ({first} to {record_end}) follow the public record; turns {future} to {turns} "
        "({future_start} to {last}) are a plausible future, not history.",
        record=last,
        first=first_date,
        record_end=turn_end_date(calendar, last),
        future=last + 1,
        turns=scenario.turns,
        future_start=turn_date(calendar, last + 1),
        last=last_date,
    )


#: What each kind of disputed rule is called.
KINDS = {
    "action": N_("Action"),
    "answer": N_("Answer"),
    "negotiation item": N_("Negotiation item"),
    "current": N_("Current"),
}


def disputed(scenario: Scenario, lang: str = "en") -> list[Disputed]:
    """Every rule the scenario marks as contested, in file order: actions, answers to events, negotiation items,
    then the currents (the rules that run by themselves every turn)."""
    return list(_disputed(scenario, lang))


def _disputed(scenario: Scenario, lang: str) -> Iterator[Disputed]:
    def say(text: Text | None) -> str:
        return localize(text, lang) if text else ""

    names = {r.id: say(r.name) for r in scenario.roles}
    for action in scenario.actions:
        if action.contested:
            yield Disputed("action", say(action.label), names.get(action.role, action.role), say(action.contested))
    for event in scenario.events:
        for choice in event.choices:
            if choice.contested:
                name = f"{say(event.title)}: {say(choice.label)}"
                yield Disputed("answer", name, names.get(event.role or "", ""), say(choice.contested))
    if scenario.negotiation is not None:
        for item in scenario.negotiation.items:
            if item.contested:
                giver = names.get(item.giver, item.giver)
                kind = "negotiation item"  # i18n: not shown (a key of KINDS)
                yield Disputed(kind, say(item.label), giver, say(item.contested))
    for dynamic in scenario.dynamics:
        if dynamic.contested:
            yield Disputed("current", say(dynamic.description).rstrip("."), "", say(dynamic.contested))


def game_length(scenario: Scenario, last: str) -> str:
    """``12 turns of 3 months each, from Jan 2023 to <last>.``: how long a game of ``scenario`` is (the caller says
    which month ``last`` is: the last turn's start or its end)."""
    return tr_n(
        "{n} turn of {months} each, from {first} to {last}.",
        "{n} turns of {months} each, from {first} to {last}.",
        scenario.turns,
        months=tr_n("{n} month", "{n} months", scenario.calendar.months_per_turn),
        first=turn_date(scenario.calendar, 1),
        last=last,
    )


def teacher_notes(scenario: Scenario, lang: str = "en") -> list[str]:
    """The notes as lines of plain text (paragraphs are single lines; the caller wraps them)."""
    out = [localize(scenario.title, lang), "=" * len(localize(scenario.title, lang)), ""]
    out.append(game_length(scenario, turn_end_date(scenario.calendar, scenario.turns)))
    span = time_span(scenario, lang)
    if span:
        out.append(span)
    out += _objectives(scenario, lang)
    out += ["", tr("What each side's score rewards (private to its players until the end):")]
    for role in scenario.roles:
        out.append(f"- {localize(role.name, lang)}: {localize(role.objectives, lang)}")
    out += [
        "",
        tr(
            "Scores of different sides are not comparable: read each side's score against its own usual range, as "
            "the end of the game shows it."
        ),
        "",
    ]
    found = disputed(scenario, lang)
    if found:
        out.append(
            tr_n(
                "Disputed cause and effect ({n} rule of the model that people disagree on; worth discussing with "
                "the class):",
                "Disputed cause and effect ({n} rules of the model that people disagree on; worth discussing with "
                "the class):",
                len(found),
            )
        )
        for item in found:
            kind = tr(KINDS[item.kind]) if item.kind in KINDS else item.kind.capitalize()
            values = {"kind": kind, "name": item.name.rstrip("."), "note": item.note}
            if item.owner:
                out.append(tr("- {kind} ({owner}): {name}. {note}", owner=item.owner, **values))
            else:
                out.append(tr("- {kind}: {name}. {note}", **values))
    else:
        out.append(tr("The scenario marks no rule of its model as disputed."))
    if scenario.sources:
        out += ["", tr("Sources:")]
        for source in scenario.sources:
            line = f"- {source_credit(source)}"
            if source.url:
                line += f" {source.url}"
            out.append(line)
    out += ["", tr("The numbers are a simplified model meant for discussion, not measurements.")]
    return out


def _objectives(scenario: Scenario, lang: str) -> list[str]:
    """The learning objectives of the scenario's lesson section, as a block of lines (none without them)."""
    objectives = scenario.lesson.objectives if scenario.lesson is not None else ()
    if not objectives:
        return []
    return ["", tr("Learning objectives:"), *(f"- {localize(o, lang)}" for o in objectives)]
