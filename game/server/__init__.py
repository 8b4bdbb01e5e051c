"""The class server: one room of tables played from browsers on the room's network, run by the teacher's dashboard.

Layers, each importing only those below it: ``app`` (Starlette: HTTP pages, the WebSocket protocol, limits) ->
``service`` (a room with its store: every change persisted) -> ``room`` (pure: teams, tables, seats, commands and
the teacher's controls over :mod:`game.table`) and ``views`` (what each seat and the room may see, as JSON) ->
``store`` (SQLite). ``host`` starts it from the command line.
"""
