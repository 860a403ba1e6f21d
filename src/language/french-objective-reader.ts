import { frenchChrono } from './french-chrono.js';
import type { ObjectiveReading, ObjectiveTextReader } from '../core/ports/objective-text-reader.js';
import { err, ok, type Result } from '../core/result.js';
import { guessTheme } from './objective-theme-guess.js';

const INTRO = /^\s*(?:nouvel(?:le)?\s+)?objectif\s+(?:pour|de|d['’]|avec)?\s*(.+?)\s*[:：]\s*(.+?)\s*\.?\s*$/iu;
const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
/** « d'ici mars », « avant fin juin 2027 », « pour la fin du mois »: chrono-node reads days, not bare months. */
const MONTH_DUE = /(?:d['’]ici|avant|pour|en|à|a)\s+(?:(?:la\s+)?fin\s+(?:de\s+|d['’])?)?(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)(?:\s+(\d{4}))?/iu;
const END_OF_MONTH = /(?:d['’]ici|avant|pour)\s+la\s+fin\s+du\s+mois/iu;
/** Words left dangling before a removed date. */
const DANGLING = /(?:^|\s)(?:d['’]ici(?:\s+le)?|avant(?:\s+le)?|pour(?:\s+le)?|au plus tard(?:\s+le)?|en|le)\s*$/iu;

const simplify = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

function monthDue(text: string, today: string): { due: string; match: string } | null {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const eom = END_OF_MONTH.exec(text);
  if (eom) return { due: lastDayOf(year, month), match: eom[0] };
  const m = MONTH_DUE.exec(text);
  if (!m) return null;
  const wanted = MONTHS.indexOf(simplify(m[1]!)) + 1;
  const y = m[2] !== undefined ? Number(m[2]) : wanted >= month ? year : year + 1;
  return { due: lastDayOf(y, wanted), match: m[0] };
}

/** The rules reader: « objectif pour <salarié> : <libellé> [échéance] », the échéance read by chrono-node (French) or as a month. */
export class FrenchObjectiveReader implements ObjectiveTextReader {
  async read(text: string, context: { today: string; timezone: string; themes: readonly string[] }): Promise<Result<ObjectiveReading, 'objective.unreadable'>> {
    const m = INTRO.exec(text.replace(/\s+/g, ' '));
    if (!m) return err('objective.unreadable');
    const personQuery = m[1]!.trim();
    let rest = m[2]!.trim();
    let dueOn: string | null = null;
    const byMonth = monthDue(rest, context.today);
    if (byMonth) {
      dueOn = byMonth.due;
      rest = rest.replace(byMonth.match, ' ');
    } else {
      const found = frenchChrono().parse(rest, { instant: new Date(`${context.today}T12:00:00Z`), timezone: context.timezone }, { forwardDate: true }).at(-1);
      if (found) {
        dueOn = found.start.date().toISOString().slice(0, 10);
        rest = `${rest.slice(0, found.index).replace(DANGLING, '')} ${rest.slice(found.index + found.text.length)}`;
      }
    }
    const label = rest.replace(DANGLING, '').replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').replace(/[,;\s]+$/, '').replace(/^[,;:\s]+/, '').trim();
    if (personQuery === '' || label === '') return err('objective.unreadable');
    return ok({ personQuery, label: label[0]!.toUpperCase() + label.slice(1), theme: guessTheme(label, context.themes), dueOn });
  }
}
