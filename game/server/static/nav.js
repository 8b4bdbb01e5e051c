// The nav of the student's page. Every part stays on the page (one column on a phone, two on a wide screen): the
// nav takes the reader, and the keyboard, to a part, and marks the part in view.

const $ = (id) => document.getElementById(id);
const PANELS = ["board", "actions", "negotiation", "briefing"];

/** Take the reader, and the keyboard, to ``panel`` (the board starts with the decision, when there is one). */
export function go(panel) {
  const target = panel === "board" && !$("decision").hidden ? $("decision") : $(panel);
  if (!target || target.hidden) return;
  const top = target.getBoundingClientRect().top + window.scrollY - document.querySelector(".topbar").offsetHeight - 8;
  window.scrollTo(0, Math.max(0, top));
  const heading = target.querySelector("h1, h2");
  if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({preventScroll: true}); }
  mark(panel);
}

/** Mark the nav's entry of ``panel`` (by default: the part under the header). */
export function mark(panel) {
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

