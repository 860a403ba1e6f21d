import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allVariables } from '../../src/config/load-config.js';
import { root } from '../support/test-paths.js';

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('documents every configuration variable', () => {
    const missing = allVariables.map((v) => v.name).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('explains every runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing = Object.keys(pkg.dependencies).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
