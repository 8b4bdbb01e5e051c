// The tables of the room: a card each with its seats (before the start) or its controls and public board.
import { el, button, choice } from "./desk-dom.js";
import { board, countdown, momentText, statusText } from "./desk-board.js";

const TIMERS = [["", "Off"], ["120", "2 min"], ["180", "3 min"], ["300", "5 min"], ["480", "8 min"]];

function seatOptions(room, table) {
  const options = [["", "Nobody yet (the computer, " + room.default_level + ")"]];
  for (const level of room.levels) options.push([level, "Computer: " + level]);
  for (const team of room.teams) {
    const elsewhere = team.table && team.table !== table.id ? " (now at " + team.table + ")" : "";
    options.push(["team:" + team.name, "Team " + team.name + elsewhere]);
  }
  return options;
}

function seats(room, table, api) {
  const rows = Object.entries(table.seats).map(([role, who]) =>
    el("div", {class: "field"}, choice(table.id + "-seat-" + role, table.roles[role] || role, seatOptions(room, table), who,
      (value) => api.send({type: "seat", table: table.id, role: role, who: value}, "Seat of " + (table.roles[role] || role) + " set"))));
  const teams = Object.values(table.seats).some((who) => who.startsWith("team:"));
  return el("div", {class: "seats"}, el("fieldset", {}, el("legend", {}, "Who sits where"), rows),
    button(table.id + "-start", "Start table " + table.id, () => api.send({type: "start", table: table.id}, "Table " + table.id + " started"),
      {disabled: !teams, "aria-describedby": teams ? null : table.id + "-start-why"}),
    teams ? null : el("p", {class: "quiet", id: table.id + "-start-why"}, "Seat at least one team to start."));
}

function control(table, action, extra) {
  return Object.assign({type: "control", table: table.id, action: action}, extra || {});
}

function timer(table, api) {
  const current = table.public.turn_seconds === null ? "" : String(table.public.turn_seconds);
  const options = TIMERS.some(([v]) => v === current) ? TIMERS : [...TIMERS, [current, Math.round(current / 60) + " min"]];
  return el("div", {class: "row"},
    choice(table.id + "-timer", "Turn timer", options, current,
      (value) => api.send(control(table, "timer", {seconds: value ? Number(value) : null}), "Timer of " + table.id + " set")),
    button(table.id + "-more", "+1 min", () => api.send(control(table, "more_time", {seconds: 60}), "A minute more at " + table.id),
      {disabled: table.seconds_left === null}),
    button(table.id + "-time-up", "Time up", () => api.confirm("End this turn of table " + table.id + " now, with what was committed?") &&
      api.send(control(table, "time_up"), "Turn ended at " + table.id)));
}

// The event chosen at each table, kept across redraws until it is injected.
const chosen = new Map();

function inject(table, api) {
  if (!table.events.length) return null;
  const current = chosen.get(table.id) || table.events[0].id;
  const [label, select] = choice(table.id + "-event", "Event", table.events.map((e) => [e.id, e.title]), current,
    (value) => chosen.set(table.id, value));
  return el("div", {class: "row"}, label, select,
    button(table.id + "-inject", "Inject at the next news", () =>
      api.send(control(table, "inject", {event: select.value}), "Event injected at " + table.id)));
}

function controls(table, api) {
  const p = table.public;
  if (p.over) return el("div", {class: "row"}, actions(table, api));
  return el("div", {class: "controls"},
    el("div", {class: "row"},
      p.paused ? button(table.id + "-pause", "Resume", () => api.send(control(table, "resume"), "Table " + table.id + " resumed"))
        : button(table.id + "-pause", "Pause", () => api.send(control(table, "pause"), "Table " + table.id + " paused")),
      button(table.id + "-reveal", table.revealed ? "Hide objectives" : "Reveal objectives",
        () => api.send(control(table, "reveal", {shown: !table.revealed}), table.revealed ? "Objectives hidden" : "Objectives revealed")),
      button(table.id + "-end", "End now", () => api.confirm("End the game at table " + table.id + " now? This cannot be undone.") &&
        api.send(control(table, "end"), "Table " + table.id + " ended"), {class: "danger"})),
    timer(table, api), inject(table, api), el("div", {class: "row"}, actions(table, api)));
}

function actions(table, api) {
  return [button(table.id + "-project", "Show on the projector", () => api.project(table.id)),
    button(table.id + "-report", "Download the report", () => api.download("/download/report/" + encodeURIComponent(table.id)))];
}

function seated(room, table) {
  const who = (w) => w.startsWith("team:") ? "Team " + w.slice(5) : "computer (" + (w || room.default_level) + ")";
  return el("p", {class: "quiet"}, Object.entries(table.seats).map(([role, w]) => (table.roles[role] || role) + ": " + who(w)).join(" · "));
}

/** The heading line of a table: id, scenario and status (also used by the projector). */
export function tableHead(table, level) {
  const moment = momentText(table);
  return [el(level, {id: table.id + "-heading-" + level}, "Table " + table.id + " · " + table.title),
    el("p", {class: "status" + (table.started && table.public.paused ? " paused" : "")},
      el("strong", {}, statusText(table)), moment ? " · " + moment : "", " ", countdown(table) || "")];
}

/** One card per table into ``root``. */
export function drawTables(root, room, api) {
  root.replaceChildren();
  if (!room.tables.length) root.append(el("p", {class: "quiet"}, "No table yet: create one above."));
  for (const table of room.tables) {
    root.append(el("article", {class: "card", "aria-labelledby": table.id + "-heading-h3"},
      tableHead(table, "h3"),
      el("p", {class: "quiet"}, table.turns + " turns · seed " + table.seed),
      table.started ? [seated(room, table), controls(table, api), board(table)] : seats(room, table, api)));
  }
}
