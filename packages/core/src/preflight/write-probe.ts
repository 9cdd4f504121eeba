/**
 * Can these credentials push to the repository? Asked with a request that needs push and that no
 * registry can accept: a PUT of a body that is not a manifest, under a digest it does not have
 * (sha256:000…0). Authorization comes first (a token without push gets 401/403); then the
 * registry refuses the body (400 MANIFEST_INVALID or DIGEST_INVALID) before storing anything,
 * and even a registry that stored it could not tag it: the reference is a digest.
 *
 * The alternatives leave traces or prove nothing. A HEAD or a token request needs pull only,
 * and token services such as ghcr.io hand out a token for the allowed subset of the asked scope
 * rather than refusing. A blob upload session started and cancelled (POST, then DELETE on its
 * Location) is refused and accepted like a push, but distribution 2.8 keeps the cancelled
 * session's hash state on disk (repositories/<repo>/_uploads/<id>/hashstates) until its
 * purger runs, a week later. A cross-repository mount links a blob into the repository when it
 * succeeds.
 */
import { BydigestError } from '../errors.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { push, repoName } from '../oci/remote/repo-scopes.js';
import type { RepoRef } from '../oci/reference.js';
import { unauthorizedIn } from './unauthorized.js';

export type WriteProbe = { writable: true } | { writable: false; status: number | undefined; message: string };

const NO_SUCH_DIGEST = `sha256:${'0'.repeat(64)}`;
const NOT_A_MANIFEST = Buffer.from('bydigest preflight: a write check, not a manifest\n');

export async function probeWriteAccess(client: RegistryClient, repo: RepoRef): Promise<WriteProbe> {
  const where = repoName(repo);
  try {
    const res = await client.transport(repo.registry).request({
      method: 'PUT',
      path: `/v2/${repo.repository}/manifests/${NO_SUCH_DIGEST}`,
      headers: {
        'content-type': 'application/vnd.oci.image.manifest.v1+json',
        'content-length': String(NOT_A_MANIFEST.length),
      },
      body: () => NOT_A_MANIFEST,
      scopes: push(repo),
      operation: 'write check (a PUT every registry refuses)',
      reference: where,
      accept: (s) => s === 400 || (s >= 200 && s < 300),
    });
    await res.body.dump();
    if (res.status !== 400) {
      // No registry should take it; if one did, it is removed at once and the check still holds.
      await client.deleteManifest({ ...repo, digest: NO_SUCH_DIGEST }).catch(() => undefined);
    }
    return { writable: true };
  } catch (e) {
    const denied = unauthorizedIn(e);
    if (denied) return { writable: false, status: denied.status, message: denied.message };
    // 404 NAME_UNKNOWN: a registry that creates no repository on push (a Harbor project missing).
    if (e instanceof BydigestError && e.code !== 'NETWORK' && (e.status === 404 || e.status === 405))
      return { writable: false, status: e.status, message: e.message };
    throw e;
  }
}
