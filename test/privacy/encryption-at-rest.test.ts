import { sql } from 'drizzle-orm';
import { buildRelais } from '../../src/app/composition-root.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { deriveDataKey, SecretBox } from '../../src/storage/crypto/secret-box.js';
import { alerts, learningSessions, observations, shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const KEY_1 = 'k1-0123456789abcdef0123456789abcdef';
const KEY_2 = 'k2-fedcba9876543210fedcba9876543210';

describe('SecretBox', () => {
  const box = new SecretBox(KEY_1);
  it('round-trips, with a fresh IV and the key id in every value', () => {
    const a = box.encrypt('il dort dans sa voiture', 'observations.evidence');
    const b = box.encrypt('il dort dans sa voiture', 'observations.evidence');
    expect(a).not.toBe(b);
    expect(a.startsWith(`enc:v1:${deriveDataKey(KEY_1).id}:`)).toBe(true);
    expect(a).not.toContain('voiture');
    expect(box.decrypt(a, 'observations.evidence')).toBe('il dort dans sa voiture');
    expect(box.decrypt('texte en clair', 'observations.evidence')).toBe('texte en clair');
  });
  it('refuses a tampered value, another column, an unknown key', () => {
    const sealed = box.encrypt('suivi en addictologie', 'alerts.evidence');
    const head = sealed.slice(0, sealed.lastIndexOf(':') + 1);
    const bytes = Buffer.from(sealed.slice(head.length), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => box.decrypt(`${head}${bytes.toString('base64')}`, 'alerts.evidence')).toThrow();
    expect(() => box.decrypt(sealed, 'observations.evidence')).toThrow();
    expect(() => new SecretBox(KEY_2).decrypt(sealed, 'alerts.evidence')).toThrow(/no key/);
    const rotated = new SecretBox(KEY_2, [KEY_1]);
    expect(rotated.decrypt(sealed, 'alerts.evidence')).toBe('suivi en addictologie');
    expect(rotated.needsRotation(sealed)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x', 'alerts.evidence'))).toBe(false);
  });
});

describe('configuration', () => {
  it('refuses production without RELAIS_SECRET_KEY, in French', () => {
    const loaded = loadConfig({ RELAIS_ENV: 'production', PLAYGROUND_ENABLED: 'false' });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems).toContainEqual({ variable: 'RELAIS_SECRET_KEY', code: 'config.problem.secret_key_required' });
    expect(loadConfig({ RELAIS_ENV: 'production', PLAYGROUND_ENABLED: 'false', RELAIS_SECRET_KEY: KEY_1 }).ok).toBe(true);
  });
});

/** Direction may exercise GDPR rights (the demo roster has no admin). */
const admin = async (h: Harness) => ({
  personId: h.id('demo-dir'), role: 'direction' as const, structureId: (await h.relais.stores.roster.defaultStructure()).id, teamId: null, door: 'cli' as const,
});

const extractor = scriptedExtractor((_note, who) => ({
  attendance: [{ person: who('Moussa'), status: 'present', excused: null, minutes: null }],
  observations: [
    { person: who('Moussa'), category: 'logement', polarity: 'negative', evidence: 'il dort dans sa voiture depuis lundi' },
    { person: who('Lucas'), category: 'securite', polarity: 'positive', evidence: 'Lucas a mis ses EPI' },
  ],
  alerts: [{ person: who('Moussa'), topic: 'logement', evidence: 'il dort dans sa voiture depuis lundi' }],
}));

describe.each(databaseTargets())('sensitive quotes encrypted at rest on $name', ({ open }) => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor, env: { RELAIS_SECRET_KEY: KEY_1 } });
  });

  const confirmNote = async () => {
    await h.say('demo-eti-ev', "Tout le monde était là. Lucas a mis ses EPI. Moussa m'a dit qu'il dort dans sa voiture depuis lundi.");
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes);
    await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
  };
  const rawColumns = async () => {
    const rows = (await db.db.execute(sql`select evidence as v from relais.observations union all select evidence from relais.alerts`)) as unknown as { rows: Array<{ v: string }> };
    return rows.rows.map((r) => r.v);
  };

  it('never stores the restricted quote in clear, and the referent CIP still reads it', async () => {
    await confirmNote();
    const raw = await rawColumns();
    expect(raw).toHaveLength(3);
    expect(raw.filter((v) => v.includes('voiture'))).toEqual([]);
    expect(raw.filter((v) => v.startsWith('enc:v1:'))).toHaveLength(2);
    // Team-level quotes stay readable for search and digests.
    expect(raw).toContain('Lucas a mis ses EPI');
    const [observation] = await db.db.select().from(observations).where(sql`category = 'logement'`);
    expect(observation!.evidence).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect((await db.db.select().from(alerts))[0]!.evidence).toMatch(/^enc:v1:/);

    await h.say('demo-cip', 'Où en est Moussa ?');
    await h.drain();
    expect((await h.dm('demo-cip')).map(replyText).join('\n')).toContain('il dort dans sa voiture depuis lundi');
  });

  it('re-encrypts everything with a new key, the old one kept only for the rotation', async () => {
    await confirmNote();
    const loaded = loadConfig({ RELAIS_ENV: 'test', RELAIS_SECRET_KEY: KEY_2, RELAIS_PREVIOUS_SECRET_KEYS: KEY_1 });
    if (!loaded.ok) throw new Error('config');
    const relais = await buildRelais(loaded.config, { database: db, logger: silentLogger, migrate: false });
    // Two quotes, the note's text and its draft.
    expect(await relais.privacy.rotateKeys()).toEqual({ keyId: deriveDataKey(KEY_2).id, count: 4 });
    expect(await relais.privacy.rotateKeys()).toEqual({ keyId: deriveDataKey(KEY_2).id, count: 0 });
    const sealed = (await rawColumns()).filter((v) => v.startsWith('enc:'));
    expect(sealed.every((v) => v.startsWith(`enc:v1:${deriveDataKey(KEY_2).id}:`))).toBe(true);
    const onlyNew = new SecretBox(KEY_2);
    expect(sealed.map((v) => onlyNew.decrypt(v, v === sealed[0] ? 'observations.evidence' : 'alerts.evidence'))).toEqual(['il dort dans sa voiture depuis lundi', 'il dort dans sa voiture depuis lundi']);
    const [note] = await noteColumns();
    expect(onlyNew.decrypt(note!.rawText, 'shift_notes.raw_text')).toContain('dort dans sa voiture');
    expect(note!.draft.startsWith(`enc:v1:${deriveDataKey(KEY_2).id}:`)).toBe(true);
  });

  const noteColumns = async () => {
    const rows = (await db.db.execute(sql`select raw_text, draft #>> '{}' as draft, draft::text as draft_json from relais.shift_notes`)) as unknown as { rows: Array<{ raw_text: string; draft: string; draft_json: string }> };
    return rows.rows.map((r) => ({ rawText: r.raw_text, draft: r.draft, json: r.draft_json }));
  };

  it('seals the note text and its draft too: nothing of the note is readable in the database, the author still sees it', async () => {
    await h.say('demo-eti-ev', "Tout le monde était là. Lucas a mis ses EPI. Moussa m'a dit qu'il dort dans sa voiture depuis lundi.");
    await h.drain();
    const [stored] = await noteColumns();
    expect(stored!.rawText).toMatch(/^enc:v1:/);
    expect(stored!.draft).toMatch(/^enc:v1:/);
    expect(JSON.stringify(stored)).not.toMatch(/voiture|Moussa|EPI/);
    expect((await h.dm('demo-eti-ev')).map(replyText).join('\n')).toContain('il dort dans sa voiture depuis lundi');
    // Edits go through the sealed draft, and Valider still writes the records.
    await h.say('demo-eti-ev', 'ajoute : Inès absente');
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes);
    await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
    expect((await db.db.select().from(shiftNotes))[0]!.status).toBe('confirmed');
    expect(JSON.stringify(await noteColumns())).not.toMatch(/voiture|Moussa|Inès/);
  });

  it('seals a bilan\'s needs, outcomes and the salarié\'s own words; the CIP still reads them, and they follow key rotation', async () => {
    const cip = { personId: h.id('demo-cip'), role: 'cip' as const, structureId: (await h.relais.stores.roster.defaultStructure()).id, teamId: null, door: 'cli' as const };
    const recorded = await h.relais.useCases.recordBilan({ actor: cip, personId: h.id('demo-s03'), bilan: {
      kind: 'prolongation', date: '2026-11-02', participants: [h.id('demo-cip')],
      content: { needs: [{ theme: 'logement', intensity: '++', comment: 'dort dans sa voiture' }], outcomes: ['ponctuel depuis septembre'], nextSteps: ['rendez-vous SIAO'] },
      salarieView: 'Je veux un logement avant l’hiver', salarieAgreement: true,
    } });
    expect(recorded.ok).toBe(true);
    const raw = async () => ((await db.db.execute(sql`select content #>> '{}' as content, jsonb_typeof(content) as type, salarie_view from relais.bilans`)) as unknown as {
      rows: Array<{ content: string; type: string; salarie_view: string }>;
    }).rows;
    const [row] = await raw();
    expect(row!.type).toBe('string');
    expect(row!.content).toMatch(/^enc:v1:/);
    expect(row!.salarie_view).toMatch(/^enc:v1:/);
    expect(JSON.stringify(await raw())).not.toMatch(/voiture|SIAO|hiver|ponctuel/);
    const latest = await h.relais.stores.bilans.latest(h.id('demo-s03'), 'prolongation');
    expect(latest).toMatchObject({ salarieView: 'Je veux un logement avant l’hiver', content: { needs: [{ theme: 'logement', intensity: '++', comment: 'dort dans sa voiture' }], nextSteps: ['rendez-vous SIAO'] } });

    const loaded = loadConfig({ RELAIS_ENV: 'test', RELAIS_SECRET_KEY: KEY_2, RELAIS_PREVIOUS_SECRET_KEYS: KEY_1 });
    if (!loaded.ok) throw new Error('config');
    const rotated = await buildRelais(loaded.config, { database: db, logger: silentLogger, migrate: false });
    expect(await rotated.privacy.rotateKeys()).toEqual({ keyId: deriveDataKey(KEY_2).id, count: 2 });
    const onlyNew = new SecretBox(KEY_2);
    const [after] = await raw();
    expect(onlyNew.decrypt(after!.salarie_view, 'bilans.salarie_view')).toBe('Je veux un logement avant l’hiver');
    expect(JSON.parse(onlyNew.decrypt(after!.content, 'bilans.content'))).toMatchObject({ outcomes: ['ponctuel depuis septembre'] });
    expect(await rotated.stores.bilans.latest(h.id('demo-s03'), 'prolongation')).toMatchObject({ salarieView: 'Je veux un logement avant l’hiver' });
  });

  it('seals what an evaluation says (observed fact, self-assessment, next step); the attestation and the CIP still read it, and rotation covers it', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const [session] = await db.db.select().from(learningSessions);
    await h.click('demo-eti-ev', 'session.confirm', session!.id);
    h.clock.set('2026-11-05T17:00:00Z');
    await h.say('demo-eti-ev', "Séance de jeudi : Lucas a réussi seul, Moussa doit revoir l'affûtage. Il dit qu'il a eu peur de la machine.");
    await h.drain();
    await h.click('demo-eti-ev', 'session.outcome.confirm', session!.id);
    await h.drain();
    const raw = async () => ((await db.db.execute(sql`select observed_fact, self_assessment, next_step from relais.skill_evaluations`)) as unknown as {
      rows: Array<Record<'observed_fact' | 'self_assessment' | 'next_step', string | null>>;
    }).rows;
    const values = (await raw()).flatMap((r) => [r.observed_fact, r.self_assessment, r.next_step]).filter((v): v is string => v !== null);
    expect(values.length).toBeGreaterThanOrEqual(4);
    expect(values.every((v) => v.startsWith('enc:v1:'))).toBe(true);
    expect(JSON.stringify(await raw())).not.toMatch(/peur|affûtage|réussi|Lucas|Moussa/);

    const cip = { personId: h.id('demo-cip'), role: 'cip' as const, structureId: (await h.relais.stores.roster.defaultStructure()).id, teamId: null, door: 'cli' as const };
    const attestation = await h.relais.learning.useCases.issueSkillsAttestation({ actor: cip, personId: h.id('demo-s01') });
    expect(attestation.ok && attestation.value.competences.map((c) => c.evidence[0]!.fact)).toContain('Lucas a réussi seul');
    await h.say('demo-cip', 'Où en est Moussa ?');
    await h.drain();
    expect((await h.dm('demo-cip')).map(replyText).join('\n')).toContain('peur de la machine');

    const loaded = loadConfig({ RELAIS_ENV: 'test', RELAIS_SECRET_KEY: KEY_2, RELAIS_PREVIOUS_SECRET_KEYS: KEY_1 });
    if (!loaded.ok) throw new Error('config');
    const rotated = await buildRelais(loaded.config, { database: db, logger: silentLogger, migrate: false });
    expect((await rotated.privacy.rotateKeys())?.count).toBeGreaterThanOrEqual(values.length);
    const onlyNew = new SecretBox(KEY_2);
    const after = (await raw()).find((r) => r.self_assessment !== null)!;
    expect(onlyNew.decrypt(after.self_assessment!, 'skill_evaluations.self_assessment')).toContain('peur de la machine');
  });

  it('erases a salarié from the sealed text of other people\'s notes (GDPR), and exports the passages about them', async () => {
    await confirmNote();
    const moussa = h.id('demo-s03');
    const exported = await h.relais.privacy.exportPersonData({ actor: await admin(h), personId: moussa });
    if (!exported.ok) throw new Error(exported.code);
    const notes = exported.value.snapshot.tables.find((x) => x.table === 'shift_notes');
    expect(JSON.stringify(notes)).toContain("Moussa m'a dit qu'il dort dans sa voiture depuis lundi");
    const erased = await h.relais.privacy.erasePersonData({ actor: await admin(h), personId: moussa });
    expect(erased.ok).toBe(true);
    const box = new SecretBox(KEY_1);
    const [note] = await noteColumns();
    expect(box.decrypt(note!.rawText, 'shift_notes.raw_text')).not.toMatch(/Moussa/);
    expect(box.decrypt(note!.rawText, 'shift_notes.raw_text')).toContain('Lucas a mis ses EPI');
    expect(box.decrypt(note!.draft, 'shift_notes.draft')).not.toMatch(/Moussa/);
  });
});
