/**
 * A view as a declaration: its controls (built from the state), its computation (which worker
 * calls for the state), its output (figures and readouts drawn from a result), its exports and its
 * explanation. `defineView` turns one into a mounted panel and owns the cycle every view shares:
 * compute on mount and on every change of the view's state, show progress and partial results,
 * cancel on a new request, on the Cancel button or on unmount, report errors in the status line.
 */
import { type Exportable, exportBar, refreshExportBar } from "../export.js";
import { RunCycle, type RunPlan } from "../run-cycle.js";
import type { LabState } from "../state.js";
import { StatusLine } from "../status.js";
import { button, el, viewLayout } from "../ui.js";
import type { View } from "./view.js";

const PARTIAL_MS = 150;

export type SectionId = "cnn" | "basins" | "probability" | "tian" | "ding" | "spurious";

/** What a view's controls and output may do with the state. */
export interface ViewIO<K extends SectionId> {
  /** This view's section of the state. */
  state(): LabState[K];
  /** The whole state (the Basins view reads the CNN view's teacher). */
  lab(): LabState;
  /** Change this view's section (the hash follows) and recompute. */
  set(patch: Partial<LabState[K]>): void;
  /** A message for the page's status line and screen readers. */
  announce(text: string): void;
}

export interface ViewOutput<R> {
  /** The figures column, between the heading and the export bar. */
  readonly elements: readonly HTMLElement[];
  /** Extra controls at the end of the form (the CNN view's animation buttons). */
  readonly controls?: readonly HTMLElement[];
  /** Draws a partial (final = false) or final result. */
  render(result: R, final: boolean): void;
  /** The figure the export bar saves as SVG or PNG. */
  figure(): SVGSVGElement | null;
  /** Stops whatever runs in the page (an animation) when a run starts or the view unmounts. */
  stop?(): void;
}

/** The status line's ids and messages. */
export interface StatusSpec<R> {
  readonly id: string;
  /** With a progress bar, its id. */
  readonly barId?: string;
  starting(state: LabState, total: number): string;
  progress?(done: number, total: number): string;
  /** The message when the run ends (undefined: the output writes the status line itself). */
  finished?(result: R, total: number): string | undefined;
  cancelled?(done: number, total: number): string;
  /** For screen readers when the run ends or is cancelled. */
  announce?(result: R, state: LabState): string;
  readonly announceCancel?: string;
}

export interface ViewDefinition<K extends SectionId, R> {
  readonly id: K;
  /** The tab's title. */
  readonly title: string;
  /** The heading above the figures. */
  readonly heading: string;
  /** The form's accessible name. */
  readonly formLabel: string;
  controls(io: ViewIO<K>): HTMLElement[];
  /** A run button and a Cancel button, when the view has them. */
  readonly buttons?: {
    readonly run: { readonly id: string; readonly label: string };
    readonly cancel: string;
  };
  compute(state: LabState): RunPlan<R>;
  /** Warnings about the settings, shown above the status line (e.g. a step above the stability bound). */
  notes?(state: LabState): string[];
  readonly status: StatusSpec<R>;
  output(io: ViewIO<K>, status: StatusLine): ViewOutput<R>;
  readonly exports: {
    readonly name: string;
    data(state: LabState, result: R | undefined): unknown;
    csv(result: R | undefined): ReturnType<Exportable["csv"]>;
    command(state: LabState): string | undefined;
  };
  explain(): HTMLElement;
}

