/** One section of BENCHMARKS.md: runs its cases in child processes and returns markdown lines. */
export interface Section {
  name: string;
  title: string;
  run(work: string, log: (line: string) => void): { lines: string[] } | Promise<{ lines: string[] }>;
}
