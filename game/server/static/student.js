// The student's page: join (or resume with the kept token), then draw the seat's view the server sends, and send
// the commands the view offers, over the page's one WebSocket (net.js). The browser decides no rule: the server
// checks every command.
import { drawActions } from "./actions.js";
import { drawBoard } from "./board.js";
import { drawBriefing } from "./briefing.js";
import { drawEnd } from "./end.js";
import { drawDecision } from "./events.js";
import { t } from "./i18n.js";
import { drawWaiting, setUpJoin, showJoin } from "./join.js";
import { drawNegotiation } from "./negotiate.js";
import { go, mark } from "./nav.js";
import { connect, send } from "./net.js";
import { setTimer } from "./timer.js";

const $ = (id) => document.getElementById(id);
const TOKEN = "cg-token", BRIEFED = "cg-briefed";
const state = {msg: null, nextId: 1, reviewed: null, started: false, lost: false, decision: null, briefing: false,
  ended: false};

function say(text) { $("status").textContent = text; }
function alertUser(text) {
  $("alert-text").textContent = text.charAt(0).toUpperCase() + text.slice(1);  // the server's messages start small
  $("alert").hidden = false;
}

// ------------------------------------------------------------------ the connection
connect({
  onOpen() {
    const token = localStorage.getItem(TOKEN);
    if (token) { send({type: "resume", token: token}); say(state.lost ? t("Back online: catching up…") : t("Coming back to your team…")); }
    else { showJoin(true); say(t("Not joined yet.")); }
  },
  onMessage: receive,
  onLost(seconds) {
    state.lost = true;
    say(t("Connection lost: trying again in {seconds} s… (nothing you did is lost)", {seconds: seconds}));
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
    draw();
    setTimer(msg);
    if (caughtUp) say(t("Back online, up to date.") + " " + $("status").textContent);
  } else if (msg.type === "error") {
    if (msg.reason === "token" || msg.reason === "stale") {
      localStorage.removeItem(TOKEN);
      state.msg = null;
      draw();
      showJoin(true, msg.reason === "stale");
    } else if (msg.reason === "name_taken") {
      showJoin(true, true);
    }
    alertUser(msg.message);
  }
}

/** Send one of the seat's commands (the server refuses anything the rules do not allow now). */
function act(command) {
  const msg = state.msg;
  if (!msg) return;
  if (msg.view && msg.view.paused) { alertUser(t("Paused by the teacher: wait until the game goes on.")); return; }
  if (!send({type: "command", id: state.nextId++, table: msg.table, command: command})) {
    alertUser(t("You are offline: wait until the page is connected again, then try again."));
    return;
  }
  $("alert").hidden = true;
  say(t("Sent: waiting for the table…"));
}

function pick(table, role) {
  if (send({type: "pick", table: table, role: role})) say(t("Taking the seat…"));
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
  $("seat-title").hidden = !started || over;  // the page's heading comes before the decision's
  $("end").hidden = !over;
  $("nav").hidden = !started || over;
  $("facts").hidden = !started || over;
  $("who").textContent = !msg ? "" : started ? t("Team {team} · {side}", {team: msg.team, side: msg.view.role_name})
    : t("Team {team}", {team: msg.team});
  if (!msg) { $("decision").hidden = true; return; }
  if (!started) {
    drawWaiting($("waiting"), msg, pick);
    say(msg.table ? t("Seated at table {table}, waiting for the start.", {table: msg.table}) : t("Waiting for a seat."));
  } else {
    drawGame(msg);
    if (over && document.activeElement === $("end-title")) focus = null;  // the end screen has just appeared
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
    say(t("The game is over: your results are below."));
    if (!state.ended) {
      // The end screen from its top, with the keyboard on its heading (not where the last turn's page was).
      state.ended = true;
      const title = $("end-title");
      title.setAttribute("tabindex", "-1");
      window.scrollTo(0, 0);
      title.focus({preventScroll: true});
    }
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
    say(t("Turn {turn} is over: its review is at the top of the board.", {turn: view.review.turn}));
  } else if (!state.lost) {
    say(view.paused ? t("Paused by the teacher: you can read, not act.") : doing(view));
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
  if (d.kind === "choose") return t("Decide: {event}.", {event: d.title});
  if (d.kind === "answer") return t("A proposal waits for your answer.");
  return t("Your move: commit actions, then Done.");
}

/** What a seat that has nothing to decide now waits for, and for whom. */
function waiting(view) {
  if (!view.moment) {
    if (view.phase !== "actions") return t("Waiting for the other side to answer the news.");
    if (view.done) return t("Done for this turn: waiting for the other side.");
    return t("The other side acts first; your move comes next.");
  }
  const who = view.moment.name;
  if (view.phase !== "actions") return t("Waiting for {side} to answer the news.", {side: who});
  if (view.done) return t("Done for this turn: waiting for {side}.", {side: who});
  return t("{side} acts first; your move comes next.", {side: who});
}

function drawFacts(view) {
  $("fact-turn").textContent = t("{turn} of {turns} · {date}", {turn: view.turn, turns: view.turns, date: view.date});
  $("fact-capital").textContent = String(view.capital);
}

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
setUpJoin((message) => { if (!send(message)) alertUser(t("Not connected yet: wait a moment and try again.")); });
