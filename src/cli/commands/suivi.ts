import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentFormat, DocumentKind } from '../../core/ports/progress-documents.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { followupError, resolveActor, resolvePerson } from '../cli-people.js';
import { withRelais } from '../with-relais.js';

export interface SuiviOptions {
  readonly as: string;
  readonly depuis?: string;
  readonly jusquAu?: string;
  readonly format?: string;
  readonly out?: string;
  readonly graphiques?: string;
}

const FORMATS: Record<string, DocumentFormat> = { texte: 'text', text: 'text', md: 'markdown', markdown: 'markdown', pdf: 'pdf' };

/** Picks the format from the option, else from the file's extension, else plain text. */
export function documentFormat(io: CliIo, options: { format?: string; out?: string }, fallback: DocumentFormat): DocumentFormat {
  const named = options.format ?? (options.out?.toLowerCase().endsWith('.pdf') ? 'pdf' : options.out?.toLowerCase().endsWith('.md') ? 'md' : undefined);
  if (named === undefined) return fallback;
  const format = FORMATS[named.toLowerCase()];
  if (format === undefined) throw new CliError(io.t('followup.error.bad_format', { value: named }), EXIT.usage);
  if (format === 'pdf' && options.out === undefined) throw new CliError(io.t('followup.error.pdf_needs_out'), EXIT.usage);
  return format;
}

/** `relais suivi` and `relais bilan`: the summary or a bilan document, to the terminal or a file. */
export async function runProgressDocument(io: CliIo, personQuery: string, kind: DocumentKind, options: SuiviOptions, fallback: DocumentFormat): Promise<number> {
  const format = documentFormat(io, options, fallback);
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const person = await resolvePerson(relais, io, personQuery);
    const result = await relais.useCases.exportProgressDocument({
      actor, personId: person.id, kind, format, locale: relais.config.locale, withCharts: format === 'pdf' || options.graphiques !== undefined,
      ...(options.depuis === undefined ? {} : { from: options.depuis }), ...(options.jusquAu === undefined ? {} : { to: options.jusquAu }),
    });
    if (!result.ok) throw followupError(io, result, `${person.firstName} ${person.lastName}`);
    if (options.out === undefined) io.stdout.write(Buffer.from(result.value.bytes));
    else {
      writeFileSync(options.out, result.value.bytes);
      line(io.stderr, io.t('followup.written', { path: options.out }));
    }
    if (options.graphiques !== undefined) {
      mkdirSync(options.graphiques, { recursive: true });
      for (const [name, png] of [['presence.png', result.value.charts.attendance], ['competences.png', result.value.charts.skills]] as const) {
        if (png === null) continue;
        writeFileSync(join(options.graphiques, name), png);
        line(io.stderr, io.t('followup.chart_written', { path: join(options.graphiques, name) }));
      }
    }
    if (result.value.summary.narrativeRejected) line(io.stderr, io.t('followup.narrative_dropped'));
    return EXIT.ok;
  });
}

export const runSuivi = (io: CliIo, person: string, options: SuiviOptions): Promise<number> => runProgressDocument(io, person, 'suivi', options, 'text');
