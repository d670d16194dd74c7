/** What a panel is: a title, a mount function, and what it needs from the shell. */
import type { WorkerPool } from "../rpc.js";
import type { LabState, ViewId } from "../state.js";

export interface ViewContext {
  readonly pool: WorkerPool;
  state(): LabState;
  /** Change the state (the hash follows); the mounted view decides itself what to recompute. */
  update(change: (state: LabState) => LabState): void;
  /** A short message for screen readers and the status line. */
  announce(text: string): void;
}

export interface MountedView {
  unmount(): void;
}

export interface View {
  readonly id: ViewId | "about";
  readonly title: string;
  mount(root: HTMLElement, context: ViewContext): MountedView;
}
