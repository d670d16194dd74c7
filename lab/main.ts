/**
 * The shell: reads the state from the URL hash, draws the panel tabs, mounts the chosen view and
 * keeps the hash in step with the state. A bad hash never gives a blank page: its bad fields take
 * their defaults, the others keep the link's values, a notice says in plain words what was wrong,
 * and the address bar keeps the link as it was typed until the reader changes something.
 */
import { decodeHash, encodeHash } from "./hash.js";
import { createPool } from "./rpc.js";
import type { LabState, ViewId } from "./state.js";
import { el } from "./ui.js";
import { viewById, views } from "./views/registry.js";
import type { MountedView, ViewContext } from "./views/view.js";

const pool = createPool();
const nav = document.getElementById("tabs") as HTMLElement;
const panel = document.getElementById("panel") as HTMLElement;
const notice = document.getElementById("notice") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;
const presentButton = document.getElementById("presentation") as HTMLButtonElement;

let state: LabState;
let mounted: MountedView | undefined;
let lastWrittenHash = "";
/** True while the address bar holds a link with bad fields that the reader has not changed yet. */
let keepAddress = false;

function writeHash(): void {
  if (keepAddress) return;
  lastWrittenHash = encodeHash(state);
  if (location.hash !== lastWrittenHash) history.replaceState(null, "", lastWrittenHash);
}

/** Larger type and folded controls for a projector; the figures are redrawn for the new type. */
function applyPresentation(): void {
  const on = state.presentation === "on";
  document.documentElement.classList.toggle("presentation", on);
  presentButton.setAttribute("aria-pressed", on ? "true" : "false");
  presentButton.textContent = on ? "Leave presentation" : "Presentation mode";
}

function showNotice(problems: readonly string[]): void {
  notice.replaceChildren(
    el("strong", {
      text: "Some settings in this link could not be used. Every other setting is as the link gives it.",
    }),
    el("ul", {}, ...problems.map((p) => el("li", { text: p }))),
  );
  const close = el("button", { type: "button", class: "notice-close" }, "Dismiss");
  close.addEventListener("click", () => {
    notice.hidden = true;
  });
  notice.append(close);
  notice.hidden = false;
}

const context: ViewContext = {
  pool,
  state: () => state,
  update(change) {
    state = change(state);
    // the reader changed something: from now on the address bar follows the state
    keepAddress = false;
    writeHash();
  },
  announce(text) {
    status.textContent = text;
  },
};

function drawTabs(): void {
  nav.replaceChildren();
  for (const view of views) {
    const selected = view.id === viewById(state.view).id;
    const tab = el("button", {
      type: "button",
      role: "tab",
      id: `tab-${view.id}`,
      "aria-selected": selected ? "true" : "false",
      "aria-controls": "panel",
      tabindex: selected ? 0 : -1,
      text: view.title,
    });
    tab.addEventListener("click", () => select(view.id));
    nav.append(tab);
  }
}

nav.addEventListener("keydown", (event) => {
  const tabs = [...nav.querySelectorAll<HTMLButtonElement>("[role=tab]")];
  const index = tabs.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  let next = -1;
  if (event.key === "ArrowRight") next = (index + 1) % tabs.length;
  else if (event.key === "ArrowLeft") next = (index - 1 + tabs.length) % tabs.length;
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = tabs.length - 1;
  if (next < 0) return;
  event.preventDefault();
  select(views[next].id);
  nav.querySelector<HTMLButtonElement>(`#tab-${views[next].id}`)?.focus();
});

function mount(): void {
  mounted?.unmount();
  status.textContent = "";
  panel.replaceChildren();
  const view = viewById(state.view);
  panel.setAttribute("aria-labelledby", `tab-${view.id}`);
  document.title = `${view.title} · Minima Lab`;
  drawTabs();
  mounted = view.mount(panel, context);
}

function select(id: ViewId): void {
  if (state.view === id) return;
  context.update((s) => ({ ...s, view: id }));
  mount();
}

function load(): void {
  const decoded = decodeHash(location.hash);
  state = decoded.state;
  if (decoded.problems.length > 0) showNotice(decoded.problems);
  else notice.hidden = true;
  keepAddress = decoded.problems.length > 0;
  if (keepAddress) lastWrittenHash = location.hash;
  writeHash();
  applyPresentation();
  status.textContent = "";
  mount();
}

presentButton.addEventListener("click", () => {
  context.update((s) => ({ ...s, presentation: s.presentation === "on" ? "off" : "on" }));
  applyPresentation();
  mount();
});

window.addEventListener("hashchange", () => {
  if (location.hash !== lastWrittenHash) load();
});

// The e2e tests read the state and the number of running computations through this handle.
(window as unknown as { minimaLab: unknown }).minimaLab = {
  state: () => state,
  running: () => pool.running,
};

load();
