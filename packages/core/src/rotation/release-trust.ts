/**
 * What a host running a release trusts: the policy.json, registries.d and key files taken out
 * of that release's layers (check-host-trust's reader), each distinct digest read once.
 */
import type { KeyObject } from 'node:crypto';
import { publicKeyId } from '../cosign/keys/public-key.js';
import { formatReference, withDigest, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { requirementsForImage } from '../policy/scope.js';
import type { RegistriesConfig } from '../policy/registries-d.js';
import type { Policy } from '../policy/types.js';
import { catalogFound, packageDbRequest } from '../pkgdb/catalog.js';
import {
  openTrustSource,
  readHostConfig,
  readImageFiles,
  type AlsoFind,
  type ImageFile,
} from '../trust/image-files.js';
import { loadersWithoutKeyPaths, type OldPolicyLoader } from './policy-loaders.js';
import { resolveKeys } from '../trust/key-check.js';
import { keyReferences } from '../trust/key-references.js';
import { loadHostConfig } from '../trust/load-check.js';

export interface ReleaseTrust {
  digest: string;
  /** The platform manifest the trust files were read from. */
  platformDigest?: string;
  policy?: Policy;
  /** policy.json as the image holds it. */
  policyBytes?: Buffer;
  registries?: RegistriesConfig;
  /** The registries.d/*.yaml files as the image holds them. */
  registriesD: ImageFile[];
  files: ReadonlyMap<string, ImageFile>;
  /** Why a host running this release refuses every pull (its policy does not load), if it does. */
  problem?: string;
  /** sha256 of each public key the scope of `pullRef` trusts (keyPath, keyPaths, keyData, keyDatas). */
  trustedKeyIds: Set<string>;
  /** Whether that scope names its keys with keyPaths (containers/image ≥ 5.33 only). */
  usesKeyPaths: boolean;
  /**
   * When asked for: the release's own podman/skopeo/buildah that predate keyPaths ([] when none),
   * or why its package database could not tell.
   */
  oldLoaders?: OldPolicyLoader[] | { unknown: string };
}

/** The keys of `keys` a release trusts. */
export function trustedAmong(trust: ReleaseTrust, keys: readonly KeyObject[]): KeyObject[] {
  return keys.filter((k) => trust.trustedKeyIds.has(publicKeyId(k)));
}

export async function readReleaseTrust(
  client: RegistryClient,
  repo: ImageReference,
  digest: string,
  pullRef: ImageReference,
  platform: string,
  opts: { loaders?: boolean } = {},
): Promise<ReleaseTrust> {
  const src = await openTrustSource(`docker://${formatReference(withDigest(repo, digest))}`, { client, platform });
  try {
    let oldLoaders: ReleaseTrust['oldLoaders'];
    // The package database comes from the same walk: it reads every layer for registries.d anyway.
    const packages: AlsoFind | undefined = opts.loaders
      ? {
          request: packageDbRequest(),
          read: async (found) => {
            const catalog = await catalogFound(found, { inPlace: false }).catch((e: Error) => e);
            if (catalog instanceof Error) oldLoaders = { unknown: catalog.message };
            else if (!catalog.db) oldLoaders = { unknown: 'no package database in the image' };
            else oldLoaders = loadersWithoutKeyPaths(catalog.packages);
          },
        }
      : undefined;
    const config = await readHostConfig(src, packages).catch((e: Error) => e);
    const base = {
      digest,
      ...(src.digest ? { platformDigest: src.digest } : {}),
      files: new Map<string, ImageFile>(),
      registriesD: [] as ImageFile[],
      trustedKeyIds: new Set<string>(),
      usesKeyPaths: false,
      ...(oldLoaders ? { oldLoaders } : {}),
    };
    if (config instanceof Error) return { ...base, problem: config.message };
    const loaded = loadHostConfig(config);
    if (!loaded.policy || !loaded.registries) {
      return {
        ...base,
        problem:
          loaded.verdict.findings.map((f) => `${f.file}: ${f.message}`).join('; ') ||
          'policy.json or registries.d does not load',
      };
    }
    const refs = keyReferences(loaded.policy);
    const files = await readImageFiles(
      src,
      refs.flatMap((r) => (r.path !== undefined ? [r.path] : [])),
      config.etc,
      config.keyDirFiles,
    );
    const scope = requirementsForImage(loaded.policy, pullRef).label;
    const inScope = resolveKeys(refs, files).filter((k) => k.ref.scope === scope && k.ref.role === 'public-key');
    return {
      ...base,
      policy: loaded.policy,
      policyBytes: config.policy.bytes,
      registries: loaded.registries,
      registriesD: config.registriesD,
      files,
      trustedKeyIds: new Set(inScope.flatMap((k) => k.fingerprints)),
      usesKeyPaths: inScope.some((k) => /\.keyPaths\[\d+\]$/.test(k.ref.field)),
    };
  } finally {
    await src.close();
  }
}
