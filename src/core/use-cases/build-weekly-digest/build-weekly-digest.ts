import type { Actor } from '../../domain/actor.js';
import type { WeeklyDigest, WeeklyTeamLine } from '../../digests/digest-facts.js';
import { foldActivity, neutralActivity } from '../../digests/neutral-activity.js';
import type { Reply } from '../../messages/reply.js';
import { authorize, type AuthorizationCode } from '../../policy/authorize.js';
import type { DigestPresenter } from '../../ports/digest-presenter.js';
import type { DigestPeriod, DigestStore } from '../../ports/digest-store.js';
import { err, ok, type Result } from '../../result.js';

/**
 * Direction's weekly digest for a structure: per team, production against weekly
 * targets, attendance rate, open alerts (a count), sessions held, skills
 * validated, notes not confirmed. Figures only.
 */
export function createBuildWeeklyDigest(deps: { readonly digestStore: DigestStore; readonly presenter: DigestPresenter }) {
  async function forStructure(structureId: string, period: DigestPeriod): Promise<{ digest: WeeklyDigest; reply: Reply }> {
    const teams = await deps.digestStore.teamSchedulesOf(structureId);
    const lines: WeeklyTeamLine[] = [];
    for (const team of teams) {
      const [records, figures] = await Promise.all([deps.digestStore.teamRecords(team.id, period), deps.digestStore.teamWeekFigures(team.id, period)]);
      const confidential = new Set(records.confidentialWords);
      const totals = new Map<string, { activity: string; unit: string; quantity: number }>();
      for (const p of records.production) {
        if (p.quantity === null || p.unit === null) continue;
        const activity = neutralActivity(p.activity, confidential);
        if (activity === null) continue;
        const key = `${foldActivity(activity)}|${p.unit}`;
        const line = totals.get(key) ?? { activity, unit: p.unit, quantity: 0 };
        line.quantity += p.quantity;
        totals.set(key, line);
      }
      const production = [...totals.values()].map((l) => {
        const target = Object.entries(team.settings.targets).find(([a, t]) => foldActivity(a) === foldActivity(l.activity) && t.unit === l.unit)?.[1];
        const weekly = target ? (target.period === 'week' ? target.quantity : target.quantity * team.settings.workingDays.length) : null;
        return { ...l, target: weekly };
      });
      lines.push({ teamId: team.id, teamName: team.name, production, ...figures });
    }
    const digest: WeeklyDigest = { structureId, from: period.from, to: period.to, teams: lines };
    return { digest, reply: deps.presenter.weekly(digest) };
  }

  async function forActor(input: { actor: Actor; period: DigestPeriod }): Promise<Result<{ digest: WeeklyDigest; reply: Reply }, AuthorizationCode>> {
    if (input.actor.role !== 'direction') return err('access.denied');
    const allowed = authorize(input.actor, 'read', 'alert', { structureId: input.actor.structureId, teamId: null });
    if (!allowed.ok) return allowed;
    return ok(await forStructure(input.actor.structureId, input.period));
  }

  return { forStructure, forActor };
}
