import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { REPO_ROOT } from '../../test/harness/runner.js';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  registry: string;
  peers: Record<string, string>;
  commit: string;
  dirty: boolean;
}

/** The Debian package version a peer was unpacked from (its changelog's first line). */
function debVersion(dir: string): string | undefined {
  const doc = join(dir, 'usr', 'share', 'doc');
  if (!existsSync(doc)) return undefined;
  for (const pkg of readdirSync(doc)) {
    const f = join(doc, pkg, 'changelog.Debian.gz');
    if (!existsSync(f)) continue;
    try {
      const first = execFileSync('sh', ['-c', `zcat "$0" | head -1`, f], { encoding: 'utf8' });
      const m = /^(\S+) \(([^)]+)\)/.exec(first);
      if (m) return `${m[1]} ${m[2]}`;
    } catch {
      // fall through
    }
  }
  return undefined;
}

export function machine(): Machine {
  const peersDir = process.env.BYDIGEST_PEERS_DIR ?? join(REPO_ROOT, '.cache', 'peers');
  const peers: Record<string, string> = {};
  for (const p of ['skopeo', 'crane', 'oras-1.3', 'cosign-2.5']) peers[p] = debVersion(join(peersDir, p)) ?? 'unknown';
  let registry = 'unknown';
  try {
    // "/usr/bin/docker-registry github.com/docker/distribution 2.8.2+ds1": keep the version.
    registry =
      execFileSync('/usr/bin/docker-registry', ['--version'], { encoding: 'utf8' }).trim().split(/\s+/).pop() ??
      'unknown';
  } catch {
    // keep unknown
  }
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    dirty =
      execSync('git status --porcelain -- packages actions dist', { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
  } catch {
    // not a git checkout
  }
  const model =
    cpus()[0]?.model ?? readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown';
  return {
    nproc: availableParallelism(),
    cpu: model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    registry,
    peers,
    commit,
    dirty,
  };
}
