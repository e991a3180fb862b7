/**
 * One XML part of a workbook read as a stream of events (saxes, a strict streaming parser), with
 * element names without their namespace prefix (`x:row` is `row`). A SAX parser keeps a text node
 * whole until its end, so an element of gigabytes would be held whole: the bytes are watched as
 * they pass, and a stretch without `<` longer than any cell Excel can write (text and attribute
 * values cannot hold `<`) stops the reading before the parser collects it.
 */
import { SaxesParser } from "saxes";
import { WorkbookTooLarge } from "./workbookLimits.ts";
import type { ZipParts } from "./zipParts.ts";

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const LT = 0x3c;

/** The widest a character gets in the XML of a cell: an entity such as `&quot;`. */
const BYTES_PER_CHAR = 6;
/** Room for the markup around a text in one stretch without `<`, such as a tag's attributes. */
const MARKUP_ROOM = 4096;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Reads the part at `path` (nothing when it is absent), calling the handlers as it goes. */
export async function readXmlPart(
  parts: ZipParts,
  path: string,
  handlers: XmlHandlers,
  cellChars: number,
): Promise<void> {
  if (!parts.has(path)) return;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("error", (error) => {
    throw error;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const maxRun = cellChars * BYTES_PER_CHAR + MARKUP_ROOM;
  const decoder = new TextDecoder("utf-8");
  let run = 0;
  for await (const chunk of parts.chunks(path)) {
    let from = 0;
    for (;;) {
      const at = chunk.indexOf(LT, from);
      if (at < 0) {
        run += chunk.length - from;
        break;
      }
      run += at - from;
      if (run > maxRun) break;
      run = 0;
      from = at + 1;
    }
    if (run > maxRun) throw new WorkbookTooLarge("cellChars", Math.ceil(run / BYTES_PER_CHAR));
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
}
