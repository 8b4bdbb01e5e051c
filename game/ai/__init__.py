"""Computer players: policies over the engine API. Pure: they read a game and return commands."""

from game.ai.policies import POLICIES, GreedyPolicy, PassivePolicy, Policy, RandomPolicy, make_policy

__all__ = ["POLICIES", "GreedyPolicy", "PassivePolicy", "Policy", "RandomPolicy", "make_policy"]
