// Joining the class and waiting for a seat: the join form (with the rejoin code for a team that lost its token),
// and, once joined, what happens next, with the free seats a team may take when the teacher lets it pick.
import { button, el, fill } from "./dom.js";
import { t, tn } from "./i18n.js";

const $ = (id) => document.getElementById(id);

/** Wire the join form: ``hello(message)`` sends the hello (with ``rejoin`` when a code was typed). */
export function setUpJoin(hello) {
  const given = new URLSearchParams(location.search).get("room");  // the QR code carries the room code
  if (given && /^[A-Za-z0-9]{1,12}$/.test(given)) $("room").value = given.toUpperCase();
  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    const message = {type: "hello", room: $("room").value.trim().toUpperCase(), name: $("name").value.trim()};
    const code = $("rejoin").value.trim().toUpperCase();
    if (code) message.rejoin = code;
    hello(message);
  });
}

/** Show the join form (``open``) or hide it; ``rejoin``: open the rejoin part too (a taken name, a team that came
 * back on another device). */
export function showJoin(open, rejoin) {
  $("join-panel").hidden = !open;
  if (open && rejoin) $("rejoin-box").open = true;
  if (open) ($("room").value ? $("name") : $("room")).focus();
}

/** The waiting panel of a team whose table has not started; ``pick(table, role)`` takes a free seat. */
export function drawWaiting(root, msg, pick) {
  const seated = msg.table && msg.role;
  const seat = seated ? seatName(msg) : "";
  const lines = [el("h1", {id: "waiting-title"}, seated ? t("Seated: {side}", {side: seat}) : t("Joined: no seat yet"))];
  if (seated) {
    const said = {table: msg.table, side: seat};
    lines.push(el("p", {}, t("Your team sits at table {table} as {side}. The game starts when the teacher starts your table; this page then shows your briefing by itself.", said)));
  } else {
    lines.push(el("p", {}, msg.picking
      ? t("Choose a free seat below, or wait for the teacher to seat your team.")
      : t("The teacher will seat your team at a table; this page changes by itself when that happens.")));
  }
  lines.push(el("p", {class: "muted"}, t("You can leave this page open: it keeps your place, even if the connection drops.")));
  if (msg.picking && msg.free_seats && msg.free_seats.length) lines.push(seatList(msg, pick));
  else if (msg.picking) lines.push(el("p", {}, t("No seat is free right now.")));
  fill(root, ...lines);
}

function seatName(msg) {
  const mine = (msg.free_seats || []).find((s) => s.table === msg.table && s.role === msg.role);
  return msg.role_name || (mine ? mine.role_name : msg.role);
}

function seatList(msg, pick) {
  const tables = [];
  for (const seat of msg.free_seats) {
    let table = tables.find((one) => one.id === seat.table);
    if (!table) tables.push(table = {id: seat.table, turns: seat.turns, seats: []});
    const label = t("Sit at table {table} as {side}", {table: seat.table, side: seat.role_name});
    table.seats.push(el("li", {}, button(label, () => pick(seat.table, seat.role),
      {"data-key": "pick:" + seat.table + ":" + seat.role})));
  }
  return el("div", {}, el("h2", {}, msg.table ? t("Or move to another free seat") : t("Free seats")),
    tables.map((one) => el("section", {"aria-label": t("Table {table}", {table: one.id})},
      el("h3", {}, one.turns ? t("Table {table} · {length}", {table: one.id, length: gameOf(one.turns)}) : t("Table {table}", {table: one.id})),
      el("ul", {class: "plain"}, one.seats))));
}

function gameOf(turns) {
  return tn("a game of {n} turn", "a game of {n} turns", turns);
}
