/**
 * Sigstore bundles in the registry: written as OCI 1.1 referrers of the signed digest (through
 * the referrers API where the registry has one, else the `sha256-<hex>` fallback index) and read
 * back the way cosign 3 reads them.
 */
import type { KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
import { done, retryAfter, withRetry } from '../../oci/remote/http/retry.js';
import { parseManifestJson } from '../../oci/manifest.js';
import { EMPTY_CONFIG, MediaType } from '../../oci/media-types.js';
import { formatReference, withDigest, type ImageReference } from '../../oci/reference.js';
import {
  appendToFallbackIndex,
  defaultReferrersMode,
  listReferrers,
  referrerDescriptor,
  subjectDescriptor,
  type ReferrersMode,
} from '../../oci/remote/referrers.js';
import type { RegistryClient, RepoRef } from '../../oci/remote/registry.js';
import type { SettleOptions, SettleReport } from '../../oci/remote/settle.js';
import type { Descriptor, ImageManifest } from '../../oci/types.js';
import { mapLimit } from '../../util/map-limit.js';
import { buildSignBundle, bundleReferrerManifest, SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX } from './bundle.js';
import { checkSignBundle, type SignStatement } from './bundle-verify.js';
import { signingTargets } from '../legacy/sign-image.js';
import type { Signer } from '../../signer/signer.js';

/** Bundles are a few KB (more with certificate chains and log entries); this bounds a hostile one. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

export interface SignBundleOptions {
  image: ImageReference & { digest: string };
  /** Signs once the targets are known; it may still be getting ready (scrypt) until then. */
  signer: Signer;
  /** Into the statement subject's annotations, where `cosign sign -a` puts them. */
  annotations?: Record<string, string>;
  /** Also sign each platform manifest of an index. */
  recursive?: boolean;
  /** Default: `defaultReferrersMode(registry)`. */
  referrers?: ReferrersMode;
  settle?: SettleOptions;
  /** The clock for `org.opencontainers.image.created` (tests). */
  now?: () => Date;
}

export interface BundledDigest {
  /** The manifest signed. */
  digest: string;
  /** The bundle referrer manifest. */
  bundleDigest: string;
  /** `repo@bundleDigest`. */
  bundleRef: string;
  /** How verifiers find it: the registry's referrers API or the fallback index tag. */
  via: 'api' | 'tag';
  /** A bundle of this key over the same statement was already attached: nothing was written. */
  alreadySigned: boolean;
  /** The fallback index update, when there was one. */
  settle?: SettleReport;
}

/** One bundle referrer as read: its bytes, or why it could not be read. */
export interface StoredBundle {
  referrerDigest: string;
  bundleBytes?: Buffer;
  reason?: string;
}

/**
 * Signs `image` (and with `recursive` each platform manifest) with a cosign-3-style sigstore
 * bundle. A bundle already there from the same key over the same statement is reused rather
 * than piling up another on each re-run; otherwise bundle blob, empty config and manifest are
 * pushed, the fallback index updated when the registry has no referrers API, and the referrers
 * listing re-read until it holds our manifest.
 */
export async function signImageBundle(client: RegistryClient, opts: SignBundleOptions): Promise<BundledDigest[]> {
  const targets = await signingTargets(client, opts.image, opts.recursive ?? true);
  await opts.signer.ready();
  return mapLimit(targets, 4, (digest) => signOneBundle(client, withDigest(opts.image, digest), opts.signer, opts));
}

