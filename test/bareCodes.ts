/**
 * The rule behind "no code word in a user-facing message": what counts as a bare internal code in a
 * text a person reads (a finding, an HTTP error message, a page, the command line's output).
 *
 * - A word is a letter followed by ASCII letters, digits and underscores. Words inside something
 *   that is not prose are not looked at: a path, a file name, an address or a dotted name, a
 *   command-line flag (`--month`), a usage line's placeholder (`<dir>`), a digest, and anything in
 *   quotes, which a message quotes as data (`单位“nowhere”不在单位名录中`, `'reemployed'`).
 * - In a Chinese text, a lowercase word (no capital letter in it) is a bare code unless it is one
 *   of the words of the outside contract: `forbidden` or `other_unit` shown to a clerk reads as a
 *   fault, `reemployed` (an item key a file may carry) or `v_facts` (a view) does not.
 * - In an English text, ordinary lowercase words are English; a word with an underscore is a bare
 *   code unless it is a contract word.
 *
 * The contract's words are given by the caller: the catalogue's item keys, the plan's metric ids,
 * the §8 views and their columns and values, the parameters and formats of §5 and §7.
 */

/** A run of text between spaces that is a path, a file name, an address or an assignment, not prose. */
const NOT_PROSE = /[/\\@=]|:\/\/|\.[A-Za-z0-9]{1,5}(?=$|[)）\]】,，、;；:：])/;
/** A placeholder of a usage line (`<dir>`, `[<policy>]`). */
const PLACEHOLDER = /<[^<>]*>/;
/** A command-line flag (`--as-of`, `[--out`). */
const FLAG = /^[[(（]?--?[A-Za-z]/;
/** A digest (hex), which a page shows as data. */
const DIGEST = /^[0-9a-f]{16,}$/i;
/** Where prose splits into words: ASCII and Chinese punctuation. */
const PUNCTUATION = /[，。；：、（）()《》【】！？,;:!?<>[\]{}|]+/;
/** A word: a letter, then letters, digits and underscores. */
const WORD = /[A-Za-z][A-Za-z0-9_]*/g;
/** Quoted text: what a message quotes is data, not its own words. */
const QUOTED = /“[^”]*”|"[^"]*"|(?<![A-Za-z])'[^']*'|‘[^’]*’|「[^」]*」|`[^`]*`/g;

/** The bare codes in a text, in order of appearance (empty when the text is clean). */
export function bareCodes(text: string, lang: "zh" | "en", contract: ReadonlySet<string>): string[] {
  const found: string[] = [];
  let afterFlag = false;
  for (const spaced of text.replace(QUOTED, " ").split(/\s+/)) {
    // a flag's value (`--out dist`, `[--format table|json]`) is what to type, as the flag is
    const value = afterFlag;
    afterFlag = FLAG.test(spaced);
    if (afterFlag || value || PLACEHOLDER.test(spaced)) continue;
    // a sentence's own full stop, ellipsis or closing bracket is not part of its last word
    const chunk = spaced.replace(/[.…。)）\]】]+$/, "");
    if (chunk === "" || NOT_PROSE.test(chunk) || DIGEST.test(chunk)) continue;
    for (const part of chunk.split(PUNCTUATION)) {
      const piece = part.replace(/[.…]+$/, "");
      if (piece === "" || piece.includes(".") || FLAG.test(piece) || contract.has(piece)) continue;
      for (const [word] of piece.matchAll(WORD)) {
        if (contract.has(word) || word !== word.toLowerCase()) continue;
        if (lang === "zh" || word.includes("_")) found.push(word);
      }
    }
  }
  return found;
}

/**
 * The internal codes a source file gives its findings and errors: the string literal a finding,
 * an HTTP error, a bad request, a refusal or a `code:` field is made with. The test holds them
 * against the contract's words, so that no code slips through as an allowed word.
 */
export function codesInSource(source: string): string[] {
  const pattern =
    /(?:\bfinding\(\s*[^,()]+,\s*[^,()]+,\s*|HttpError\(\s*\d+,\s*|badRequest\(\s*|unprocessable\(\s*|failed\(\s*|\bcode:\s*)"([a-z][a-z0-9_]*)"/g;
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

/**
 * The words of the outside contract (docs/contract.md) a message may name as they are: what a
 * person types or reads in the data — the reported items' keys, the metrics' ids, the §8 views,
 * their columns and the values they hold, the English headers a file may use (§3, §4), and the
 * parameters, formats, roles and languages of §5 and §7.
 */
export function contractWords(data: {
  itemKeys: readonly string[];
  metricIds: readonly string[];
  views: Readonly<Record<string, { columns: Record<string, unknown> }>>;
  /** The table functions the SQL sandbox allows (docs/security-sandbox.md). */
  tableFunctions: readonly string[];
  /** The plans' ids, which the report names (`qingpu-2022`). */
  planIds: readonly string[];
}): Set<string> {
  const words = new Set<string>([
    ...data.planIds,
    ...data.tableFunctions,
    ...data.itemKeys,
    ...data.itemKeys.map((k) => `${k}_ytd`),
    ...data.metricIds,
    ...Object.keys(data.views),
    ...Object.values(data.views).flatMap((v) => Object.keys(v.columns)),
    // §8 values analysts filter by: statuses, kinds, categories, flows
    ...["green", "yellow", "red", "not_started", "no_target", "no_data"],
    ...["subdistrict", "town", "department", "other", "flow", "stock"],
    ...["zero_family", "hardship", "open", "overdue", "on_time", "late"],
    ...["accepted", "superseded", "rejected", "unchanged", "monthly", "cases"],
    // §3 and §4 English headers, §5 and §7 parameters, formats, roles, languages
    ...["unit", "month", "indicator", "value", "note", "case_id", "category", "identified_on"],
    ...["employed_on", "channel", "kind", "format", "asOf", "asReported", "limit", "offset"],
    ...["sql", "metric", "text", "token", "file", "name", "history", "lang"],
    ...["csv", "xlsx", "json", "table", "arrow", "parquet", "zh", "en"],
    ...["viewer", "analyst", "admin", "pace", "by_due", "always"],
    // the command line's name and commands, shown as commands to type
    ...["npx", "jobtrack", "ingest", "report", "build", "serve", "demo", "template", "backup"],
    ...["restore", "jobs", "plan", "draft", "check", "allocate", "create", "list", "revoke"],
    // the access token's prefix, which the sign-in page describes
    "jt_",
  ]);
  return words;
}
