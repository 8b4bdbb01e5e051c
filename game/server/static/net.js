// The page's one WebSocket: it reconnects by itself with a growing delay (0.5 s, 1 s, 2 s … up to 8 s), and on
// each (re)connection ``onOpen`` resumes the team, so the server sends the current view and the page catches up.

let socket = null, delay = 500, hooks = null, retry = null;

/** Open the connection; ``handlers`` has ``onOpen()``, ``onMessage(msg)`` and ``onLost(seconds)``. */
export function connect(handlers) {
  hooks = handlers;
  open();
}

function open() {
  retry = null;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(scheme + "\/\/" + location.host + "/ws");
  socket.onopen = () => { delay = 500; hooks.onOpen(); };
  socket.onmessage = (event) => {
    let msg;
    try { msg = JSON.parse(event.data); } catch { return; }
    hooks.onMessage(msg);
  };
  socket.onclose = () => {
    if (retry) return;
    hooks.onLost(delay / 1000);
    retry = setTimeout(open, delay);
    delay = Math.min(delay * 2, 8000);
  };
}

/** Whether messages can be sent now. */
export function online() { return socket !== null && socket.readyState === WebSocket.OPEN; }

/** Send a message; false when the connection is down (the page says so). */
export function send(data) {
  if (!online()) return false;
  socket.send(JSON.stringify(data));
  return true;
}
