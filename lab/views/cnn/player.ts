/**
 * The CNN view's animation: the run's path drawn up to frame i over the slice, each curve drawn up
 * to the same iteration with a cursor, and the frame's numbers in the status line. A new run plays
 * from t = 0 (unless the reader prefers reduced motion) and its outcome is revealed only when the
 * animation reaches the last frame (`onEnd`); Play, Step, Reset and End move through the frames,
 * and the speed control sets how long the whole run takes to play.
 */
import type { CnnRunResult } from "../../compute/cnn.js";
import { OKABE_ITO, plotScales, svgElement } from "../../figures.js";
import type { StatusLine } from "../../status.js";
import { button, el, fmt } from "../../ui.js";

export interface Frames {
  readonly result: CnnRunResult;
  readonly slice: SVGSVGElement;
  /** The slice's c range (the clip of a path that leaves it). */
  readonly range: readonly [number, number];
  readonly curves: readonly SVGSVGElement[];
}

/** Seconds for the whole run to play, the choices of the speed control. */
export const PLAY_SECONDS = [3, 6, 12, 24, 48] as const;
/** The speed chosen last (kept across runs and views). */
let playSeconds = 12;
let clipIds = 0;

export class Player {
  /** The Play / Step / Reset / End buttons and the speed control. */
  readonly controls: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private frames: Frames | undefined;
  private frame = 0;
  private playing = false;
  private raf = 0;
  private revealed = false;

  /** `onEnd(result)` is called once per run, when the animation first reaches its last frame. */
  constructor(
    private readonly status: StatusLine,
    private readonly onEnd: (result: CnnRunResult) => void,
  ) {
    this.playButton = button("Play", () => (this.playing ? this.pause() : this.play()), {
      id: "cnn-play",
      class: "primary",
    });
    const speed = el("select", { id: "cnn-speed" });
    for (const seconds of PLAY_SECONDS) {
      const option = el("option", { value: seconds, text: `${seconds} s` });
      if (seconds === playSeconds) option.selected = true;
      speed.append(option);
    }
    speed.addEventListener("change", () => {
      playSeconds = Number(speed.value);
      if (this.playing) this.play();
    });
    this.controls = el(
      "div",
      { class: "player" },
      el(
        "div",
        { class: "buttons", role: "group", "aria-label": "Animation" },
        this.playButton,
        button("Step", () => this.step(), { id: "cnn-step" }),
        button("Reset", () => this.show(0), { id: "cnn-reset" }),
        button("End", () => this.show(this.last), { id: "cnn-end" }),
      ),
      el("div", { class: "field" }, el("label", { for: "cnn-speed", text: "the whole run plays in" }), speed),
    );
  }

  private get last(): number {
    return this.frames ? Math.max(0, this.frames.result.trajectory.step.length - 1) : 0;
  }

