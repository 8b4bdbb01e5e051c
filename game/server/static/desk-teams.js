// The teams of the room: who joined, who is connected now, where each sits, and a rejoin code for a lost device.
import { el, button } from "./desk-dom.js";

function place(room, team) {
  if (!team.table) return "no seat yet";
  const table = room.tables.find((t) => t.id === team.table);
  return "table " + team.table + ", " + ((table && table.roles[team.role]) || team.role);
}

/** The teams into ``root``. */
export function drawTeams(root, room, api) {
  root.replaceChildren();
  if (!room.teams.length) {
    root.append(el("p", {class: "quiet"}, "No team has joined yet."));
    return;
  }
  const on = room.teams.filter((t) => t.connected).length;
  root.append(el("p", {}, room.teams.length + (room.teams.length === 1 ? " team, " : " teams, ") + on + " connected now"));
  root.append(el("ul", {class: "teams"}, room.teams.map((team, i) =>
    el("li", {class: team.connected ? "on" : "off"},
      el("span", {class: "dot", "aria-hidden": "true"}),
      el("strong", {}, team.name), " ",
      el("span", {class: "quiet"}, (team.connected ? "connected" : "away") + " · " + place(room, team)), " ",
      button("rejoin-" + i, "Rejoin code", () => api.rejoin(team.name), {"aria-label": "Rejoin code for " + team.name})))));
}
