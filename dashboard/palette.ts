/**
 * Colours and fonts shared by the stylesheet and the charts. Text colours meet WCAG AA contrast
 * (4.5:1) on white and on their status tints; a status is never shown by colour alone.
 */
import type { Status } from "../metrics/reportTypes.ts";

/** CJK-first font stack (quoted with single quotes so it can sit inside an attribute). */
export const FONT_STACK =
  "'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Noto Sans CJK SC',system-ui,sans-serif";

export const INK = "#1f2328";
export const MUTED = "#57606a";

/** Strong colour of a status: bars, icons, text on white. */
export const STATUS_COLOUR: Record<Status, string> = {
  green: "#1a7f37",
  yellow: "#9a6700",
  red: "#cf222e",
  not_started: "#6e7781",
  no_data: "#6e7781",
  no_target: "#6e7781",
};

/** Light tint of a status: badge and cell backgrounds, under the dark text colour. */
export const STATUS_TINT: Record<Status, string> = {
  green: "#dafbe1",
  yellow: "#fff8c5",
  red: "#ffebe9",
  not_started: "#eaeef2",
  no_data: "#eaeef2",
  no_target: "#eaeef2",
};

/** Dark text colour on a status tint. */
export const STATUS_TEXT: Record<Status, string> = {
  green: "#116329",
  yellow: "#7d4e00",
  red: "#a40e26",
  not_started: "#424a53",
  no_data: "#424a53",
  no_target: "#424a53",
};

export const ACTUAL_COLOUR = "#0969da";
export const PACE_COLOUR = "#57606a";
export const TARGET_COLOUR = "#bc4c00";
/** A month's fall in a chart of changes: apart from the rises, and no status colour. */
export const FALL_COLOUR = "#8c959f";
