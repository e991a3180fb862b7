/**
 * The parts of a ZIP container (an .xlsx) read as streams within a byte budget. The central
 * directory is read first (yauzl): only the entries' names and declared sizes, no data. A part is
 * then inflated chunk by chunk; its declared size is checked against what is left of the budget
 * before a byte is inflated, and since a declared size can lie, the inflated bytes are counted as
 * they come (yauzl also stops a part that inflates past its declared size). Chunks arrive from
 * zlib's thread pool, so the event loop runs between them.
 */
import yauzl from "yauzl";
import { WorkbookTooLarge } from "./workbookLimits.ts";

export interface ZipParts {
  /** Whether the container has an entry of that path (matched without regard to case). */
  has(path: string): boolean;
  /** The part's bytes as they are inflated, in chunks; throws WorkbookTooLarge past the budget. */
  chunks(path: string): AsyncIterable<Buffer>;
  close(): void;
}

/** Opens the container and lists its entries, at most `maxEntries` of them. */
export async function openZipParts(
  bytes: Uint8Array,
  budget: { unpackedBytes: number; entries: number },
): Promise<ZipParts> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await yauzl.fromBufferPromise(buffer, {
    lazyEntries: true,
    validateEntrySizes: true,
    decodeStrings: true,
    strictFileNames: false,
  });
  if (zip.entryCount > budget.entries) {
    zip.close();
    throw new WorkbookTooLarge("entries", zip.entryCount);
  }
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
  let left = budget.unpackedBytes;
  const spend = (n: number) => {
    left -= n;
    if (left < 0) throw new WorkbookTooLarge("unpackedBytes", budget.unpackedBytes - left);
  };
  return {
    has: (path) => entries.has(path.toLowerCase()),
    async *chunks(path) {
      const entry = entries.get(path.toLowerCase());
      if (!entry) return;
      if (entry.uncompressedSize > left) {
        throw new WorkbookTooLarge("unpackedBytes", budget.unpackedBytes - left + entry.uncompressedSize);
      }
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          spend(chunk.length);
          yield chunk;
        }
      } finally {
        stream.destroy();
      }
    },
    close: () => zip.close(),
  };
}
