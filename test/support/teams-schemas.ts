import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { root, sharedDir } from './test-paths.js';

/** The official schemas kept in ../shared/fixtures/schemas (never copied into the project). */
export const schemaDir = join(sharedDir, 'fixtures', 'schemas');
export const teamsFixturesDir = join(sharedDir, 'fixtures', 'teams');
const cardSchemaFile = join(schemaDir, 'adaptive-card-1.5.0.json');
const manifestSchemaFile = join(schemaDir, 'MicrosoftTeams.v1.30.schema.json');

export const haveCardSchema = existsSync(cardSchemaFile);
export const haveManifestSchema = existsSync(manifestSchemaFile);

let warned = false;
/** Says once, clearly, that schema checks are skipped because the shared fixtures are absent. */
export function warnIfSchemasMissing(): void {
  if ((haveCardSchema && haveManifestSchema) || warned) return;
  warned = true;
  process.stderr.write(`Teams schema tests skipped: ${schemaDir} is missing (shared fixtures).\n`);
}

let card: ValidateFunction | null = null;
/** Adaptive Cards 1.5 (draft-06; its `id` is given to Ajv as `$id`). */
export function cardValidator(): ValidateFunction {
  if (card) return card;
  const { id, ...schema } = JSON.parse(readFileSync(cardSchemaFile, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(JSON.parse(readFileSync(join(root, 'node_modules', 'ajv', 'dist', 'refs', 'json-schema-draft-06.json'), 'utf8')) as object);
  card = ajv.compile({ ...schema, $id: String(id) });
  return card;
}

let manifest: ValidateFunction | null = null;
/** Teams manifest v1.30 (declared draft-04; its keywords are read by Ajv's default dialect). */
export function manifestValidator(): ValidateFunction {
  if (manifest) return manifest;
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(manifestSchemaFile, 'utf8')) as Record<string, unknown>;
  manifest = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  return manifest;
}

/** The first errors that say something (the schema's anyOf over every element type is noisy). */
export function errorsOf(validate: ValidateFunction): string {
  return JSON.stringify((validate.errors ?? []).filter((e) => e.keyword !== 'anyOf').slice(0, 6));
}
