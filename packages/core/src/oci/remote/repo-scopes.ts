import type { Scope } from './http/transport.js';
import { formatReference, type ImageReference } from '../reference.js';

type RepoRef = Pick<ImageReference, 'registry' | 'repository'>;

export const pull = (r: RepoRef): Scope[] => [{ repository: r.repository, actions: ['pull'] }];
export const push = (r: RepoRef): Scope[] => [{ repository: r.repository, actions: ['pull', 'push'] }];

/**
 * registry/repository of a RepoRef, also when it is a full reference (a digest or tag would read twice in messages).
 */
export function repoName(repo: RepoRef): string {
  return formatReference({ registry: repo.registry, repository: repo.repository });
}
