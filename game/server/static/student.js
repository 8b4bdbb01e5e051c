// The student's page: join (or resume with the kept token), then draw the seat's view the server sends, and send
// the commands the view offers, over the page's one WebSocket (net.js). The browser decides no rule: the server
// checks every command.
import { drawActions } from "./actions.js";
import { drawBoard } from "./board.js";
import { drawBriefing } from "./briefing.js";
import { clock } from "./dom.js";
import { drawEnd } from "./end.js";
import { drawDecision } from "./events.js";
import { drawWaiting, setUpJoin, showJoin } from "./join.js";
import { drawNegotiation } from "./negotiate.js";
import { connect, online, send } from "./net.js";

const $ = (id) => document.getElementById(id);
const TOKEN = "cg-token", BRIEFED = "cg-briefed";
const PANELS = ["board", "actions", "negotiation", "briefing"];
const state = {msg: null, nextId: 1, reviewed: null, started: false, lost: false, deadline: null, left: null, decision: null, briefing: false};

function say(text) { $("status").textContent = text; }
function alertUser(text) { $("alert-text").textContent = text; $("alert").hidden = false; }

// ------------------------------------------------------------------ the connection
connect({
  onOpen() {
    const token = localStorage.getItem(TOKEN);
    if (token) { send({type: "resume", token: token}); say(state.lost ? "Back online: catching up…" : "Coming back to your team…"); }
    else { showJoin(true); say("Not joined yet."); }
  },
  onMessage: receive,
  onLost(seconds) {
    state.lost = true;
    say("Connection lost: trying again in " + seconds + " s… (nothing you did is lost)");
    draw();
  },
});

function receive(msg) {
  if (msg.type === "welcome") {
    if (msg.token) localStorage.setItem(TOKEN, msg.token);
    showJoin(false);
    $("alert").hidden = true;
  } else if (msg.type === "view") {
    const caughtUp = state.lost;
    state.lost = false;
    state.msg = msg;
    state.nextId = Math.max(state.nextId, msg.last_id + 1);
    state.left = timeLeft(msg);
    state.deadline = state.left === null ? null : Date.now() + state.left * 1000;
    draw();
    if (caughtUp) say("Back online, up to date. " + $("status").textContent);
  } else if (msg.type === "error") {
    if (/token|no longer speaks/.test(msg.message)) {
      localStorage.removeItem(TOKEN);
      state.msg = null;
      draw();
      showJoin(true, msg.message);
    } else if (/already here/.test(msg.message)) {
      showJoin(true, "rejoin code");
    }
    alertUser(msg.message);
  }
}

/** Send one of the seat's commands (the server refuses anything the rules do not allow now). */
function act(command) {
  const msg = state.msg;
  if (!msg) return;
  if (msg.view && msg.view.paused) { alertUser("Paused by the teacher: wait until the game goes on."); return; }
  if (!send({type: "command", id: state.nextId++, table: msg.table, command: command})) {
    alertUser("You are offline: wait until the page is connected again, then try again.");
    return;
  }
  $("alert").hidden = true;
  say("Sent: waiting for the table…");
}

function pick(table, role) {
  if (send({type: "pick", table: table, role: role})) say("Taking the seat…");
}

// ------------------------------------------------------------------ drawing
function draw() {
  let focus = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
  const opened = [...document.querySelectorAll("details[data-key][open]")].map((d) => d.dataset.key);
  const msg = state.msg;
  const started = !!(msg && msg.started && msg.view);
  const over = started && msg.view.over;
  $("waiting").hidden = !msg || started;
  $("game").hidden = !started || over;
  $("end").hidden = !over;
  $("nav").hidden = !started || over;
  $("facts").hidden = !started || over;
  $("who").textContent = msg ? "Team " + msg.team + (started ? " · " + msg.view.role_name : "") : "";
  if (!msg) { $("decision").hidden = true; return; }
  if (!started) {
    drawWaiting($("waiting"), msg, pick);
    say(msg.table ? "Seated at table " + msg.table + ", waiting for the start." : "Waiting for a seat.");
  } else {
    drawGame(msg);
  }
  const briefing = state.briefing;
  state.briefing = false;
  if (started && !over && newDecision(msg.view) && !briefing) {
    // A new event or proposal to answer: shown at the top of the page, with the keyboard on its heading.
    const title = $("decision-title");
    title.setAttribute("tabindex", "-1");
    window.scrollTo(0, 0);
    title.focus({preventScroll: true});
    focus = null;
  }
  for (const key of opened) {
    const again = document.querySelector(`details[data-key="${CSS.escape(key)}"]`);
    if (again) again.open = true;
  }
  restore(focus);
}

