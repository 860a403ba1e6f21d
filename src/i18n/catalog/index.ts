import { cli } from './cli.js';
import { config } from './config.js';
import { documents } from './documents.js';
import { extraction } from './extraction.js';
import { followup } from './followup.js';
import { progress } from './progress.js';
import { roster } from './roster.js';
import { server } from './server.js';
import type { CatalogPart } from './types.js';

/** Topics are separate files so that features add texts without touching each other. */
const parts: readonly CatalogPart[] = [cli, config, documents, extraction, followup, progress, roster, server];

export const catalog = {
  fr: Object.assign({}, ...parts.map((p) => p.fr)) as Record<string, string>,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Record<string, string>,
};
export const catalogParts = parts;
