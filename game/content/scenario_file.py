"""The whole scenario file (format version 1): :class:`ScenarioFile`, made of the models of
:mod:`game.content.models` and of the sections that have modules of their own (lesson, tutorial, lengths), and where
each model can be written in a file (:func:`model_places`, for error messages and the modder's reference)."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field, field_validator

from game.content import lesson_models, tutorial_models
from game.content.lengths_models import LengthEntry
from game.content.models import (
    Action,
    Calendar,
    Dynamic,
    Ending,
    Event,
    Family,
    Id,
    Indicator,
    LangCode,
    Negotiation,
    Role,
    ScoreReference,
    Source,
    Text,
    TurnNumber,
    _Model,
)


class ScenarioFile(_Model):
    """A whole scenario file."""

    format: Literal[1] = Field(description="Version of the file format; must be 1.")
    id: Id = Field(description="Id of the scenario, used in saves and reports.")
    title: Text = Field(description="Title shown in the scenario list.")
    description: Text = Field(description="What the scenario is about, shown before a game starts.")
    language: LangCode = Field(default="en", description="Language of texts written as plain strings.")
    turns: TurnNumber = Field(description="Number of turns in a game.")
    calendar: Calendar = Field(default=Calendar(), description="How turns map to dates.")
    events_per_turn: Annotated[int, Field(ge=0, le=10)] = Field(default=1, description="Random-event draws per turn.")
    quiet_weight: Annotated[float, Field(ge=0)] = Field(
        default=1.0, description='Weight of "no random event" in each draw, against the events\' weights.'
    )
    sources: list[Source] = Field(default_factory=list, description="References backing the scenario.")
    indicators: Annotated[list[Indicator], Field(min_length=1)] = Field(description="The state of the game.")
    families: Annotated[list[Family], Field(min_length=1)] = Field(description="Strategy families.")
    roles: Annotated[list[Role], Field(min_length=1)] = Field(description="The sides.")
    actions: Annotated[list[Action], Field(min_length=1)] = Field(description="What the roles can do.")
    events: list[Event] = Field(default_factory=list, description="News, scripted or random.")
    dynamics: list[Dynamic] = Field(default_factory=list, description="Per-turn rules, applied in file order.")
    endings: Annotated[list[Ending], Field(min_length=1)] = Field(description="Possible outcomes, best first.")
    negotiation: Negotiation | None = Field(
        default=None, description="Proposals, agreements and trust between the roles (optional)."
    )
    score_reference: ScoreReference | None = Field(
        default=None, description="Each side's usual range of final scores, to read its score against (optional)."
    )
    tutorial: tutorial_models.Tutorial | None = Field(
        default=None, description="Steps that teach the game while it is played (optional; see Tutorial)."
    )
    lesson: lesson_models.Lesson | None = Field(
        default=None,
        description="Material for teachers: objectives, discussion questions, glossary, a lesson plan, what actually "
        "happened and who claims what (optional; it never changes play).",
    )
    lengths: list[LengthEntry] = Field(
        default_factory=list,
        description="Shorter games the scenario offers besides its full one (optional; see LengthEntry).",
    )

    @field_validator("format", mode="before")
    @classmethod
    def _format_is_not_a_bool(cls, value: Any) -> Any:
        """``Literal[1]`` alone would accept ``true``; the format version is a number."""
        if isinstance(value, bool):
            raise ValueError("must be the number 1")
        return value


Place = tuple[tuple[str, bool], ...]
"""Where a model is written in a file: each step is a key and whether it holds a list of items."""


def model_places() -> list[tuple[Place, type[BaseModel]]]:
    """Every place a format model can be written, depth first from the top of the file.

    ``((("actions", True), ("effects", True)), EffectSpec)`` says an EffectSpec may be an item of the
    ``effects`` list of an item of ``actions``.
    """
    places: list[tuple[Place, type[BaseModel]]] = []

    def visit(model: type[BaseModel], place: Place) -> None:
        places.append((place, model))
        for name, info in model.model_fields.items():
            for inner in _nested_models(info.annotation):
                visit(inner, (*place, (name, _holds_list(info.annotation))))

    visit(ScenarioFile, ())
    return places


def _nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes a type annotation mentions."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _nested_models(arg)


def _holds_list(annotation: Any) -> bool:
    """Whether a field's type is a list (possibly optional or constrained)."""
    if get_origin(annotation) is list:
        return True
    wrappers = (Union, types.UnionType, Annotated)
    return get_origin(annotation) in wrappers and any(_holds_list(arg) for arg in get_args(annotation))
