import { and, eq } from 'drizzle-orm';
import type { Reply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { checkIns, scheduleRuns, shiftNotes } from '../../src/storage/schema/index.js';
import { paris, tickAt } from '../support/scheduler-clock.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const isCheckIn = (r: Reply) => replyText(r).includes('comment ça s’est passé ?');
const buttonsOf = (r: Reply) => r.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).map((e) => (e.type === 'button' ? e.label : ''));

describe('end-of-shift check-ins over a week', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { now: paris('2026-11-16T15:00') });
  });

  const at = (local: string) => tickAt(h, local);
  const checkInsOf = async (key: string) => (await h.dm(key)).filter(isCheckIn);
  const stateOf = async (key: string, date: string) =>
    (await db.db.select().from(checkIns).where(and(eq(checkIns.personId, h.id(key)), eq(checkIns.date, date))))[0]?.state ?? null;

  it('opens once at shift end, never twice, and follows the note to its confirmation', async () => {
    await at('2026-11-16T16:29');
    expect(await checkInsOf('demo-eti-ev')).toHaveLength(0);
    await at('2026-11-16T16:30');
    const [question] = await checkInsOf('demo-eti-ev');
    expect(replyText(question!)).toContain('Fin de journée pour l’équipe Espaces verts');
    expect(buttonsOf(question!)).toEqual(['RAS, tout le monde était là', 'Dicter ma note', 'Plus tard']);
    expect(await checkInsOf('demo-eti-rc')).toHaveLength(1);
    expect(await stateOf('demo-eti-ev', '2026-11-16')).toBe('opened');

    // Ticks go on, and the run's claim is even lost (as after a crash): the stored check-in is not asked again.
    await at('2026-11-16T16:31');
    await db.db.delete(scheduleRuns).where(eq(scheduleRuns.job, 'check-in'));
    await at('2026-11-16T16:32');
    expect(await checkInsOf('demo-eti-ev')).toHaveLength(1);

    // « RAS »: a note for the day, everyone of the team present, to confirm with one tap.
    await h.click('demo-eti-ev', 'checkin.ras', '2026-11-16');
    await h.drain();
    expect(await stateOf('demo-eti-ev', '2026-11-16')).toBe('note_received');
    const draft = (await h.dm('demo-eti-ev')).at(-1)!;
    expect(replyText(draft)).toContain('6 présent(s) · 0 absent(s)');
    expect(replyText(draft)).toContain('Présents : Lucas, Inès, Moussa, Stéphane, Aïcha, Grégory');
    const confirm = draft.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.type === 'button' && e.action === 'note.confirm');
    expect(confirm).toBeDefined();
    await h.click('demo-eti-ev', 'note.confirm', confirm!.type === 'button' ? confirm!.value : '');
    await h.drain();
    expect(await stateOf('demo-eti-ev', '2026-11-16')).toBe('confirmed');
    // A second tap on « RAS » does not make a second note.
    await h.click('demo-eti-ev', 'checkin.ras', '2026-11-16');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('déjà arrivée');
    expect(await db.db.select({ id: shiftNotes.id }).from(shiftNotes)).toHaveLength(1);
  }, 30_000);

  it('« Plus tard » asks again an hour later; a day without a note ends skipped; a note before shift end means no question', async () => {
    await at('2026-11-16T16:30');
    await h.click('demo-eti-rc', 'checkin.later', '2026-11-16');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain('je te relance vers 17:30');
    expect(await stateOf('demo-eti-rc', '2026-11-16')).toBe('opened');
    await at('2026-11-16T17:31');
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain("je n'ai pas encore reçu ta note");

    // Tuesday: Sonia wrote at 15:00, so no check-in for her; Monday's is closed without a note.
    await at('2026-11-17T15:00');
    await h.say('demo-eti-rc', 'tout le monde là, 120 kg de textile trié');
    await h.drain();
    await at('2026-11-17T16:30');
    expect(await checkInsOf('demo-eti-rc')).toHaveLength(1);
    expect(await checkInsOf('demo-eti-ev')).toHaveLength(2);
    expect(await stateOf('demo-eti-rc', '2026-11-16')).toBe('skipped');
    expect(await stateOf('demo-eti-rc', '2026-11-17')).toBe('note_received');
    // Direction's weekly digest counts the day that ended without a note.
    const structure = await h.relais.stores.roster.defaultStructure();
    const weekly = await h.relais.digests.useCases.buildWeeklyDigest.forStructure(structure.id, { from: '2026-11-16', to: '2026-11-22' });
    expect(weekly.digest.teams.find((team) => team.teamName === 'Recyclerie')).toMatchObject({ daysWithoutNote: 1 });
    expect(replyText(weekly.reply)).toContain('Fins de journée restées sans note : 1');

    // « Dicter ma note », then a dictated note: the check-in follows it.
    await h.click('demo-eti-ev', 'checkin.dictate', '2026-11-17');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('envoie un message vocal');
    await h.say('demo-eti-ev', 'Lucas et Moussa présents, 300 m2 de tonte');
    await h.drain();
    expect(await stateOf('demo-eti-ev', '2026-11-17')).toBe('questions_asked');
  }, 30_000);

  it('follows the team settings: off, guiding questions, working days and holidays', async () => {
    await h.say('demo-eti-ev', '/relais équipe réglages bilan=non');
    await h.say('demo-eti-rc', '/relais équipe réglages questions=Combien de kilos triés ? ; Un souci de sécurité ?');
    await h.drain();
    await at('2026-11-18T16:30');
    expect(await checkInsOf('demo-eti-ev')).toHaveLength(0);
    const [rc] = await checkInsOf('demo-eti-rc');
    expect(replyText(rc!)).toContain('Combien de kilos triés ?');
    expect(replyText(rc!)).toContain('Un souci de sécurité ?');
    await at('2026-11-21T16:30'); // Saturday
    await at('2026-11-11T16:30'); // Armistice
    expect(await checkInsOf('demo-eti-rc')).toHaveLength(1);
  }, 30_000);

  it('asks the minutes of a lateness when the team tracks them, and the answer lands in the draft', async () => {
    await h.say('demo-eti-ev', '/relais équipe réglages retards_minutes=oui');
    await h.drain();
    await h.say('demo-eti-ev', 'tout le monde là, Lucas en retard, 200 m2 de tonte');
    await h.drain();
    const draft = (await h.dm('demo-eti-ev')).at(-1)!;
    expect(replyText(draft)).toContain('Retard de Lucas : combien de minutes ?');
    const fifteen = draft.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.type === 'button' && e.label === '15 min');
    expect(fifteen).toBeDefined();
    await h.click('demo-eti-ev', 'note.answer', fifteen!.type === 'button' ? fifteen!.value : '');
    await h.drain();
    const note = await h.relais.conversation.uow.stores.notes.latestDraft(h.id('demo-eti-ev'));
    expect(note!.draft!.extraction.attendance.find((a) => a.person === h.id('demo-s01'))).toMatchObject({ status: 'late', minutes: 15 });
  }, 30_000);
});
