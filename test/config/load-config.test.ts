import { describeVariables, loadConfig, mask } from '../../src/config/load-config.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.database).toEqual({ kind: 'pglite', dir: './data/pglite' });
    expect(result.config.http).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(result.config.slack).toBeNull();
    expect(result.config.teams).toBeNull();
    expect(result.config.llm).toBeNull();
    expect(result.config.locale).toBe('fr');
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const result = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/relais', DATABASE_POOL_SIZE: '4' });
    expect(result.ok && result.config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/relais', poolSize: 4, intakeJournalDir: undefined });
  });

  it('reads the intake journal folder of a PostgreSQL instance, and leaves the embedded install to its own', () => {
    const onPostgres = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/relais', INTAKE_JOURNAL_DIR: '/var/lib/relais/intake' });
    expect(onPostgres.ok && onPostgres.config.database).toMatchObject({ kind: 'postgres', intakeJournalDir: '/var/lib/relais/intake' });
    const embedded = loadConfig({ INTAKE_JOURNAL_DIR: '/var/lib/relais/intake' });
    expect(embedded.ok && embedded.config.database).toEqual({ kind: 'pglite', dir: './data/pglite' });
  });

  it('lists every problem at once instead of stopping at the first', () => {
    const result = loadConfig({
      PORT: 'abc', DATABASE_URL: 'mysql://x', DEFAULT_TIMEZONE: 'Mars/Olympus', SLACK_BOT_TOKEN: 'nope',
      LLM_PROVIDER: 'openai-compatible', RELAIS_LOCALE: 'de',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const variables = result.problems.map((p) => p.variable);
    expect(variables).toEqual(expect.arrayContaining([
      'PORT', 'DATABASE_URL', 'DEFAULT_TIMEZONE', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'OPENAI_MODEL', 'RELAIS_LOCALE',
    ]));
  });

  it('refuses an exposed playground without a token and unauthenticated Teams in production', () => {
    const result = loadConfig({ HOST: '0.0.0.0', RELAIS_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining([
      'config.problem.playground_token', 'config.problem.teams_unauthenticated_production',
    ]));
    expect(loadConfig({ HOST: '0.0.0.0', PLAYGROUND_TOKEN: 'a-long-enough-token-123' }).ok).toBe(true);
  });

  it('reads Teams credentials: app id as a GUID, Microsoft endpoints by default, the tenant\'s token endpoint for a single-tenant bot', () => {
    const id = '2f5a3c1e-8b7d-4c2a-9e1f-3a4b5c6d7e8f';
    const multi = loadConfig({ TEAMS_APP_ID: id, TEAMS_APP_PASSWORD: 'p' });
    expect(multi.ok && multi.config.teams).toMatchObject({
      appId: id, openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      tokenUrl: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token', allowUnauthenticated: false,
    });
    const single = loadConfig({ TEAMS_APP_ID: id, TEAMS_APP_PASSWORD: 'p', TEAMS_TENANT_ID: 'contoso.onmicrosoft.com' });
    expect(single.ok && single.config.teams?.tokenUrl).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    const bad = loadConfig({ TEAMS_APP_ID: 'relais-bot', TEAMS_OPENID_METADATA_URL: 'ftp://x' });
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual(expect.arrayContaining([
      'config.problem.teams_app_id', 'config.problem.url', 'config.problem.teams_incomplete',
    ]));
  });

  it('picks the Slack mode from the variables present', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    const oauthEnv = { SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'x', SLACK_STATE_SECRET: 'y', SLACK_SIGNING_SECRET: 's' };
    const oauth = loadConfig({ ...oauthEnv, SLACK_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') });
    // Tokens of installed workspaces are encrypted at rest: no key, no OAuth mode; a short key is refused.
    expect(loadConfig(oauthEnv).ok).toBe(false);
    expect(loadConfig({ ...oauthEnv, SLACK_TOKEN_KEY: 'c2hvcnQ=' }).ok).toBe(false);
    expect(socket.ok && socket.config.slack?.mode).toBe('socket');
    expect(http.ok && http.config.slack?.mode).toBe('http');
    expect(oauth.ok && oauth.config.slack?.mode).toBe('oauth');
  });

  it('accepts only private endpoints when the LLM must be self-hosted', () => {
    const base = { LLM_PROVIDER: 'openai-compatible', OPENAI_MODEL: 'm', LLM_SELF_HOSTED_ONLY: 'true' };
    expect(loadConfig({ ...base, OPENAI_BASE_URL: 'http://192.168.1.20:8000/v1' }).ok).toBe(true);
    expect(loadConfig({ ...base, OPENAI_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: 'k' }).ok).toBe(false);
  });

  it('masks secrets when describing the configuration', () => {
    const rows = describeVariables({ SLACK_BOT_TOKEN: 'xoxb-123456789-secret', DATABASE_URL: 'postgres://relais:hunter2@db/x', PORT: '8080' });
    const text = JSON.stringify(rows);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('123456789-secret');
    expect(rows.find((r) => r.name === 'PORT')).toEqual({ name: 'PORT', value: '8080', source: 'env' });
    expect(rows.find((r) => r.name === 'LOG_LEVEL')?.source).toBe('default');
    expect(mask('postgres://relais:hunter2@db/x')).toBe('postgres://relais:••••@db/x');
  });
});
