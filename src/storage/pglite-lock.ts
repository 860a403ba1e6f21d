import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process holds the embedded database folder. */
export class PgliteBusyError extends Error {
  readonly code = 'database.pglite_busy';
  constructor(readonly pid: number, readonly dir: string) {
    super(`PGlite folder ${dir} is in use by process ${pid}`);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process per folder: two processes writing the same folder would
 * corrupt it. A lock file with the owner's pid makes a second one refuse to open;
 * a lock left by a killed process is taken over.
 */
export function lockPgliteFolder(dir: string): () => void {
  const path = join(dir, 'relais.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw new PgliteBusyError(owner, dir);
      rmSync(path, { force: true });
    }
  }
  throw new PgliteBusyError(-1, dir);
}