function drawGame(msg) {
  const view = msg.view;
  const blocked = view.paused || state.lost;
  drawFacts(view);
  document.body.classList.toggle("paused", view.paused);
  const send = (command) => act(command);
  drawDecision($("decision"), view, send, blocked, go);
  if (view.over) {
    $("decision").hidden = true;
    drawEnd($("end"), view);
    say("The game is over: your results are below.");
    return;
  }
  drawBoard($("board"), view);
  drawActions($("actions"), view, send, blocked);
  drawBriefing($("briefing"), view, go);
  drawNegotiation($("negotiation"), msg, send);
  if (!state.started) {
    // The briefing first, once a seat's game has started (not again at each visit of the page).
    state.started = true;
    state.reviewed = view.review ? view.review.turn : null;
    const seat = msg.team + "@" + msg.table;
    if (localStorage.getItem(BRIEFED) !== seat) {
      localStorage.setItem(BRIEFED, seat);
      state.briefing = true;  // read first: the decision waits above it (the status line says so)
      go("briefing");
    }
  }
  if (view.review && view.review.turn !== state.reviewed) {
    state.reviewed = view.review.turn;
    go("board");
    say("Turn " + view.review.turn + " is over: its review is at the top of the board.");
  } else if (!state.lost) {
    say(view.paused ? "Paused by the teacher: you can read, not act." : doing(view));
  }
  mark();
}

/** Whether the view asks the seat something new (an event or a proposal) that is on screen now. */
function newDecision(view) {
  const d = view.decision;
  const key = d && d.kind !== "act" ? d.kind + ":" + d.event + ":" + d.proposal : null;
  const changed = key !== null && key !== state.decision;
  state.decision = key;
  return changed && !$("decision").hidden;
}

function doing(view) {
  const d = view.decision;
  if (!d) return waiting(view);
  if (d.kind === "choose") return "Decide: " + d.title + ".";
  if (d.kind === "answer") return "A proposal waits for your answer.";
  return "Your move: commit actions, then Done.";
}

/** What a seat that has nothing to decide now waits for, and for whom. */
function waiting(view) {
  const who = view.moment ? view.moment.name : "the other side";
  if (view.phase !== "actions") return "Waiting for " + who + " to answer the news.";
  if (view.done) return "Done for this turn: waiting for " + who + ".";
  return who + " acts first; your move comes next.";
}

function drawFacts(view) {
  $("fact-turn").textContent = view.turn + " of " + view.turns + " · " + view.date;
  $("fact-capital").textContent = String(view.capital);
  tick();
}

/** Seconds left in the turn as the server counts them (``null``: no timer); a timer the teacher has just set and
 * the server has not counted yet starts full. */
function timeLeft(msg) {
  if (msg.seconds_left !== null && msg.seconds_left !== undefined) return msg.seconds_left;
  return msg.view && msg.view.turn_seconds ? msg.view.turn_seconds : null;
}

/** The turn timer, counted down on the page from the server's ``seconds_left`` (set again at each view). The server
 * counts only while the seat's side acts (not during the news, nor in a pause), and so does the page. */
function tick() {
  const view = state.msg && state.msg.view;
  const out = $("fact-timer");
  if (!view) return;
  const running = view.phase === "actions" && !view.paused;
  if (state.deadline !== null && !running) state.deadline = Date.now() + state.left * 1000;
  if (view.paused) out.textContent = "paused";
  else if (state.deadline === null) out.textContent = "no limit";
  else if (!running) out.textContent = clock(state.left) + " after the news";
  else {
    const left = (state.deadline - Date.now()) / 1000;
    out.textContent = left > 0 ? clock(left) : "time is up";
    out.classList.toggle("short", left > 0 && left <= 30);
  }
}
setInterval(tick, 1000);

// ------------------------------------------------------------------ the nav
// Every part stays on the page (one column on a phone, two on a wide screen): the nav takes the reader, and the
// keyboard, to a part, and marks the part in view.
function go(panel) {
  const target = panel === "board" && !$("decision").hidden ? $("decision") : $(panel);
  if (!target || target.hidden) return;
  const top = target.getBoundingClientRect().top + window.scrollY - document.querySelector(".topbar").offsetHeight - 8;
  window.scrollTo(0, Math.max(0, top));
  const heading = target.querySelector("h1, h2");
  if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({preventScroll: true}); }
  mark(panel);
}

/** Mark the nav's entry of ``panel`` (by default: the part under the header). */
function mark(panel) {
  let current = panel;
  if (!current) {
    const line = document.querySelector(".topbar").getBoundingClientRect().bottom + 16;
    current = PANELS.filter((id) => $(id).getBoundingClientRect().top <= line).pop() || "board";
  }
  for (const b of $("nav").querySelectorAll("button")) {
    if (b.dataset.panel === current) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
  }
}

let marking = false;
window.addEventListener("scroll", () => {
  if (marking) return;
  marking = true;
  requestAnimationFrame(() => { marking = false; mark(); });
}, {passive: true});
for (const b of $("nav").querySelectorAll("button")) b.addEventListener("click", () => go(b.dataset.panel));

function restore(key) {
  if (!key) return;
  const again = document.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (again && !again.disabled) again.focus();
  else if (key.startsWith("commit:") || key.startsWith("withdraw:")) {
    const other = document.querySelector(`[data-key="${CSS.escape(key.startsWith("commit:") ? "withdraw:" + key.slice(7) : "commit:" + key.slice(9))}"]`);
    if (other) other.focus();
  } else {
    const next = document.querySelector('#decision:not([hidden]) [data-key^="choose:"]');
    (next || $("main")).focus();
  }
}

$("alert-close").addEventListener("click", () => { $("alert").hidden = true; });
setUpJoin((message) => { if (!send(message)) alertUser("Not connected yet: wait a moment and try again."); });
