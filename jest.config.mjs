// Jest runs the TypeScript sources as ESM under Node 24 (the runner's Node).
// ts-jest only transpiles here; `pnpm typecheck` is the type check.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@bydigest/core$': '<rootDir>/packages/core/src/index.ts',
    '^@bydigest/core/keys$': '<rootDir>/packages/core/src/keys.ts',
    '^@bydigest/core/pins$': '<rootDir>/packages/core/src/pins/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  // Everything, *.interop.test.ts included; jest.unit.config.mjs is the fast subset.
  testMatch: [
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/actions/*/test/**/*.test.ts',
    '<rootDir>/actions/*/src/**/*.test.ts',
    '<rootDir>/scripts/lib/*/test/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
  ],
  testTimeout: 120000,
  // Suites mostly wait on registries and subprocesses: two at a time keep both cores busy.
  maxWorkers: 2,
};
