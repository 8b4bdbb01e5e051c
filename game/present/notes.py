"""Notes for teachers on a scenario: what is history and what is invented, whom each side's score rewards, the
cause-and-effect rules that are disputed (and by whom), and the sources. Plain text lines, for the terminal
(``python main.py notes``) and later the handouts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.engine import Scenario, Text, localize
from game.present.words import plural, source_credit


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
    first_date, last_date = calendar.label(1), calendar.end_label(scenario.turns)
    if last >= scenario.turns:
        return f"All {scenario.turns} turns ({first_date} to {last_date}) follow the public record."
    record = f"Turns 1 to {last} ({first_date} to {calendar.end_label(last)}) follow the public record"
    future = (
        f"turns {last + 1} to {scenario.turns} ({calendar.label(last + 1)} to {last_date}) are a plausible future, "
        "not history"
    )
    return f"{record}; {future}."


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
                yield Disputed("negotiation item", say(item.label), names.get(item.giver, item.giver),
                               say(item.contested))  # fmt: skip
    for dynamic in scenario.dynamics:
        if dynamic.contested:
            yield Disputed("current", say(dynamic.description).rstrip("."), "", say(dynamic.contested))


def teacher_notes(scenario: Scenario, lang: str = "en") -> list[str]:
    """The notes as lines of plain text (paragraphs are single lines; the caller wraps them)."""
    out = [localize(scenario.title, lang), "=" * len(localize(scenario.title, lang)), ""]
    calendar = scenario.calendar
    out.append(f"{scenario.turns} turns of {plural(calendar.months_per_turn, 'month')} each, from "
               f"{calendar.label(1)} to {calendar.end_label(scenario.turns)}.")  # fmt: skip
    span = time_span(scenario, lang)
    if span:
        out.append(span)
    out += _objectives(scenario, lang)
    out += ["", "What each side's score rewards (private to its players until the end):"]
    for role in scenario.roles:
        out.append(f"- {localize(role.name, lang)}: {localize(role.objectives, lang)}")
    out += [
        "",
        "Scores of different sides are not comparable: read each side's score against its own usual range, as the "
        "end of the game shows it.",
        "",
    ]
    found = disputed(scenario, lang)
    if found:
        out.append(f"Disputed cause and effect ({plural(len(found), 'rule')} of the model that people disagree on; "
                   "worth discussing with the class):")  # fmt: skip
        for item in found:
            who = f" ({item.owner})" if item.owner else ""
            out.append(f"- {item.kind.capitalize()}{who}: {item.name.rstrip('.')}. {item.note}")
    else:
        out.append("The scenario marks no rule of its model as disputed.")
    if scenario.sources:
        out += ["", "Sources:"]
        for source in scenario.sources:
            line = f"- {source_credit(source)}"
            if source.url:
                line += f" {source.url}"
            out.append(line)
    out += ["", "The numbers are a simplified model meant for discussion, not measurements."]
    return out


def _objectives(scenario: Scenario, lang: str) -> list[str]:
    """The learning objectives of the scenario's lesson section, as a block of lines (none without them)."""
    objectives = scenario.lesson.objectives if scenario.lesson is not None else ()
    if not objectives:
        return []
    return ["", "Learning objectives:", *(f"- {localize(o, lang)}" for o in objectives)]
