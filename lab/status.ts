/**
 * A view's status line: a polite live region with the run's state ("computing…", "12 of 144
 * starts", "cannot run: …"), optionally with a progress bar beside it.
 */
import { el } from "./ui.js";

export class StatusLine {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly bar?: HTMLProgressElement;

  /** `id` names the text; with `barId` a <progress> bar comes first. */
  constructor(id: string, barId?: string) {
    if (barId === undefined) {
      this.text = el("div", { class: "progress", id, "aria-live": "polite" });
      this.element = this.text;
      return;
    }
    this.bar = el("progress", { id: barId, max: 1, value: 0 });
    this.text = el("span", { id, "aria-live": "polite" });
    this.element = el("div", { class: "progress" }, this.bar, this.text);
  }

  private held = false;

  show(message: string): void {
    if (this.held) return;
    this.text.textContent = message;
    this.text.classList.remove("error");
  }

  error(message: string): void {
    this.text.textContent = message;
    this.text.classList.add("error");
  }

  /** An error that later show() calls (an animation's frames) may not replace until release(). */
  hold(message: string): void {
    this.error(message);
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  progress(done: number, total: number): void {
    if (!this.bar) return;
    this.bar.max = Math.max(1, total);
    this.bar.value = done;
  }
}
