// The teacher's dashboard: the token comes from the address after '#', never sent in a URL.
"use strict";
const $ = (id) => document.getElementById(id);
const admin = location.hash.slice(1);
let socket = null, nextId = 1, delay = 500;

function say(text, error) { $("status").textContent = text; $("status").className = error ? "error" : ""; }
function send(data) { data.id = nextId++; socket.send(JSON.stringify(data)); }

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(scheme + "//" + location.host + "/ws/teacher");
  socket.onopen = () => { delay = 500; socket.send(JSON.stringify({type: "hello", admin: admin})); };
  socket.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    if (msg.type === "room") draw(msg);
    else if (msg.type === "error") say(msg.message, true);
  };
  socket.onclose = () => { say("Connection lost: trying again…", true); setTimeout(connect, delay); delay = Math.min(delay * 2, 8000); };
}

function button(label, action) {
  const b = document.createElement("button");
  b.type = "button"; b.textContent = label; b.onclick = action; return b;
}

function draw(room) {
  say("Room code " + room.code + " · " + room.scenario);
  const teams = $("teams"); teams.replaceChildren();
  const list = document.createElement("ul");
  for (const t of room.teams) {
    const li = document.createElement("li");
    li.textContent = t.name + (t.connected ? " (connected)" : " (away)") + (t.table ? " at " + t.table + " as " + t.role : "");
    list.append(li);
  }
  teams.append(list);
  const tables = $("tables"); tables.replaceChildren();
  for (const table of room.tables) {
    const box = document.createElement("section");
    const h = document.createElement("h2"); h.textContent = "Table " + table.id; box.append(h);
    for (const [role, who] of Object.entries(table.seats)) {
      const label = document.createElement("label");
      label.textContent = role + ": ";
      const select = document.createElement("select");
      select.disabled = table.started;
      for (const option of ["", "beginner", "standard", "strong", ...room.teams.map((t) => "team:" + t.name)]) {
        const o = document.createElement("option"); o.value = option; o.textContent = option || "(empty: computer)";
        o.selected = option === who; select.append(o);
      }
      select.onchange = () => send({type: "seat", table: table.id, role: role, who: select.value});
      label.append(select); box.append(label);
    }
    if (!table.started) box.append(button("Start", () => send({type: "start", table: table.id})));
    else {
      for (const action of ["pause", "resume", "time_up", "end"]) box.append(button(action, () => send({type: "control", table: table.id, action: action})));
      const pre = document.createElement("pre");
      const p = table.public;
      pre.textContent = "Turn " + p.turn + " of " + p.turns + (p.paused ? " (paused)" : "") +
        (table.seconds_left !== null ? " · " + table.seconds_left + " s left" : "") + "\n" + p.indicators.map((i) => i.label + ": " + i.value).join("\n");
      box.append(pre);
    }
    tables.append(box);
  }
}

$("new-table").onclick = () => send({type: "create_table"});
connect();
