// The teacher's downloads: fetched with the token in an Authorization header (never in an address), saved as files.
import { t } from "./i18n.js";

/** Fetch ``path`` with the teacher's ``token`` and save it; ``say(text, error)`` reports how it went. */
export async function download(path, token, say) {
  say(t("Preparing the download…"));
  let response;
  try {
    response = await fetch(path, {headers: {Authorization: "Bearer " + token}, cache: "no-store"});
  } catch (error) {
    say(t("The download failed: the server cannot be reached."), true);
    return;
  }
  if (!response.ok) {
    say(t("The download was refused: {reason}", {reason: (await response.text()).trim()}), true);
    return;
  }
  const found = new RegExp('filename="([^"]+)"').exec(response.headers.get("Content-Disposition") || "");
  const name = found ? found[1] : "common-ground.html";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url; link.download = name; link.hidden = true;
  document.body.append(link); link.click(); link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  say(t("Saved {file} (see your downloads).", {file: name}));
}
