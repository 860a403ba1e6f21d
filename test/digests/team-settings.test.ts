import { eq } from 'drizzle-orm';
import { parseDays, parseSettingsChanges, parseTime } from '../../src/core/digests/settings-edit.js';
import { inQuietHours, readTeamSettings } from '../../src/core/digests/team-settings.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { teams } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

describe('team settings in French', () => {
  it('reads times, day ranges and targets the way encadrants write them', () => {
    expect(parseTime('17h30')).toBe('17:30');
    expect(parseTime('9h')).toBe('09:00');
    expect(parseTime('25:00')).toBeUndefined();
    expect(parseDays('lun-ven')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('lundi, mercredi, vendredi')).toEqual([1, 3, 5]);
    expect(parseDays('lun-xyz')).toBeUndefined();
    const parsed = parseSettingsChanges('heure_digest=17h45 objectif.tonte=400 m2 objectif.débroussaillage=2 t/semaine prénoms_absences=oui heures_calmes=21h-7h');
    expect(parsed).toEqual({ changes: [
      { field: 'digestTime', value: '17:45' },
      { field: 'targets', activity: 'tonte', target: { quantity: 400, unit: 'm2', period: 'day' } },
      { field: 'targets', activity: 'débroussaillage', target: { quantity: 2, unit: 't', period: 'week' } },
      { field: 'absenceFirstNames', value: true },
      { field: 'quietStart', value: '21:00' }, { field: 'quietEnd', value: '07:00' },
    ] });
    expect(parseSettingsChanges('couleur=bleu')).toEqual({ error: 'settings.unknown_key', key: 'couleur' });
  });

  it('falls back to defaults field by field and knows quiet hours across midnight', () => {
    const s = readTeamSettings({ digestTime: '18:00', workingDays: 'n/a' });
    expect(s.digestTime).toBe('18:00');
    expect(s.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(readTeamSettings(null).digestTime).toBe('17:30');
    expect(inQuietHours('22:10', s)).toBe(true);
    expect(inQuietHours('07:00', s)).toBe(true);
    expect(inQuietHours('07:30', s)).toBe(false);
    expect(inQuietHours('17:00', s)).toBe(false);
  });
});

describe('/relais équipe réglages', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db);
  });

  const lastDm = async (key: string) => replyText((await h.dm(key)).at(-1)!);

  it('shows the defaults to the encadrant, then saves changes in the team row', async () => {
    await h.say('demo-eti-ev', '/relais équipe réglages');
    await h.drain();
    const shown = await lastDm('demo-eti-ev');
    expect(shown).toContain("Réglages de l'équipe Espaces verts");
    expect(shown).toContain('17:30');
    expect(shown).toContain('lun, mar, mer, jeu, ven');

    await h.say('demo-eti-ev', '/relais équipe réglages heure_digest=18h jours=lun-jeu objectif.tonte=400 m2 fuseau=Europe/Brussels');
    await h.drain();
    const saved = await lastDm('demo-eti-ev');
    expect(saved).toContain('Réglages enregistrés');
    expect(saved).toContain('tonte : 400 m² par jour');
    const [row] = await db.db.select().from(teams).where(eq(teams.id, await h.teamId('espaces-verts')));
    expect(row!.settings).toMatchObject({ digestTime: '18:00', workingDays: [1, 2, 3, 4], targets: { tonte: { quantity: 400, unit: 'm2' } } });
    expect(row!.timezone).toBe('Europe/Brussels');
  });

  it('refuses unknown keys and bad values in French without writing anything', async () => {
    await h.say('demo-eti-ev', '/relais équipe réglages heure_digest=18:00 jours=tous');
    await h.drain();
    expect(await lastDm('demo-eti-ev')).toContain('La valeur de « jours » ne convient pas');
    await h.say('demo-eti-ev', '/relais équipe réglages fuseau=Mars/Olympus');
    await h.drain();
    expect(await lastDm('demo-eti-ev')).toContain('Fuseau horaire inconnu');
    const [row] = await db.db.select().from(teams).where(eq(teams.id, await h.teamId('espaces-verts')));
    expect(row!.settings).toEqual({});
    expect(row!.timezone).toBe('Europe/Paris');
  });

  it('lets direction name the team, lets a CIP read but not write', async () => {
    await h.say('demo-dir', '/relais équipe réglages recyclerie heure_digest=16:45');
    await h.drain();
    expect(await lastDm('demo-dir')).toContain("Réglages de l'équipe Recyclerie");
    await h.say('demo-cip', '/relais équipe réglages recyclerie');
    await h.drain();
    expect(await lastDm('demo-cip')).toContain('16:45');
    await h.say('demo-cip', '/relais équipe réglages recyclerie heure_digest=12:00');
    await h.drain();
    expect(await lastDm('demo-cip')).toContain("tu n'as pas accès");
    await h.say('demo-dir', '/relais équipe réglages heure_digest=12:00');
    await h.drain();
    expect(await lastDm('demo-dir')).toContain("Précise l'équipe");
  });
});
