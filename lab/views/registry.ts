/** The panels in tab order. */
import type { ViewId } from "../state.js";
import { aboutView } from "./about.js";
import { basinsView } from "./basins/index.js";
import { cnnView } from "./cnn/index.js";
import { dingView } from "./ding/index.js";
import { probabilityView } from "./probability/index.js";
import { spuriousView } from "./spurious/index.js";
import { tianView } from "./tian/index.js";
import type { View } from "./view.js";

export const views: readonly View[] = [
  cnnView,
  basinsView,
  probabilityView,
  tianView,
  dingView,
  spuriousView,
  aboutView,
];

export function viewById(id: ViewId): View {
  return views.find((v) => v.id === id) ?? views[0];
}
