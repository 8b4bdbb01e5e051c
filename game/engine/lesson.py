"""The lesson material a scenario may carry for teachers (its ``lesson`` section): plain frozen values.

None of it changes how a game plays. Handouts, the facilitator guide and the debrief report read it; a scenario
without a ``lesson`` section still gets role cards, rules and a guide made from the rest of the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Text = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Question:
    """A discussion question, with ``notes`` for the facilitator (what to listen for, where the evidence is).

    ``ending``: the id of the ending after which to ask it (``""``: whatever the ending). ``about``: ids of the
    indicators, strategy families or actions it is about."""

    text: Text
    notes: Text = field(default_factory=dict)
    ending: str = ""
    about: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry: ``term`` and what it means in this scenario, with the sources that back it."""

    term: Text
    meaning: Text
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Timing:
    """One part of a suggested lesson plan: an activity and the minutes it takes."""

    minutes: int
    activity: Text


@dataclass(frozen=True, slots=True)
class Happened:
    """An entry in the timeline of what actually happened: a date (as written, e.g. ``2017-11``), what happened,
    and the sources that report it (at least one)."""

    date: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    """A main claim in the debate: what is claimed, who makes it, the sources where they make it, and optionally
    the answer of those who dispute it."""

    claim: Text
    who: Text
    sources: tuple[str, ...]
    response: Text = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Lesson:
    """A scenario's lesson section: learning objectives, discussion questions (general and per ending), glossary,
    a suggested lesson plan, a timeline of what actually happened and the main claims with who makes them."""

    objectives: tuple[Text, ...] = ()
    questions: tuple[Question, ...] = ()
    glossary: tuple[Term, ...] = ()
    timings: tuple[Timing, ...] = ()
    timeline: tuple[Happened, ...] = ()
    claims: tuple[Claim, ...] = ()

    def questions_after(self, ending: str) -> tuple[Question, ...]:
        """The questions to ask after a game that ended in ``ending``: the general ones, then that ending's (each
        once, even for an ``ending`` of ``""``)."""
        general = tuple(q for q in self.questions if not q.ending)
        return general + tuple(q for q in self.questions if q.ending and q.ending == ending)
