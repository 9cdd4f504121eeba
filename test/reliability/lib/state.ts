import {
  BydigestError,
  listReferrers,
  parseManifestJson,
  parseSigManifest,
  referencedBlobs,
  signatureTag,
  SIGNATURE_ANNOTATION,
  withDigest,
  withTag,
  type Descriptor,
  type RegistryClient,
  type RepoRef,
} from '@bydigest/core';
import { runPeer } from '../../harness/peers.js';
import type { RunningRegistry } from '../../harness/registry.js';

// Reads of the registry's state for the invariants, made directly (not through the proxy).

export async function tagDigest(client: RegistryClient, repo: RepoRef, tag: string): Promise<string | undefined> {
  return (await client.headManifest(withTag(repo, tag)))?.digest;
}

export interface SigState {
  /** Digest of the .sig manifest, or undefined when there is none. */
  manifestDigest: string | undefined;
  /** One key per layer: payload digest + signature annotation. */
  layers: string[];
}

export const layerKey = (d: { digest: string; annotations?: Record<string, string> }) =>
  `${d.digest} ${d.annotations?.[SIGNATURE_ANNOTATION] ?? ''}`;

export async function sigState(client: RegistryClient, repo: RepoRef, digest: string): Promise<SigState> {
  const m = await client.getManifestIfExists(withTag(repo, signatureTag(digest)));
  if (!m) return { manifestDigest: undefined, layers: [] };
  return { manifestDigest: m.digest, layers: parseSigManifest(m.bytes).layers.map(layerKey) };
}

export async function referrerEntries(client: RegistryClient, repo: RepoRef, digest: string): Promise<Descriptor[]> {
  return (await listReferrers(client, repo, digest, { mode: 'tag' })).descriptors;
}

/** Entries of `before` (by key) missing from `after`. */
export function missing(before: string[], after: string[]): string[] {
  const have = new Set(after);
  return before.filter((k) => !have.has(k));
}

/**
 * Problems with a manifest as a puller would meet them: it must exist, and every blob and child
 * manifest it names must be readable with the right digest. Empty when all is well.
 */
export async function unreadable(client: RegistryClient, repo: RepoRef, digest: string, depth = 0): Promise<string[]> {
  const where = `${repo.repository}@${digest.slice(0, 19)}`;
  let m;
  try {
    m = await client.getManifestIfExists(withDigest(repo, digest));
  } catch (e) {
    return [`${where}: ${(e as Error).message}`];
  }
  if (!m) return [`${where}: manifest missing`];
  const refs = referencedBlobs(parseManifestJson(m, where), m.mediaType);
  const out: string[] = [];
  for (const child of refs.manifests) {
    if (depth > 1) return [`${where}: nested too deep`];
    out.push(...(await unreadable(client, repo, child.digest, depth + 1)));
  }
  for (const b of refs.blobs) {
    try {
      const bytes = await client.getBlob(repo, b.digest, 64 * 1024 * 1024);
      if (bytes.length !== b.size)
        out.push(`${where}: blob ${b.digest.slice(0, 19)} has ${bytes.length} bytes, descriptor says ${b.size}`);
    } catch (e) {
      out.push(`${where}: blob ${b.digest.slice(0, 19)}: ${e instanceof BydigestError ? e.message : String(e)}`);
    }
  }
  return out;
}

// Peers, run against the registry directly (never through a faulty proxy).

export async function cosignVerifies(
  version: '2.5' | '3.1',
  reg: RunningRegistry,
  pubFile: string,
  ref: string,
): Promise<{ ok: boolean; detail: string }> {
  const args = ['verify', '--key', pubFile, '--insecure-ignore-tlog=true', '--allow-http-registry', ref];
  const r = await runPeer(`cosign-${version}`, args, { env: reg.clientEnv, timeoutMs: 60_000 });
  return {
    ok: r.code === 0,
    detail: r.code === 0 ? '' : `cosign ${version}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`,
  };
}

/** oras 1.2 prints {manifests:[…]}, oras 1.3 {referrers:[…]}. */
export async function orasDiscover(
  version: '1.2' | '1.3',
  reg: RunningRegistry,
  ref: string,
): Promise<{ ok: boolean; digests: string[]; detail: string }> {
  const r = await runPeer(`oras-${version}`, ['discover', '--plain-http', '--format', 'json', ref], {
    env: reg.clientEnv,
    timeoutMs: 60_000,
  });
  if (r.code !== 0) return { ok: false, digests: [], detail: `oras ${version}: ${r.stderr.trim()}` };
  const doc = JSON.parse(r.stdout) as { manifests?: { digest: string }[]; referrers?: { digest: string }[] };
  return { ok: true, digests: (doc.manifests ?? doc.referrers ?? []).map((d) => d.digest), detail: '' };
}

export async function craneValidate(reg: RunningRegistry, ref: string): Promise<{ ok: boolean; detail: string }> {
  const r = await runPeer('crane', ['validate', '--insecure', '--remote', ref], {
    env: reg.clientEnv,
    timeoutMs: 60_000,
  });
  return { ok: r.code === 0, detail: r.code === 0 ? '' : `crane validate ${ref}: ${(r.stderr || r.stdout).trim()}` };
}

export async function craneDigest(reg: RunningRegistry, ref: string): Promise<string> {
  const r = await runPeer('crane', ['digest', '--insecure', ref], { env: reg.clientEnv, timeoutMs: 60_000 });
  return r.code === 0 ? r.stdout.trim() : `error: ${r.stderr.trim()}`;
}
