// Installs dependencies with `npm ci` when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` each work on a fresh clone. Plain Node: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const lock = "package-lock.json";
const marker = "node_modules/.package-lock.json";
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.error("jobtrack: installing dependencies (npm ci) / 正在安装依赖 …");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
