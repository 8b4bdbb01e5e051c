"""Screens of the desktop game."""
