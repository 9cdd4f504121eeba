import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from './harness/paths.js';

/**
 * The fast tier (`pnpm test:unit`, jest.unit.config.mjs) must stay fast and need nothing: no
 * registry, no peer binary. A unit-tier test that imports the registry or peer harness, directly
 * or through a helper, belongs in the full suite (name it *.interop.test.ts). The list comes
 * from jest itself, so this checks exactly what `pnpm test:unit` runs.
 */

/** Harness modules that start a registry, a proxy or a token server, run peers or bundles. */
const NEEDS_THE_WORLD = [
  'registry',
  'peers',
  'runner',
  'fault-proxy',
  'token-issuer',
  'net',
  'signing',
  'push',
  'oci-push',
].map((m) => join(repoRoot, 'test', 'harness', `${m}.ts`));
/** Text that only a test using the real peers or registry would contain. */
const WORLD_TEXT = /BYDIGEST_PEERS_DIR|\.cache\/peers|docker-registry|install-test-peers/;

const SELF = join(repoRoot, 'test', 'tiers.test.ts');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function jestList(config: string): string[] {
  const out = execFileSync(
    process.execPath,
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--config', config, '--listTests', '--json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  return (JSON.parse(out) as string[]).sort();
}

/** The local files `file` reaches through relative imports (`./x.js` is `./x.ts` on disk). */
function reachable(file: string): Set<string> {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const f = stack.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const spec = resolve(dirname(f), m[1] as string);
      const candidates = [spec.replace(/\.js$/, '.ts'), spec, `${spec}.ts`, join(spec, 'index.ts')];
      const hit = candidates.find((c) => existsSync(c) && /\.(ts|mjs|js)$/.test(c));
      if (hit && !hit.includes('/node_modules/')) stack.push(hit);
    }
  }
  return seen;
}

/** Why `test` cannot be a unit test, or undefined if it can. */
function worldReason(test: string): string | undefined {
  for (const f of reachable(test)) {
    if (NEEDS_THE_WORLD.includes(f)) return `${relative(repoRoot, test)} reaches ${relative(repoRoot, f)}`;
    if (f !== test && f.startsWith(join(repoRoot, 'test', 'harness')) && WORLD_TEXT.test(readFileSync(f, 'utf8'))) {
      return `${relative(repoRoot, test)} reaches ${relative(repoRoot, f)}, which uses the real peers or registry`;
    }
  }
  // This file names the patterns it looks for; it is the checker, not a user.
  if (test !== SELF && WORLD_TEXT.test(readFileSync(test, 'utf8')))
    return `${relative(repoRoot, test)} mentions the real peers or registry`;
  return undefined;
}

describe('test tiers', () => {
  const unit = jestList('jest.unit.config.mjs');
  const full = jestList('jest.config.mjs');

  it('the unit tier is core and action units: a real set, and all of it in the full suite too', () => {
    expect(unit.length).toBeGreaterThan(20);
    expect(unit.filter((f) => !full.includes(f))).toEqual([]);
    expect(unit.some((f) => f.includes('/test/harness/') || /\/test\/reliability\//.test(f))).toBe(false);
  });

  it('no unit-tier test reaches the registry or peer harness', () => {
    expect(unit.map(worldReason).filter(Boolean)).toEqual([]);
  });

  it('the check sees what it is for: the interop tests it leaves out do reach the world', () => {
    const interop = full.filter((f) => f.endsWith('.interop.test.ts'));
    expect(interop.length).toBeGreaterThan(0);
    for (const f of interop) expect(worldReason(f)).toMatch(/reaches test\/harness\/peers\.ts|registry/);
    expect(worldReason(join(repoRoot, 'test', 'sign-digest.test.ts'))).toBeDefined();
  });
});
