import type { Actor } from '../../domain/actor.js';
import { businessDate } from '../../domain/business-date.js';
import { fullName } from '../../domain/roster.js';
import type { ObservationCategory } from '../../domain/taxonomy.js';
import { attestationSchema, type Attestation, type Evidence } from '../../learning/attestation.js';
import { SAVOIR_ETRE } from '../../learning/savoir-etre.js';
import type { SkillLevel } from '../../learning/skill-level.js';
import type { Clock } from '../../ports/clock.js';
import type { LearningStore, StoredEvaluation } from '../../ports/learning-store.js';
import type { ProgressStore } from '../../ports/progress-store.js';
import { authorize } from '../../policy/authorize.js';
import { err, ok, type Result } from '../../result.js';

export type AttestationCode = 'access.denied' | 'person.unknown' | 'attestation.empty' | 'attestation.bad_date';

const MAX_EVIDENCE = 3;

/**
 * Attestation de compétences for a salarié at a date: the post held, the activities of the séances
 * actually done, each skill's latest evaluated level with dated evidence, and the savoir-être
 * attested by confirmed observations (CléA domains). Built from confirmed data only: draft
 * evaluations and unconfirmed notes never reach it (the stores return confirmed records only).
 */
export function createIssueSkillsAttestation(deps: { readonly store: LearningStore; readonly progress: ProgressStore; readonly clock: Clock }) {
  return async (input: { actor: Actor; personId: string; date?: string }): Promise<Result<Attestation, AttestationCode>> => {
    if (input.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return err('attestation.bad_date');
    const found = await deps.progress.findPerson(input.personId);
    if (!found || found.person.role !== 'salarie') return err('person.unknown');
    const { person } = found;
    const allowed = authorize(input.actor, 'read', 'attestation', { structureId: person.structureId, teamId: person.teamId, referentCipId: person.referentCipId });
    if (!allowed.ok) return err('access.denied');
    const team = person.teamId ? await deps.store.team(person.teamId) : null;
    const at = input.date ?? businessDate(deps.clock.now(), team?.timezone ?? 'Europe/Paris');
    const from = person.contractStart && person.contractStart <= at ? person.contractStart : '2000-01-01';
    const [history, sessions, referential, records, structure, members] = await Promise.all([
      deps.store.skillHistory(person.id),
      deps.store.sessionsOfParticipant(person.id, at),
      team ? deps.store.listSkills(team.id) : Promise.resolve([]),
      deps.progress.loadRecords(person.id, { from, to: at }),
      deps.store.structure(person.structureId),
      team ? deps.store.teamMembers(team.id) : Promise.resolve([]),
    ]);
    const byKey = new Map(referential.map((s) => [s.key, s]));

    const activities = new Map<string, { label: string; sessions: number; from: string; to: string }>();
    for (const s of sessions) {
      const date = s.plan.identification.date ?? at;
      const label = s.plan.identification.activity;
      const a = activities.get(label);
      activities.set(label, a ? { ...a, sessions: a.sessions + 1, to: date } : { label, sessions: 1, from: date, to: date });
    }

    const groups = new Map<string, StoredEvaluation[]>();
    for (const e of history.filter((h) => h.date <= at && h.level !== 'non_evalue' && (h.observedFact ?? '') !== '')) {
      const key = e.skillKey || e.skillLabel;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const competences: Attestation['competences'] = [];
    const transversal: Attestation['transversal'] = [];
    for (const [key, list] of groups) {
      const latest = list.at(-1)!;
      const skill = byKey.get(key);
      const evidence: Evidence[] = list.slice(-MAX_EVIDENCE).map((e) => ({ date: e.date, fact: e.observedFact!, source: e.sessionId ? 'seance' : 'evaluation' }));
      const level = latest.level as Exclude<SkillLevel, 'non_evalue'>;
      if (skill?.kind === 'transversal' && skill.cleaDomain) transversal.push({ label: skill.label, level, evidence, cleaDomain: skill.cleaDomain });
      else competences.push({ label: skill?.label ?? latest.skillLabel, level, evidence, romeCode: skill?.romeCode ?? null });
    }

    const savoir = new Map<string, { cleaDomain: number; positive: Evidence[]; negative: number }>();
    for (const o of records.observations.filter((x) => x.sensitivity === 'team')) {
      const mapped = SAVOIR_ETRE[o.category as ObservationCategory];
      if (!mapped) continue;
      const entry = savoir.get(mapped.label) ?? { cleaDomain: mapped.cleaDomain, positive: [], negative: 0 };
      if (o.polarity === 'positive') entry.positive.push({ date: o.date, fact: o.evidence, source: 'observation' });
      else if (o.polarity === 'negative') entry.negative += 1;
      savoir.set(mapped.label, entry);
    }
    for (const [label, s] of savoir) {
      if (s.positive.length === 0 || transversal.some((t) => t.label === label)) continue;
      const level = s.positive.length >= 3 && s.negative * 2 < s.positive.length ? 'acquis' : 'en_cours';
      transversal.push({ label, level, cleaDomain: s.cleaDomain, evidence: s.positive.slice(-MAX_EVIDENCE) });
    }

    if (activities.size === 0 && competences.length === 0 && transversal.length === 0) return err('attestation.empty');
    const encadrants = members.filter((m) => m.role === 'encadrant' && m.status === 'active').map(fullName);
    return ok(attestationSchema.parse({
      structure: { name: structure?.name ?? '—', kind: structure?.kind ?? 'ACI' },
      salarie: { personId: person.id, name: fullName(person) },
      post: { team: found.teamName ?? '—', activity: team?.activity ?? 'autre', romeCode: team?.romeCode ?? null, from: person.contractStart, to: person.exitDate ?? (person.contractEnd && person.contractEnd < at ? person.contractEnd : null) },
      activities: [...activities.values()],
      competences: competences.sort((a, b) => a.label.localeCompare(b.label, 'fr')),
      transversal: transversal.sort((a, b) => a.cleaDomain - b.cleaDomain || a.label.localeCompare(b.label, 'fr')),
      issuedOn: at,
      encadrant: input.actor.role === 'encadrant' ? encadrants.find(() => true) ?? null : encadrants[0] ?? null,
    }));
  };
}
