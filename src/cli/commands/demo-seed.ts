import { generateHistory } from '../../demo/demo-history.js';
import { DEMO_ROSTER, DEMO_STRUCTURE } from '../../demo/demo-roster.js';
import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

export async function runDemoSeed(io: CliIo): Promise<number> {
  const [counts, history] = await withRelais(io, async (relais) => [
    await relais.useCases.seedDemo({ structure: DEMO_STRUCTURE, roster: DEMO_ROSTER }),
    // Months of confirmed records, so summaries, charts and bilans have something to show.
    await relais.useCases.seedDemoHistory(generateHistory),
  ] as const);
  line(io.stdout, io.t('cli.demo.seeded', counts));
  if (history.written) line(io.stdout, io.t('followup.demo_history', { notes: history.notes, attendance: history.attendance, observations: history.observations }));
  return EXIT.ok;
}
