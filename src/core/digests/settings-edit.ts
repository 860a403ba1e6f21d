import { UNITS, type Unit } from '../domain/taxonomy.js';
import { minutesOf, teamSettingsSchema, type TeamSettings } from './team-settings.js';

/** One change asked in French: `heure_digest=18:00`, `jours=lun-ven`, `objectif.tonte=400 m2`. */
export type SettingsChange =
  | { readonly field: Exclude<keyof TeamSettings, 'targets'>; readonly value: unknown }
  | { readonly field: 'targets'; readonly activity: string; readonly target: TeamSettings['targets'][string] | null }
  | { readonly field: 'timezone'; readonly value: string };

export type SettingsEditError = 'settings.unknown_key' | 'settings.bad_value' | 'settings.empty';

const DAYS: Record<string, number> = { lun: 1, mar: 2, mer: 3, jeu: 4, ven: 5, sam: 6, dim: 7 };
const YES = new Set(['oui', 'o', 'vrai', 'true', 'on', 'actif', 'active', 'yes', '1']);
const NO = new Set(['non', 'n', 'faux', 'false', 'off', 'inactif', 'inactive', 'no', '0']);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** French key → field. Several spellings, folded (accents, case, `-`/`_`). */
const KEYS: Record<string, Exclude<keyof TeamSettings, 'targets'> | 'timezone'> = {
  fin_de_poste: 'shiftEnd', fin_poste: 'shiftEnd', fin: 'shiftEnd',
  heure_digest: 'digestTime', digest: 'digestTime', heure_resume: 'digestTime', resume: 'digestTime',
  jours: 'workingDays', jours_travailles: 'workingDays',
  digest_actif: 'digestEnabled', resume_actif: 'digestEnabled',
  audience: 'audience', public: 'audience',
  prenoms_absences: 'absenceFirstNames', prenoms: 'absenceFirstNames',
  rappels: 'remindersEnabled', rappel_actif: 'remindersEnabled',
  heure_rappel: 'reminderTime', rappel: 'reminderTime',
  heures_calmes: 'quietStart', silence: 'quietStart',
  fuseau: 'timezone', fuseau_horaire: 'timezone',
  bilan: 'checkInEnabled', bilan_fin_de_poste: 'checkInEnabled', checkin: 'checkInEnabled', point_fin_de_journee: 'checkInEnabled',
  questions: 'guidingQuestions', questions_guides: 'guidingQuestions',
  retards_minutes: 'trackLatenessMinutes', minutes_retard: 'trackLatenessMinutes',
};

/** Parses `cle=valeur` pairs (values may contain spaces up to the next `cle=`). */
export function parseSettingsChanges(args: string): { changes: SettingsChange[] } | { error: SettingsEditError; key?: string } {
  const pairs = [...args.matchAll(/([\p{L}_.-]+)\s*=\s*(.*?)(?=\s+[\p{L}_.-]+\s*=|$)/gsu)];
  if (pairs.length === 0) return { error: 'settings.empty' };
  const changes: SettingsChange[] = [];
  for (const [, rawKey = '', rawValue = ''] of pairs) {
    const key = fold(rawKey).replace(/-/g, '_');
    const value = rawValue.trim();
    const target = /^objectifs?\.(.+)$/.exec(key);
    if (target) {
      const parsed = parseTarget(value);
      if (parsed === undefined) return { error: 'settings.bad_value', key: rawKey };
      // The activity as the encadrant wrote it (accents kept); matching folds accents and case anyway.
      const activity = rawKey.trim().replace(/^objectifs?\./iu, '').replace(/_/g, ' ').toLowerCase();
      changes.push({ field: 'targets', activity, target: parsed });
      continue;
    }
    const field = KEYS[key];
    if (!field) return { error: 'settings.unknown_key', key: rawKey };
    const parsed = parseValue(field, value);
    if (parsed === undefined) return { error: 'settings.bad_value', key: rawKey };
    if (field === 'quietStart') {
      const [start, end] = parsed as [string, string];
      changes.push({ field: 'quietStart', value: start }, { field: 'quietEnd', value: end });
    } else if (field === 'timezone') {
      changes.push({ field: 'timezone', value: parsed as string });
    } else {
      changes.push({ field, value: parsed });
    }
  }
  return { changes };
}

