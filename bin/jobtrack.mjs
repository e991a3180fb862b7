#!/usr/bin/env node
// The `jobtrack` command: runs the TypeScript CLI through tsx, so `npx jobtrack` works right after `npm ci`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/jobtrack.ts");
process.exitCode = await main(process.argv.slice(2));
