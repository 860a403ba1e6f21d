import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Another live process holds the embedded database folder. */
export class PgliteBusyError extends Error {
  readonly code = 'database.pglite_busy';
  constructor(readonly pid: number, readonly dir: string) {
    super(`PGlite folder ${dir} is in use by process ${pid}`);
  }
}

/** The intake journal folder cannot be created or written (a wrong path, no permission, a read-only disk). */
export class IntakeJournalUnwritableError extends Error {
  readonly code = 'intake.journal_unwritable';
  constructor(readonly dir: string, readonly reason: string) {
    super(`Intake journal folder ${dir} cannot be written: ${reason}`);
  }
}

/** Another live instance writes its intake journal in the same folder. */
export class IntakeJournalBusyError extends Error {
  readonly code = 'intake.journal_busy';
  constructor(readonly pid: number, readonly dir: string) {
    super(`Intake journal folder ${dir} is in use by process ${pid}`);
  }
}

/** The lock files this process holds. */
const heldHere = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A folder one process at a time: a lock file with the owner's pid makes a
 * second process refuse to open it (`busy` builds the error); a lock left by a
 * killed process is taken over. Returns the unlock.
 */
export function lockFolder(dir: string, busy: (pid: number) => Error): () => void {
  const path = join(dir, 'relais.lock');
  // A lock file with this process' own pid was left by an earlier run (containers reuse pids): taken over.
  // Held by this very run, it is refused like any other owner.
  if (heldHere.has(resolve(path))) throw busy(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(resolve(path));
      return () => {
        heldHere.delete(resolve(path));
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw busy(owner);
      rmSync(path, { force: true });
    }
  }
  throw busy(-1);
}

/** PGlite is one process per folder: two processes writing the same folder would corrupt it. */
export const lockPgliteFolder = (dir: string): (() => void) => lockFolder(dir, (pid) => new PgliteBusyError(pid, dir));

/**
 * Creates and locks an instance's intake journal folder; returns the unlock. A journal is one
 * instance's: another instance appending to it, or moving its events and deleting its files,
 * would break both.
 */
export function openIntakeJournalFolder(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return lockFolder(dir, (pid) => new IntakeJournalBusyError(pid, dir));
  } catch (error) {
    if (error instanceof IntakeJournalBusyError) throw error;
    throw new IntakeJournalUnwritableError(dir, (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'unknown'));
  }
}
