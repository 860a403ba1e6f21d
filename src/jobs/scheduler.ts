import { Cron } from 'croner';
import { DateTime } from 'luxon';
import { inQuietHours } from '../core/digests/team-settings.js';
import { isWorkingDay } from '../core/digests/working-day.js';
import type { Reply } from '../core/messages/reply.js';
import type { Clock } from '../core/ports/clock.js';
import type { DigestPeriod, DigestStore, TeamSchedule } from '../core/ports/digest-store.js';
import type { IdentityStore } from '../core/ports/identity-store.js';
import type { Logger } from '../core/ports/logger.js';
import type { OutgoingMessage } from '../core/ports/outbox.js';
import type { Database } from '../storage/database.js';
import { DrizzleCheckInStore } from '../storage/stores/drizzle-check-in-store.js';
import { DrizzleIdentityStore } from '../storage/stores/drizzle-identity-store.js';
import { isoWeekOf, lastWorkingDayOfWeek, localInstant, previousRun, type Occurrence } from './next-run.js';
import { ScheduleRuns, type RunClaim, type RunStores } from './schedule-runs.js';

export interface SchedulerDeps {
  readonly db: Database;
  readonly store: DigestStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly workerId: string;
  readonly catchUpMinutes: number;
  readonly weeklyDigestTime: string;
  readonly playground: boolean;
  readonly onOutbox?: () => void;
  /** The daily digest reply, or null when there is nothing confirmed to show. */
  readonly dailyDigest: (team: TeamSchedule, date: string) => Promise<Reply | null>;
  readonly weeklyDigest: (structureId: string, period: DigestPeriod) => Promise<Reply>;
  readonly reminder: (input: { firstName: string; personId: string; date: string }) => Reply;
  /** The end-of-shift check-in question (issue #13); absent: no check-ins. */
  readonly checkIn?: (input: { firstName: string; personId: string; date: string; team: TeamSchedule }) => Reply;
  /**
   * Séances planned on `date` (tomorrow of the run), with their trainer: each trainer gets one
   * reminder the day before, at their team's reminder time (issue #8).
   */
  readonly sessionsOn?: (date: string) => Promise<ReadonlyArray<{ trainerId: string; sessionId: string; topic: string; startTime: string | null; participants: readonly string[] }>>;
  readonly sessionReminder?: (input: { topic: string; date: string; startTime: string | null; participants: readonly string[]; sessionId: string }) => Reply;
  /** Croner pattern of the tick (default every 30 seconds). */
  readonly pattern?: string;
  /** Awaited before each timed tick: the scheduler gives way to requests being acknowledged (see `IngressGate`). */
  readonly giveWay?: () => Promise<void>;
}

export interface TickReport {
  checkIns: number;
  digests: number;
  weekly: number;
  reminders: number;
  skipped: number;
}

/** The digest key of a team and date: the outbox never delivers it twice. */
export const digestKey = (teamId: string, date: string): string => `digest:${teamId}:${date}`;

/**
 * Daily digests, direction's weekly digest and end-of-shift reminders, driven by
 * the database: every tick reads the teams' settings, works out the run that is
 * due in each team's timezone, and claims it in `schedule_runs` before sending
 * through the outbox. Late by less than the catch-up window: done once; later:
 * skipped with a log line; never twice.
 */
