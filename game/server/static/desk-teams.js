// The teams of the room: who joined, who is connected now, where each sits, and a rejoin code for a lost device.
import { el, button } from "./desk-dom.js";
import { t, tn } from "./i18n.js";

function place(room, team) {
  if (!team.table) return t("no seat yet");
  const table = room.tables.find((one) => one.id === team.table);
  return t("table {table}, {side}", {table: team.table, side: (table && table.roles[team.role]) || team.role});
}

/** The teams into ``root``. */
export function drawTeams(root, room, api) {
  root.replaceChildren();
  if (!room.teams.length) {
    root.append(el("p", {class: "quiet"}, t("No team has joined yet.")));
    return;
  }
  const on = room.teams.filter((one) => one.connected).length;
  root.append(el("p", {}, tn("{n} team, {on} connected now", "{n} teams, {on} connected now", room.teams.length, {on: on})));
  root.append(el("ul", {class: "teams"}, room.teams.map((team, i) =>
    el("li", {class: team.connected ? "on" : "off"},
      el("span", {class: "dot", "aria-hidden": "true"}),
      el("strong", {}, team.name), " ",
      el("span", {class: "quiet"}, (team.connected ? t("connected") : t("away")) + " · " + place(room, team)), " ",
      button("rejoin-" + i, t("Rejoin code"), () => api.rejoin(team.name), {"aria-label": t("Rejoin code for {team}", {team: team.name})})))));
}
