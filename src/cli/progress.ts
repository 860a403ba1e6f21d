import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** A progress bar on standard error for long imports (only on a terminal). */
export function createProgress(io: CliIo): { update: (done: number, total: number) => void; stop: () => void } {
  if (!io.isTty) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({
    stream: io.stderr as NodeJS.WriteStream,
    format: `${io.t('cli.progress')} [{bar}] {percentage}% | {value}/{total}`,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
