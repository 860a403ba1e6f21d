import { registerEntry } from '../../src/cli/commands/rgpd-registre.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTranslator } from '../../src/i18n/translator.js';

const entry = (env: Record<string, string>) => {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return registerEntry(loaded.config, createTranslator('fr'));
};

describe('relais rgpd registre', () => {
  it('describes the embedded defaults: no model, no key, 2 years and 30 days', () => {
    const text = entry({});
    expect(text).toContain('2 an(s) après le dernier contact');
    expect(text).toContain('30 jour(s) après validation');
    expect(text).toContain('Chiffrement au repos** : INACTIF');
    expect(text).toContain('Aucun modèle de langue');
    expect(text).toContain('Base embarquée sur le disque du serveur (./data/pglite)');
    expect(text).not.toContain('Slack');
  });

  it('follows the configuration: doors, model host and opt-in, database host without credentials, retention, key', () => {
    const text = entry({
      SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'https://albert.api.etalab.gouv.fr/v1',
      OPENAI_API_KEY: 'sk-secret', OPENAI_MODEL: 'm', LLM_SEND_SPECIAL_CATEGORIES: 'true', DATABASE_URL: 'postgres://relais:motdepasse@db.interne:5432/relais',
      RETENTION_YEARS: '3', NOTE_TEXT_RETENTION_DAYS: '7', RELAIS_SECRET_KEY: 'k'.repeat(40),
    });
    expect(text).toContain('Slack (messages échangés avec Relais)');
    expect(text).toContain('Modèle de langue chez albert.api.etalab.gouv.fr');
    expect(text).toContain('SONT envoyées au modèle');
    expect(text).toContain('Base PostgreSQL sur db.interne:5432');
    expect(text).toContain('3 an(s)');
    expect(text).toContain('7 jour(s)');
    expect(text).toContain('Chiffrement au repos** : actif');
    expect(text).not.toMatch(/motdepasse|sk-secret|xoxb/);
  });
});
