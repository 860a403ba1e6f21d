import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { generateHistory } from '../../src/demo/demo-history.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { SecretBox } from '../../src/storage/crypto/secret-box.js';
import { DrizzleInstallationStore } from '../../src/storage/stores/drizzle-installation-store.js';
import { createTokenCipher } from '../../src/storage/token-cipher.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite } from '../support/test-database.js';

const KEY = 'k1-0123456789abcdef0123456789abcdef';

const rows = async (db: DatabaseHandle, query: string): Promise<Array<Record<string, unknown>>> =>
  ((await db.db.execute(sql.raw(query))) as unknown as { rows: Array<Record<string, unknown>> }).rows;

/** Whatever path writes a sensitive text, the stored row holds ciphertext: read the raw rows, as a dump would. */
describe('encryption at write time, everywhere sensitive text is stored', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => {
    db = await openTestPglite();
    h = await createHarness(db, { extractor: scriptedExtractor(() => ({})), env: { RELAIS_SECRET_KEY: KEY } });
  }, 60_000);
  afterAll(async () => { await h.relais.lifecycle.stop(); await db.close(); });

  it('seals the demo history\'s freins, health and justice quotes and its alerts, and the summaries still read them', async () => {
    const seeded = await h.relais.useCases.seedDemoHistory((input) => generateHistory({ ...input, maxDays: 120 }));
    expect(seeded.written).toBe(true);
    const sensitive = await rows(db, `select evidence from relais.observations where sensitivity <> 'team'`);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(sensitive.filter((r) => !SecretBox.isEncrypted(String(r['evidence'])))).toEqual([]);
    const alerts = await rows(db, 'select evidence from relais.alerts');
    expect(alerts.filter((r) => !SecretBox.isEncrypted(String(r['evidence'])))).toEqual([]);
    // Team-level quotes stay readable (the team summary is built from them).
    const team = await rows(db, `select evidence from relais.observations where sensitivity = 'team' limit 5`);
    expect(team.every((r) => !SecretBox.isEncrypted(String(r['evidence'])))).toBe(true);
    // Free-text details of a situation, whatever wrote them, are sealed or absent.
    const details = await rows(db, 'select details from relais.situations where details is not null');
    expect(details.filter((r) => !SecretBox.isEncrypted(String(r['details'])))).toEqual([]);

    // The CIP's summary of someone with a sealed quote reads it in clear.
    const [withQuote] = await rows(db, `select o.person_id, o.evidence from relais.observations o where o.sensitivity = 'restricted' limit 1`);
    const box = new SecretBox(KEY);
    const clear = box.decrypt(String(withQuote!['evidence']), 'observations.evidence');
    expect(clear).not.toBe(withQuote!['evidence']);
    const summary = await h.relais.useCases.buildProgressSummary({
      actor: { personId: h.id('demo-cip'), role: 'cip', structureId: (await h.relais.stores.roster.defaultStructure()).id, teamId: null, door: 'cli' },
      personId: String(withQuote!['person_id']), locale: 'fr', from: '2000-01-01',
    });
    if (!summary.ok) throw new Error(summary.code);
    expect(JSON.stringify(summary.value.facts)).not.toMatch(/enc:v1:/);
  }, 60_000);

  it('keeps Slack installation tokens encrypted: no canary in the raw row, and a wrong key reads no installation', async () => {
    const key = randomBytes(32);
    const store = new DrizzleInstallationStore(db.db, createTokenCipher(key));
    const bot = 'xoxb-CANARY-bot-7f3a9c';
    const refresh = 'xoxe-1-CANARY-refresh-2b8e';
    await store.save({ platform: 'slack', workspaceId: 'T0W1', botToken: bot, refreshToken: refresh, botUserId: 'U0BOT', installedBy: 'U0ADMIN' });
    const [raw] = await rows(db, `select row_to_json(i)::text as j from relais.installations i where workspace_id = 'T0W1'`);
    expect(String(raw!['j'])).not.toMatch(/CANARY|xoxb|xoxe/);
    expect(await store.find('slack', 'T0W1')).toMatchObject({ botToken: bot, refreshToken: refresh });
    expect(await new DrizzleInstallationStore(db.db, createTokenCipher(randomBytes(32))).find('slack', 'T0W1')).toBeNull();
  }, 30_000);
});
