import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/test-paths.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('respects the layer rules (dependency-cruiser)', () => {
    const run = () => execFileSync(process.execPath,
      [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });

  it('catches a violation of each rule (the check can fail)', () => {
    const fixtures = join(root, 'test/architecture/fixtures');
    let output = '';
    try {
      execFileSync(process.execPath,
        [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'],
        { cwd: fixtures, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    expect(output).toContain('core-is-pure');
    expect(output).toContain('platforms-do-not-import-each-other');
    expect(output).toContain('only-composition-root-imports-adapters');
  });

  it('reads process.env only in the config module', () => {
    const offenders = files(join(root, 'src'))
      .filter((f) => !f.includes('/src/config/'))
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps source files small (under 400 lines)', () => {
    const big = files(join(root, 'src')).filter((f) => readFileSync(f, 'utf8').split('\n').length > 400);
    expect(big).toEqual([]);
  });
});