  /** Figures for a new run (played from the start) or the same run redrawn (kept where it was). */
  load(frames: Frames): void {
    const sameRun = this.frames?.result === frames.result;
    this.frames = frames;
    if (sameRun) {
      this.draw();
      return;
    }
    this.revealed = false;
    this.frame = 0;
    const reduced =
      typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduced || this.last === 0) this.show(this.last);
    else {
      this.draw();
      this.play();
    }
  }

  show(i: number): void {
    this.pause();
    this.frame = Math.max(0, Math.min(i, this.last));
    this.draw();
  }

  step(): void {
    if (this.frames) this.show(this.frame + 1);
  }

  play(): void {
    if (!this.frames) return;
    cancelAnimationFrame(this.raf);
    if (this.frame >= this.last) this.frame = 0;
    this.playing = true;
    this.playButton.textContent = "Pause";
    const steps = this.frames.result.trajectory.step;
    const first = steps[0] ?? 0;
    const span = Math.max(1, (steps[this.last] ?? 0) - first);
    // time is linear in iterations (the recorded frames are thinned, not evenly spaced)
    const begin = performance.now() - ((steps[this.frame] - first) / span) * playSeconds * 1000;
    const tick = (now: number) => {
      if (!this.playing || !this.frames) return;
      const target = first + ((now - begin) / (playSeconds * 1000)) * span;
      let i = this.frame;
      while (i < this.last && steps[i + 1] <= target) i++;
      this.frame = i;
      this.draw();
      if (this.frame >= this.last) this.pause();
      else this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.playButton.textContent = "Play";
  }

  private draw(): void {
    if (!this.frames) return;
    const { result, slice, range, curves } = this.frames;
    const t = result.trajectory;
    if (t.step.length === 0) return;
    const i = Math.min(this.frame, t.step.length - 1);
    const map = plotScales(slice);
    slice.querySelector(".cnn-anim")?.remove();
    const group = svgElement("g", { class: "cnn-anim" });
    // the path is clipped to the frame: a diverging run leaves through it
    const clipId = `cnn-path-clip-${++clipIds}`;
    const [x0, x1] = [map.x(0), map.x(Math.PI)];
    const [y0, y1] = [map.y(range[1]), map.y(range[0])];
    const clip = svgElement("clipPath", { id: clipId });
    clip.append(svgElement("rect", { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
    const points = t.phi
      .slice(0, i + 1)
      .map((phi, j) => `${map.x(phi).toFixed(1)},${map.y(t.c[j]).toFixed(1)}`)
      .join(" ");
    const inside = t.c[i] >= range[0] && t.c[i] <= range[1];
    group.append(
      clip,
      svgElement("polyline", {
        points,
        fill: "none",
        stroke: OKABE_ITO[4],
        "stroke-width": 2.5,
        "clip-path": `url(#${clipId})`,
      }),
    );
    if (inside)
      group.append(
        svgElement("circle", {
          cx: map.x(t.phi[i]),
          cy: map.y(t.c[i]),
          r: 6,
          fill: OKABE_ITO[4],
          stroke: "black",
          "stroke-width": 1.5,
        }),
      );
    slice.append(group);
    for (const svg of curves) this.drawCursor(svg, t.step[i]);
    this.status.show(
      `t = ${t.step[i]}: ℓ = ${fmt(t.loss[i])}, φ = ${fmt(t.phi[i])}, aᵀa* = ${fmt(t.aDotAstar[i])}`,
    );
    if (i >= this.last && !this.revealed) {
      this.revealed = true;
      this.onEnd(result);
    }
  }

  /** The curve up to iteration `step`, a cursor there, and the phase switch once it is passed. */
  private drawCursor(svg: SVGSVGElement, step: number): void {
    svg.querySelector(".cnn-anim")?.remove();
    const scales = plotScales(svg);
    const x = scales.x(step);
    const box = svg.viewBox.baseVal;
    const height = box?.height || Number(svg.getAttribute("height")) || 200;
    const group = svgElement("g", { class: "cnn-anim" });
    const clipId = `cnn-curve-clip-${++clipIds}`;
    const clip = svgElement("clipPath", { id: clipId });
    // left of the cursor and within the frame (this replaces Plot's own clip of a diverging line)
    const yRange = (svg as unknown as { scale(n: string): { range: number[] } }).scale("y").range;
    const top = Math.min(...yRange) - 2;
    const bottom = Math.max(...yRange) + 2;
    clip.append(svgElement("rect", { x: 0, y: top, width: Math.max(0, x + 1), height: bottom - top }));
    group.append(clip);
    const line = svg.querySelector<SVGGElement>(".cnn-curve-line");
    line?.setAttribute("clip-path", `url(#${clipId})`);
    const passed = this.frames?.result.phaseSwitch !== null && step >= (this.frames?.result.phaseSwitch ?? 0);
    for (const mark of svg.querySelectorAll(".cnn-switch"))
      mark.setAttribute("visibility", passed ? "visible" : "hidden");
    group.append(
      svgElement("line", {
        x1: x,
        x2: x,
        y1: 10,
        y2: height - 30,
        stroke: "black",
        "stroke-opacity": 0.6,
      }),
    );
    svg.append(group);
  }
}
