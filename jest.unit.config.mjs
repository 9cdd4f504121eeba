// The fast tier (`pnpm test:unit`): the tests that need no registry, no peer binary and no
// bundle, i.e. core's units and the actions' `run` units, in well under a minute. `pnpm test`
// (jest.config.mjs) stays the full suite, and the one CI runs.
//
// A test beside a package that does start a registry or run a peer is named *.interop.test.ts
// and stays in the full suite only; test/tiers.test.ts fails if a unit-tier test reaches the
// registry or peer harness, so the split cannot rot silently.
import full from './jest.config.mjs';

export default {
  ...full,
  testMatch: [
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/actions/*/test/**/*.test.ts',
    '<rootDir>/actions/*/src/**/*.test.ts',
    '<rootDir>/test/tiers.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '\\.interop\\.test\\.ts$'],
  // A unit that waits this long is waiting on something it should not have.
  testTimeout: 30000,
};
