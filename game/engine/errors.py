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
