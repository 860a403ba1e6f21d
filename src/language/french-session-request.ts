import { frenchChrono } from './french-chrono.js';
import { simplifyName } from '../core/domain/person-names.js';
import type { RosterEntry } from '../core/domain/roster.js';

export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface SessionRequestReading {
  readonly durationMinutes: number | null;
  readonly startTime: string | null;
  readonly date: string | null;
  readonly participants: readonly RosterEntry[];
  readonly everyone: boolean;
  readonly site: string | null;
  /** The text left once dates, times and names are removed: what the séance is about. */
  readonly topic: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Reads a request such as « Prépare une séance sur la taille de haies pour Karim et Sofiane jeudi 1h30 »:
 * a duration (« 1h30 », « 45 min », « pendant 2h »), a start time (« à 14h »), a date (chrono-node,
 * French, forward from today), the participants (first names, aliases, « toute l'équipe ») and a site (« à/au/sur le site de … »).
 */
export function readSessionRequest(text: string, context: { today: string; timezone: string; team: readonly RosterEntry[] }): SessionRequestReading {
  let rest = ` ${text.replace(/[’]/g, "'")} `;
  let startTime: string | null = null;
  const start = /\s(?:à|a|de|dès|des)\s+(\d{1,2})\s*(?:h|heures?|:)\s*(\d{2})?(?=[\s,.;!?]|$)/iu.exec(rest);
  if (start && Number(start[1]) >= 6 && Number(start[1]) <= 20) {
    startTime = `${pad(Number(start[1]))}:${pad(Number(start[2] ?? 0))}`;
    rest = rest.replace(start[0], ' ');
  }
  let durationMinutes: number | null = null;
  const hours = /\s(?:pendant\s+|durée\s*:?\s*|de\s+)?(\d)\s*h(?:eures?)?\s*(\d{2})?(?:\s*min)?(?=[\s,.;!?]|$)/iu.exec(rest);
  const minutesOnly = /\s(?:pendant\s+|durée\s*:?\s*)?(\d{2,3})\s*(?:min|minutes|mn)\b/iu.exec(rest);
  const halfDay = /\s(une |la )?demi[- ]journée\b/iu.exec(rest);
  if (hours) {
    durationMinutes = Number(hours[1]) * 60 + Number(hours[2] ?? 0);
    rest = rest.replace(hours[0], ' ');
  } else if (minutesOnly) {
    durationMinutes = Number(minutesOnly[1]);
    rest = rest.replace(minutesOnly[0], ' ');
  } else if (halfDay) {
    durationMinutes = 180;
    rest = rest.replace(halfDay[0], ' ');
  }
  let date: string | null = null;
  const found = frenchChrono().parse(rest, { instant: new Date(`${context.today}T12:00:00Z`), timezone: context.timezone }, { forwardDate: true })[0];
  if (found) {
    const d = found.start;
    date = `${d.get('year')}-${pad(d.get('month') ?? 1)}-${pad(d.get('day') ?? 1)}`;
    if (!startTime && d.isCertain('hour')) startTime = `${pad(d.get('hour') ?? 0)}:${pad(d.get('minute') ?? 0)}`;
    rest = rest.replace(found.text, ' ');
  }
  let site: string | null = null;
  const siteMatch = /\s(?:sur le (?:site|chantier) (?:de |du |d')|au (?:site|chantier) (?:de |du |d')?)([^,.;]{2,60}?)(?=\s+(?:pour|avec|le|la|les)\s|[,.;]|\s*$)/iu.exec(rest);
  if (siteMatch) {
    site = siteMatch[1]!.trim();
    rest = rest.replace(siteMatch[0], ' ');
  }
  const folded = ` ${simplifyName(rest)} `;
  const everyone = /\s(toute l ?equipe|tout le monde|toute la team|l equipe|tous les salaries)\s/.test(folded);
  const words = new Set(folded.trim().split(' '));
  const participants = everyone ? [...context.team] : context.team.filter((p) => {
    const names = [p.firstName, ...p.aliases].map(simplifyName);
    const full = simplifyName(`${p.firstName} ${p.lastName}`);
    return folded.includes(` ${full} `) || names.some((n) => (n.includes(' ') ? folded.includes(` ${n} `) : words.has(n)));
  });
  let topic = rest;
  for (const p of participants) for (const n of [`${p.firstName} ${p.lastName}`, p.firstName, ...p.aliases]) topic = topic.replace(new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'giu'), ' ');
  topic = topic.replace(/\b(prépare|prepare|préparer|preparer|organise|une|la|des|séance|seance|sur|de|du|pour|avec|et|toute|tout|le|monde|équipe|equipe|l')\b/giu, ' ').replace(/\s+/g, ' ').trim();
  return { durationMinutes, startTime, date, participants, everyone, site, topic };
}
