"""Exceptions raised by the engine when a caller asks for something the rules do not allow."""

from __future__ import annotations


class RulesError(ValueError):
    """Base class: a request the rules refuse. The message names the bad value."""


class UnknownIdError(RulesError, KeyError):
    """A role, action, event or choice id that the scenario does not have."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class IllegalActionError(RulesError):
    """An action that cannot be committed now (wrong phase, cost, cooldown, condition, ...)."""


class WrongPhaseError(RulesError):
    """A request made in a phase where it makes no sense (e.g. resolving while a choice is pending)."""


class NegotiationError(RulesError):
    """A proposal, answer or break the negotiation rules do not allow now; the message says why."""


def N_(message: str) -> str:
    """Mark an engine sentence for the interface's catalogs (the engine stays language-free: the layers above
    translate it, see :class:`Why`)."""
    return message


class Why(str):
    """A reason in English that can also be said in another language: the English text, with the ``template`` it
    was made from (marked with :func:`N_`) and the ``values`` that fill it. It is a ``str``, so code that shows or
    tests a reason keeps working; :func:`game.i18n.tr_reason` says it in the active language."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Why:
        made = super().__new__(cls, template.format(**values) if values else template)
        made.template = template
        made.values = values
        return made
