import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { BydigestError } from '../errors.js';

/**
 * Directories a wipe must never remove, nor any of their parents: removing the workspace,
 * $HOME or the runner's temp directory would break every later step of the job.
 */
export interface ProtectedRoots {
  home?: string | undefined;
  workspace?: string | undefined;
  runnerTemp?: string | undefined;
}

/** Protected roots from the usual environment variables. */
export function protectedRootsFromEnv(env: Readonly<Record<string, string | undefined>>): ProtectedRoots {
  return {
    home: env.HOME || undefined,
    workspace: env.GITHUB_WORKSPACE || undefined,
    runnerTemp: env.RUNNER_TEMP || undefined,
  };
}

/** An absolute, normalised path; relative paths are taken relative to `base` (the workspace). */
export function resolveUserPath(path: string, base: string): string {
  if (path === '') throw new BydigestError('INVALID_ARGUMENT', 'the path is empty');
  if (path.includes('\0')) throw new BydigestError('INVALID_ARGUMENT', 'the path contains a NUL byte');
  return isAbsolute(path) ? resolve(path) : resolve(base, path);
}

/**
 * The path with every symbolic link in its parent directories resolved, but not the last
 * component: a wipe path that is itself a link means "remove this link", never its target.
 * Parents that do not exist yet are kept as written below the deepest one that does.
 */
export async function canonicalParentPath(path: string): Promise<string> {
  const abs = resolve(path);
  if (abs === sep) return abs;
  const parent = dirname(abs);
  const missing: string[] = [];
  let probe = parent;
  for (;;) {
    try {
      const real = await realpath(probe);
      return join(real, ...missing.reverse(), basename(abs));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
      if (probe === sep) throw e;
      missing.push(basename(probe));
      probe = dirname(probe);
    }
  }
}

/** Why `path` must not be wiped (it is `/`, one of the roots, or a parent of one), or undefined. */
export function protectedReason(path: string, roots: ProtectedRoots): string | undefined {
  const p = resolve(path);
  if (p === sep) return 'it is the file system root';
  for (const [label, root] of [
    ['$HOME', roots.home],
    ['$GITHUB_WORKSPACE', roots.workspace],
    ['$RUNNER_TEMP', roots.runnerTemp],
  ] as const) {
    if (!root) continue;
    const r = resolve(root);
    if (p === r) return `it is ${label} (${r})`;
    if (r.startsWith(p + sep)) return `it contains ${label} (${r})`;
  }
  return undefined;
}

/**
 * Checks the path as written and with its parents' links resolved, so `/home/runner/../..`
 * and a link to `/` are refused alike. The roots are compared in both forms too.
 */
export async function assertNotProtected(path: string, roots: ProtectedRoots): Promise<void> {
  const canonicalRoots: ProtectedRoots = {};
  for (const key of ['home', 'workspace', 'runnerTemp'] as const) {
    const r = roots[key];
    if (r) canonicalRoots[key] = await realpath(r).catch(() => resolve(r));
  }
  const candidates = [resolve(path), await canonicalParentPath(path)];
  // A trailing link would only be unlinked, but whoever lists a link to $HOME expects $HOME to
  // be wiped: refusing says so instead of silently doing something else.
  candidates.push(await realpath(path).catch(() => resolve(path)));
  for (const p of candidates) {
    const why = protectedReason(p, roots) ?? protectedReason(p, canonicalRoots);
    if (why) {
      throw new BydigestError('INVALID_ARGUMENT', `refusing to wipe ${JSON.stringify(resolve(path))}: ${why}`, {
        hint: 'name the files or directories that hold secrets, e.g. `${{ runner.temp }}/signing` or `/home/runner/.docker/config.json` (no ~ expansion)',
      });
    }
  }
}

/** A recorded staged file must be a canonical direct child of the staging directory, so it cannot point elsewhere. */
export function isDirectChild(path: string, dir: string): boolean {
  return (
    isAbsolute(path) &&
    resolve(path) === path &&
    dirname(path) === dir &&
    basename(path) !== '' &&
    basename(path) !== '..'
  );
}
