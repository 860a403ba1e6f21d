import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/storage/open-pglite.js';
import { DrizzleLlmUsage } from '../../src/storage/stores/drizzle-llm-usage.js';
import { answer, httpError, OpenAiStandIn, type RecordedRequest } from '../support/openai-stand-in.js';
import { pgliteTemplateDir, root, sharedDir } from '../support/test-paths.js';
import { empty, sentNote } from './llm-harness.js';

const roster = join(sharedDir, 'eval/dev/roster.csv');

/** `relais …` without blocking this process, so the stand-in server can answer it. */
function relais(args: string[], env: Record<string, string>, input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'relais.js'), ...args], {
      cwd: root, env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

function model(request: RecordedRequest) {
  const note = sentNote(request.json!);
  const m = /(Salarié [A-Z]+) a tondu toute la pelouse/.exec(note);
  return answer(m === null ? empty : {
    ...empty, observations: [{ person: m[1], category: 'rythme', polarity: 'positive', evidence: m[0] }],
  });
}

const server = new OpenAiStandIn(model);
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });
beforeEach(() => { server.reset(); server.setDefault(model); });

describe('relais extract --engine llm', () => {
  const dataDir = () => join(mkdtempSync(join(tmpdir(), 'relais-llm-cli-')), 'never');
  const env = (pgliteDir: string) => ({
    LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: 'stand-in', PGLITE_DIR: pgliteDir, LLM_TIMEOUT_MS: '5000',
  });
  const args = ['extract', '--roster', roster, '--author', 'e01', '--date', '2026-11-02', '--engine', 'llm'];

  it('uses the configured model without opening a database, and prints the contract object', async () => {
    const dir = dataDir();
    const run = await relais(args, env(dir), 'Karim a tondu toute la pelouse. Sofiane était absent.');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { observations: unknown[] };
    expect(out.observations).toEqual([{ person: 's01', category: 'rythme', polarity: 'positive', evidence: 'Karim a tondu toute la pelouse' }]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.raw).not.toMatch(/Karim|Sofiane|Benali|Haddad/);
    expect(existsSync(dir)).toBe(false);
  });

  it('falls back to the rules engine with a French warning when the model fails', async () => {
    server.setDefault(() => httpError(400));
    const run = await relais(args, env(dataDir()), 'Karim a tondu toute la pelouse. Sofiane était absent.');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Analyse simplifiée');
    expect(JSON.parse(run.stdout)).toMatchObject({ attendance: [{ person: 's02', status: 'absent' }] });
  });

  it('refuses plainly when no model is configured', async () => {
    const run = await relais(args, {}, 'Karim a tondu.');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Aucun modèle de langue n'est configuré");
    expect(run.stdout).toBe('');
  });
});

describe('relais llm usage', () => {
  it('shows the month and the budget on a fresh database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-llm-usage-'));
    cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const run = await relais(['llm', 'usage'], { PGLITE_DIR: dir, LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: 'm', LLM_MONTHLY_TOKEN_BUDGET: '50000' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Consommation du modèle de langue');
    expect(run.stdout).toContain("Aucun appel au modèle de langue n'a encore été compté.");
    expect(run.stdout).toContain('Budget mensuel : 50000 jetons ; utilisés ce mois-ci : 0.');
  }, 120_000);

  it('lists the counted calls per month and purpose, with an estimated cost and the budget reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-llm-usage-'));
    cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const handle = await openPglite(dir);
    const usage = new DrizzleLlmUsage(handle.db, null);
    const now = new Date();
    await usage.record({ purpose: 'extraction', model: 'm', promptTokens: 1_500_000, completionTokens: 200_000, outcome: 'ok', at: now });
    await usage.record({ purpose: 'extraction', model: 'm', promptTokens: 500_000, completionTokens: 0, outcome: 'failed', at: now });
    await usage.record({ purpose: 'narrative', model: 'm', promptTokens: 1000, completionTokens: 300, outcome: 'ok', at: now });
    await handle.close();
    const run = await relais(['llm', 'usage'], {
      PGLITE_DIR: dir, LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: 'm',
      LLM_MONTHLY_TOKEN_BUDGET: '2000000', LLM_PRICE_PER_MILLION_TOKENS: '0.15/0.60',
    });
    expect(run.stderr).toBe('');
    const month = now.toISOString().slice(0, 7);
    expect(run.stdout).toMatch(new RegExp(`${month}\\s+extraction\\s+2\\s+2000000\\s+200000`));
    expect(run.stdout).toMatch(new RegExp(`${month}\\s+narrative\\s+1\\s+1000\\s+300`));
    expect(run.stdout).toContain('Coût estimé ce mois-ci : 0.42 €');
    expect(run.stdout).toContain('Budget mensuel : 2000000 jetons ; utilisés ce mois-ci : 2201300.');
    expect(run.stdout).toContain('Le budget mensuel de jetons du modèle de langue est atteint');
  }, 120_000);
});
