"""Material built from a scenario or a match for a class: the handouts of a lesson (role cards, rules sheet,
facilitator guide, lesson sheets) and the debrief report of matches with the class summary. Handouts are plain values
(:mod:`game.reports.document`) drawn as self-contained HTML (:mod:`game.reports.html`) and as PDF
(:mod:`game.reports.pdf`)."""
