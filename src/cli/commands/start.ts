import type { Relais } from '../../app/composition-root.js';
import { openConfiguredDatabase } from '../../app/database-root.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { loadCliConfig } from '../load-cli-config.js';
import { databaseError } from '../with-relais.js';

/**
 * `relais start`: migrate, serve, print the doors, run until SIGINT/SIGTERM,
 * then stop cleanly within SHUTDOWN_TIMEOUT_MS (in-flight work finishes first).
 */
export async function runStart(io: CliIo): Promise<number> {
  const { t } = io;
  const config = loadCliConfig(io);
  line(io.stdout, t('server.starting'));
  // The database opens while the rest of Relais loads: PGlite compiles its WebAssembly off the main thread.
  const opening = openConfiguredDatabase(config);
  opening.catch(() => undefined); // reported below, through buildRelais
  const [{ buildRelais }, { serve }, { doorsBanner }] = await Promise.all([
    import('../../app/composition-root.js'), import('../../app/serve.js'), import('../../app/doors-banner.js'),
  ]);
  let relais: Relais;
  try {
    relais = await buildRelais(config, { opening, service: true });
  } catch (error) {
    throw databaseError(io, error);
  }
  line(io.stdout, t('server.migrations'));
  // Workers first: on stop, the server closes before them, so no new work arrives while they finish.
  relais.startWorkers();
  relais.startScheduler();
  let serving;
  try {
    serving = await serve(relais);
  } catch (error) {
    await relais.lifecycle.stop();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(t('server.port_in_use', { port: config.http.port }), EXIT.failure);
    throw error;
  }
  for (const text of doorsBanner(config, serving.url, t)) line(io.stdout, text);
  relais.logger.info({ url: serving.url, database: relais.database.kind, intakeJournal: relais.conversation.journal !== null }, 'relais.started');

  await new Promise<void>((resolve) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  line(io.stdout, t('server.stopping'));
  const deadline = setTimeout(() => {
    // Past the deadline nothing more can finish cleanly; queued work resumes at next start.
    process.exit(EXIT.failure);
  }, config.shutdownTimeoutMs + 1000);
  deadline.unref();
  await relais.lifecycle.stop((name) => relais.logger.warn({ step: name }, 'relais.stop_step_failed'));
  clearTimeout(deadline);
  line(io.stdout, t('server.stopped'));
  return EXIT.ok;
}
