/** Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A failure already explained to the user in French; carries the exit code. */
export class CliError extends Error {
  constructor(readonly userMessage: string, readonly exitCode: 1 | 2) {
    super(userMessage);
  }
}
