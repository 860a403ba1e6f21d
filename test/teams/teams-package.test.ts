import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';
import { runCli } from '../support/run-cli.js';
import { errorsOf, haveManifestSchema, manifestValidator, warnIfSchemasMissing } from '../support/teams-schemas.js';

warnIfSchemasMissing();
const APP_ID = '2f5a3c1e-8b7d-4c2a-9e1f-3a4b5c6d7e8f';
const ENV = { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', PUBLIC_URL: 'https://relais.example.org' };

/** The files of a zip, by name, read with a zip reader independent of the writer. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return reject(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => { files.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
      }));
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describe('relais teams package', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'relais-teams-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with manifest.json and the two icons at its root', async () => {
    const out = join(dir, 'relais-teams.zip');
    const run = runCli(['teams', 'package', '--out', out], ENV);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Paquet Teams écrit');
    const files = await unzip(out);
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown> & { bots: Array<Record<string, unknown>> };
    expect(manifest).toMatchObject({ manifestVersion: '1.30', id: APP_ID, name: { short: 'Relais' }, validDomains: ['relais.example.org'] });
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] });
    const titles = JSON.stringify(manifest.bots[0]!['commandLists']);
    for (const title of ['Dicter ma note', 'Préparer une séance', 'Résumé de parcours', 'Aide']) expect(titles).toContain(title);
    if (haveManifestSchema) {
      const validate = manifestValidator();
      if (!validate(manifest)) throw new Error(errorsOf(validate));
      // The check can fail: a manifest without its bot id is refused.
      expect(validate({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] })).toBe(false);
    }

    const color = PNG.sync.read(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    for (let i = 3; i < color.data.length; i += 4) expect(color.data[i]).toBe(255);
    const outline = PNG.sync.read(files.get('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) transparent++;
      else {
        drawn++;
        expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]); // white outline only
      }
    }
    expect(transparent).toBeGreaterThan(drawn);
    expect(drawn).toBeGreaterThan(50);
  });

  it('gives the same package for the same configuration', async () => {
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    expect(runCli(['teams', 'package', '--out', a], ENV).status).toBe(0);
    expect(runCli(['teams', 'package', '--out', b], ENV).status).toBe(0);
    expect((await unzip(a)).get('manifest.json')).toEqual((await unzip(b)).get('manifest.json'));
  });

  it('explains in French what is missing, with exit code 2', () => {
    const noTeams = runCli(['teams', 'package', '--out', join(dir, 'x.zip')], { PUBLIC_URL: ENV.PUBLIC_URL });
    expect(noTeams.status).toBe(2);
    expect(noTeams.stderr).toContain('Renseignez TEAMS_APP_ID');
    const noUrl = runCli(['teams', 'package', '--out', join(dir, 'x.zip')], { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret' });
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain('Renseignez PUBLIC_URL');
    const badId = runCli(['teams', 'package', '--out', join(dir, 'x.zip')], { ...ENV, TEAMS_APP_ID: 'relais-bot' });
    expect(badId.status).toBe(2);
    expect(badId.stderr).toContain('GUID');
  });
});
