import { BydigestError } from '../../errors.js';
import { sha256Digest } from '../../oci/digest.js';
import { MediaType } from '../../oci/media-types.js';
import { formatReference, type ImageReference } from '../../oci/reference.js';
import type { RegistryClient } from '../../oci/remote/registry.js';
import { appendUntilSettled, type SettleOptions, type SettleReport } from '../../oci/remote/settle.js';
import { SIGNATURE_ANNOTATION } from '../constants.js';
import {
  buildSigManifest,
  extrasOf,
  parseSigManifest,
  plainDescriptor,
  sigConfigBytes,
  type SigDescriptor,
} from './sig-manifest.js';

/** A layer the `.sig` must hold, and how to tell that one already there counts as it. */
export interface WantedLayer {
  layer: SigDescriptor;
  /** True when the manifest (undefined: the tag does not exist) already holds this layer or its equivalent. */
  presentIn: (manifest: Buffer | undefined) => boolean;
}

export interface AppendSignaturesOptions {
  layers: WantedLayer[];
  /** What the caller read before (while a key was derived): a change since means another writer. */
  early?: Buffer | undefined;
  /** Bytes to write as they are when the tag holds nothing yet (a copy keeps the source's manifest). */
  verbatimIfEmpty?: Buffer;
  settle?: SettleOptions;
}

export interface AppendedSignatures {
  settle: SettleReport;
  /** The `.sig` manifest as last read or written. */
  manifest: Buffer;
  /** Every wanted layer was there at the first read, and nothing was written. */
  alreadyPresent: boolean;
}

/** The same layer: payload digest and signature (a copy carries both unchanged). */
export const sameLayer = (a: SigDescriptor, b: SigDescriptor) =>
  a.digest === b.digest && a.annotations?.[SIGNATURE_ANNOTATION] === b.annotations?.[SIGNATURE_ANNOTATION];

/** A WantedLayer matched by sameLayer, for layers copied as they are. */
export function exactLayer(layer: SigDescriptor): WantedLayer {
  return { layer, presentIn: (m) => (m ? parseSigManifest(m).layers.some((l) => sameLayer(l, layer)) : false) };
}

/**
 * Appends layers to the `sha256-<hex>.sig` tag by read-modify-write, the way sign-digest and
 * promotion both need it: every layer seen at the first read is kept (put back if a racing
 * writer dropped it), ours are added unless already present, the config blob goes up with each
 * merge, and the tag is re-read until no other writer can still drop our layers.
 */
export async function appendSignatureLayers(
  client: RegistryClient,
  tag: ImageReference & { tag: string },
  opts: AppendSignaturesOptions,
): Promise<AppendedSignatures> {
  let firstSeen: SigDescriptor[] | undefined;
  let initiallyPresent: boolean | undefined;
  let contended = false;
  let last: Buffer | undefined;
  const fingerprint = (bytes: Buffer | undefined) => (bytes ? sha256Digest(bytes) : 'none');
  const oursPresent = (bytes: Buffer | undefined) => opts.layers.every((w) => w.presentIn(bytes));

  const settle = await appendUntilSettled<Buffer | undefined>(
    {
      what: `signature manifest ${formatReference(tag)}`,
      read: async () => {
        const m = await client.getManifestIfExists(tag);
        last = m?.bytes;
        if (firstSeen === undefined) {
          // The .sig changed since the caller's early read: another signer is at work.
          contended = 'early' in opts && fingerprint(m?.bytes) !== fingerprint(opts.early);
          firstSeen = m ? parseSigManifest(m.bytes).layers : [];
          initiallyPresent = oursPresent(m?.bytes);
        }
        return m?.bytes;
      },
      satisfied: (bytes) => {
        if (!oursPresent(bytes)) return false;
        const layers = bytes ? parseSigManifest(bytes).layers : [];
        return (firstSeen ?? []).every((d) => layers.some((l) => sameLayer(l, d)));
      },
      merge: async (bytes) => {
        if (!bytes && (firstSeen ?? []).length === 0 && opts.verbatimIfEmpty) return opts.verbatimIfEmpty;
        const parsed = bytes
          ? parseSigManifest(bytes)
          : opts.verbatimIfEmpty
            ? parseSigManifest(opts.verbatimIfEmpty)
            : undefined;
        const layers = bytes && parsed ? parsed.layers.map(plainDescriptor) : [];
        for (const d of firstSeen ?? []) if (!layers.some((l) => sameLayer(l, d))) layers.push(plainDescriptor(d));
        const extra = extrasOf(parsed);
        for (const w of opts.layers) {
          if (layers.length === 0 || !w.presentIn(buildSigManifest(layers, extra).manifestBytes)) layers.push(w.layer);
        }
        const manifest = buildSigManifest(layers, extra).manifestBytes;
        // The config blob goes up here, not in write: the PUT must follow the read closely.
        const config = sigConfigBytes(parseSigManifest(manifest).layers);
        await client.uploadBlob(tag, { digest: sha256Digest(config), size: config.length, open: () => config });
        return manifest;
      },
      write: async (bytes) => {
        await client.putManifest(tag, { bytes: bytes as Buffer, mediaType: MediaType.OciManifest }, { retry: false });
        last = bytes;
      },
      fingerprint,
      contended: () => contended,
    },
    opts.settle,
  );
  if (!last) throw new BydigestError('SIGNATURE', `${formatReference(tag)} vanished after writing to it`);
  return { settle, manifest: last, alreadyPresent: initiallyPresent === true && settle.writes === 0 };
}
