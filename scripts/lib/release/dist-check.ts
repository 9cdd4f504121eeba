/**
 * dist/ must be what `pnpm bundle` makes of the commit's sources: the bundles are what runs with
 * a distro's signing key in reach, and reviewers read the sources, not the bundles. The fresh
 * build goes to a temporary directory (scripts/bundle.mjs --out-dir), so the tree is never touched.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { git } from './git.js';

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/**
 * How the committed bundles differ from a fresh build, one line per file (empty: identical).
 * `committed` are the tracked paths under dist/, relative to dist/.
 */
export function distDifferences(distDir: string, committed: string[], freshDir: string): string[] {
  const fresh = new Set(listFiles(freshDir));
  const tracked = new Set(committed);
  const problems: string[] = [];
  for (const f of [...new Set([...fresh, ...tracked])].sort()) {
    if (!tracked.has(f)) problems.push(`dist/${f} is made by a fresh build but not committed`);
    else if (!fresh.has(f)) problems.push(`dist/${f} is committed but a fresh build does not make it`);
    else if (!readFileSync(join(distDir, f)).equals(readFileSync(join(freshDir, f))))
      problems.push(`dist/${f} differs from a fresh build`);
  }
  return problems;
}

/** The tracked paths under dist/, relative to dist/. */
export function committedDist(root: string): string[] {
  return git(root, ['ls-files', '-z', '--', 'dist'])
    .split('\0')
    .filter(Boolean)
    .map((f) => f.slice('dist/'.length));
}

/** What `pnpm bundle` reads: the workspace's manifests and lockfile, the sources, the bundle script. */
const BUILD_INPUTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.json',
  'tsconfig.base.json',
  '.npmrc',
  'scripts/bundle.mjs',
  'actions',
  'packages',
];

/**
 * The key of a build: every tracked path and blob a build reads at HEAD (BUILD_INPUTS, dist/
 * excepted) and the Node version. Two trees with the same key build the same bundles.
 */
export function buildInputsKey(root: string): string {
  const tree = git(root, ['ls-tree', '-r', '--full-tree', 'HEAD', '--', ...BUILD_INPUTS])
    .split('\n')
    .filter((l) => !l.split('\t')[1]?.startsWith('dist/'))
    .join('\n');
  return createHash('sha256').update(process.version).update('\n').update(tree).digest('hex');
}

function runBundle(root: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'bundle.mjs'), `--out-dir=${outDir}`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`pnpm bundle failed (exit ${code}): ${stderr.trim().slice(-2000)}`)),
    );
  });
}

export interface FreshBuild {
  dir: string;
  /** Whether it came from the cache (BYDIGEST_RELEASE_BUILD_CACHE) instead of being built now. */
  cached: boolean;
  /** Removes the build (a no-op for a cached one). */
  dispose(): void;
}

/**
 * A fresh build of the tree at `root`. With `cacheDir` (the tests set it: a build takes minutes on
 * two cores), a build is kept under its inputs' key and reused for a tree with the same sources,
 * e.g. a clone whose only change is a tampered dist/. The release workflow sets no cache.
 */
export async function freshBuild(root: string, cacheDir?: string): Promise<FreshBuild> {
  const cached = cacheDir ? join(cacheDir, buildInputsKey(root)) : undefined;
  if (cached && existsSync(cached)) return { dir: cached, cached: true, dispose: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'bydigest-release-build-'));
  try {
    await runBundle(root, dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  if (cached) {
    const staging = `${cached}.${process.pid}`;
    cpSync(dir, staging, { recursive: true });
    renameSync(staging, cached);
  }
  return { dir, cached: false, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
