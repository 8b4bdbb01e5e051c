"""Printable material built from a scenario or a match: the handouts of a lesson (role cards, rules sheet,
facilitator guide, lesson sheets) and, later, the debrief report. Documents are plain values
(:mod:`game.reports.document`) drawn as self-contained HTML (:mod:`game.reports.html`) and as PDF
(:mod:`game.reports.pdf`)."""
