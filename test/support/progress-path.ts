import { addDays, isoWeekday } from '../../src/core/domain/business-date.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import {
  alerts, attendance, bilans, incidents, note, objectiveActions, objectives, observations, situations, skillEvaluations, type World,
} from './progress-seed.js';

/** A salarié's path (Nadia) with confirmed records, drafts that must never count, and content of every sensitivity. */
export type Status = 'present' | 'absent' | 'late' | 'left_early';
/** The attendance the test writes: weekdays from September 1st to November 13th. */
export function plannedAttendance(): Array<{ date: string; status: Status; excused: boolean | null }> {
  const days: Array<{ date: string; status: Status; excused: boolean | null }> = [];
  let i = 0;
  for (let d = '2026-09-01'; d <= '2026-11-13'; d = addDays(d, 1)) {
    if (isoWeekday(d) > 5) continue;
    i += 1;
    const status: Status = i % 10 === 0 ? 'absent' : i % 7 === 3 ? 'late' : i % 13 === 5 ? 'left_early' : 'present';
    days.push({ date: d, status, excused: status === 'absent' ? i % 20 === 0 : null });
  }
  return days;
}

export async function seedPath(handle: DatabaseHandle, w: World): Promise<void> {
  const db = handle.db;
  const { nadia, karim, etiEv, cip1 } = w.ids;
  for (const day of plannedAttendance()) {
    const noteId = await note(handle, w, day.date, 'confirmed');
    await db.insert(attendance).values({ noteId, personId: nadia, teamId: w.teams.ev, date: day.date, status: day.status, excused: day.excused, minutes: day.status === 'late' ? 10 : null });
  }
  const draft = await note(handle, w, '2026-10-15', 'draft');
  const discarded = await note(handle, w, '2026-10-16', 'discarded');
  await db.insert(attendance).values([
    { noteId: draft, personId: nadia, date: '2026-10-15', status: 'absent' },
    { noteId: discarded, personId: nadia, date: '2026-10-16', status: 'absent' },
  ]);
  const obs = async (date: string, category: string, polarity: string, evidence: string, sensitivity = 'team', status = 'confirmed', authorId = etiEv, withNote = true) => {
    const noteId = withNote ? await note(handle, w, date, status, authorId) : null;
    await db.insert(observations).values({ noteId, personId: nadia, authorId, date, category, polarity, evidence, sensitivity });
  };
  await obs('2026-09-03', 'ponctualite', 'negative', 'arrivée en retard de 20 minutes');
  await obs('2026-09-10', 'ponctualite', 'negative', 'encore en retard ce matin');
  await obs('2026-09-17', 'ponctualite', 'negative', 'retard, bus raté');
  await obs('2026-11-03', 'ponctualite', 'positive', "à l'heure toute la semaine");
  await obs('2026-11-05', 'ponctualite', 'positive', 'arrivée en avance');
  await obs('2026-11-10', 'ponctualite', 'positive', 'ponctuelle');
  await obs('2026-10-20', 'qualite', 'positive', 'travail soigné sur la haie');
  await obs('2026-10-02', 'logement', 'negative', "Nadia m'a dit qu'elle dort chez sa sœur depuis une semaine", 'restricted');
  await obs('2026-10-12', 'sante', 'negative', 'en arrêt maladie pour son dos', 'special');
  await obs('2026-10-05', 'mobilite', 'negative', "n'a pas de solution de transport le samedi", 'restricted', 'confirmed', cip1, false);
  await obs('2026-10-22', 'consignes', 'negative', 'a refusé les consignes', 'team', 'draft');
  await db.insert(observations).values({ personId: karim, authorId: etiEv, date: '2026-10-01', category: 'equipe', polarity: 'positive', evidence: 'aide les autres', sensitivity: 'team' });

  await db.insert(skillEvaluations).values([
    { personId: nadia, skillLabel: 'Taille de haies', level: 'en_cours', date: '2026-09-15', status: 'confirmed', evaluatorId: etiEv, observedFact: 'tient le taille-haie avec aide', selfAssessment: 'Je ne suis pas encore sûre de moi' },
    { personId: nadia, skillLabel: 'Taille de haies', level: 'acquis', date: '2026-11-04', status: 'confirmed', evaluatorId: etiEv, observedFact: 'taille seule une haie de 20 m' },
    { personId: nadia, skillLabel: 'Taille de haies', level: 'maitrise', date: '2026-11-12', status: 'draft', evaluatorId: etiEv },
    { personId: nadia, skillLabel: 'Tonte', level: 'non_acquis', date: '2026-10-01', status: 'confirmed', evaluatorId: etiEv },
  ]);
  await db.insert(situations).values([
    { personId: nadia, theme: 'logement', kind: 'frein', label: 'Hébergé chez un tiers', status: 'active', intensity: '++', authorId: cip1 },
    { personId: nadia, theme: 'mobilite', kind: 'atout', label: 'Permis B', status: 'active', authorId: etiEv },
    { personId: nadia, theme: 'sante', kind: 'frein', label: 'Douleurs dorsales', status: 'active', intensity: '+', authorId: cip1 },
  ]);
  const [mob] = await db.insert(objectives).values({
    personId: nadia, theme: 'mobilite', label: 'Trouver une solution de transport le samedi', dueOn: '2026-11-01', consentGiven: true,
    consentAt: new Date('2026-10-06T09:00:00Z'), createdBy: cip1, createdAt: new Date('2026-10-06T09:00:00Z'),
  }).returning();
  await db.insert(objectiveActions).values({ objectiveId: mob!.id, label: 'Demander la carte de bus solidaire', status: 'en_cours' });
  await db.insert(objectives).values({
    personId: nadia, theme: 'preparer_sa_candidature', label: 'Préparer son CV', dueOn: '2027-01-31', createdBy: cip1, createdAt: new Date('2026-10-07T09:00:00Z'),
  });
  const incidentNote = await note(handle, w, '2026-10-08', 'confirmed');
  const draftIncident = await note(handle, w, '2026-10-09', 'draft');
  await db.insert(incidents).values([
    { noteId: incidentNote, teamId: w.teams.ev, date: '2026-10-08', kind: 'conflict', personIds: [nadia, karim], evidence: 'dispute avec un collègue au dépôt' },
    { noteId: draftIncident, teamId: w.teams.ev, date: '2026-10-09', kind: 'equipment', personIds: [nadia], evidence: 'débroussailleuse cassée' },
  ]);
  const alertNote = await note(handle, w, '2026-10-12', 'confirmed');
  await db.insert(alerts).values({ noteId: alertNote, personId: nadia, date: '2026-10-12', topic: 'sante', evidence: 'parle de douleurs très fortes' });
  await db.insert(bilans).values({
    personId: nadia, kind: 'integration', date: '2026-04-01', participants: [cip1, etiEv], salarieView: 'Je veux continuer dans les espaces verts',
    salarieAgreement: true, createdBy: cip1,
  });
}

