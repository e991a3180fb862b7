/**
 * Renders an Observable Plot specification to a standalone, deterministic SVG string at build
 * time, on a linkedom document (no browser). The result carries `xmlns`, `role="img"`, an
 * `aria-label` and a `<title>`/`<desc>`; coordinates are rounded to two decimals and generated ids
 * (clip paths, patterns) renumbered under the chart's own id, so the same data always gives the
 * same bytes and two charts on one page never share an id.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { roundTo } from "../format.ts";
import { FONT_STACK, INK } from "../palette.ts";

/** The width a chart is drawn at, in SVG units; the page scales it to the column (viewBox). */
export const CHART_WIDTH = 640;

/** The width a compact chart is drawn at: about its width in a town page's grid and on a phone. */
export const COMPACT_WIDTH = 340;

interface ChartMeta {
  /** Prefix for ids inside the SVG; unique on a page (`reemployed-trend`). */
  id: string;
  /** Short accessible name, also the SVG's `<title>`. */
  label: string;
  /** Longer text description for assistive technology (`<desc>`). */
  description?: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The charts' text size in their own pixels. A chart is drawn for about the width it is shown at
 * (compact charts for a phone or a grid cell), so its text stays about this size on screen, and
 * at least 11 px.
 */
export const CHART_FONT_SIZE = 12;
const DOCUMENT_HTML = "<!doctype html><html><head></head><body></body></html>";

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Plot → SVG text. `spec` is any Plot option object without a title, subtitle, caption or legend. */
export function renderPlot(spec: Plot.PlotOptions, meta: ChartMeta): string {
  const { document } = parseHTML(DOCUMENT_HTML);
  const element = Plot.plot({
    ...spec,
    document: document as unknown as Document,
    className: "jt-plot",
    style: { fontFamily: FONT_STACK, fontSize: `${CHART_FONT_SIZE}px`, color: INK, background: "white" },
  });
  const svg = element.outerHTML;
  if (!svg.startsWith("<svg"))
    throw new Error(`chart ${meta.id}: Plot returned a <${element.tagName}>, not an SVG`);
  return deterministic(label(svg, meta), meta.id);
}

function label(svg: string, meta: ChartMeta): string {
  const open = svg.indexOf(">");
  const head = svg
    .slice(0, open)
    .replace("<svg", `<svg xmlns="${SVG_NS}" role="img" aria-label="${escapeXml(meta.label)}"`);
  const desc = meta.description ? `<desc>${escapeXml(meta.description)}</desc>` : "";
  return `${head}><title>${escapeXml(meta.label)}</title>${desc}${svg.slice(open + 1)}`;
}

/** Rounds numbers in attribute values to two decimals and renumbers ids as `<prefix>-1`, `-2`, … */
export function deterministic(svg: string, prefix: string): string {
  const rounded = svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_, name: string, value: string) => {
    return `${name}${value.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (n) => String(roundTo(Number(n), 2)))}"`;
  });
  const ids = [...rounded.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  let out = rounded;
  ids.forEach((old, i) => {
    const fresh = `${prefix}-${i + 1}`;
    out = out
      .replaceAll(`id="${old}"`, `id="${fresh}"`)
      .replaceAll(`url(#${old})`, `url(#${fresh})`)
      .replaceAll(`href="#${old}"`, `href="#${fresh}"`);
  });
  return out;
}

/** Label width in pixels, estimated from the characters (CJK glyphs are about one em wide). */
export function textWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6;
  return Math.ceil(width);
}
