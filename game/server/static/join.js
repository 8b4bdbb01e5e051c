// Joining the class and waiting for a seat: the join form (with the rejoin code for a team that lost its token),
// and, once joined, what happens next, with the free seats a team may take when the teacher lets it pick.
import { button, el, fill } from "./dom.js";

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

/** Show the join form (``open``) or hide it; a taken name opens the rejoin part. */
export function showJoin(open, message) {
  $("join-panel").hidden = !open;
  if (open && message && /rejoin code/.test(message)) $("rejoin-box").open = true;
  if (open) ($("room").value ? $("name") : $("room")).focus();
}

/** The waiting panel of a team whose table has not started; ``pick(table, role)`` takes a free seat. */
export function drawWaiting(root, msg, pick) {
  const seated = msg.table && msg.role;
  const seat = seated ? seatName(msg) : "";
  const lines = [el("h1", {id: "waiting-title"}, seated ? "Seated: " + seat : "Joined: no seat yet")];
  if (seated) {
    lines.push(el("p", {}, "Your team sits at table " + msg.table + " as " + seat + ". " +
      "The game starts when the teacher starts your table; this page then shows your briefing by itself."));
  } else {
    lines.push(el("p", {}, msg.picking
      ? "Choose a free seat below, or wait for the teacher to seat your team."
      : "The teacher will seat your team at a table; this page changes by itself when that happens."));
  }
  lines.push(el("p", {class: "muted"}, "You can leave this page open: it keeps your place, even if the connection drops."));
  if (msg.picking && msg.free_seats && msg.free_seats.length) lines.push(seatList(msg, pick));
  else if (msg.picking) lines.push(el("p", {}, "No seat is free right now."));
  fill(root, ...lines);
}

function seatName(msg) {
  const mine = (msg.free_seats || []).find((s) => s.table === msg.table && s.role === msg.role);
  return msg.role_name || (mine ? mine.role_name : msg.role);
}

function seatList(msg, pick) {
  const tables = [];
  for (const seat of msg.free_seats) {
    let table = tables.find((t) => t.id === seat.table);
    if (!table) tables.push(table = {id: seat.table, turns: seat.turns, seats: []});
    table.seats.push(el("li", {}, button("Sit at table " + seat.table + " as " + seat.role_name, () => pick(seat.table, seat.role),
      {"data-key": "pick:" + seat.table + ":" + seat.role})));
  }
  return el("div", {}, el("h2", {}, msg.table ? "Or move to another free seat" : "Free seats"),
    tables.map((t) => el("section", {"aria-label": "Table " + t.id},
      el("h3", {}, "Table " + t.id + (t.turns ? " · a game of " + t.turns + " turns" : "")),
      el("ul", {class: "plain"}, t.seats))));
}
