"""Scenario files: safe YAML loading, validation and the expression language."""

# The format's models first: models.py ends by importing the models of the `lengths` section, which take their
# building blocks from it, so models.py must start loading before that module whichever is imported first.
from game.content import models as models
