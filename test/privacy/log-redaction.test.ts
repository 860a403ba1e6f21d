import { Writable } from 'node:stream';
import type { ShiftNoteExtractor } from '../../src/core/ports/shift-note-extractor.js';
import { createPinoLogger, REDACTED_KEYS } from '../../src/logging/pino-logger.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

function memoryLogger(level = 'trace') {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString('utf8')); done(); } });
  return { logger: createPinoLogger({ level, destination }), lines };
}

const CANARY = 'ZORGLUB-CANARY';

describe('logger redaction', () => {
  it('masks every sensitive field name at any of the first three depths and in headers', async () => {
    const { logger, lines } = memoryLogger();
    for (const key of REDACTED_KEYS) {
      const value = `${CANARY}-${key}`;
      logger.info({ [key]: value }, 'depth 0');
      logger.info({ outer: { [key]: value } }, 'depth 1');
      logger.info({ a: { b: { [key]: value } } }, 'depth 2');
      logger.info({ headers: { [key]: value } }, 'headers');
      logger.child({ [key]: value }).warn({}, 'child binding');
    }
    await new Promise((r) => setImmediate(r));
    expect(lines.length).toBe(REDACTED_KEYS.length * 5);
    expect(lines.filter((l) => l.includes(CANARY))).toEqual([]);
    expect(lines.every((l) => l.includes('[masqué]'))).toBe(true);
  });
});

/** The whole conversation, with a failing engine whose error quotes the note: no name, quote or token in any log line. */
describe.each(databaseTargets())('no canary in the logs of a conversation on $name', ({ open }) => {
  let db: DatabaseHandle;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => truncateAll(db));

  it('keeps note text, names and secrets out of every line, error paths included', async () => {
    const { logger, lines } = memoryLogger();
    const scripted = scriptedExtractor((_note, who) => ({
      observations: [{ person: who('Moussa'), category: 'sante', polarity: 'negative', evidence: `${CANARY} rendez-vous addictologie` }],
      alerts: [{ person: who('Moussa'), topic: 'sante', evidence: `${CANARY} rendez-vous addictologie` }],
    }));
    let failures = 1;
    const extractor: ShiftNoteExtractor = {
      async extract(note, context) {
        // An engine whose error message quotes the note: it must not reach a log line.
        if (failures-- > 0) throw new Error(`cannot parse: ${note}`);
        return scripted.extract(note, context);
      },
    };
    const h = await createHarness(db, {
      extractor, logger,
      env: { RELAIS_SECRET_KEY: `${CANARY}-secret-key-0123456789abcdef`, PLAYGROUND_TOKEN: `${CANARY}-playground-token` },
    });
    await h.say('demo-eti-ev', `Moussa Camara : ${CANARY} rendez-vous addictologie.`);
    await h.drain();
    h.clock.advance(10 * 60_000);
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes);
    expect(note!.status).toBe('draft');
    await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
    await h.say('demo-cip', 'Où en est Moussa ?');
    await h.drain();
    await new Promise((r) => setImmediate(r));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('inbox.handler_failed'))).toBe(true);
    const leaks = lines.filter((l) => /ZORGLUB|addictologie|Moussa|Camara|Bruno|Carrel/i.test(l));
    expect(leaks).toEqual([]);
  });
});
