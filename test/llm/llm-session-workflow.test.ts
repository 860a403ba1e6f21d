import type { SessionPlan } from '../../src/core/learning/session-plan.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { learningSessions } from '../../src/storage/schema/index.js';
import { answer, httpError, OpenAiStandIn, type RecordedRequest, type StandInReply } from '../support/openai-stand-in.js';
import { createHarness, replyText } from '../support/relais-harness.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const REQUEST = 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30';

/** A model that rewrites the objective of the fiche it was sent, in its placeholders. */
function model(request: RecordedRequest): StandInReply {
  const user = request.json!.messages.find((m) => m.role === 'user')!.content;
  const fiche = JSON.parse(/<fiche>\n([\s\S]*)\n<\/fiche>/.exec(user)![1]!) as SessionPlan;
  const [a, b] = fiche.identification.participants.map((p) => p.name);
  return answer({ ...fiche, objective: `À l'issue de la séance, ${a} et ${b} seront capables de tailler une haie droite au cordeau.` });
}

const server = new OpenAiStandIn(model);
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });

describe.each(databaseTargets())('séance planning on the LLM engine ($name)', ({ open }) => {
  let db: DatabaseHandle;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    server.reset();
    server.setDefault(model);
  });

  const env = () => ({ LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'stand-in' });

  it('drafts the fiche with the model when LLM_PROVIDER=openai-compatible, sending no name', async () => {
    const h = await createHarness(db, { env: env() });
    await h.say('demo-eti-ev', REQUEST);
    await h.drain();
    const [session] = await db.db.select().from(learningSessions);
    expect(session!.engine).toBe('llm');
    expect((session!.plan as SessionPlan).objective).toBe("À l'issue de la séance, Lucas et Moussa seront capables de tailler une haie droite au cordeau.");
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('Lucas et Moussa seront capables de tailler une haie droite au cordeau');
    const planRequests = server.requests.filter((r) => r.raw.includes('<fiche>'));
    expect(planRequests).toHaveLength(1);
    expect(planRequests[0]!.raw).not.toMatch(/Lucas|Moussa|Bruno|Carrel/);
  });

  it('keeps the rules fiche when the provider is down', async () => {
    server.setDefault(() => httpError(503));
    const h = await createHarness(db, { env: env() });
    await h.say('demo-eti-ev', REQUEST);
    await h.drain();
    const [session] = await db.db.select().from(learningSessions);
    expect(session!.engine).toMatch(/^rules:/);
    expect((session!.plan as SessionPlan).objective).toMatch(/^À l'issue de la séance, Lucas et Moussa seront capables de tailler une haie en respectant/);
  });
});
