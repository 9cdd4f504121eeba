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
  // While the first question to a registry is in flight the others wait for its answer, rather
  // than each asking the API (16 digests are judged at once); if it fails, the next one asks.
  const asking = new Map<string, Promise<unknown>>();
  return async (repository, digest) => {
    const registry = repository.registry;
    for (let first = asking.get(registry); !learned.has(registry) && first; first = asking.get(registry))
      await first.catch(() => undefined);
    const mode = learned.get(registry) ?? defaultReferrersMode(registry);
    const listing = listReferrers(client, repository, digest, { mode });
    if (!learned.has(registry)) {
      asking.set(registry, listing);
      const done = () => asking.delete(registry);
      listing.then(done, done);
    }
    const result = await listing;
    learned.set(registry, result.via);
    return result;
  };
}
