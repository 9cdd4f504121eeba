/**
 * Can a host pull the repository without credentials? bootc and rpm-ostree hosts pull with none
 * unless an admin adds /etc/ostree/auth.json, and ghcr.io creates every new package private.
 * Asked with a client that has no credentials at all (no auth files either): list the tags.
 */
import { RegistryClient } from '../oci/remote/registry.js';
import type { RepoRef } from '../oci/reference.js';
import { unauthorizedIn } from './unauthorized.js';

export type AnonymousPull = 'public' | 'private' | 'absent';

/** A client with no credentials at all: not the inputs', not an auth file's. */
export function anonymousClient(opts: { insecure?: boolean; timeoutMs?: number } = {}): RegistryClient {
  return new RegistryClient({
    credentials: () => Promise.resolve(undefined),
    retries: 0,
    ...(opts.insecure !== undefined ? { insecure: opts.insecure } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
}

/** Closes `anonymous` when done. */
export async function anonymousPull(repo: RepoRef, anonymous: RegistryClient): Promise<AnonymousPull> {
  try {
    const res = await anonymous.transport(repo.registry).request({
      method: 'GET',
      path: `/v2/${repo.repository}/tags/list?n=1`,
      scopes: [{ repository: repo.repository, actions: ['pull'] }],
      operation: 'list tags anonymously',
      reference: `${repo.registry}/${repo.repository}`,
      accept: (s) => s === 200 || s === 404,
      retry: false,
    });
    await res.body.dump();
    return res.status === 200 ? 'public' : 'absent';
  } catch (e) {
    if (unauthorizedIn(e)) return 'private';
    throw e;
  } finally {
    await anonymous.close();
  }
}
