import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import { run, type RunOptions, type RunResult } from './run.js';

export type PeerName = 'skopeo' | 'crane' | 'oras-1.2' | 'oras-1.3' | 'cosign-2.5' | 'cosign-3.1' | 'ntfy';

/** Same override as scripts/install-test-peers.sh, so both agree on where the peers live. */
function peersBinDir(): string {
  const cache = process.env.BYDIGEST_PEERS_DIR ?? join(repoRoot, '.cache', 'peers');
  return join(cache, 'bin');
}

/** The wrapper of a real peer. Missing peers are an error, never a skip: CI must judge by them. */
export function peer(name: PeerName): string {
  const path = join(peersBinDir(), name);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`peer ${name} not found at ${path}: run scripts/install-test-peers.sh`);
  }
  return path;
}

export interface PeerRunOptions {
  /** Added to (and overriding) the inherited environment. */
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  timeoutMs?: number;
  cwd?: string;
}

export function runPeer(name: PeerName, args: readonly string[], opts: PeerRunOptions = {}): Promise<RunResult> {
  const runOpts: RunOptions = { env: { ...process.env, ...opts.env }, timeoutMs: opts.timeoutMs ?? 60_000 };
  if (opts.input !== undefined) runOpts.input = opts.input;
  if (opts.cwd !== undefined) runOpts.cwd = opts.cwd;
  return run(peer(name), args, runOpts);
}

/**
 * runPeer that throws unless the peer exited 0; the error carries its stdout/stderr and, when
 * given, extra context such as the registry's logs, so a failing interop test explains itself.
 */
export async function runPeerOk(
  name: PeerName,
  args: readonly string[],
  opts: PeerRunOptions & { context?: () => string } = {},
): Promise<RunResult> {
  const r = await runPeer(name, args, opts);
  if (r.code !== 0) {
    const why = r.timedOut ? 'timed out' : `exited ${r.code ?? r.signal}`;
    const extra = opts.context === undefined ? '' : `\n--- context ---\n${opts.context()}`;
    throw new Error(
      `${name} ${args.join(' ')} ${why}\n--- stderr ---\n${r.stderr}\n--- stdout ---\n${r.stdout}${extra}`,
    );
  }
  return r;
}