export function defineView<K extends SectionId, R>(def: ViewDefinition<K, R>): View {
  return {
    id: def.id,
    title: def.title,
    mount(root, context) {
      const cycle = new RunCycle(context.pool);
      const io: ViewIO<K> = {
        state: () => context.state()[def.id],
        lab: () => context.state(),
        set(patch) {
          context.update((state) => ({ ...state, [def.id]: { ...state[def.id], ...patch } }));
          compute();
        },
        announce: (text) => context.announce(text),
      };
      const status = new StatusLine(def.status.id, def.status.barId);
      const output = def.output(io, status);
      let result: R | undefined;
      let done = 0;
      let total = 0;

      const cancelButton = def.buttons
        ? button("Cancel", () => cancel(), { id: def.buttons.cancel })
        : undefined;
      const buttons = def.buttons
        ? [
            el(
              "div",
              { class: "buttons" },
              button(def.buttons.run.label, () => compute(), { id: def.buttons.run.id, class: "primary" }),
              cancelButton as HTMLButtonElement,
            ),
          ]
        : [];
      const notes = el("div", { class: "notes", id: `${def.id}-notes`, role: "status" });
      // in presentation mode the controls start folded away; this button opens them
      const presenting = context.state().presentation === "on";
      const toggle = el("button", {
        type: "button",
        class: "controls-toggle",
        id: `${def.id}-controls-toggle`,
        "aria-expanded": presenting ? "false" : "true",
        text: "Controls",
      });
      const form = el(
        "form",
        { class: presenting ? "controls collapsed" : "controls", "aria-label": def.formLabel },
        toggle,
        ...def.controls(io),
        ...buttons,
        ...(output.controls ?? []),
        notes,
        status.element,
      );
      form.addEventListener("submit", (e) => e.preventDefault());
      toggle.addEventListener("click", () => {
        const open = form.classList.toggle("collapsed") === false;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
      const showNotes = () => {
        const lines = def.notes?.(context.state()) ?? [];
        notes.replaceChildren(
          ...lines.map((line) => el("p", { class: "warning", text: `Warning: ${line}` })),
        );
      };
      // A field refused by its control leaves the figures at the last valid settings: say so, so
      // the status line never describes a run the controls no longer show.
      const invalid = new Map<string, string>();
      const showInvalid = () => {
        if (invalid.size === 0) return;
        const [label, problem] = [...invalid][0];
        status.hold(`not recomputed: ${label} must be ${problem}; the figures show the last valid settings`);
      };
      form.addEventListener("field-problem", (event) => {
        const { label, problem } = (event as CustomEvent<{ label: string; problem?: string }>).detail;
        if (problem === undefined) invalid.delete(label);
        else invalid.set(label, problem);
        if (invalid.size === 0) status.release();
        showInvalid();
      });
      const exporter = exportBar({
        name: def.exports.name,
        title: () => def.heading,
        figure: () => output.figure(),
        data: () => def.exports.data(context.state(), result),
        csv: () => def.exports.csv(result),
        command: () => def.exports.command(context.state()),
      });
      root.append(
        viewLayout({
          id: `view-${def.id}`,
          controls: form,
          title: def.heading,
          figures: [...output.elements, exporter],
          explain: def.explain(),
        }),
      );

      // Partial results are drawn at most every PARTIAL_MS (a sweep reports many times a second).
      let pending: ReturnType<typeof setTimeout> | undefined;
      let latest: R | undefined;
      let lastDrawn = 0;
      let drawnFinal = false;
      const draw = (r: R, final: boolean) => {
        clearTimeout(pending);
        pending = undefined;
        lastDrawn = performance.now();
        result = r;
        drawnFinal = final;
        output.render(r, final);
        refreshExportBar(exporter);
      };
      // Figures are drawn for the column's width: redraw when it changes (window, presentation
      // mode), but not while a run is in flight (its own results will be drawn at the new width).
      const column = root.querySelector<HTMLElement>(".figures");
      let drawnWidth = column?.clientWidth ?? 0;
      let resizeTimer: ReturnType<typeof setTimeout> | undefined;
      const redraw = (force = false) => {
        const width = column?.clientWidth ?? 0;
        if (!force && Math.abs(width - drawnWidth) < 2) return;
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => {
          drawnWidth = column?.clientWidth ?? 0;
          if (result !== undefined && !cycle.running) draw(result, drawnFinal);
        }, 120);
      };
      const observer = typeof ResizeObserver === "function" ? new ResizeObserver(() => redraw()) : undefined;
      if (column) observer?.observe(column);
      const onLayout = () => redraw(true);
      window.addEventListener("minima-layout", onLayout);
      const drawPartial = (r: R) => {
        latest = r;
        if (pending !== undefined) return;
        const wait = Math.max(0, lastDrawn + PARTIAL_MS - performance.now());
        pending = setTimeout(() => draw(latest as R, false), wait);
      };

      function compute(): void {
        output.stop?.();
        const state = context.state();
        const plan = def.compute(state);
        total = plan.total;
        done = 0;
        const empty = plan.combine(plan.calls.map(() => undefined));
        if (empty !== undefined) draw(empty, false);
        status.progress(0, total);
        status.release();
        status.show(def.status.starting(state, total));
        showNotes();
        showInvalid();
        context.announce(`${def.title}: ${def.status.starting(state, total)}`);
        if (cancelButton) cancelButton.disabled = plan.calls.length === 0;
        refreshExportBar(exporter);
        cycle.start(plan, {
          partial(r, n) {
            done = n;
            status.progress(n, total);
            if (def.status.progress) status.show(def.status.progress(n, total));
            drawPartial(r);
          },
          finish(r) {
            if (cancelButton) cancelButton.disabled = true;
            done = plan.count(r);
            status.progress(done, total);
            const message = def.status.finished?.(r, total);
            if (message !== undefined) status.show(message);
            draw(r, true);
            context.announce(def.status.announce?.(r, context.state()) ?? `${def.title}: done`);
            showInvalid();
          },
          fail(message) {
            if (cancelButton) cancelButton.disabled = true;
            status.error(`cannot run: ${message}`);
            context.announce(`${def.title}: cannot run`);
          },
        });
      }

      function cancel(): void {
        if (!cycle.cancel()) return;
        if (pending !== undefined) draw(latest as R, false);
        if (cancelButton) cancelButton.disabled = true;
        if (def.status.cancelled) status.show(def.status.cancelled(done, total));
        context.announce(def.status.announceCancel ?? `${def.title}: cancelled`);
      }

      compute();
      return {
        unmount() {
          clearTimeout(pending);
          clearTimeout(resizeTimer);
          observer?.disconnect();
          window.removeEventListener("minima-layout", onLayout);
          output.stop?.();
          cycle.cancel();
        },
      };
    },
  };
}