export function createScheduler(deps: SchedulerDeps) {
  const runs = new ScheduleRuns(deps.db, { clock: deps.clock, playground: deps.playground, ...(deps.onOutbox ? { onOutbox: deps.onOutbox } : {}) });
  const log = deps.logger.child({ component: 'scheduler' });
  /** Reads outside the claim's transaction. */
  const readIdentities = new DrizzleIdentityStore(deps.db);
  const catchUpMs = deps.catchUpMinutes * 60_000;

  /** Claims a due run: skipped (and logged once) when too late, else done in one transaction with its messages. */
  /**
   * `prepare` reads what the run needs before the claim's transaction (PGlite has one
   * connection: a read outside the transaction would wait for it); `work` only writes.
   */
  async function due<T>(job: string, runKey: string, occurrence: Occurrence, now: Date, report: TickReport,
    prepare: () => Promise<T>, work: (stores: RunStores, prepared: T) => Promise<{ sent: number; note?: string }>): Promise<'done' | 'skipped' | 'taken'> {
    if (await runs.exists(job, runKey)) return 'taken';
    const claim: RunClaim = { job, runKey, scheduledFor: occurrence.at, claimedBy: deps.workerId };
    const lateMs = now.getTime() - occurrence.at.getTime();
    if (lateMs > catchUpMs) {
      if (await runs.skip(claim, `late:${Math.round(lateMs / 60_000)}min`)) {
        report.skipped += 1;
        log.warn({ job, runKey, lateMinutes: Math.round(lateMs / 60_000), catchUpMinutes: deps.catchUpMinutes }, 'scheduled run skipped: too late to catch up');
      }
      return 'skipped';
    }
    const prepared = await prepare();
    const outcome = await runs.run(claim, (stores) => work(stores, prepared));
    if (outcome !== 'taken') log.info({ job, runKey, outcome, lateMinutes: Math.max(0, Math.round(lateMs / 60_000)) }, 'scheduled run');
    return outcome;
  }

  const directionOf = async (identities: IdentityStore, structureId: string) =>
    (await identities.peopleOfStructure(structureId)).filter((p) => p.role === 'direction' && p.status === 'active');

  async function dailyDigest(team: TeamSchedule, now: Date, report: TickReport): Promise<void> {
    if (!team.settings.digestEnabled) return;
    const occurrence = previousRun(team.settings, team.timezone, team.settings.digestTime, now);
    if (!occurrence) return;
    const runKey = `${team.id}:${occurrence.date}`;
    if (await runs.exists('digest', runKey)) return;
    const reply = await deps.dailyDigest(team, occurrence.date);
    if (!reply) {
      // Nothing confirmed yet: wait for the note through the catch-up window, then let the day go quietly.
      if (now.getTime() - occurrence.at.getTime() <= catchUpMs) return;
      if (await runs.skip({ job: 'digest', runKey, scheduledFor: occurrence.at, claimedBy: deps.workerId }, 'no-confirmed-records')) {
        log.info({ job: 'digest', runKey }, 'no digest: no confirmed note for the day');
      }
      return;
    }
    const outcome = await due('digest', runKey, occurrence, now, report,
      async () => reply,
      async ({ outbox, identities }, prepared) => {
        const messages = await dailyMessages(team, occurrence.date, prepared, identities);
        await outbox.enqueue(messages);
        return { sent: messages.length };
      });
    if (outcome === 'done') report.digests += 1;
  }

  async function dailyMessages(team: TeamSchedule, date: string, reply: Reply, identities: IdentityStore): Promise<OutgoingMessage[]> {
    const key = digestKey(team.id, date);
    return team.settings.audience === 'team'
      ? [{ key, destination: { kind: 'team-channel', teamId: team.id }, reply }]
      : (await directionOf(identities, team.structureId)).map((p) => ({ key: `${key}:${p.id}`, destination: { kind: 'person' as const, personId: p.id }, reply }));
  }

  /**
   * Posts a daily digest by hand (conversation, CLI) under the same claim as the
   * scheduled run: whichever comes first posts, the other finds it done.
   */
  async function postDaily(team: TeamSchedule, date: string, reply: Reply, by: string): Promise<'posted' | 'already-posted'> {
    const now = deps.clock.now();
    const outcome = await runs.run({ job: 'digest', runKey: `${team.id}:${date}`, scheduledFor: now, claimedBy: by }, async ({ outbox, identities }) => {
      const messages = await dailyMessages(team, date, reply, identities);
      await outbox.enqueue(messages);
      return { sent: messages.length, note: `by-hand` };
    });
    if (outcome !== 'taken') log.info({ job: 'digest', runKey: `${team.id}:${date}`, outcome, by: 'hand' }, 'digest posted by hand');
    return outcome === 'taken' ? 'already-posted' : 'posted';
  }

  async function reminders(team: TeamSchedule, now: Date, report: TickReport): Promise<void> {
    const s = team.settings;
    if (!s.remindersEnabled || inQuietHours(s.reminderTime, s)) return;
    const occurrence = previousRun(s, team.timezone, s.reminderTime, now);
    if (!occurrence) return;
    let sent = 0;
    await due('reminder', `${team.id}:${occurrence.date}`, occurrence, now, report, async () => {
      const wrote = new Set(await deps.store.authorsWithNote(team.id, occurrence.date));
      const encadrants = (await readIdentities.peopleOfTeam(team.id)).filter((p) => p.role === 'encadrant' && p.status === 'active');
      const prefs = new Map((await deps.store.reminderPreferences(encadrants.map((p) => p.id))).map((p) => [p.personId, p]));
      return { wrote, encadrants, prefs };
    }, async ({ outbox }, { wrote, encadrants, prefs }) => {
      const messages: OutgoingMessage[] = encadrants
        .filter((p) => !wrote.has(p.id) && !prefs.get(p.id)?.off && !((prefs.get(p.id)?.snoozedUntil?.getTime() ?? 0) > now.getTime()))
        .map((p) => ({ key: `reminder:${p.id}:${occurrence.date}`, destination: { kind: 'person', personId: p.id },
          reply: deps.reminder({ firstName: p.firstName, personId: p.id, date: occurrence.date }) }));
      await outbox.enqueue(messages);
      sent = messages.length;
      return { sent, note: sent ? undefined : 'nobody-to-remind' };
    });
    report.reminders += sent;
  }

  /**
   * At the team's shift end on a working day: « comment ça s'est passé ? » to each
   * active encadrant who has not written yet. The check-in row (one per person
   * and day) is created in the run's transaction with its message, so a restart
   * or a second instance never asks twice.
   */
  async function checkIns(team: TeamSchedule, now: Date, report: TickReport): Promise<void> {
    const s = team.settings;
    if (!deps.checkIn || !s.checkInEnabled || inQuietHours(s.shiftEnd, s)) return;
    const occurrence = previousRun(s, team.timezone, s.shiftEnd, now);
    if (!occurrence) return;
    let sent = 0;
    await due('check-in', `${team.id}:${occurrence.date}`, occurrence, now, report, async () => {
      const wrote = new Set(await deps.store.authorsWithNote(team.id, occurrence.date));
      const encadrants = (await readIdentities.peopleOfTeam(team.id)).filter((p) => p.role === 'encadrant' && p.status === 'active');
      const prefs = new Map((await deps.store.reminderPreferences(encadrants.map((p) => p.id))).map((p) => [p.personId, p]));
      return encadrants.filter((p) => !wrote.has(p.id) && !prefs.get(p.id)?.off);
    }, async ({ outbox, checkIns: ledger }, people) => {
      const messages: OutgoingMessage[] = [];
      for (const p of people) {
        const opened = await ledger.record({ personId: p.id, teamId: team.id, date: occurrence.date, event: 'open', at: now });
        if (!opened.changed) continue;
        messages.push({ key: `check-in:${p.id}:${occurrence.date}`, destination: { kind: 'person', personId: p.id },
          reply: deps.checkIn!({ firstName: p.firstName, personId: p.id, date: occurrence.date, team }) });
      }
      await outbox.enqueue(messages);
      sent = messages.length;
      return { sent, note: sent ? undefined : 'nobody-to-ask' };
    });
    report.checkIns += sent;
  }

  /** Check-ins still open from an earlier day: that day ended without a note. */
  async function closeCheckIns(teams: readonly TeamSchedule[], now: Date): Promise<void> {
    if (!deps.checkIn) return;
    const zones = new Map(teams.map((t) => [t.id, t.timezone]));
    const earliest = [...new Set(teams.map((t) => t.timezone))].map((zone) => DateTime.fromJSDate(now, { zone }).toISODate()!).sort()[0];
    if (earliest === undefined) return;
    const ledger = new DrizzleCheckInStore(deps.db);
    for (const open of await ledger.openBefore(earliest)) {
      const today = DateTime.fromJSDate(now, { zone: zones.get(open.teamId ?? '') ?? 'Europe/Paris' }).toISODate()!;
      if (open.date < today) await ledger.record({ personId: open.personId, teamId: open.teamId, date: open.date, event: 'close', at: now });
    }
  }

  /** The day before a séance, at the team's reminder time: one DM to its trainer, once (claimed, keyed per séance). */
  async function sessionReminders(team: TeamSchedule, now: Date, report: TickReport): Promise<void> {
    const s = team.settings;
    if (!deps.sessionsOn || !deps.sessionReminder || !s.remindersEnabled) return;
    const occurrence = previousRun(s, team.timezone, s.reminderTime, now);
    if (!occurrence) return;
    const tomorrow = DateTime.fromISO(occurrence.date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
    // Nothing planned tomorrow: no run to claim (and nothing to report as skipped).
    const planned = await deps.sessionsOn(tomorrow);
    if (planned.length === 0) return;
    let sent = 0;
    await due('session-reminder', `${team.id}:${occurrence.date}`, occurrence, now, report, async () => {
      const trainers = new Set((await readIdentities.peopleOfTeam(team.id)).filter((p) => p.role === 'encadrant' && p.status === 'active').map((p) => p.id));
      return planned.filter((session) => trainers.has(session.trainerId));
    }, async ({ outbox }, sessions) => {
      const messages: OutgoingMessage[] = sessions.map((session) => ({
        key: `session-reminder:${session.sessionId}:${tomorrow}`, destination: { kind: 'person', personId: session.trainerId },
        reply: deps.sessionReminder!({ topic: session.topic, date: tomorrow, startTime: session.startTime, participants: session.participants, sessionId: session.sessionId }),
      }));
      await outbox.enqueue(messages);
      sent = messages.length;
      return { sent, note: sent ? undefined : 'no-session-tomorrow' };
    });
    report.reminders += sent;
  }

  async function snoozed(teams: ReadonlyMap<string, TeamSchedule>, now: Date, report: TickReport): Promise<void> {
    for (const snooze of await deps.store.dueSnoozes(now)) {
      const team = snooze.teamId ? teams.get(snooze.teamId) : undefined;
      const clear = () => deps.store.setReminderPreference(snooze.personId, { snoozedUntil: null });
      if (!team || snooze.off || !team.settings.remindersEnabled) {
        await clear();
        continue;
      }
      const local = DateTime.fromJSDate(snooze.snoozedUntil, { zone: team.timezone });
      const date = local.toISODate()!;
      const nowLocal = DateTime.fromJSDate(now, { zone: team.timezone }).toFormat('HH:mm');
      const wrote = (await deps.store.authorsWithNote(team.id, date)).includes(snooze.personId);
      if (wrote || !isWorkingDay(date, team.settings) || inQuietHours(nowLocal, team.settings)) {
        await clear();
        continue;
      }
      let sent = 0;
      await due('reminder-snooze', `${snooze.personId}:${snooze.snoozedUntil.toISOString()}`, { date, at: snooze.snoozedUntil }, now, report, async () => undefined, async ({ outbox, identities }) => {
        const person = await identities.findPersonById(snooze.personId);
        if (!person) return { sent: 0, note: 'unknown-person' };
        await outbox.enqueue([{ key: `reminder:${person.id}:${date}:${snooze.snoozedUntil.toISOString()}`, destination: { kind: 'person', personId: person.id },
          reply: deps.reminder({ firstName: person.firstName, personId: person.id, date }) }]);
        sent = 1;
        return { sent };
      });
      report.reminders += sent;
      await clear();
    }
  }

  async function weekly(teams: readonly TeamSchedule[], now: Date, report: TickReport): Promise<void> {
    const byStructure = new Map<string, TeamSchedule[]>();
    for (const team of teams) byStructure.set(team.structureId, [...(byStructure.get(team.structureId) ?? []), team]);
    for (const [structureId, list] of byStructure) {
      const first = list[0]!;
      const today = DateTime.fromJSDate(now, { zone: first.timezone }).toISODate()!;
      // This week's last working day, or last week's when this week's is still to come (catch-up after a weekend restart).
      const candidates = [today, DateTime.fromISO(today, { zone: 'UTC' }).minus({ days: 7 }).toISODate()!]
        .map((d) => lastWorkingDayOfWeek(first.settings, d))
        .filter((d): d is string => d !== null)
        .map((date) => ({ date, at: localInstant(date, deps.weeklyDigestTime, first.timezone) }))
        .filter((o) => o.at.getTime() <= now.getTime());
      const occurrence = candidates[0];
      if (!occurrence) continue;
      const week = isoWeekOf(occurrence.date);
      const outcome = await due('weekly', `${structureId}:${week.key}`, occurrence, now, report, async () => ({
        reply: await deps.weeklyDigest(structureId, { from: week.from, to: week.to }),
        binding: (await Promise.all(list.map((t) => readIdentities.channelBindings(t.id, 'direction')))).flat()[0],
      }), async ({ outbox, identities }, { reply, binding }) => {
        const key = `weekly:${structureId}:${week.key}`;
        const messages: OutgoingMessage[] = binding
          ? [{ key, reply, destination: { kind: 'conversation', platform: binding.platform, workspaceId: binding.workspaceId, conversationId: binding.channelId, ...(binding.reference ? { reference: binding.reference } : {}) } }]
          : (await directionOf(identities, structureId)).map((p) => ({ key: `${key}:${p.id}`, destination: { kind: 'person' as const, personId: p.id }, reply }));
        await outbox.enqueue(messages);
        return { sent: messages.length, note: messages.length ? undefined : 'no-direction' };
      });
      if (outcome === 'done') report.weekly += 1;
    }
  }

  /** One pass over every team; each run is independent, so one failure does not stop the others. */
  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    const report: TickReport = { checkIns: 0, digests: 0, weekly: 0, reminders: 0, skipped: 0 };
    const teams = await deps.store.listTeamSchedules();
    for (const team of teams) {
      for (const step of [checkIns, dailyDigest, reminders, sessionReminders]) {
        try {
          await step(team, now, report);
        } catch (error) {
          log.error({ teamId: team.id, step: step.name, error: error instanceof Error ? error.message : String(error) }, 'scheduled run failed; retried next tick');
        }
      }
    }
    try {
      await closeCheckIns(teams, now);
      await snoozed(new Map(teams.map((t) => [t.id, t])), now, report);
      await weekly(teams, now, report);
    } catch (error) {
      log.error({ error: error instanceof Error ? error.message : String(error) }, 'scheduled run failed; retried next tick');
    }
    return report;
  }

  let cron: Cron | null = null;
  let running: Promise<unknown> | null = null;
  return {
    tick,
    postDaily,
    start(): void {
      if (cron) return;
      cron = new Cron(deps.pattern ?? '*/30 * * * * *', { protect: true, name: `relais-scheduler-${deps.workerId}` }, async () => {
        running = (async () => {
          await deps.giveWay?.();
          return tick();
        })().catch((error: unknown) => log.error({ error: error instanceof Error ? error.message : String(error) }, 'scheduler tick failed'));
        await running;
        running = null;
      });
    },
    async stop(): Promise<void> {
      cron?.stop();
      cron = null;
      await running;
    },
  };
}
