// The student's page: join (or resume with the kept token), show the seat's view, send the decision's options.
import { drawNegotiation } from "./negotiate.js";

const $ = (id) => document.getElementById(id);
let socket = null, nextId = 1, delay = 500, view = null;

function say(text, error) { $("status").textContent = text; $("status").className = error ? "error" : ""; }
function send(data) { if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(data)); }

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(scheme + "//" + location.host + "/ws");
  socket.onopen = () => {
    delay = 500;
    const token = localStorage.getItem("cg-token");
    if (token) { send({type: "resume", token: token}); } else { $("join").hidden = false; say("Join your class"); }
  };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = () => { say("Connection lost: trying again…", true); setTimeout(connect, delay); delay = Math.min(delay * 2, 8000); };
}

function receive(msg) {
  if (msg.type === "welcome") {
    if (msg.token) localStorage.setItem("cg-token", msg.token);
    $("join").hidden = true; say("Team " + msg.team);
  } else if (msg.type === "view") {
    view = msg; nextId = Math.max(nextId, msg.last_id + 1); draw(msg);
  } else if (msg.type === "error") {
    if (/token/.test(msg.message)) { localStorage.removeItem("cg-token"); $("join").hidden = false; }
    say(msg.message, true);
  }
}

function draw(msg) {
  const decision = $("decision"), board = $("board");
  decision.replaceChildren(); board.replaceChildren();
  if (!msg.started) { say("Team " + msg.team + (msg.table ? ": seated at table " + msg.table + ", waiting for the start" : ": waiting for a seat")); return; }
  const v = msg.view;
  say("Team " + msg.team + " · " + v.role_name + " · turn " + v.turn + " of " + v.turns + (v.paused ? " · paused by the teacher" : "") +
      (msg.seconds_left !== null ? " · " + msg.seconds_left + " s left when this page was drawn" : ""));
  if (v.decision) {
    const heading = document.createElement("h2");
    heading.textContent = v.decision.kind === "choose" ? "Answer the news" : v.decision.kind === "answer" ? "Answer the proposal" : "Your move";
    decision.append(heading);
    for (const option of v.decision.options) {
      const button = document.createElement("button");
      button.type = "button"; button.textContent = option.label;
      button.onclick = () => send({type: "command", id: nextId++, table: msg.table, command: option.command});
      decision.append(button);
    }
  }
  const pre = document.createElement("pre");
  pre.textContent = JSON.stringify({indicators: v.indicators.map((i) => [i.label, i.value]), review: v.review, ending: v.ending}, null, 1);
  board.append(pre);
  drawNegotiation($("negotiation"), msg, (command) => send({type: "command", id: nextId++, table: msg.table, command: command}));
}

$("join").addEventListener("submit", (event) => {
  event.preventDefault();
  send({type: "hello", room: $("room").value.trim().toUpperCase(), name: $("name").value.trim()});
});
connect();
