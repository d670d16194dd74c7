/** The first panel: what the lab is, and how its links work. */
import { el } from "../ui.js";
import type { View } from "./view.js";

export const aboutView: View = {
  id: "about",
  title: "About",
  mount(root) {
    root.append(
      el(
        "section",
        { class: "prose" },
        el("h2", { text: "Minima Lab" }),
        el("p", {
          text:
            "The optimisation landscapes of three shallow networks whose losses are known in closed form, " +
            "computed by the Minima library in Web Workers. Move a control and the view recomputes; the " +
            "whole state is in the address bar, so a link restores exactly what you see.",
        }),
        el("p", {
          text:
            "Every figure can be saved as SVG or PNG, its data as JSON or CSV, and each view shows the " +
            "`minima` command that prints the same numbers.",
        }),
        el("p", {
          text:
            "Keyboard: Tab moves between controls; the panel tabs take the arrow keys; Enter or Space " +
            "presses a button.",
        }),
      ),
    );
    return { unmount() {} };
  },
};
