import { DEMO_ROSTER, DEMO_STRUCTURE } from '../../demo/demo-roster.js';
import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

export async function runDemoSeed(io: CliIo): Promise<number> {
  const counts = await withRelais(io, (relais) => relais.useCases.seedDemo({ structure: DEMO_STRUCTURE, roster: DEMO_ROSTER }));
  line(io.stdout, io.t('cli.demo.seeded', counts));
  return EXIT.ok;
}
