/**
 * The referrers of each digest, asking the registry how once: after the first answer (the API,
 * or the `sha256-<hex>` fallback tag when the registry has no API, as distribution 2.8) every
 * later digest goes straight there, saving a request per digest.
 */
import {
  defaultReferrersMode,
  listReferrers,
  type ReferrersListing,
  type ReferrersMode,
} from '../oci/remote/referrers.js';
import type { ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';

export type ReferrersReader = (repository: ImageReference, digest: string) => Promise<ReferrersListing>;

export function referrersReader(client: RegistryClient): ReferrersReader {
  const learned = new Map<string, ReferrersMode>();
  return async (repository, digest) => {
    const mode = learned.get(repository.registry) ?? defaultReferrersMode(repository.registry);
    const listing = await listReferrers(client, repository, digest, { mode });
    learned.set(repository.registry, listing.via);
    return listing;
  };
}
