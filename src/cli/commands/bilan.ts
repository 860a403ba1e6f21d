import { readFileSync } from 'node:fs';
import type { BilanKind } from '../../core/bilans/bilan.js';
import { formatDate } from '../../i18n/format.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { followupError, resolveActor, resolvePerson } from '../cli-people.js';
import { withRelais, firstLine } from '../with-relais.js';
import { runProgressDocument, type SuiviOptions } from './suivi.js';

/** `relais bilan <personne> --type …`: the bilan document in the structure of its kind (PDF by default). */
export const runBilan = (io: CliIo, person: string, options: SuiviOptions & { type: BilanKind }): Promise<number> =>
  runProgressDocument(io, person, options.type, options, options.out === undefined ? 'markdown' : 'pdf');

/** `relais bilan-enregistrer <personne> --fichier bilan.json`: participants given by id or name. */
export async function runBilanRecord(io: CliIo, personQuery: string, options: { as: string; fichier: string }): Promise<number> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(options.fichier, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(io.t('followup.error.file_unreadable', { path: options.fichier, reason: firstLine(error) }), EXIT.usage);
  }
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const person = await resolvePerson(relais, io, personQuery);
    const names = Array.isArray(raw['participants']) ? raw['participants'].map(String) : [];
    const participants = [];
    for (const name of names) participants.push((await resolvePerson(relais, io, name)).id);
    const { objectives, ...bilan } = raw;
    const result = await relais.useCases.recordBilan({
      actor, personId: person.id, bilan: { ...bilan, participants } as never, objectives: Array.isArray(objectives) ? objectives as never : [],
    });
    if (!result.ok) throw followupError(io, result, `${person.firstName} ${person.lastName}`);
    line(io.stdout, io.t('followup.bilan.recorded', {
      kind: io.t(`doc.title.${result.value.kind}`), date: formatDate(result.value.date, relais.config.locale), name: `${person.firstName} ${person.lastName}`,
    }));
    if (result.value.objectiveIds.length > 0) line(io.stdout, io.t('followup.bilan.objectives', { count: result.value.objectiveIds.length }));
    return EXIT.ok;
  });
}
