import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ZipFile } from 'yazl';
import { colorIcon, outlineIcon } from './teams-icons.js';
import { ACCENT_COLOR, teamsManifest, type ManifestInput } from './teams-manifest.js';

/** Fixed date inside the zip: the same configuration always gives the same package. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

/** The three files of a Teams app package, by name. */
export function packageFiles(input: ManifestInput): Array<{ name: string; data: Buffer }> {
  return [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(teamsManifest(input), null, 2)}\n`) },
    { name: 'color.png', data: colorIcon(ACCENT_COLOR) },
    { name: 'outline.png', data: outlineIcon() },
  ];
}

/** Writes the zip Teams takes in "Upload a custom app" or the Teams admin center; files at the root. */
export async function writeTeamsPackage(file: string, input: ManifestInput): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const zip = new ZipFile();
  for (const f of packageFiles(input)) zip.addBuffer(f.data, f.name, { mtime: ZIP_DATE, mode: 0o100644 });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
}
