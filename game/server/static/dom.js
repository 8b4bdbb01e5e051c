// Small helpers to build the page's elements from the server's JSON (text only: never HTML from data).

/** An element: ``el("p", {class: "note"}, "text", child)``; attributes starting with "on" are listeners. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A real button that runs ``action`` (Enter and Space work as for any button). */
export function button(label, action, attrs) {
  return el("button", Object.assign({type: "button", onclick: action}, attrs || {}), label);
}

/** A whole number as the game shows values (``41``), and a change with its sign (``+4``, ``-2``, ``0``). */
export function num(value) { return String(Math.round(value)); }
export function signed(value) {
  const whole = Math.round(value);
  return whole > 0 ? "+" + whole : whole < 0 ? "−" + Math.abs(whole) : "0";
}

/** Seconds as ``m:ss``. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

/** Put ``children`` in ``root`` in place of what it held (null, undefined and false are left out). */
export function fill(root, ...children) {
  root.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}