async function signOneBundle(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  signer: Signer,
  opts: SignBundleOptions,
): Promise<BundledDigest> {
  const mode = opts.referrers ?? defaultReferrersMode(image.registry);
  const annotations = opts.annotations ?? {};
  // Signed first (no request): its key tells whether a bundle of ours is already there.
  const bundle = await buildSignBundle(signer, image.digest, annotations);
  const existing = await findOwnBundle(client, image, bundle.publicKey, annotations, mode);
  if (existing)
    return {
      digest: image.digest,
      bundleDigest: existing.digest,
      bundleRef: formatReference(withDigest(image, existing.digest)),
      via: existing.via,
      alreadySigned: true,
    };

  const subject = await subjectDescriptor(client, image, image.digest);
  const self = checkSignBundle(bundle.bytes, image.digest, [bundle.publicKey], { certificateKey: true });
  if (!self.valid) throw new BydigestError('SIGNATURE', `the bundle just made does not verify: ${self.reason}`);
  const manifest = bundleReferrerManifest({
    subject,
    bundle: { digest: bundle.digest, size: bundle.bytes.length },
    created: (opts.now ?? (() => new Date()))(),
  });

  await Promise.all([
    client.uploadBlob(image, { digest: bundle.digest, size: bundle.bytes.length, open: () => bundle.bytes }),
    client.uploadBlob(image, { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, open: () => EMPTY_CONFIG.bytes }),
  ]);
  const put = await client.putManifest(withDigest(image, manifest.digest), manifest);
  const result: BundledDigest = {
    digest: image.digest,
    bundleDigest: manifest.digest,
    bundleRef: formatReference(withDigest(image, manifest.digest)),
    via: 'api',
    alreadySigned: false,
  };
  // OCI 1.1: a registry that indexed the subject says so with OCI-Subject; without it the client keeps the index.
  if (mode === 'tag' || (mode === 'auto' && put.subject !== image.digest)) {
    result.via = 'tag';
    result.settle = await appendToFallbackIndex(client, image, image.digest, referrerDescriptor(manifest), opts.settle);
  } else {
    await awaitListed(client, image, manifest.digest);
  }
  return result;
}

/**
 * Some registries index referrers asynchronously: give the listing a moment before failing. A
 * poll, but the one retry loop runs it (six looks, 100 ms doubling between them, no jitter).
 */
async function awaitListed(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  referrer: string,
): Promise<void> {
  await withRetry({ retries: 5, baseMs: 100, maxMs: 3200 }, async (n) => {
    const listing = await listReferrers(client, image, image.digest, { mode: 'api' });
    if (listing.descriptors.some((d) => d.digest === referrer)) return done(undefined);
    const notListed = new BydigestError(
      'SIGNATURE',
      `${formatReference(image)}: the referrers API does not list the bundle ${referrer} after it was pushed`,
      {
        hint: 'the registry accepted the subject but does not serve it in its referrers list; try again, or report it to the registry',
      },
    );
    return retryAfter(notListed, 100 * 2 ** n);
  });
}

async function findOwnBundle(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  publicKey: KeyObject,
  annotations: Record<string, string>,
  mode: ReferrersMode,
): Promise<{ digest: string; via: 'api' | 'tag' } | undefined> {
  const { via, bundles } = await readBundles(client, image, image.digest, mode);
  for (const b of bundles) {
    if (!b.bundleBytes) continue;
    const check = checkSignBundle(b.bundleBytes, image.digest, [publicKey]);
    if (check.valid && sameAnnotations(check.statement, image.digest, annotations))
      return { digest: b.referrerDigest, via };
  }
  return undefined;
}

function sameAnnotations(statement: SignStatement, digest: string, want: Record<string, string>): boolean {
  const subject = statement.subjects.find((s) => `sha256:${s.digest.sha256?.toLowerCase()}` === digest);
  const have = subject?.annotations ?? {};
  const keys = Object.keys(want);
  return Object.keys(have).length === keys.length && keys.every((k) => have[k] === want[k]);
}

/**
 * Candidates in a referrers listing: go-containerregistry's fallback writer (cosign 3) puts the
 * config media type (empty) where the artifactType belongs, so those are looked at too, as
 * cosign does (it tries every referrer).
 */
function maybeBundle(d: Descriptor): boolean {
  if (d.mediaType !== MediaType.OciManifest) return false;
  return (
    d.artifactType === undefined ||
    d.artifactType === MediaType.OciEmpty ||
    d.artifactType.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX)
  );
}

async function readBundles(
  client: RegistryClient,
  repo: RepoRef,
  subject: string,
  mode: ReferrersMode,
): Promise<{ via: 'api' | 'tag'; bundles: StoredBundle[] }> {
  const listing = await listReferrers(client, repo, subject, { mode });
  const read = await mapLimit(listing.descriptors.filter(maybeBundle), 4, (d) => readBundle(client, repo, d));
  return { via: listing.via, bundles: read.filter((b): b is StoredBundle => b !== undefined) };
}

