/**
 * Exit codes shared by `npm run invoke`, `npm run setup` and `npm run demo`, so scripts can branch on them.
 * Documented in docs/deploying.md ("Exit codes").
 */
export const ExitCode = {
  /** Done: the function answered `ok` or `ignored`; setup reached the wanted state. */
  Ok: 0,
  /** The function answered `rejected`, failed (HTTP 502) or a result `failed`; OCI refused a request (400, 404, 409). */
  NotDone: 1,
  /** Bad command line or no alarm message given. */
  Usage: 2,
  /** OCI configuration or authentication: no config file, unknown profile, unreadable key, HTTP 401. */
  OciAuth: 3,
  /** OCI could not be reached: DNS, connection refused, time-out. */
  OciUnreachable: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the command line reports as one message (no stack trace) and turns into its exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function usageError(message: string, usage: string): CliError {
  return new CliError(ExitCode.Usage, `${message}\n${usage}`);
}

/** A command's exit code: its own, or a CliError's (its message printed to `printError`). */
export async function exitCodeOf(main: () => Promise<ExitCode>, printError: (line: string) => void): Promise<ExitCode> {
  try {
    return await main();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    printError(`error: ${error.message}`);
    return error.exitCode;
  }
}

/** Runs a command's main and exits with its code; an unexpected error prints its stack and exits 1. */
export function runCli(main: () => Promise<ExitCode>): void {
  exitCodeOf(main, (line) => console.error(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(ExitCode.NotDone);
    },
  );
}
