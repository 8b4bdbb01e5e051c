"""Pydantic models of a scenario's ``lesson`` section: material for teachers that never changes how a game plays.

Like :mod:`game.content.models`, these check shapes, types and ranges only; :mod:`game.content.lesson_loader`
checks what the section refers to (sources, endings, indicators, families, actions) and builds the engine's
:class:`game.engine.lesson.Lesson`. Their field descriptions feed the modder's reference and the JSON Schema.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from game.content.models import Id, NonBlank, SourceRefs, Text
from game.content.models import _Model as FormatModel

#: The longest activity a lesson plan may give, in minutes (a double lesson, say).
MOST_MINUTES = 180
#: The longest lesson plan, in minutes: a plan adding up to more is refused.
MOST_PLAN_MINUTES = 240

Minutes = Annotated[int, Field(ge=1, le=MOST_MINUTES)]
Cited = Annotated[SourceRefs, Field(min_length=1)]


class Question(FormatModel):
    """A discussion question for the debrief, with notes for whoever leads the discussion."""

    text: Text = Field(description="The question, as students read it.")
    notes: Text | None = Field(
        default=None,
        description="For the facilitator: what to listen for, where the evidence is, what to ask next.",
    )
    ending: Id | None = Field(
        default=None,
        description="Id of an ending: ask this question only after a game that ended there. Without it the question "
        "suits every game.",
    )
    about: list[Id] = Field(
        default_factory=list,
        description="Ids of the indicators, strategy families or actions the question is about, so that handouts "
        "and the debrief report can put it beside them.",
    )


class Term(FormatModel):
    """A glossary entry: a name or word players meet, and what it means in this scenario."""

    term: Text = Field(description="The word, name or abbreviation, as players meet it.")
    meaning: Text = Field(description="What it means, in a sentence or three.")
    sources: SourceRefs = Field(default_factory=list, description="Ids of the sources behind the meaning.")


class Timing(FormatModel):
    """One step of a suggested lesson plan: an activity and how long it takes."""

    minutes: Minutes = Field(description="How long the step takes, in minutes.")
    activity: Text = Field(description="What the class does in this step.")


class Happened(FormatModel):
    """An entry in the timeline of what actually happened, for a scenario about real events."""

    date: NonBlank = Field(
        description="When it happened, as text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; quote it (`'2017-11'`)."
    )
    text: Text = Field(description="What happened, in a sentence or two.")
    sources: Cited = Field(description="Ids of the sources that report it; at least one.")


class Claim(FormatModel):
    """A main claim in the debate the scenario is about, and who makes it."""

    claim: Text = Field(description="What is claimed, in your own words.")
    who: Text = Field(description="Who makes the claim (a government, an agency, a rights group, ...).")
    sources: Cited = Field(description="Ids of the sources where they make it; at least one.")
    response: Text | None = Field(
        default=None, description="What those who dispute the claim answer, when it is disputed."
    )


class Lesson(FormatModel):
    """Material for teachers: learning objectives, discussion questions, a glossary, a suggested lesson plan and,
    for a scenario about real events, what actually happened and the main claims with who makes them. Handouts and
    the debrief report print it; none of it changes how a game plays."""

    objectives: list[Text] = Field(default_factory=list, description="What students should learn.")
    questions: list[Question] = Field(
        default_factory=list, description="Discussion questions: for every game, or for one ending."
    )
    glossary: list[Term] = Field(default_factory=list, description="Terms players meet, explained.")
    timings: list[Timing] = Field(
        default_factory=list,
        description=f"A suggested lesson plan, step by step; at most {MOST_PLAN_MINUTES} minutes in all.",
    )
    timeline: list[Happened] = Field(
        default_factory=list, description="What actually happened, oldest first, each entry with its sources."
    )
    claims: list[Claim] = Field(
        default_factory=list, description="The main claims in the debate and who makes them, each with its sources."
    )
