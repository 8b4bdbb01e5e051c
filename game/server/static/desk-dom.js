// Small helpers to build the dashboard's elements (no HTML strings: every text is set as text).

/** An element with attributes (``class``, ``id``, ``for``, ``aria-*``, ...) and children (text or elements). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key === "hidden" || key === "disabled" || key === "selected" || key === "checked") node[key] = Boolean(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A real button with a stable id (so focus comes back to it after a redraw). */
export function button(id, label, action, attrs) {
  const node = el("button", Object.assign({type: "button", id: id}, attrs || {}), label);
  node.addEventListener("click", action);
  return node;
}

/** A labelled select: ``options`` is a list of [value, text]; ``current`` the chosen value. */
export function choice(id, label, options, current, onChange, attrs) {
  const select = el("select", Object.assign({id: id}, attrs || {}));
  for (const [value, text] of options) select.append(el("option", {value: value, selected: value === current}, text));
  select.addEventListener("change", () => onChange(select.value));
  return [el("label", {for: id}, label), select];
}

/** Whole seconds as ``m:ss``. */
export function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}
