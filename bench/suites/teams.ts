import { createSign, generateKeyPairSync, createVerify } from 'node:crypto';
import type { Reply } from '../../src/core/messages/reply.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { replyActivities } from '../../src/platforms/teams/teams-activities.js';
import { createTeamsAuthenticator } from '../../src/platforms/teams/teams-auth.js';
import { startBotFrameworkAuth } from '../../test/support/bot-framework-auth.js';
import { percentile, round, sample, type BenchRow, type BenchSuite } from '../bench-kit.js';

const t = createTranslator('fr');
const texts = { continued: t('teams.continued'), formTooLong: t('teams.form_too_long') };

/** A busy day's draft: 12 people, 3 observations each, production, alerts and the three buttons. */
const draft: Reply = {
  text: 'Brouillon — note du lundi 2 novembre',
  blocks: [
    { type: 'header', text: 'Brouillon — note du lundi 2 novembre' },
    { type: 'context', text: 'Analyse : moteur de règles intégré.' },
    { type: 'list', title: 'Présences', items: [{ title: '11 présent(s) · 1 absent(s)', lines: ['Présents : Lucas, Inès, Moussa, Aïcha…', '2. Stéphane Girard — absent'] }] },
    { type: 'list', title: 'Observations', items: Array.from({ length: 12 }, (_, i) => ({
      title: `Personne ${i}`, lines: Array.from({ length: 3 }, (_, j) => `${j + 1}. *Sécurité* (positif) — « a mis ses EPI sans qu'on lui dise, a aidé un collègue à ranger le camion »`),
    })) },
    { type: 'actions', elements: [
      { type: 'button', action: 'note.confirm', label: 'Valider', value: 'n1', style: 'primary' },
      { type: 'button', action: 'note.edit', label: 'Modifier', value: 'n1' },
      { type: 'button', action: 'note.discard', label: 'Annuler', value: 'n1', style: 'danger', confirm: { title: 'Annuler ?', text: 'Rien ne sera enregistré.', yes: 'Oui', no: 'Non' } },
    ] },
  ],
};

/**
 * Teams door costs per message: rendering a draft card (baseline: serialising
 * the neutral reply) and checking a Bot Framework token with cached keys
 * (baseline: one bare RS256 signature check with node:crypto).
 */
export const suite: BenchSuite = {
  name: 'teams',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const base = await sample(() => JSON.stringify(draft), 2000);
    const render = await sample(() => JSON.stringify(replyActivities(draft, texts)), 2000);
    const p95 = percentile(render, 95);
    rows.push({ suite: 'teams', name: 'draft card render p50', value: round(percentile(render, 50), 3), unit: 'ms', baseline: round(percentile(base, 50), 3),
      ratio: round(percentile(render, 50) / Math.max(percentile(base, 50), 1e-6), 1), target: 'p50 < 2 ms', met: percentile(render, 50) < 2 });
    rows.push({ suite: 'teams', name: 'draft card render p95', value: round(p95, 3), unit: 'ms', baseline: round(percentile(base, 95), 3),
      ratio: round(p95 / Math.max(percentile(base, 95), 1e-6), 1), target: 'p95 < 50 ms (Teams waits seconds)', met: p95 < 50 });

    const auth = await startBotFrameworkAuth({ appId: 'bench-app', appPassword: 'x' });
    try {
      const now = new Date();
      const clock = { now: () => now };
      const serviceUrl = 'https://smba.trafficmanager.net/emea/';
      const token = await auth.sign({ serviceUrl, now, audience: 'bench-app' });
      const authenticator = createTeamsAuthenticator({ appId: 'bench-app', openIdMetadataUrl: auth.openIdMetadataUrl, clock, logger: silentLogger });
      const verify = await sample(async () => {
        const result = await authenticator.verify(`Bearer ${token}`, { serviceUrl, channelId: 'msteams' });
        if (!result.ok) throw new Error(result.code);
      }, 1000);
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const signature = createSign('RSA-SHA256').update('header.payload').sign(privateKey);
      const bare = await sample(() => createVerify('RSA-SHA256').update('header.payload').verify(publicKey, signature), 1000);
      const v95 = percentile(verify, 95);
      rows.push({ suite: 'teams', name: 'token check p95 (keys cached)', value: round(v95, 3), unit: 'ms', baseline: round(percentile(bare, 95), 3),
        ratio: round(v95 / Math.max(percentile(bare, 95), 1e-6), 1), target: 'p95 < 10 ms', met: v95 < 10 });
      rows.push({ suite: 'teams', name: 'signing-key downloads for 1000 checks', value: auth.counts.keys, unit: 'requests', target: '1', met: auth.counts.keys === 1 });
    } finally {
      await auth.close();
    }
    return rows;
  },
};
