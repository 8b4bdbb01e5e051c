// The new-table form: a scenario (the room's or a bundled one), a length in turns and an optional seed.
import { el } from "./desk-dom.js";
import { t } from "./i18n.js";

let known = "";

/** Fill the scenario list from the room message (once per change of the list), keeping the teacher's choice. */
export function fillScenarios(room) {
  const select = document.getElementById("new-scenario");
  const key = JSON.stringify(room.scenarios);
  if (key === known) return;
  known = key;
  const chosen = select.value;
  select.replaceChildren(...room.scenarios.map((s) =>
    el("option", {value: s.id, selected: s.id === chosen || (!chosen && s.room)}, s.room ? t("{title} (this room's)", {title: s.title}) : s.title)));
  lengths(room);
}

function lengths(room) {
  const scenario = room.scenarios.find((s) => s.id === document.getElementById("new-scenario").value);
  if (!scenario) return;
  const turns = document.getElementById("new-turns");
  turns.min = scenario.shortest; turns.max = scenario.turns;
  turns.value = scenario.room && room.room_turns ? room.room_turns : scenario.turns;
}

/** Wire the form: ``api.send`` creates the table, ``api.download`` fetches the handouts. */
export function setUpCreate(api, room) {
  const form = document.getElementById("new-table");
  document.getElementById("new-scenario").addEventListener("change", () => lengths(room()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const seed = document.getElementById("new-seed").value.trim();
    const data = {type: "create_table", scenario: document.getElementById("new-scenario").value,
      turns: Number(document.getElementById("new-turns").value)};
    if (seed !== "") data.seed = Number(seed);
    api.send(data, t("Table created"));
  });
  document.getElementById("handouts").addEventListener("click", () =>
    api.download("/download/handouts/" + encodeURIComponent(document.getElementById("new-scenario").value)));
}
