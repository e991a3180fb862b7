/**
 * What a reader would see wrong on a page, checked in the browser as laid out: a text that runs
 * out of its box (a label past the edge of its chart, a word past its card or cell), text smaller
 * than a phone can be read at (11 px, chart text measured as drawn, after its SVG is scaled), and
 * a page wider than the screen. A text's box is the nearest element around it that is not an
 * inline run (the cell, the badge, the card's paragraph); a chart's text's box is its chart.
 * Text the page does not show (closed details, hidden elements, tooltips' titles) is left out.
 */
import type { Page } from "playwright-core";

export interface LayoutOptions {
  /** The smallest text allowed, in CSS pixels; null checks no size (a wide screen). */
  minFontPx: number | null;
}

export async function layoutProblems(page: Page, options: LayoutOptions): Promise<string[]> {
  return page.evaluate((minFont) => {
    const problems: string[] = [];
    const SKIP = "script,style,title,desc,noscript,option,textarea,.skip-link,.sr";
    const TOLERANCE = 1.5;
    const shown = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === "none" || style.visibility === "hidden") return false;
        // a closed disclosure shows its summary only (its content keeps its own display)
        const parent = e.parentElement;
        if (parent?.tagName === "DETAILS" && !parent.hasAttribute("open") && e.tagName !== "SUMMARY")
          return false;
      }
      return true;
    };
    const boxOf = (el: Element): DOMRect => {
      if (el instanceof SVGElement) {
        let svg = el.ownerSVGElement;
        while (svg?.ownerSVGElement) svg = svg.ownerSVGElement;
        return (svg ?? el).getBoundingClientRect();
      }
      let box: Element = el;
      while (box.parentElement && ["inline", "contents"].includes(getComputedStyle(box).display))
        box = box.parentElement;
      return box.getBoundingClientRect();
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      const el = node.parentElement;
      if (!text || !el || el.closest(SKIP) || !shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
      if (rects.length === 0) continue;
      const where = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      if (minFont !== null) {
        let size = Number.parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) {
          const m = el.getScreenCTM();
          if (m) size *= Math.hypot(m.a, m.b);
        }
        if (size < minFont - 0.05)
          problems.push(`smaller than ${minFont} px (${size.toFixed(1)} px): ${where}`);
      }
      const box = boxOf(el);
      const out = rects.some(
        (r) =>
          r.left < box.left - TOLERANCE ||
          r.right > box.right + TOLERANCE ||
          r.top < box.top - TOLERANCE ||
          r.bottom > box.bottom + TOLERANCE,
      );
      if (out) problems.push(`runs out of its box: ${where}`);
    }
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth + 1) problems.push(`the page is wider than the screen (${width} px)`);
    return problems;
  }, options.minFontPx);
}
