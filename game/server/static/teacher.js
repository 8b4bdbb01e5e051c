// The teacher's dashboard: signs in with the token from the address after '#' (kept for this tab only, never sent
// in an address), then draws the room the server sends and sends the teacher's requests.
import { drawTables, tableHead } from "./desk-tables.js";
import { drawTeams } from "./desk-teams.js";
import { board, tickClocks } from "./desk-board.js";
import { fillScenarios, setUpCreate } from "./desk-create.js";
import { download } from "./desk-files.js";
import { t } from "./i18n.js";

const $ = (id) => document.getElementById(id);
const KEY = "cg-admin";
let socket = null, nextId = 1, delay = 500, room = null, since = performance.now(), projected = null;
let held = false, deferred = false, connecting = true;  // "Connecting…" is on show until the first room
const pending = new Map();

function say(text, error) { $("status").textContent = text; $("status").className = error ? "error" : ""; }

function takeToken() {
  let hash = location.hash.slice(1);
  try { hash = decodeURIComponent(hash); } catch (error) { /* not encoded: used as it is */ }
  if (hash) {
    sessionStorage.setItem(KEY, hash);
    history.replaceState(null, "", location.pathname + location.search); // the token leaves the address bar
  }
  return sessionStorage.getItem(KEY);
}

function send(data, done) {
  if (!socket || socket.readyState !== WebSocket.OPEN) { say(t("Not connected: wait a moment and try again."), true); return; }
  data.id = nextId++;
  pending.set(data.id, {text: done || t("Done"), type: data.type, team: data.team});
  socket.send(JSON.stringify(data));
}

function connect() {
  const token = sessionStorage.getItem(KEY);
  if (!token) { signIn(); return; }
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(scheme + "\/\/" + location.host + "/ws/teacher");
  socket.onopen = () => { delay = 500; socket.send(JSON.stringify({type: "hello", admin: token})); };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = () => {
    if (!sessionStorage.getItem(KEY)) return;
    say(t("Connection lost: trying again…"), true);
    setTimeout(connect, delay); delay = Math.min(delay * 2, 8000);
  };
}

function receive(msg) {
  if (msg.type === "room") { room = msg; since = performance.now(); draw(); }
  else if (msg.type === "result") {
    const done = pending.get(msg.id) || {text: t("Done")}; pending.delete(msg.id);
    if (msg.code) showRejoin(done.team, msg.code);
    else if (msg.table && done.type === "create_table") say(t("Table created: {table}.", {table: msg.table}));
    else say(done.text + ".");
  } else if (msg.type === "error") {
    pending.delete(msg.id);
    if (msg.reason === "admin") {
      sessionStorage.removeItem(KEY);
      // A token that worked in this tab and no longer does: the server was started again and printed a new one.
      signIn(room ? t("The server was restarted, so the dashboard has a new address: paste the one it printed last.")
        : t("That token was refused: {reason}", {reason: msg.message}));
      room = null;
    }
    else say(msg.message, true);
  }
}

function signIn(why) {
  $("desk").hidden = true; $("room-card").hidden = true; $("sign-in").hidden = false;
  say(why || t("Open the dashboard with the teacher's token."), Boolean(why));
  $("token-input").focus();
}

// The team whose rejoin code is on show: the code is hidden once the team has used it.
let rejoinFor = null, rejoinSeen = false;

function hideUsedRejoin() {
  const team = rejoinFor && room.teams.find((one) => one.name === rejoinFor);
  if (team && team.rejoin_waiting) rejoinSeen = true;
  if (!rejoinFor || !rejoinSeen || (team && team.rejoin_waiting)) return;
  rejoinFor = null; rejoinSeen = false;
  $("rejoin").hidden = true;
  say(t("Team {team} is back with its rejoin code.", {team: team ? team.name : ""}));
}

function showRejoin(team, code) {
  rejoinFor = team; rejoinSeen = false;
  const box = $("rejoin");
  box.hidden = false;
  box.textContent = "";
  box.append(t("Rejoin code for {team}:", {team: team}) + " ", Object.assign(document.createElement("strong"), {textContent: code}),
    " " + t("(once, within 30 minutes: the team types it with its name on the student page)"));
  say(t("Rejoin code for {team} ready.", {team: team}));
}

// While the teacher is in a list, a redraw would close it: the room waits until the list is left or chosen.
function busy() { const a = document.activeElement; return a && a.tagName === "SELECT" && a.closest("#tables") && !held; }

function draw() {
  if (!room) return;
  if (busy()) { deferred = true; return; }
  held = false; deferred = false;
  const focused = document.activeElement && document.activeElement.id;
  $("sign-in").hidden = true; $("desk").hidden = projected !== null; $("room-card").hidden = false;
  $("code").textContent = room.code;
  $("address").textContent = location.protocol + "\/\/" + location.host + "/";
  $("picking").checked = Boolean(room.picking);
  fillScenarios(room);
  drawTeams($("teams"), room, api);
  hideUsedRejoin();
  drawTables($("tables"), room, api);
  drawProjector();
  if (focused && document.activeElement === document.body && $(focused)) $(focused).focus();
  if (!$("status").className && connecting) say(t("Connected: room {code}.", {code: room.code}));
  connecting = false;
}

function drawProjector() {
  const table = projected && room.tables.find((one) => one.id === projected);
  $("projector").hidden = !table;
  document.body.classList.toggle("projecting", Boolean(table));
  if (!table) { if (projected) leave(); return; }
  const root = $("projected");
  root.replaceChildren(...tableHead(table, "h2"));
  if (table.started) root.append(board(table));
}

function project(id) {
  projected = id; sessionStorage.setItem("cg-projected", id); draw(); $("leave-projector").focus();
}

function leave() {
  const was = projected;
  projected = null; sessionStorage.removeItem("cg-projected"); draw();
  if (was && $(was + "-project")) $(was + "-project").focus();
}

const api = {
  send: send,
  project: project,
  confirm: (text) => window.confirm(text),
  download: (path) => download(path, sessionStorage.getItem(KEY) || "", say),
  rejoin: (team) => send({type: "rejoin", team: team}),
};

$("sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = $("token-input").value.trim();
  const token = value.includes("#") ? value.slice(value.indexOf("#") + 1) : value;
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  $("token-input").value = "";
  say(t("Connecting…"));
  connecting = true;
  connect();
});
$("tables").addEventListener("change", (event) => { if (event.target.tagName === "SELECT") held = true; });
$("tables").addEventListener("focusout", () => { if (deferred) setTimeout(draw, 0); });
$("picking").addEventListener("change", () =>
  send({type: "picking", allowed: $("picking").checked}, $("picking").checked ? t("Teams may pick their seats") : t("Only you seat the teams")));
$("pause-all").addEventListener("click", () => send({type: "control", table: "*", action: "pause"}, t("Every table paused")));
$("resume-all").addEventListener("click", () => send({type: "control", table: "*", action: "resume"}, t("Every table resumed")));
$("summary").addEventListener("click", () => api.download("/download/summary"));
$("leave-projector").addEventListener("click", leave);
document.addEventListener("keydown", (event) => { if (event.key === "Escape" && projected) leave(); });
setInterval(() => tickClocks(since), 1000);
setUpCreate(api, () => room);

projected = sessionStorage.getItem("cg-projected");
if (takeToken()) connect(); else signIn();
