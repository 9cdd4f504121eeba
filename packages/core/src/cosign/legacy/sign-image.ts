import { BydigestError } from '../../errors.js';
import { sha256Digest } from '../../oci/digest.js';
import { digestWithPlatforms, getSubjectManifest } from '../../oci/remote/platforms.js';
import { formatReference, withDigest, withTag, type ImageReference } from '../../oci/reference.js';
import type { RegistryClient } from '../../oci/remote/registry.js';
import type { SettleOptions, SettleReport } from '../../oci/remote/settle.js';
import type { Signer } from '../../signer/signer.js';
import type { GoJsonValue } from '../../util/json/go-json.js';
import { mapLimit } from '../../util/map-limit.js';
import { appendSignatureLayers } from './append-signatures.js';
import { simpleSigningPayload } from './payload.js';
import {
  appendSignatureLayer,
  parseSigManifest,
  sigConfigBytes,
  signatureLayer,
  signatureTag,
  type SigDescriptor,
  type SignatureLayer,
} from './sig-manifest.js';

export interface SignImageOptions {
  image: ImageReference & { digest: string };
  /** docker-references to sign; one payload (and layer) per reference. */
  identities: string[];
  optional?: { readonly [key: string]: GoJsonValue } | null;
  /** Also sign each platform manifest of an index (containers/image checks those). */
  recursive?: boolean;
  /**
   * Signs the payloads once preparation is done; it may still be getting ready (scrypt) until
   * then. Several signers (a key and keyless) each add their own layer to the same `.sig`.
   */
  signer: Signer | readonly Signer[];
  /**
   * The digests to sign when the caller knows them (a manifest it pushes itself, maybe only
   * once the key is there): skips the lookup of `image`, so preparation needs no manifest yet.
   */
  targets?: string[];
  settle?: SettleOptions;
}

export interface SignedDigest {
  digest: string;
  signatureRef: string;
  signatureDigest: string;
  /** Payload digests of our layers. */
  layers: string[];
  /** True when every layer was already there (same key, same payload): nothing was written. */
  alreadySigned: boolean;
  settle: SettleReport;
}

/** The digests to sign: the image, and with `recursive` every manifest an index lists. */
export async function signingTargets(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  recursive: boolean,
): Promise<string[]> {
  const manifest = await getSubjectManifest(
    client,
    image,
    'sign a digest the registry holds: the one its push reported',
  );
  return recursive ? digestWithPlatforms(image, manifest) : [image.digest];
}

/** What can be done before the key is decoded: payloads, their blobs, and a first read. */
interface Prepared {
  image: ImageReference & { digest: string };
  payloads: Buffer[];
  early: Buffer | undefined;
}

/**
 * Signs `image` (and its platform manifests) in cosign's legacy format: a simple-signing
 * layer per identity, appended to `sha256-<hex>.sig` with read-modify-write that re-reads
 * until no other writer can still drop our layer, and checks our signatures verify there.
 * Everything that does not need the key (payload upload, first read of the `.sig`) runs
 * while the key is still being derived.
 */
export async function signImage(client: RegistryClient, opts: SignImageOptions): Promise<SignedDigest[]> {
  if (opts.identities.length === 0) throw new BydigestError('INVALID_ARGUMENT', 'no identity to sign');
  const targets = opts.targets ?? (await signingTargets(client, opts.image, opts.recursive ?? true));
  const signers = [opts.signer].flat();
  if (signers.length === 0) throw new BydigestError('INVALID_ARGUMENT', 'no signer');
  const prepared = await mapLimit(targets, 4, (digest) =>
    prepare(client, withDigest(opts.image, digest), opts, signers.length),
  );
  await Promise.all(signers.map((s) => s.ready()));
  // Every signature exists before the first write: a signer that fails on its second payload
  // (Rekor down halfway) leaves no platform signed and another not.
  const signed = await mapLimit(prepared, 4, (p) => signPayloads(p, signers));
  return mapLimit(signed, 4, (p) => writeSigned(client, p, opts));
}

async function prepare(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  opts: SignImageOptions,
  signerCount: number,
): Promise<Prepared> {
  const payloads = opts.identities.map((dockerReference) =>
    simpleSigningPayload({ dockerReference, manifestDigest: image.digest, optional: opts.optional ?? null }),
  );
  // The config lists layer digests only, so the one the write will most likely need (what is
  // there now plus our layers) goes up before the key exists, beside the payloads: on a remote
  // registry the preparation is then three round trips, not six. The config is new almost
  // always (it changes with every signature added), so it skips the existence check.
  const readAndUploadConfig = async () => {
    const early = await client.getManifestIfExists(withTag(image, signatureTag(image.digest)));
    const ourLayers = Array.from({ length: signerCount }, () =>
      payloads.map((p) => ({ digest: sha256Digest(p) })),
    ).flat();
    const layers = [...(early ? parseSigManifest(early.bytes).layers : []), ...ourLayers];
    const config = sigConfigBytes(layers as SigDescriptor[]);
    await client.uploadBlob(
      image,
      { digest: sha256Digest(config), size: config.length, open: () => config },
      { skipExistenceCheck: true },
    );
    return early;
  };
  const [early] = await Promise.all([
    readAndUploadConfig(),
    mapLimit(payloads, 4, (payload) =>
      client.uploadBlob(image, { digest: sha256Digest(payload), size: payload.length, open: () => payload }),
    ),
  ]);
  return { image, payloads, early: early?.bytes };
}

interface OurLayer {
  layer: SignatureLayer;
  /** The `.sig` already holds it: the same payload signed by the same key (cosign's duplicate detector). */
  presentIn: (manifest: Buffer | undefined) => boolean;
}

/** Each signer signs each payload: one layer per pair, signers in the order given. */
async function signPayloads(prep: Prepared, signers: readonly Signer[]): Promise<Prepared & { ours: OurLayer[] }> {
  const pairs = signers.flatMap((signer) => prep.payloads.map((payload) => ({ signer, payload })));
  const ours = await Promise.all(
    pairs.map(async ({ signer, payload }) => {
      const signed = await signer.sign(payload);
      const layer = signatureLayer(payload, signed.signature, signed.annotations);
      const presentIn = (bytes: Buffer | undefined) =>
        appendSignatureLayer(bytes, layer, { payload, publicKey: signed.material.publicKey }).status ===
        'already-present';
      return { layer, presentIn };
    }),
  );
  return { ...prep, ours };
}

async function writeSigned(
  client: RegistryClient,
  prep: Prepared & { ours: OurLayer[] },
  opts: SignImageOptions,
): Promise<SignedDigest> {
  const { image, ours } = prep;
  const tag = withTag(image, signatureTag(image.digest));
  // A short floor is safe here: a signer that wrote while we derived the key shows up as a
  // changed .sig (contended), which widens the window to the contended one.
  const appended = await appendSignatureLayers(client, tag, {
    layers: ours,
    early: prep.early,
    settle: { minQuietMs: 40, ...opts.settle },
  });
  return {
    digest: image.digest,
    signatureRef: formatReference(tag),
    signatureDigest: sha256Digest(appended.manifest),
    layers: ours.map((o) => o.layer.digest),
    alreadySigned: appended.alreadyPresent,
    settle: appended.settle,
  };
}
