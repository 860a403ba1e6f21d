import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../../src/app/serve.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { openTestPglite } from '../support/test-database.js';
import { root } from '../support/test-paths.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) process.stderr.write(`Browser test skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).\n`);

// The real rules engine reads the note: this is what a newcomer types in the README's two-minute tour.
const NOTE = "tt le monde là sauf Steph, 300 m2 de tonte, Lucas a mis ses EPI sans qu'on lui dise, Mouss m'a dit qu'il dort dans sa voiture depuis lundi";

(available ? describe : describe.skip)('playground in a real browser', () => {
  let db: DatabaseHandle;
  let h: Harness;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    db = await openTestPglite();
    h = await createHarness(db, { env: { PORT: '0' }, now: '2026-11-02T16:30:00Z' });
    h.relais.startWorkers();
    url = (await serve(h.relais)).url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.relais.lifecycle.stop();
    await db?.close();
  });

  it('runs the daily loop: note, draft, correction, validation, channel summary, CIP alert', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}/playground`);
    await page.selectOption('#who', { label: 'Bruno Carrel — Espaces verts' });
    await page.getByLabel('Votre message').fill(NOTE);
    await page.keyboard.press('Enter');
    await page.getByText('Brouillon — note du lundi 2 novembre').waitFor();
    await page.getByText('Lucas Morel', { exact: true }).waitFor();
    await page.getByText('Stéphane Girard — absent').waitFor();

    await page.getByLabel('Votre message').fill("non c'est Aïcha pas Lucas");
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('Aïcha Mansouri', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('validée ✅').waitFor();

    await page.getByRole('tab', { name: /# Espaces verts/ }).click();
    await page.getByText(/Fin de journée — Espaces verts/).waitFor();
    const channel = await page.locator('#messages > li:not([hidden])').allInnerTexts();
    expect(channel.join('\n')).not.toMatch(/voiture|dort|Moussa|Mouss|logement/i);
    expect(channel.join('\n')).toContain('Aïcha — Sécurité');
    mkdirSync(join(root, '.tmp'), { recursive: true });
    await page.screenshot({ path: join(root, '.tmp', 'playground-channel.png'), fullPage: true });

    await page.selectOption('#who', { label: 'Claire Fontaine' });
    await page.getByText(/Alerte — Logement/).waitFor();
    await page.getByText(/Mouss m'a dit qu'il dort dans sa voiture depuis lundi/).waitFor();
    await page.screenshot({ path: join(root, '.tmp', 'playground-cip.png'), fullPage: true });
  }, 60_000);

  it('edits the draft in an accessible form dialog', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/playground`);
    await page.selectOption('#who', { label: 'Bruno Carrel — Espaces verts' });
    await page.getByLabel('Votre message').fill(NOTE);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Modifier' }).last().click();
    const production = page.getByLabel(/^Production/);
    await production.waitFor();
    expect(await production.inputValue()).toBe('tonte : 300 m²');
    await production.fill('tonte : 420 m2');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('tonte — 420 m²').waitFor();
  }, 60_000);

  it('shows the end-of-shift check-in, answers it in one tap, and opens the week\'s production from a chip', async () => {
    // 16:31 in Paris: the scheduler opens Sonia's check-in (Bruno already wrote today).
    h.clock.set('2026-11-02T15:31:00Z');
    await h.relais.digests.scheduler().tick();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}/playground`);
    await page.selectOption('#who', { label: 'Sonia Berthier — Recyclerie' });
    await page.getByText(/comment ça s’est passé/).waitFor();
    await page.getByRole('button', { name: 'RAS, tout le monde était là' }).click();
    await page.getByText(/6 présent\(s\) · 0 absent\(s\)/).waitFor();

    await page.selectOption('#who', { label: 'Bruno Carrel — Espaces verts' });
    await page.getByRole('button', { name: 'Production de la semaine' }).click();
    await page.getByText('Production — Espaces verts').waitFor();
    await page.getByText(/tonte : 300 m²/).first().waitFor();
    await page.screenshot({ path: join(root, '.tmp', 'playground-checkin.png'), fullPage: true });
  }, 60_000);
});