function parseValue(field: Exclude<keyof TeamSettings, 'targets'> | 'timezone', value: string): unknown {
  const v = fold(value);
  switch (field) {
    case 'shiftEnd': case 'digestTime': case 'reminderTime': return parseTime(v);
    case 'quietStart': {
      const m = /^(\S+)\s*(?:-|a|à)\s*(\S+)$/.exec(v);
      const start = m ? parseTime(m[1]!) : undefined;
      const end = m ? parseTime(m[2]!) : undefined;
      return start && end ? [start, end] : undefined;
    }
    case 'workingDays': return parseDays(v);
    case 'guidingQuestions': {
      if (/^(aucune?s?|rien|-)$/.test(v)) return [];
      const questions = value.split(/\s*[;|]\s*/).map((q) => q.trim()).filter((q) => q !== '');
      return questions.length > 0 && questions.length <= 5 && questions.every((q) => q.length <= 200) ? questions : undefined;
    }
    case 'digestEnabled': case 'remindersEnabled': case 'absenceFirstNames': case 'checkInEnabled': case 'trackLatenessMinutes':
      return YES.has(v) ? true : NO.has(v) ? false : undefined;
    case 'audience':
      return /^(equipe|canal|team)$/.test(v) ? 'team' : /^(direction|dir)$/.test(v) ? 'direction' : undefined;
    case 'timezone': return /^[A-Za-z_]+\/[A-Za-z_\-/]+$/.test(value) ? value : undefined;
    default: return undefined;
  }
}

/** "17:30", "17h30", "17h", "9h05" → "HH:MM". */
export function parseTime(v: string): string | undefined {
  const m = /^(\d{1,2})\s*(?:h|:)\s*(\d{2})?$/.exec(v.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return undefined;
  const out = `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  return minutesOf(out) >= 0 ? out : undefined;
}

/** "lun-ven", "lun,mar,jeu", "lundi mardi" → ISO weekdays. */
export function parseDays(v: string): number[] | undefined {
  const range = /^([a-z]{3})[a-z]*\s*(?:-|a|au)\s*([a-z]{3})[a-z]*$/.exec(v);
  if (range) {
    const from = DAYS[range[1]!];
    const to = DAYS[range[2]!];
    if (!from || !to || to < from) return undefined;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const days = v.split(/[\s,;]+/).filter(Boolean).map((w) => DAYS[w.slice(0, 3)]);
  if (days.length === 0 || days.some((d) => d === undefined)) return undefined;
  return [...new Set(days as number[])].sort((a, b) => a - b);
}

/** "400 m2", "2 t/semaine", "aucun" (null removes the target). */
function parseTarget(value: string): TeamSettings['targets'][string] | null | undefined {
  const v = fold(value);
  if (/^(aucun|rien|supprimer|-)$/.test(v)) return null;
  const m = /^(\d+(?:[.,]\d+)?)\s*([a-z0-9²³]+)\s*(?:(?:\/|par)\s*(jour|j|semaine|sem))?$/.exec(v);
  if (!m) return undefined;
  const unit = normaliseUnit(m[2]!);
  if (!unit) return undefined;
  return { quantity: Number(m[1]!.replace(',', '.')), unit, period: m[3] && m[3].startsWith('s') ? 'week' : 'day' };
}

function normaliseUnit(u: string): Unit | undefined {
  const map: Record<string, Unit> = { 'm²': 'm2', 'm³': 'm3', metres: 'm', metre: 'm', kilos: 'kg', kilo: 'kg', tonnes: 't', tonne: 't', litres: 'l', litre: 'l', heures: 'h', heure: 'h', pieces: 'piece', piece: 'piece', pcs: 'piece' };
  const unit = map[u] ?? u;
  return (UNITS as readonly string[]).includes(unit) ? unit as Unit : undefined;
}

/** Applies changes; the result is validated again as a whole. */
export function applySettingsChanges(current: TeamSettings, changes: readonly SettingsChange[]): TeamSettings {
  const next: Record<string, unknown> = { ...current, targets: { ...current.targets } };
  for (const change of changes) {
    if (change.field === 'timezone') continue;
    if (change.field === 'targets') {
      const targets = next['targets'] as Record<string, unknown>;
      // One target per activity whatever its spelling (« debroussaillage » set before accents were kept).
      for (const key of Object.keys(targets)) if (fold(key) === fold(change.activity)) delete targets[key];
      if (change.target !== null) targets[change.activity] = change.target;
    } else {
      next[change.field] = change.value;
    }
  }
  return teamSettingsSchema.parse(next);
}
