// The peers as a CI job runs them. skopeo keeps a blob-info cache (as root in
// /var/lib/containers/cache) that remembers where blobs were seen and then mounts them from
// an earlier repository instead of uploading; a fresh CI runner starts without it. Each
// "job" here therefore gets its own empty cache directory, bind-mounted in a private mount
// namespace (unshare -m), so skopeo neither reads nor pollutes the machine's cache.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peer, type PeerName } from '../../test/harness/peers.js';
import { run } from '../../test/harness/run.js';

const SYSTEM_CACHE = '/var/lib/containers/cache';

export interface PeerCommand {
  cmd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface SkopeoJail {
  /** How skopeo is isolated from earlier runs' blob-info cache (for the report). */
  how: string;
  /** A fresh cache, shared by the skopeo calls of one job. */
  job(): (args: string[]) => PeerCommand;
}

export async function skopeoJail(baseEnv: NodeJS.ProcessEnv): Promise<SkopeoJail> {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const probe = mkdtempSync(join(tmpdir(), 'bench-skopeo-cache-'));
    const r = await run('unshare', ['-m', 'sh', '-c', `mount --bind "$0" ${SYSTEM_CACHE}`, probe], {
      timeoutMs: 10_000,
    }).catch(() => undefined);
    if (r?.code === 0) {
      return {
        how: `each job's skopeo calls ran with an empty blob-info cache bind-mounted over ${SYSTEM_CACHE} (unshare -m; a few ms per call)`,
        job: () => {
          const cache = mkdtempSync(join(tmpdir(), 'bench-skopeo-cache-'));
          return (args) => ({
            cmd: 'unshare',
            args: ['-m', 'sh', '-c', `mount --bind "$0" ${SYSTEM_CACHE} && exec "$@"`, cache, peer('skopeo'), ...args],
            env: baseEnv,
          });
        },
      };
    }
  }
  if (!isRoot) {
    return {
      how: "each job's skopeo calls ran with a fresh HOME (its blob-info cache lives there for non-root users)",
      job: () => {
        const home = mkdtempSync(join(tmpdir(), 'bench-skopeo-home-'));
        return (args) => ({
          cmd: peer('skopeo'),
          args,
          env: { ...baseEnv, HOME: home, XDG_DATA_HOME: join(home, '.local/share') },
        });
      },
    };
  }
  return {
    how: `skopeo used the machine's blob-info cache in ${SYSTEM_CACHE} (unshare -m was not permitted): it may mount blobs seen in earlier runs`,
    job: () => (args) => ({ cmd: peer('skopeo'), args, env: baseEnv }),
  };
}

export function peerCommand(name: PeerName, args: string[], env: NodeJS.ProcessEnv): PeerCommand {
  return { cmd: peer(name), args, env };
}
