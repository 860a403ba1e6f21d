import { addDays, businessDate, isoWeekday } from '../../domain/business-date.js';
import type { Clock } from '../../ports/clock.js';
import type { Actor } from '../../domain/actor.js';
import { sensitivityOf } from '../../domain/sensitivity.js';
import type { ObservationCategory } from '../../domain/taxonomy.js';
import type { DailyDigest, ProductionLine } from '../../digests/digest-facts.js';
import { foldActivity, neutralActivity } from '../../digests/neutral-activity.js';
import type { Reply } from '../../messages/reply.js';
import { authorize, type AuthorizationCode } from '../../policy/authorize.js';
import type { DigestPresenter } from '../../ports/digest-presenter.js';
import type { DigestStore, TeamDigestRecords, TeamSchedule } from '../../ports/digest-store.js';
import { err, ok, type Result } from '../../result.js';
import { resolveTeam } from '../manage-team-settings/manage-team-settings.js';

const MAX_HIGHLIGHTS = 5;
const PRESENT = new Set(['present', 'late', 'left_early']);

export type DailyDigestError = AuthorizationCode | 'team.unknown' | 'team.required' | 'date.invalid';

export interface BuiltDigest {
  readonly team: TeamSchedule;
  readonly digest: DailyDigest;
  readonly reply: Reply;
}

const isDate = (d: string): boolean => {
  const parsed = new Date(`${d}T12:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
};

/** Monday of the ISO week of a date. */
const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/**
 * The daily team digest from confirmed records only: production against targets
 * (day and week to date), attendance counts, highlights from positive team-level
 * observations with first names, upcoming learning sessions. Never a quote, a
 * frein, health, justice, an alert or a last name.
 */
export function createBuildDailyDigest(deps: { readonly digestStore: DigestStore; readonly presenter: DigestPresenter; readonly clock: Clock }) {
  async function forTeam(team: TeamSchedule, date: string): Promise<BuiltDigest> {
    const records = await deps.digestStore.teamRecords(team.id, { from: mondayOf(date), to: date });
    const digest = digestOf(team, date, records);
    return { team, digest, reply: deps.presenter.daily(digest) };
  }

  /** A person's request (preview, post by hand): the team must be theirs to read. */
  /** The date defaults to today in the team's timezone. */
  async function forActor(input: { actor: Actor; teamKey?: string; date?: string }): Promise<Result<BuiltDigest, DailyDigestError>> {
    if (input.date !== undefined && !isDate(input.date)) return err('date.invalid');
    const team = await resolveTeam(deps.digestStore, input.actor, input.teamKey);
    if (!team.ok) return team;
    const allowed = authorize(input.actor, 'read', 'production', { structureId: team.value.structureId, teamId: team.value.id });
    if (!allowed.ok) return allowed;
    return ok(await forTeam(team.value, input.date ?? businessDate(deps.clock.now(), team.value.timezone)));
  }

  return { forTeam, forActor };
}

export function digestOf(team: TeamSchedule, date: string, records: TeamDigestRecords): DailyDigest {
  const confidential = new Set(records.confidentialWords.map((w) => w.toLowerCase()));
  const members = new Map(records.members.map((m) => [m.id, m]));
  // One status per person for the day (the last confirmed line wins).
  const today = new Map<string, string>();
  for (const a of records.attendance) if (a.date === date) today.set(a.personId, a.status);
  const statuses = [...today.values()];
  const present = statuses.filter((s) => PRESENT.has(s)).length;
  const absentIds = [...today.entries()].filter(([, s]) => s === 'absent').map(([id]) => id);
  const salaries = records.members.filter((m) => m.role === 'salarie').length;
  const attendance = today.size === 0 ? null : {
    present, absent: absentIds.length, late: statuses.filter((s) => s === 'late').length,
    total: Math.max(salaries, present + absentIds.length),
    absentFirstNames: team.settings.absenceFirstNames
      ? absentIds.map((id) => members.get(id)?.firstName).filter((n): n is string => typeof n === 'string').sort((a, b) => a.localeCompare(b, 'fr'))
      : null,
  };

  const lines = new Map<string, { activity: string; unit: string; day: number; weekToDate: number }>();
  for (const p of records.production) {
    if (p.quantity === null || p.unit === null || p.date > date) continue;
    const activity = neutralActivity(p.activity, confidential);
    if (activity === null) continue;
    const key = `${foldActivity(activity)}|${p.unit}`;
    const line = lines.get(key) ?? { activity, unit: p.unit, day: 0, weekToDate: 0 };
    line.weekToDate += p.quantity;
    if (p.date === date) line.day += p.quantity;
    lines.set(key, line);
  }
  const targets = Object.entries(team.settings.targets).map(([activity, target]) => ({ key: foldActivity(activity), target }));
  const production: ProductionLine[] = [...lines.values()]
    .filter((l) => l.day > 0 || l.weekToDate > 0)
    .map((l) => ({ ...l, target: targets.find((t) => t.key === foldActivity(l.activity) && t.target.unit === l.unit)?.target ?? null }));

  const seen = new Set<string>();
  const highlights: Array<{ firstName: string; category: string }> = [];
  for (const o of records.positiveObservations) {
    if (o.date !== date || o.polarity !== 'positive' || sensitivityOf(o.category as ObservationCategory) !== 'team') continue;
    const firstName = members.get(o.personId)?.firstName;
    const key = `${o.personId}|${o.category}`;
    if (!firstName || seen.has(key)) continue;
    seen.add(key);
    highlights.push({ firstName, category: o.category });
  }

  const hasRecords = today.size > 0 || records.production.some((p) => p.date === date) || highlights.length > 0;
  return {
    teamId: team.id, teamName: team.name, date, attendance, production, highlights: highlights.slice(0, MAX_HIGHLIGHTS),
    upcomingSessions: [...new Set(records.upcomingSessions.map((s) => s.date))].slice(0, 3), hasRecords,
  };
}
