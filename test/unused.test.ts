import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportedNames, namesImported, packagesImported, sources } from '../scripts/lib/unused-exports.js';
import { repoRoot } from './harness/paths.js';

/**
 * Nothing exported or depended on without a user (fast tier). core's public names must be
 * imported somewhere outside core's sources (an action, action-kit, a test, a script); a name
 * only core uses stays unexported from its index. Every dependency a package.json lists is
 * imported by its sources.
 */
const CONSUMERS = ['actions', 'packages/action-kit', 'packages/core/test', 'test', 'scripts'];

/**
 * Listed though no source imports it: @github/local-action stubs @actions/core at the path
 * `pnpm list @actions/core` gives in the action's folder, so an action it runs must depend on
 * it directly (action-kit is what imports it). See test/local-action.test.ts.
 */
const KEPT_FOR_LOCAL_ACTION = '@actions/core';

/** core's own tests import its index by path (`../../src/index.js`); they count as consumers. */
const INDEX_BY_PATH = /(^|\/)src\/index(\.js)?$/;

function unusedExports(entry: string, specifier: string): string[] {
  const used = namesImported(
    sources(repoRoot, CONSUMERS),
    (s) => s === specifier || (entry === 'index.ts' && INDEX_BY_PATH.test(s)),
  );
  return exportedNames(join(repoRoot, 'packages', 'core', 'src', entry)).filter((n) => !used.has(n));
}

describe('no dead exports', () => {
  it("every name @bydigest/core exports is used outside core's sources", () => {
    expect(unusedExports('index.ts', '@bydigest/core')).toEqual([]);
  });

  it('every name @bydigest/core/keys exports is used', () => {
    expect(unusedExports('keys.ts', '@bydigest/core/keys')).toEqual([]);
  });

  it('sees the exports (the check is not vacuous)', () => {
    const names = exportedNames(join(repoRoot, 'packages', 'core', 'src', 'index.ts'));
    expect(names).toEqual(expect.arrayContaining(['RegistryClient', 'BydigestError', 'signImage', 'checkHostTrust']));
    const used = namesImported(sources(repoRoot, CONSUMERS), (s) => s === '@bydigest/core' || INDEX_BY_PATH.test(s));
    // A name nobody imports is reported: here one that exists nowhere.
    expect([...names, 'neverImportedAnywhere'].filter((n) => !used.has(n))).toEqual(['neverImportedAnywhere']);
  });
});

describe('no unused dependencies', () => {
  const packages = [
    ...readdirSync(join(repoRoot, 'actions'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `actions/${d.name}`),
    'packages/core',
    'packages/action-kit',
  ];

  it.each(packages)('%s imports every dependency it lists', (dir) => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as {
      dependencies?: object;
      devDependencies?: object;
    };
    const inSources = packagesImported(sources(repoRoot, [`${dir}/src`]));
    const anywhere = packagesImported(sources(repoRoot, [dir]));
    const kept = dir.startsWith('actions/') ? [KEPT_FOR_LOCAL_ACTION] : [];
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => !inSources.has(d) && !kept.includes(d))).toEqual([]);
    expect(Object.keys(pkg.devDependencies ?? {}).filter((d) => !anywhere.has(d) && !d.startsWith('@types/'))).toEqual(
      [],
    );
  });
});
