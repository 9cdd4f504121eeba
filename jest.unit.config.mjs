// The fast tier (`pnpm test:unit`): the tests that need no registry, no peer binary and no
// bundle, i.e. core's units and the actions' `run` units, in well under a minute. `pnpm test`
// (jest.config.mjs) stays the full suite, and the one CI runs.
//
// Beside a package, two kinds of test stay in the full suite only: *.interop.test.ts starts a
// registry or runs a peer; *.heavy.test.ts needs no outside part but takes long (a 200 MB SBOM
// under a memory limit). test/tiers.test.ts fails if a unit-tier test reaches the registry or
// peer harness, so the split cannot rot silently.
import full from './jest.config.mjs';

export default {
  ...full,
  testMatch: [
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/actions/*/test/**/*.test.ts',
    '<rootDir>/actions/*/src/**/*.test.ts',
    '<rootDir>/scripts/lib/*/test/**/*.test.ts',
    '<rootDir>/test/tiers.test.ts',
    '<rootDir>/test/unused.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '\\.(interop|heavy)\\.test\\.ts$'],
};
