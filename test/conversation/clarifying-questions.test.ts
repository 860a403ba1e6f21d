import { clarifyingQuestions, nameCandidates } from '../../src/core/domain/clarifying-questions.js';
import type { RosterEntry } from '../../src/core/domain/roster.js';
import { emptyExtraction } from '../../src/core/extraction/shift-note-extraction.js';
import type { Reply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const p = (id: string, firstName: string, lastName: string, team: string | null, aliases: string[] = [], role: RosterEntry['role'] = 'salarie'): RosterEntry => ({ id, firstName, lastName, aliases, team, role });
const roster = [
  p('e1', 'Éric', 'Garnier', 'T1', [], 'encadrant'), p('s1', 'Thierry', 'Blanc', 'T1'), p('s2', 'Olena', 'Kovalenko', 'T1'),
  p('s3', 'Mamadou', 'Traoré', 'T1'), p('s4', 'Karim', 'Benali', 'T1'), p('s5', 'Nadia', 'Moreau', 'T2'),
];
const present = (person: string) => ({ person, status: 'present' as const, excused: null, minutes: null });

describe('clarifying questions (pure)', () => {
  it('asks about team members the note says nothing about, never about other teams', () => {
    const x = { ...emptyExtraction(), attendance: [present('s3'), present('s4')] };
    expect(clarifyingQuestions(x, { authorId: 'e1', teamId: 'T1', roster })).toEqual([{ kind: 'unmentioned', persons: ['s1', 's2'] }]);
  });

  it('asks nothing about an empty draft or one where everybody is accounted for', () => {
    expect(clarifyingQuestions(emptyExtraction(), { authorId: 'e1', teamId: 'T1', roster })).toEqual([]);
    const all = { ...emptyExtraction(), attendance: ['s1', 's2', 's3', 's4'].map(present) };
    expect(clarifyingQuestions(all, { authorId: 'e1', teamId: 'T1', roster })).toEqual([]);
  });

  it('proposes who an unrecognised name may be', () => {
    expect(nameCandidates('Madou', roster)).toEqual(['s3']);
    expect(nameCandidates('Karime', roster)).toEqual(['s4']);
    expect(nameCandidates('Zorglub', roster)).toEqual([]);
    const x = { ...emptyExtraction(), attendance: ['s1', 's2', 's3', 's4'].map(present), unknownNames: ['Madou', 'Zorglub'] };
    expect(clarifyingQuestions(x, { authorId: 'e1', teamId: 'T1', roster })).toEqual([{ kind: 'unknown-name', name: 'Madou', candidates: ['s3'] }]);
  });

  it('asks the unit of a quantity without one, with likely units first, and never more than three questions', () => {
    const x = {
      ...emptyExtraction(), attendance: [present('s4')], unknownNames: ['Madou', 'Karime'],
      production: [{ activity: 'tri textile', quantity: 120, unit: null }, { activity: 'tonte', quantity: 300, unit: null }],
    };
    const questions = clarifyingQuestions(x, { authorId: 'e1', teamId: 'T1', roster });
    expect(questions).toHaveLength(3);
    expect(questions.map((q) => q.kind)).toEqual(['unknown-name', 'unknown-name', 'unmentioned']);
    const units = clarifyingQuestions({ ...x, unknownNames: [] }, { authorId: 'e1', teamId: 'T1', roster }).filter((q) => q.kind === 'unit');
    expect(units.map((q) => (q.kind === 'unit' ? [q.activity, q.units[0]] : []))).toEqual([['tri textile', 'kg'], ['tonte', 'm2']]);
  });

  it('asks what a quantity without an activity was, the team\'s own activities first', () => {
    const x = { ...emptyExtraction(), attendance: ['s1', 's2', 's3', 's4'].map(present), production: [{ activity: 'production', quantity: 300, unit: 'm2' as const }, { activity: 'tonte', quantity: 5, unit: 'h' as const }] };
    expect(clarifyingQuestions(x, { authorId: 'e1', teamId: 'T1', roster, teamActivities: ['Débroussaillage', 'bordures'] }))
      .toEqual([{ kind: 'activity', position: 1, quantity: 300, unit: 'm2', choices: ['Débroussaillage', 'bordures', 'tonte', 'désherbage'] }]);
  });

  it('asks the minutes of a lateness only when the team tracks them', () => {
    const x = { ...emptyExtraction(), attendance: [...['s1', 's2', 's3'].map(present), { person: 's4', status: 'late' as const, excused: null, minutes: null }] };
    expect(clarifyingQuestions(x, { authorId: 'e1', teamId: 'T1', roster })).toEqual([]);
    expect(clarifyingQuestions(x, { authorId: 'e1', teamId: 'T1', roster, askLateMinutes: true })).toEqual([{ kind: 'late-minutes', person: 's4', choices: [5, 10, 15, 30, 60] }]);
    const known = { ...x, attendance: x.attendance.map((a) => (a.person === 's4' ? { ...a, minutes: 20 } : a)) };
    expect(clarifyingQuestions(known, { authorId: 'e1', teamId: 'T1', roster, askLateMinutes: true })).toEqual([]);
  });
});

const NOTE = 'Lucas et Inès là, Mouss en retard, 300 de tonte. Stef a bien bossé';
const extractor = scriptedExtractor((note, who, context) => {
  if (!note.startsWith('Lucas')) return {};
  const stephane = context.roster.find((r) => r.aliases.includes('Stef'));
  return {
    attendance: [{ person: who('Lucas'), status: 'present' as const, excused: null, minutes: null }, { person: who('Inès'), status: 'present' as const, excused: null, minutes: null },
      { person: who('Moussa'), status: 'late' as const, excused: null, minutes: null }],
    production: [{ activity: 'tonte', quantity: 300, unit: null }],
    observations: stephane ? [{ person: stephane.id, category: 'qualite' as const, polarity: 'positive' as const, evidence: 'Stef a bien bossé' }] : [],
    unknownNames: stephane ? [] : ['Stef'],
  };
});

describe('clarifying questions in the conversation', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor });
  });

  const draft = async (): Promise<Reply> => (await h.dm('demo-eti-ev')).at(-1)!;
  const buttons = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).filter((e) => e.type === 'button' && e.action === 'note.answer');
  const tap = async (label: string) => {
    const b = buttons(await draft()).find((e) => e.type === 'button' && e.label === label);
    if (!b || b.type !== 'button') throw new Error(`no button ${label}: ${buttons(await draft()).map((e) => (e.type === 'button' ? e.label : '')).join(', ')}`);
    await h.click('demo-eti-ev', b.action, b.value);
    await h.drain();
  };

  it('asks one-tap questions under a vague note, and each answer updates the draft in place', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    let text = replyText(await draft());
    expect(text).toContain('« Stef », c\'est Stéphane Girard ?');
    expect(text).toContain("Je n'ai rien sur Stéphane, Aïcha et Grégory : présents ?");
    expect(text).toContain('300 pour « tonte » : en quelle unité ?');

    await tap('m²');
    text = replyText(await draft());
    expect(text).toMatch(/tonte.*300.*m²/);
    expect(text).not.toContain('en quelle unité');

    await tap('Oui, Stéphane Girard');
    text = replyText(await draft());
    expect(text).toContain('Stéphane Girard');
    expect(text).not.toContain('« Stef »');
    // Stéphane is now mentioned (an observation), so only Aïcha and Grégory remain unaccounted for.
    expect(text).toContain("Je n'ai rien sur Aïcha et Grégory : présents ?");

    await tap('Oui, présents');
    text = replyText(await draft());
    expect(text).not.toContain("Je n'ai rien");
    expect(buttons(await draft())).toEqual([]);
    expect((await h.dm('demo-eti-ev')).filter((r) => r.blocks.some((b) => b.type === 'header'))).toHaveLength(1);
  });

  it('asks what « 300 m2 » alone was, with the rules engine, and the tap names the activity', async () => {
    const rules = await createHarness(db, {});
    await rules.say('demo-eti-ev', '/relais équipe réglages objectif.débroussaillage=200 m2');
    await rules.drain();
    await rules.say('demo-eti-ev', "tout le monde là, 300 m2 aujourd'hui");
    await rules.drain();
    const shown = (await rules.dm('demo-eti-ev')).at(-1)!;
    expect(replyText(shown)).toContain('300 m² : de quoi ?');
    const choice = buttons(shown).find((e) => e.type === 'button' && e.label === 'débroussaillage');
    if (!choice) throw new Error(replyText(shown));
    expect(choice).toBeDefined();
    await rules.click('demo-eti-ev', 'note.answer', choice!.type === 'button' ? choice!.value : '');
    await rules.drain();
    const note = await rules.relais.conversation.uow.stores.notes.latestDraft(rules.id('demo-eti-ev'));
    expect(note!.draft!.extraction.production).toEqual([{ activity: 'débroussaillage', quantity: 300, unit: 'm2' }]);
    expect(replyText((await rules.dm('demo-eti-ev')).at(-1)!)).not.toContain('de quoi ?');
  });

  it('asks the unit of « 400 de tonte » read by the rules engine', async () => {
    const rules = await createHarness(db, {});
    await rules.say('demo-eti-ev', 'tout le monde là, 400 de tonte');
    await rules.drain();
    const shown = (await rules.dm('demo-eti-ev')).at(-1)!;
    expect(replyText(shown)).toContain('400 pour « tonte » : en quelle unité ?');
    const m2 = buttons(shown).find((e) => e.type === 'button' && e.label === 'm²');
    if (!m2 || m2.type !== 'button') throw new Error(replyText(shown));
    await rules.click('demo-eti-ev', 'note.answer', m2.value);
    await rules.drain();
    const note = await rules.relais.conversation.uow.stores.notes.latestDraft(rules.id('demo-eti-ev'));
    expect(note!.draft!.extraction.production).toEqual([{ activity: 'tonte', quantity: 400, unit: 'm2' }]);
  });

  it('« Passe » ends the round: no question comes back on later edits', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    await tap('Passe');
    expect(buttons(await draft())).toEqual([]);
    await h.say('demo-eti-ev', 'ajoute : Grégory absent');
    await h.drain();
    expect(replyText(await draft())).not.toContain("Je n'ai rien");
  });
});
