"""Scenario files: safe YAML loading, validation and the expression language."""
