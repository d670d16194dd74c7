/**
 * The CNN view's animation: the run's path drawn up to frame i over the slice, a cursor on each
 * curve, and the frame's numbers in the status line; Play, Step and Reset move through the frames.
 */
import type { CnnRunResult } from "../../compute/cnn.js";
import { OKABE_ITO, plotScales, svgElement } from "../../figures.js";
import type { StatusLine } from "../../status.js";
import { button, el, fmt } from "../../ui.js";

export interface Frames {
  readonly result: CnnRunResult;
  readonly slice: SVGSVGElement;
  readonly curves: readonly SVGSVGElement[];
}

export class Player {
  /** The Play / Step / Reset buttons. */
  readonly controls: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private frames: Frames | undefined;
  private frame = 0;
  private playing = false;
  private raf = 0;

  constructor(private readonly status: StatusLine) {
    this.playButton = button("Play", () => (this.playing ? this.pause() : this.play()), {
      id: "cnn-play",
      class: "primary",
    });
    this.controls = el(
      "div",
      { class: "buttons", role: "group", "aria-label": "Animation" },
      this.playButton,
      button("Step", () => this.step(), { id: "cnn-step" }),
      button("Reset", () => this.show(0), { id: "cnn-reset" }),
    );
  }

  private get last(): number {
    return this.frames ? this.frames.result.trajectory.step.length - 1 : 0;
  }

  /** New figures: show the last frame. */
  load(frames: Frames): void {
    this.frames = frames;
    this.frame = this.last;
    this.draw();
  }

  show(i: number): void {
    this.pause();
    this.frame = Math.max(0, i);
    this.draw();
  }

  step(): void {
    if (this.frames) this.show(Math.min(this.frame + 1, this.last));
  }

  play(): void {
    if (!this.frames) return;
    if (this.frame >= this.last) this.frame = 0;
    this.playing = true;
    this.playButton.textContent = "Pause";
    const perFrame = Math.max(1, Math.round((this.last + 1) / 240));
    const tick = () => {
      if (!this.playing || !this.frames) return;
      this.frame = Math.min(this.frame + perFrame, this.last);
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
    const { result, slice, curves } = this.frames;
    const t = result.trajectory;
    const i = Math.min(this.frame, t.step.length - 1);
    const map = plotScales(slice);
    slice.querySelector(".cnn-anim")?.remove();
    const group = svgElement("g", { class: "cnn-anim" });
    const points = t.phi
      .slice(0, i + 1)
      .map((phi, j) => `${map.x(phi).toFixed(1)},${map.y(t.c[j]).toFixed(1)}`)
      .join(" ");
    group.append(
      svgElement("polyline", { points, fill: "none", stroke: OKABE_ITO[4], "stroke-width": 2.5 }),
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
    for (const svg of curves) {
      svg.querySelector(".cnn-anim")?.remove();
      const x = plotScales(svg).x(t.step[i]);
      const box = svg.viewBox.baseVal;
      svg.append(
        svgElement("line", {
          class: "cnn-anim",
          x1: x,
          x2: x,
          y1: 10,
          y2: (box?.height || 200) - 30,
          stroke: "black",
          "stroke-opacity": 0.6,
        }),
      );
    }
    this.status.show(
      `t = ${t.step[i]}: ℓ = ${fmt(t.loss[i])}, φ = ${fmt(t.phi[i])}, aᵀa* = ${fmt(t.aDotAstar[i])}`,
    );
  }
}
