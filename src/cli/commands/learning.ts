import { writeFileSync } from 'node:fs';
import type { Err } from '../../core/result.js';
import { readSkillsFile } from '../../app/file-doors.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { resolveActor, resolvePerson } from '../cli-people.js';
import { withRelais } from '../with-relais.js';
import { documentFormat } from './suivi.js';

export interface SeanceOptions {
  readonly as: string;
  readonly id?: string;
  readonly valider?: boolean;
  readonly format?: string;
  readonly out?: string;
}

/** A use case's refusal in French: access refusals exit 1, anything the user can fix exits 2. */
function learningError(io: CliIo, failure: Err): CliError {
  const params = Object.fromEntries(Object.entries(failure.details ?? {}).map(([k, v]) => [k, String(v)]));
  const key = `error.${failure.code}`;
  const text = io.t(key, params);
  return new CliError(text === key ? io.t('error.generic') : text, failure.code === 'access.denied' ? EXIT.failure : EXIT.usage);
}

function output(io: CliIo, bytes: Uint8Array, out: string | undefined): void {
  if (out === undefined) io.stdout.write(Buffer.from(bytes));
  else {
    writeFileSync(out, bytes);
    line(io.stderr, io.t('followup.written', { path: out }));
  }
}

/** `relais seance "<demande>" --as <eti> [--valider] [--out fiche.pdf]`, or `relais seance --id <séance> --out fiche.pdf`. */
export async function runSeance(io: CliIo, text: string | undefined, options: SeanceOptions): Promise<number> {
  const format = documentFormat(io, options, 'markdown');
  if (text === undefined && options.id === undefined) throw new CliError(io.t('cli.seance.missing'), EXIT.usage);
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const learning = relais.learning.useCases;
    let sessionId = options.id;
    if (sessionId === undefined) {
      const drafted = await learning.draftLearningSession({ actor, text: text! });
      if (!drafted.ok) throw learningError(io, drafted);
      sessionId = drafted.value.id;
      if (options.valider) {
        const confirmed = await learning.confirmLearningSession.confirm({ actor, sessionId });
        if (!confirmed.ok) throw learningError(io, confirmed);
      }
      line(io.stderr, io.t(options.valider ? 'cli.seance.scheduled' : 'cli.seance.drafted', { id: sessionId }));
    }
    const document = await learning.exportLearningDocument.session({ actor, sessionId, format, locale: relais.config.locale });
    if (!document.ok) throw learningError(io, document);
    output(io, document.value, options.out);
    return EXIT.ok;
  });
}

/** `relais competences import <fichier> --equipe <équipe> --as <eti>`: all lines or none. */
export async function runCompetencesImport(io: CliIo, file: string, options: { as: string; equipe: string }): Promise<number> {
  const read = await readSkillsFile(file);
  if (!read.ok) throw new CliError(io.t(read.code, { path: read.path }), EXIT.usage);
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const structure = await relais.stores.roster.defaultStructure();
    const wanted = options.equipe.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const team = (await relais.stores.roster.listTeams(structure.id)).find((t) => t.key === wanted || t.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() === wanted);
    if (!team) throw new CliError(io.t('error.team.unknown', { team: options.equipe }), EXIT.usage);
    const result = await relais.learning.useCases.importSkills({ actor, teamId: team.id, lines: read.rows });
    if (!result.ok) throw learningError(io, result);
    line(io.stdout, io.t('cli.competences.imported', { added: result.value.added, updated: result.value.updated, team: team.name }));
    return EXIT.ok;
  });
}

/** `relais attestation <salarié> --as <cip> [--date AAAA-MM-JJ] --out attestation.pdf`. */
export async function runAttestation(io: CliIo, personQuery: string, options: { as: string; date?: string; format?: string; out?: string }): Promise<number> {
  const format = documentFormat(io, options, 'markdown');
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const person = await resolvePerson(relais, io, personQuery);
    const document = await relais.learning.useCases.exportLearningDocument.attestation({
      actor, personId: person.id, format, locale: relais.config.locale, ...(options.date ? { date: options.date } : {}),
    });
    if (!document.ok) throw learningError(io, document);
    output(io, document.value, options.out);
    return EXIT.ok;
  });
}
