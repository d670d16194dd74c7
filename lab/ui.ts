/** Small DOM helpers shared by the views: elements, labelled controls, status lines. */

type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

export interface NumberControlOptions {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly help?: string;
  readonly integer?: boolean;
  /** Also show a slider (for quantities people like to sweep by hand). */
  readonly slider?: boolean;
  readonly onChange: (value: number) => void;
}

/**
 * Tells the view's form that a field was refused (`problem`: what it must be) or accepted again, so
 * its status line can say that the figures show the last valid settings.
 */
function reportProblem(input: HTMLElement, label: string, problem: string | undefined): void {
  input.dispatchEvent(new CustomEvent("field-problem", { bubbles: true, detail: { label, problem } }));
}

/**
 * A labelled number input, optionally with a slider bound to it. A value outside [min, max] or not
 * a number is refused with a message beside the field, and the state keeps its last valid value.
 */
export function numberControl(options: NumberControlOptions): HTMLElement {
  const input = el("input", {
    id: options.id,
    type: "number",
    min: options.min,
    max: options.max,
    step: options.step,
    value: options.value,
    inputmode: "decimal",
    "aria-describedby": `${options.id}-msg`,
  });
  const message = el("span", { class: "field-msg", id: `${options.id}-msg`, "aria-live": "polite" });
  if (options.help) message.textContent = options.help;
  const slider = options.slider
    ? el("input", {
        type: "range",
        min: options.min,
        max: options.max,
        step: options.step,
        value: options.value,
        "aria-label": `${options.label} slider`,
        tabindex: -1,
      })
    : undefined;
  const commit = (text: string) => {
    const x = Number(text);
    const ok =
      text.trim() !== "" &&
      Number.isFinite(x) &&
      x >= options.min &&
      x <= options.max &&
      (!options.integer || Number.isInteger(x));
    input.setAttribute("aria-invalid", ok ? "false" : "true");
    const allowed = `${options.integer ? "a whole number" : "a number"} from ${options.min} to ${options.max}`;
    reportProblem(input, options.label, ok ? undefined : allowed);
    if (!ok) {
      message.textContent = `${options.label} must be ${allowed}`;
      message.classList.add("error");
      return;
    }
    message.classList.remove("error");
    message.textContent = options.help ?? "";
    if (slider) slider.value = String(x);
    options.onChange(x);
  };
  input.addEventListener("change", () => commit(input.value));
  slider?.addEventListener("input", () => {
    input.value = slider.value;
  });
  slider?.addEventListener("change", () => commit(slider.value));
  return el(
    "div",
    { class: "field" },
    el("label", { for: options.id, text: options.label }),
    input,
    ...(slider ? [slider] : []),
    message,
  );
}

export function selectControl<T extends string>(options: {
  id: string;
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}): HTMLElement {
  const select = el("select", { id: options.id });
  for (const choice of options.choices) {
    const option = el("option", { value: choice.value, text: choice.label });
    if (choice.value === options.value) option.selected = true;
    select.append(option);
  }
  select.addEventListener("change", () => options.onChange(select.value as T));
  return el("div", { class: "field" }, el("label", { for: options.id, text: options.label }), select);
}

export function textControl(options: {
  id: string;
  label: string;
  value: string;
  help?: string;
  validate: (text: string) => string | undefined;
  onChange: (text: string) => void;
}): HTMLElement {
  const input = el("input", { id: options.id, type: "text", value: options.value, spellcheck: "false" });
  const message = el("span", { class: "field-msg", id: `${options.id}-msg`, "aria-live": "polite" });
  if (options.help) message.textContent = options.help;
  input.setAttribute("aria-describedby", `${options.id}-msg`);
  input.addEventListener("change", () => {
    const problem = options.validate(input.value);
    input.setAttribute("aria-invalid", problem ? "true" : "false");
    reportProblem(input, options.label, problem);
    message.textContent = problem ?? options.help ?? "";
    message.classList.toggle("error", problem !== undefined);
    if (!problem) options.onChange(input.value);
  });
  return el("div", { class: "field" }, el("label", { for: options.id, text: options.label }), input, message);
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", onClick);
  return b;
}

/** A number for people (as the CLI prints it: up to 6 significant digits). */
export function fmt(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}

/** A paragraph naming the paper behind a view, with a link to it, and the page of Minima's docs/ that explains it. */
export function paperNote(citation: string, arxiv: string, docs: string): HTMLElement {
  const link = el(
    "a",
    { href: `https://arxiv.org/abs/${arxiv}`, target: "_blank", rel: "noopener" },
    citation,
  );
  const page = docs.replace(/^docs\//, "");
  return el(
    "p",
    { class: "paper-note" },
    link,
    ` (arXiv:${arxiv}). The mathematics: `,
    el("a", { href: `docs/${page}`, target: "_blank", rel: "noopener" }, docs),
    " in Minima's documentation.",
  );
}

/** The "What you see" aside of a view: its paragraphs (text or elements), then the paper note. */
export function explainAside(...children: (string | HTMLElement)[]): HTMLElement {
  return el(
    "aside",
    { class: "explain", "aria-label": "What this shows" },
    el("h3", { text: "What you see" }),
    ...children.map((c) => (typeof c === "string" ? el("p", { text: c }) : c)),
  );
}

/** A view's three columns: its controls, its titled figures and readouts, and its explanation. */
export function viewLayout(options: {
  readonly id: string;
  readonly controls: HTMLElement;
  readonly title: string;
  readonly figures: readonly HTMLElement[];
  readonly explain: HTMLElement;
}): HTMLElement {
  return el(
    "div",
    { class: "view", id: options.id },
    options.controls,
    el("div", { class: "figures" }, el("h2", { text: options.title }), ...options.figures),
    options.explain,
  );
}
