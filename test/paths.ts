/**
 * Where the tests find the repository's own files (the shipped registry and plans, the docs, the
 * executable), wherever vitest runs from.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
