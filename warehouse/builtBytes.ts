/**
 * The bytes a function call builds from constant size arguments — repeat('x', 200000000),
 * lpad(s, n), range(n) as a list, a width in a printf pattern — read from DuckDB's parse tree
 * before the query runs. DuckDB builds such a value in the vectors of the chunk it is computing,
 * outside its memory limit, so the sandbox refuses a call whose value could never fit a result
 * rather than let it be built. A size that is not a constant counts 0 here; the result's byte
 * limit (boundedResult.ts) stops that one once DuckDB has built its chunk.
 */

// biome-ignore lint/suspicious/noExplicitAny: DuckDB's JSON parse tree
type Node = Record<string, any>;

/** Each element or character counts at least one byte, a number eight. */
export function builtBytes(name: string, args: readonly unknown[]): number {
  switch (name) {
    case "repeat": {
      const text = constant(args[0]);
      return count(args[1]) * (typeof text === "string" ? Math.max(1, Buffer.byteLength(text)) : 1);
    }
    case "lpad":
    case "rpad":
    case "list_resize":
    case "array_resize":
      return count(args[1]);
    case "to_base":
      return count(args[2]);
    case "bar":
      return count(args[3]) * 3;
    case "equi_width_bins":
      return count(args[2]) * 8;
    case "range":
    case "generate_series": {
      if (args.length === 1) return count(args[0]) * 8;
      const [from, to, step] = args.map(constant);
      if (typeof from !== "number" || typeof to !== "number") return 0;
      const by = typeof step === "number" && step !== 0 ? Math.abs(step) : 1;
      return (Math.abs(to - from) / by) * 8;
    }
    case "printf":
    case "format": {
      // a width in the pattern, such as %200000000d or {:>200000000}
      const pattern = constant(args[0]);
      return typeof pattern === "string" ? Math.max(0, ...(pattern.match(/\d+/g) ?? []).map(Number)) : 0;
    }
    default:
      return 0;
  }
}

/** A constant number or text argument, or null. */
function constant(arg: unknown): number | string | null {
  const e = arg as Node | undefined;
  if (e?.class !== "CONSTANT" || e.value?.is_null !== false) return null;
  const v = e.value.value;
  return typeof v === "number" || typeof v === "string" ? v : null;
}

function count(arg: unknown): number {
  const v = constant(arg);
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : 0;
  return Number.isFinite(n) ? n : 0;
}
