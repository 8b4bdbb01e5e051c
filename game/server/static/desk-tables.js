// The tables of the room: a card each with its seats (before the start) or its controls and public board.
import { el, button, choice } from "./desk-dom.js";
import { board, countdown, momentText, statusText } from "./desk-board.js";
import { t } from "./i18n.js";

const TIMERS = () => [["", t("Off")], ...[2, 3, 5, 8].map((m) => [String(m * 60), t("{n} min", {n: m})])];

/** A computer level's name in words. */
const LEVEL_NAMES = {beginner: () => t("beginner"), standard: () => t("standard"), strong: () => t("strong")};
function levelName(level) { return LEVEL_NAMES[level] ? LEVEL_NAMES[level]() : level; }

function seatOptions(room, table) {
  const options = [["", t("Nobody yet (the computer, {level})", {level: levelName(room.default_level)})]];
  for (const level of room.levels) options.push([level, t("Computer: {level}", {level: levelName(level)})]);
  for (const team of room.teams) {
    const text = team.table && team.table !== table.id ? t("Team {team} (now at {table})", {team: team.name, table: team.table})
      : t("Team {team}", {team: team.name});
    options.push(["team:" + team.name, text]);
  }
  return options;
}

function seats(room, table, api) {
  const rows = Object.entries(table.seats).map(([role, who]) =>
    el("div", {class: "field"}, choice(table.id + "-seat-" + role, table.roles[role] || role, seatOptions(room, table), who,
      (value) => api.send({type: "seat", table: table.id, role: role, who: value}, t("Seat of {side} set", {side: table.roles[role] || role})))));
  const teams = Object.values(table.seats).some((who) => who.startsWith("team:"));
  return el("div", {class: "seats"}, el("fieldset", {}, el("legend", {}, t("Who sits where")), rows),
    button(table.id + "-start", t("Start table {table}", {table: table.id}), () => api.send({type: "start", table: table.id}, t("Table {table} started", {table: table.id})),
      {disabled: !teams, "aria-describedby": teams ? null : table.id + "-start-why"}),
    teams ? null : el("p", {class: "quiet", id: table.id + "-start-why"}, t("Seat at least one team to start.")));
}

function control(table, action, extra) {
  return Object.assign({type: "control", table: table.id, action: action}, extra || {});
}

function timer(table, api) {
  const current = table.public.turn_seconds === null ? "" : String(table.public.turn_seconds);
  const timers = TIMERS();
  const options = timers.some(([v]) => v === current) ? timers : [...timers, [current, t("{n} min", {n: Math.round(current / 60)})]];
  const id = {table: table.id};
  return el("div", {class: "row"},
    choice(table.id + "-timer", t("Turn timer"), options, current,
      (value) => api.send(control(table, "timer", {seconds: value ? Number(value) : null}), t("Timer of {table} set", id))),
    button(table.id + "-more", t("+1 min"), () => api.send(control(table, "more_time", {seconds: 60}), t("A minute more at {table}", id)),
      {disabled: table.seconds_left === null}),
    button(table.id + "-time-up", t("Time up"), () => api.confirm(t("End this turn of table {table} now, with what was committed?", id)) &&
      api.send(control(table, "time_up"), t("Turn ended at {table}", id))));
}

// The event chosen at each table, kept across redraws until it is injected.
const chosen = new Map();

function inject(table, api) {
  if (!table.events.length) return null;
  const current = chosen.get(table.id) || table.events[0].id;
  const [label, select] = choice(table.id + "-event", t("Event"), table.events.map((e) => [e.id, e.title]), current,
    (value) => chosen.set(table.id, value));
  return el("div", {class: "row"}, label, select,
    button(table.id + "-inject", t("Inject at the next news"), () =>
      api.send(control(table, "inject", {event: select.value}), t("Event injected at {table}", {table: table.id}))));
}

function controls(table, api) {
  const p = table.public, id = {table: table.id};
  if (p.over) return el("div", {class: "row"}, actions(table, api));
  return el("div", {class: "controls"},
    el("div", {class: "row"},
      p.paused ? button(table.id + "-pause", t("Resume"), () => api.send(control(table, "resume"), t("Table {table} resumed", id)))
        : button(table.id + "-pause", t("Pause"), () => api.send(control(table, "pause"), t("Table {table} paused", id))),
      button(table.id + "-reveal", table.revealed ? t("Hide objectives") : t("Reveal objectives"),
        () => api.send(control(table, "reveal", {shown: !table.revealed}), table.revealed ? t("Objectives hidden") : t("Objectives revealed"))),
      button(table.id + "-end", t("End now"), () => api.confirm(t("End the game at table {table} now? This cannot be undone.", id)) &&
        api.send(control(table, "end"), t("Table {table} ended", id)), {class: "danger"})),
    timer(table, api), inject(table, api), el("div", {class: "row"}, actions(table, api)));
}

function actions(table, api) {
  return [button(table.id + "-project", t("Show on the projector"), () => api.project(table.id)),
    button(table.id + "-report", t("Download the report"), () => api.download("/download/report/" + encodeURIComponent(table.id)))];
}

function seated(room, table) {
  const who = (w) => w.startsWith("team:") ? t("Team {team}", {team: w.slice(5)}) : t("computer ({level})", {level: levelName(w || room.default_level)});
  return el("p", {class: "quiet"}, Object.entries(table.seats).map(([role, w]) => (table.roles[role] || role) + ": " + who(w)).join(" · "));
}

/** The heading line of a table: id, scenario and status (also used by the projector). */
export function tableHead(table, level) {
  const moment = momentText(table);
  return [el(level, {id: table.id + "-heading-" + level}, t("Table {table} · {title}", {table: table.id, title: table.title})),
    el("p", {class: "status" + (table.started && table.public.paused ? " paused" : "")},
      el("strong", {}, statusText(table)), moment ? " · " + moment : "", " ", countdown(table) || "")];
}

/** One card per table into ``root``. */
export function drawTables(root, room, api) {
  root.replaceChildren();
  if (!room.tables.length) root.append(el("p", {class: "quiet"}, t("No table yet: create one above.")));
  for (const table of room.tables) {
    root.append(el("article", {class: "card", "aria-labelledby": table.id + "-heading-h3"},
      tableHead(table, "h3"),
      el("p", {class: "quiet"}, t("{turns} turns · seed {seed}", {turns: table.turns, seed: table.seed})),
      table.started ? [seated(room, table), controls(table, api), board(table)] : seats(room, table, api)));
  }
}
