/** A command-line failure with its exit code (1 rejected input or failed check, 2 usage) and zh/en text. */
export class CliError extends Error {
  readonly exitCode: 1 | 2;
  readonly zh: string;
  readonly en: string;
  constructor(exitCode: 1 | 2, zh: string, en: string) {
    super(en);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.zh = zh;
    this.en = en;
  }
}

export function usageError(zh: string, en: string): CliError {
  return new CliError(2, zh, en);
}
