import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

export async function runDbMigrate(io: CliIo): Promise<number> {
  await withRelais(io, async () => undefined);
  line(io.stdout, io.t('cli.db.migrated'));
  return EXIT.ok;
}
