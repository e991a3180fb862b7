/**
 * A progress bar on stderr for work that takes more than a moment: it appears only on a
 * terminal, and only once the work has run for `delayMs` (so quick files print nothing extra).
 */
import cliProgress from "cli-progress";
import type { CliIO } from "./io.ts";

interface Progress {
  update(fraction: number, label: string): void;
  stop(): void;
}

export function progressBar(io: CliIO, title: string, delayMs = 700): Progress {
  if (!io.stderrIsTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(fraction, label) {
      if (!bar && Date.now() - started < delayMs && fraction < 1) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${title} [{bar}] {percentage}% {label}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, 0, { label });
      }
      bar.update(Math.round(fraction * 100), { label });
    },
    stop() {
      bar?.stop();
    },
  };
}
