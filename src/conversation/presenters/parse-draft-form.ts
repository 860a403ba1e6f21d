import { matchPersonName } from '../../core/domain/person-names.js';
import type { RosterEntry } from '../../core/domain/roster.js';
import { ALERT_TOPICS, INCIDENT_KINDS, OBSERVATION_CATEGORIES, UNITS } from '../../core/domain/taxonomy.js';
import type { ShiftNoteExtraction } from '../../core/extraction/shift-note-extraction.js';
import type { Translate } from '../../i18n/translator.js';
import { fold } from '../intent/french-words.js';

/** Units as people type them in the form. */
const UNIT_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(m2|m²|metres? carres?|mcarres?)$/, 'm2'], [/^(m3|m³|metres? cubes?)$/, 'm3'], [/^(m|ml|metres?( lineaires?)?)$/, 'm'],
  [/^(kg|kilos?|kilogrammes?)$/, 'kg'], [/^(t|tonnes?)$/, 't'], [/^(l|litres?)$/, 'l'], [/^(h|heures?)$/, 'h'],
  [/^(pieces?|pieces?\(s\)|sacs?|colis|meubles?|palettes?|articles?|appareils?|repas|objets?|items?|unites?|u)$/, 'piece'],
];

export interface ParsedForm {
  readonly extraction: ShiftNoteExtraction;
  /** Lines that could not be read; the draft is not changed when there are any. */
  readonly invalid: readonly string[];
}

/** Reads the edit form back into a draft. Labels are matched in French or English, codes too. */
export function parseDraftForm(
  values: Readonly<Record<string, string>>, roster: readonly RosterEntry[], authorTeam: string | null, previous: ShiftNoteExtraction, t: Translate,
): ParsedForm {
  const invalid: string[] = [];
  const lines = (field: string) => (values[field] ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const person = (text: string): string | null => {
    const found = matchPersonName(text.trim(), roster, authorTeam);
    return found.length === 1 ? found[0]!.id : null;
  };
  const lookup = (codes: readonly string[], prefix: (c: string) => string) => (word: string): string | null => {
    const w = fold(word);
    return codes.find((c) => fold(c) === w || fold(t(prefix(c))) === w) ?? null;
  };
  const category = lookup(OBSERVATION_CATEGORIES, (c) => `category.${c}`);
  const topic = lookup(ALERT_TOPICS, (c) => (c === 'securite' || c === 'violence' ? `topic.${c}` : `category.${c}`));
  const kind = lookup(INCIDENT_KINDS, (c) => `incident.${c}`);
  const unitByLabel = lookup(UNITS, (c) => `unit.${c}`);
  const unit = (word: string): string | null => unitByLabel(word) ?? UNIT_WORDS.find(([pattern]) => pattern.test(fold(word)))?.[1] ?? null;

  const x: ShiftNoteExtraction = { attendance: [], observations: [], production: [], incidents: [], alerts: [], unknownNames: [...previous.unknownNames] };
  for (const line of lines('attendance')) {
    const [who = '', what = ''] = line.split(/\s*:\s*/, 2);
    const id = person(who);
    const f = fold(what);
    const status = /retard|late/.test(f) ? 'late' : /parti|left/.test(f) ? 'left_early' : /absent/.test(f) ? 'absent' : /present|la\b/.test(f) ? 'present' : null;
    if (!id || !status) { invalid.push(line); continue; }
    const minutes = /(\d+)\s*min/.exec(f);
    const excused = /non justifie|not excused|sans prevenir/.test(f) ? false : /justifie|excused|prevenu/.test(f) ? true : null;
    x.attendance.push({ person: id, status, excused, minutes: minutes ? Number(minutes[1]) : null });
  }
  for (const line of lines('production')) {
    const m = /^(.*?)\s*:\s*([\d\s.,]*\d)\s*(.+)?$/.exec(line);
    const activityOnly = /^(.*?)\s*:?\s*$/.exec(line);
    if (m) {
      const quantity = Number(m[2]!.replace(/\s/g, '').replace(',', '.'));
      const u = m[3] ? unit(m[3].trim()) : null;
      if (!Number.isFinite(quantity) || (m[3] && !u)) { invalid.push(line); continue; }
      x.production.push({ activity: m[1]!.trim(), quantity, unit: u as ShiftNoteExtraction['production'][number]['unit'] });
    } else if (activityOnly && activityOnly[1]) {
      x.production.push({ activity: activityOnly[1].trim(), quantity: null, unit: null });
    }
  }
  for (const line of lines('observations')) {
    const [who = '', cat = '', pol = '', ...rest] = line.split(/\s*[·|]\s*/);
    const id = person(who);
    const c = category(cat);
    const p = fold(pol);
    const polarity = /^(positi|\+)/.test(p) ? 'positive' : /^(negati|-)/.test(p) ? 'negative' : /^neut/.test(p) ? 'neutral' : null;
    const evidence = rest.join(' · ').trim();
    if (!id || !c || !polarity || !evidence) { invalid.push(line); continue; }
    x.observations.push({ person: id, category: c as ShiftNoteExtraction['observations'][number]['category'], polarity, evidence });
  }
  for (const line of lines('incidents')) {
    const [k = '', ...rest] = line.split(/\s*:\s*/);
    const kk = kind(k);
    if (!kk || rest.join(':').trim() === '') { invalid.push(line); continue; }
    const evidence = rest.join(':').trim();
    // The form shows no persons for incidents: keep those of the same incident before the edit.
    const persons = previous.incidents.find((i) => i.evidence === evidence)?.persons ?? [];
    x.incidents.push({ kind: kk as ShiftNoteExtraction['incidents'][number]['kind'], persons: [...persons], evidence });
  }
  for (const line of lines('alerts')) {
    const [who = '', top = '', ...rest] = line.split(/\s*[·|]\s*/);
    const id = person(who);
    const tp = topic(top);
    if (!tp || rest.join(' · ').trim() === '' || (who.trim() !== '' && !id)) { invalid.push(line); continue; }
    x.alerts.push({ person: id, topic: tp as ShiftNoteExtraction['alerts'][number]['topic'], evidence: rest.join(' · ').trim() });
  }
  return { extraction: x, invalid };
}
