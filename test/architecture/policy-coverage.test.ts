import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/test-paths.js';

/**
 * Issue #11: every use case asks the one policy (`authorize()` or an access helper built
 * on it), or is listed here with the reason it needs none. A new use case that does
 * neither fails this test, so the policy cannot be bypassed by forgetting it.
 */
const ASKS_POLICY = /\bauthorize\(|\b\w+Access\(|\bloadOwnNote\(/;

const POLICY_FREE: Readonly<Record<string, string>> = {
  'apply-retention': 'a system job (retention), never a user request',
  'capture-objective': 'reads the sentence, then creates through create-objective, which asks the policy',
  'identify-user': 'resolves who is talking, before there is an actor; linking another account checks the role itself (direction or admin)',
  'import-roster': 'the operator of the installation, from the CLI (no chat door reaches it)',
  'list-roster': 'the operator of the installation, from the CLI; the playground lists staff only',
  'list-session-reminders': "the scheduler's own read; each reminder goes to the séance's trainer only",
  'list-shift-notes': "only the actor's own notes (listByAuthor(actor.personId))",
  'seed-demo': 'demo data, from the CLI',
  'seed-demo-history': 'demo data, from the CLI',
};

const useCaseDir = join(root, 'src', 'core', 'use-cases');

function source(name: string): string {
  return readdirSync(join(useCaseDir, name)).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(useCaseDir, name, f), 'utf8')).join('\n');
}

export function unguarded(names: readonly string[], read: (name: string) => string): string[] {
  return names.filter((n) => !(n in POLICY_FREE) && !ASKS_POLICY.test(read(n)));
}

describe('the authorisation policy covers every use case', () => {
  const names = readdirSync(useCaseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('each use case asks the policy or says why it needs none', () => {
    expect(unguarded(names, source).map((n) => `${n}: call authorize() (src/core/policy/authorize.ts) or add it to POLICY_FREE with a reason`)).toEqual([]);
  });

  it('the list of exceptions names only use cases that exist and really skip the policy', () => {
    for (const name of Object.keys(POLICY_FREE)) {
      expect(names).toContain(name);
      expect({ name, asks: ASKS_POLICY.test(source(name)) }).toEqual({ name, asks: false });
    }
  });

  it('the check can fail', () => {
    expect(unguarded(['new-use-case'], () => 'export function createNewUseCase() { return store.readAll(); }')).toEqual(['new-use-case']);
    expect(unguarded(['guarded'], () => "const allowed = authorize(actor, 'read', 'person', subject);")).toEqual([]);
  });
});
