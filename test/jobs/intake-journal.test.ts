import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntakeJournal, type JournalEntry } from '../../src/jobs/intake-journal.js';

const entry = (n: number, payload: Record<string, unknown> = { text: `note ${n}` }): JournalEntry => ({
  id: randomUUID(), dedupeKey: `slack:Ev${n}`, kind: 'incoming', payload, receivedAt: new Date(Date.UTC(2026, 10, 29, 7, 0, n)).toISOString(),
});

describe('the intake journal (events written before they are acknowledged, embedded install)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'relais-journal-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back, after the process is gone, every entry appended, in order', () => {
    const appended = [entry(1), entry(2, { text: 'Mélanie : « arrivée 9h », 12 m² de tonte', nested: { list: [1, 'deux'] } }), entry(3)];
    const journal = new IntakeJournal(dir);
    const written = appended.map((e) => journal.append(e));
    expect(written.map((w) => JSON.parse(w.payloadJson))).toEqual(appended.map((e) => e.payload));
    // A new journal on the same folder is what the next start sees.
    const { entries, segments, torn } = new IntakeJournal(dir).leftovers();
    expect(entries).toEqual(written);
    expect(torn).toBe(0);
    expect(segments).toHaveLength(1);
  });

  it('skips a torn line (the process died inside the write) and keeps reading the rest', () => {
    const journal = new IntakeJournal(dir);
    journal.append(entry(1));
    const [first] = journal.seal();
    appendFileSync(first!, '{"id":"0d9c5b1e-torn", "dedupeKey":"slack:Ev');
    journal.append(entry(2));
    journal.append(entry(3));
    const { entries, segments, torn } = new IntakeJournal(dir).leftovers();
    expect(entries.map((e) => e.dedupeKey)).toEqual(['slack:Ev1', 'slack:Ev2', 'slack:Ev3']);
    expect(torn).toBe(1);
    expect(segments).toHaveLength(2);
  });

  it('starts a new segment when sealed, and deletes only the segments it is told are stored', () => {
    const journal = new IntakeJournal(dir);
    journal.append(entry(1));
    journal.append(entry(2));
    const sealed = journal.seal();
    journal.append(entry(3));
    expect(readdirSync(dir)).toHaveLength(2);
    journal.discard(sealed);
    expect(new IntakeJournal(dir).leftovers().entries.map((e) => e.dedupeKey)).toEqual(['slack:Ev3']);
    // A segment given back with `keep` is sealed again with the next one.
    const again = journal.seal();
    journal.keep(again);
    expect(journal.seal()).toEqual(again);
  });

  it('numbers new segments after those an earlier run left, so nothing is overwritten', () => {
    const before = new IntakeJournal(dir);
    before.append(entry(1));
    before.seal();
    const after = new IntakeJournal(dir);
    after.append(entry(2));
    expect(readdirSync(dir).sort()).toEqual(['intake-000000000001.jsonl', 'intake-000000000002.jsonl']);
  });

  it('cleans what PostgreSQL would refuse in jsonb (NUL, unpaired surrogates) before writing, and keeps the rest as is', () => {
    const journal = new IntakeJournal(dir);
    const stored = journal.append(entry(1, { text: 'a\u0000b \ud800 c 🌱', list: ['\udc00x'] }));
    expect(JSON.parse(stored.payloadJson)).toEqual({ text: 'ab \ufffd c 🌱', list: ['\ufffdx'] });
    const clean = entry(2, { text: 'rien à signaler 🌱' });
    expect(JSON.parse(journal.append(clean).payloadJson)).toEqual(clean.payload);
    const line = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8').split('\n')[0]!;
    expect(line).not.toMatch(/\\u0000|\\ud800|\\udc00/);
  });

  it('writes files only its owner can read (the notes are about people)', () => {
    const journal = new IntakeJournal(dir);
    journal.append(entry(1));
    const [segment] = journal.seal();
    expect(statSync(segment!).mode & 0o777).toBe(0o600);
  });
});