/** The bundle a referrer holds; undefined when the referrer turns out not to be a bundle. */
async function readBundle(client: RegistryClient, repo: RepoRef, d: Descriptor): Promise<StoredBundle | undefined> {
  const claimed = d.artifactType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX) === true;
  const referrerDigest = d.digest;
  const m = await client.getManifestIfExists(withDigest(repo, d.digest));
  if (!m)
    return claimed ? { referrerDigest, reason: 'listed as a referrer, but the manifest does not exist' } : undefined;
  let doc: ImageManifest;
  try {
    doc = parseManifestJson(m, d.digest) as ImageManifest;
  } catch (e) {
    return claimed ? { referrerDigest, reason: (e as Error).message } : undefined;
  }
  const layers = Array.isArray(doc.layers) ? doc.layers : [];
  const isBundle =
    claimed ||
    doc.artifactType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX) === true ||
    layers.some((l) => l.mediaType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX));
  if (!isBundle) return undefined;
  // cosign's ociremote.Bundle: exactly one layer, of a bundle media type.
  const layer = layers[0];
  if (layers.length !== 1 || !layer?.mediaType?.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX)) {
    return {
      referrerDigest,
      reason: `expected exactly one layer of type ${SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX}…, found ${layers.length} layer(s)`,
    };
  }
  try {
    return { referrerDigest, bundleBytes: await client.getBlob(repo, layer.digest, MAX_BUNDLE_BYTES) };
  } catch (e) {
    if (
      e instanceof BydigestError &&
      (e.code === 'NOT_FOUND' || e.code === 'DIGEST_MISMATCH' || e.code === 'REGISTRY')
    ) {
      return { referrerDigest, reason: `bundle blob ${layer.digest}: ${e.message}` };
    }
    throw e;
  }
}

/** One bundle referrer and the verdict on it. */
export interface BundleVerdict {
  /** The referrer manifest's digest. */
  referrerDigest: string;
  /** Index into the keys given; set only when the bundle is valid. */
  keyIndex?: number;
  /** Why the bundle was rejected; absent exactly when keyIndex is set. */
  reason?: string;
  statement?: SignStatement;
}

export interface BundleVerification {
  /** Bundle referrers found (signatures, attestations and unreadable ones alike). */
  found: number;
  /** Where the listing came from. */
  via: 'api' | 'tag';
  verdicts: BundleVerdict[];
  valid: BundleVerdict[];
}

/**
 * Lists `image`'s referrers and checks every sigstore bundle among them with `keys`, as
 * `cosign verify --key … --insecure-ignore-tlog=true` does: one DSSE signature valid under one of
 * the keys, over an in-toto statement naming `image.digest`, of cosign's signature predicateType.
 * Key-based and offline; transparency-log entries are not checked.
 */
/** The sigstore bundles that refer to `image`, unjudged (for verifiers other than a key's). */
export async function readImageBundles(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  opts: { referrers?: ReferrersMode } = {},
): Promise<StoredBundle[]> {
  return (await readBundles(client, image, image.digest, opts.referrers ?? defaultReferrersMode(image.registry)))
    .bundles;
}

export async function verifyBundleSignatures(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  keys: readonly KeyObject[],
  opts: { referrers?: ReferrersMode } = {},
): Promise<BundleVerification> {
  const { via, bundles } = await readBundles(
    client,
    image,
    image.digest,
    opts.referrers ?? defaultReferrersMode(image.registry),
  );
  const verdicts = bundles.map((b): BundleVerdict => {
    if (!b.bundleBytes) return { referrerDigest: b.referrerDigest, reason: b.reason ?? 'unreadable' };
    const check = checkSignBundle(b.bundleBytes, image.digest, keys);
    const v: BundleVerdict = { referrerDigest: b.referrerDigest };
    if (check.statement) v.statement = check.statement;
    // As with legacy verdicts, keyIndex marks a valid bundle only, never a half-passed one.
    if (check.valid) v.keyIndex = check.keyIndex;
    else v.reason = check.reason;
    return v;
  });
  return { found: verdicts.length, via, verdicts, valid: verdicts.filter((v) => v.keyIndex !== undefined) };
}
