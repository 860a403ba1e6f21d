/**
 * Layer rules of ARCHITECTURE.md, enforced (`npm run lint:layers`, also run by the test suite):
 * - core imports no adapter, no door, no framework (zod only);
 * - conversation imports the core, never a platform or an adapter;
 * - platforms do not import each other;
 * - only the composition root (src/app) imports adapters; doors (cli, platforms) go through it.
 */
const ADAPTERS = '^src/(storage|extraction|llm|logging|roster-files|http|documents|charts|transcription|language)/';
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-no-frameworks',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], pathNot: 'node_modules/zod/' },
    },
    {
      name: 'conversation-no-adapters-or-platforms',
      severity: 'error',
      from: { path: '^src/conversation/' },
      to: { path: [ADAPTERS, '^src/platforms/', '^src/app/', '^src/cli/'] },
    },
    {
      name: 'platforms-do-not-import-each-other',
      severity: 'error',
      from: { path: '^src/platforms/([^/]+)/' },
      to: { path: '^src/platforms/', pathNot: '^src/platforms/$1/' },
    },
    {
      name: 'only-composition-root-imports-adapters',
      severity: 'error',
      from: { path: '^src/', pathNot: [ADAPTERS, '^src/app/'] },
      to: { path: ADAPTERS },
    },
    {
      name: 'adapters-do-not-import-doors',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: ['^src/platforms/', '^src/cli/', '^src/app/', '^src/conversation/'] },
    },
    { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
