/**
 * The About panel: what the lab is, which paper each view reproduces (with its arXiv link), the
 * pages of Minima's docs/ that explain the mathematics (shipped with the built site, see
 * vite.config.ts), how links and exports work, and the keyboard.
 */
import { el } from "../ui.js";
import type { View } from "./view.js";

/** Where the built site keeps the docs/ pages (copied there at build time). */
export const DOCS_BASE = "docs/";

interface PaperLink {
  readonly view: string;
  readonly authors: string;
  readonly title: string;
  readonly arxiv: string;
  readonly docs: string;
  readonly shows: string;
}

export const PAPERS: readonly PaperLink[] = [
  {
    view: "CNN, Basins and Probability",
    authors: "S. S. Du, J. D. Lee, Y. Tian, B. Póczos, A. Singh",
    title:
      "Gradient Descent Learns One-hidden-layer CNN: Don't be Afraid of Spurious Local Minima (ICML 2018)",
    arxiv: "1712.00779",
    docs: "du-cnn.md",
    shows:
      "the exact loss of a one-hidden-layer CNN, its spurious local minimum, weight-normalised gradient descent in two phases and how often a random start succeeds",
  },
  {
    view: "Two-layer ReLU (Tian)",
    authors: "Y. Tian",
    title:
      "An Analytical Formula of Population Gradient for two-layered ReLU network and its Applications in Convergence and Critical Point Analysis (ICML 2017)",
    arxiv: "1703.00560",
    docs: "tian.md",
    shows:
      "the population-gradient flow in the symmetric (x, y) plane: the symmetric saddle and symmetry breaking",
  },
  {
    view: "Sub-optimal minima (Ding)",
    authors: "T. Ding, D. Li, R. Sun",
    title: "Sub-Optimal Local Minima Exist for Neural Networks with Almost All Non-Linear Activations (2019)",
    arxiv: "1911.01413",
    docs: "ding.md",
    shows: "a constructed sub-optimal local minimum, its certificate, Hessian spectrum and escape path",
  },
  {
    view: "Spurious minima (Safran–Shamir)",
    authors: "I. Safran, O. Shamir",
    title: "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks (ICML 2018)",
    arxiv: "1712.08968",
    docs: "safran-shamir.md",
    shows:
      "how often gradient descent from random starts ends at a spurious minimum, and the families of those minima",
  },
];

const MORE_DOCS: readonly [file: string, what: string][] = [
  ["lab.md", "this lab: every view, its controls, exports and tests"],
  ["cli.md", "the minima command that prints the same numbers as each view"],
  ["library.md", "the library the lab runs in its workers"],
  ["report.md", "the reproduction report"],
  ["numerics.md", "the numerical methods and their tolerances"],
];

function link(href: string, text: string): HTMLAnchorElement {
  return el("a", { href, target: "_blank", rel: "noopener" }, text);
}

export const aboutView: View = {
  id: "about",
  title: "About",
  mount(root) {
    root.append(
      el(
        "section",
        { class: "prose", id: "view-about" },
        el("h2", { text: "Minima Lab" }),
        el("p", {
          text:
            "The optimisation landscapes of shallow neural networks whose losses are known in closed form, " +
            "computed in your browser by the Minima library (the same code as the minima command line, " +
            "run in Web Workers). Move a control and the view recomputes; the whole state is in the " +
            "address bar, so a link restores exactly what you see.",
        }),
        el("h3", { text: "The papers behind the views" }),
        el(
          "ul",
          { class: "about-links", id: "about-papers" },
          ...PAPERS.map((p) =>
            el(
              "li",
              {},
              el("strong", { text: `${p.view}: ` }),
              `${p.authors}, `,
              link(`https://arxiv.org/abs/${p.arxiv}`, p.title),
              `, arXiv:${p.arxiv}. The view shows ${p.shows}; the mathematics in Minima's `,
              link(`${DOCS_BASE}${p.docs}`, `docs/${p.docs}`),
              ".",
            ),
          ),
        ),
        el("h3", { text: "Minima's documentation" }),
        el(
          "ul",
          { class: "about-links", id: "about-docs" },
          ...MORE_DOCS.map(([file, what]) =>
            el("li", {}, link(`${DOCS_BASE}${file}`, `docs/${file}`), `: ${what}.`),
          ),
        ),
        el("h3", { text: "Using it in a lecture" }),
        el("p", {
          text:
            "Presentation mode (the button at the top right) sets larger type, folds the controls away above the " +
            "figures and redraws every figure for it; it is part of the link, so a prepared link opens in it. " +
            "In the CNN view a run plays from its start and its outcome appears when the animation reaches it; " +
            "choose how long the run takes to play, and click the landscape to start a run from that point.",
        }),
        el("h3", { text: "Saving what you see" }),
        el("p", {
          text:
            "Every figure can be saved as SVG or PNG (with a title and its colour scale), its data as JSON or CSV, " +
            "and each view shows the minima command that prints the same numbers.",
        }),
        el("h3", { text: "Keyboard" }),
        el("p", {
          text:
            "Tab moves between controls; the panel tabs take the arrow keys, Home and End; Enter or Space " +
            "presses a button; a number field takes its new value when you press Enter or leave it.",
        }),
      ),
    );
    return { unmount() {} };
  },
};
