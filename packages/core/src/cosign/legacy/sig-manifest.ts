/**
 * The legacy cosign signature store: the tag `sha256-<hex>.sig` holds an OCI image manifest with one
 * simple-signing layer per signature. Pure functions: the caller moves the bytes.
 * Output is byte-for-byte what cosign (go-containerregistry) writes for the same layers.
 */
import type { KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
import { sha256Digest } from '../../oci/digest.js';
import {
  DOCKER_MANIFEST_MEDIA_TYPE,
  OCI_CONFIG_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
} from '../constants.js';
import { goString, goStruct, goValue } from '../../util/json/go-json.js';
import { verifyPayload } from '../keys/signature.js';

/**
 * The descriptor fields go-containerregistry keeps when cosign rewrites a .sig manifest; others
 * (data, platform), which signature layers never carry, are dropped as cosign drops unknown ones.
 */
export interface SigDescriptor {
  mediaType: string;
  size: number;
  digest: string;
  urls?: string[];
  annotations?: Record<string, string>;
  artifactType?: string;
}

export interface SignatureLayer extends SigDescriptor {
  annotations: Record<string, string>;
}

/** The manifest-level fields besides its layers that a rewrite of a .sig manifest carries over. */
export interface SigManifestExtras {
  annotations?: Record<string, string>;
  subject?: SigDescriptor;
}

export interface SigManifestParts {
  manifestBytes: Buffer;
  configBytes: Buffer;
  config: SigDescriptor;
}

const SHA256 = /^sha256:[a-f0-9]{64}$/;
const CREATED = '0001-01-01T00:00:00Z';

/** The tag cosign and containers/image look up for an image's legacy signatures. */
export function signatureTag(manifestDigest: string): string {
  if (!SHA256.test(manifestDigest)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `a signature tag needs a manifest digest sha256:<64 lower-case hex>, got ${JSON.stringify(manifestDigest)}`,
    );
  }
  return `sha256-${manifestDigest.slice('sha256:'.length)}.sig`;
}

/** A layer carrying `payload` and its base64 signature, plus optional cosign annotations (bundle, certificate…). */
export function signatureLayer(
  payload: Uint8Array,
  signatureBase64: string,
  extraAnnotations: Record<string, string> = {},
): SignatureLayer {
  return {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    size: payload.length,
    digest: sha256Digest(payload),
    annotations: { ...extraAnnotations, [SIGNATURE_ANNOTATION]: signatureBase64 },
  };
}

/**
 * The config blob cosign writes: empty image fields, one history entry and one diff_id per layer
 * (the layers are uncompressed, so a diff_id is the layer digest). Neither cosign nor containers/image reads it.
 */
export function sigConfigBytes(layers: readonly SigDescriptor[]): Buffer {
  if (layers.length === 0) throw new BydigestError('INVALID_ARGUMENT', 'a signature manifest needs at least one layer');
  const history = layers.map(() => goStruct([['created', goString(CREATED)]]));
  const diffIds = layers.map((l) => goString(l.digest));
  return Buffer.from(
    goStruct([
      ['architecture', goString('')],
      ['created', goString(CREATED)],
      ['history', `[${history.join(',')}]`],
      ['os', goString('')],
      [
        'rootfs',
        goStruct([
          ['type', goString('layers')],
          ['diff_ids', `[${diffIds.join(',')}]`],
        ]),
      ],
      ['config', '{}'],
    ]),
  );
}

/** A complete .sig manifest (and its config) for these layers, in order. */
export function buildSigManifest(layers: readonly SigDescriptor[], extra: SigManifestExtras = {}): SigManifestParts {
  const configBytes = sigConfigBytes(layers);
  const config: SigDescriptor = {
    mediaType: OCI_CONFIG_MEDIA_TYPE,
    size: configBytes.length,
    digest: sha256Digest(configBytes),
  };
  const manifestBytes = Buffer.from(
    goStruct([
      ['schemaVersion', '2'],
      ['mediaType', goString(OCI_MANIFEST_MEDIA_TYPE)],
      ['config', encodeDescriptor(config)],
      ['layers', `[${layers.map(encodeDescriptor).join(',')}]`],
      ['annotations', nonEmptyMap(extra.annotations)],
      ['subject', extra.subject ? encodeDescriptor(extra.subject) : undefined],
    ]),
  );
  return { manifestBytes, configBytes, config };
}

function encodeDescriptor(d: SigDescriptor): string {
  return goStruct([
    ['mediaType', goString(d.mediaType)],
    ['size', String(d.size)],
    ['digest', goString(d.digest)],
    ['urls', d.urls && d.urls.length > 0 ? goValue(d.urls) : undefined],
    ['annotations', nonEmptyMap(d.annotations)],
    ['artifactType', d.artifactType ? goString(d.artifactType) : undefined],
  ]);
}

function nonEmptyMap(m: Record<string, string> | undefined): string | undefined {
  return m && Object.keys(m).length > 0 ? goValue(m) : undefined;
}

export interface SigManifestLayer extends SigDescriptor {
  annotations: Record<string, string>;
  /** The base64 signature annotation, when the layer has one. */
  signature: string | undefined;
  /** Whether the layer is a simple-signing payload (other attachments may share the manifest). */
  isSimpleSigning: boolean;
}

export interface ParsedSigManifest {
  /** As declared; containers/image only reads a .sig whose media type is the OCI manifest one. */
  mediaType: string | undefined;
  config: SigDescriptor;
  layers: SigManifestLayer[];
  annotations?: Record<string, string>;
  subject?: SigDescriptor;
}

/** Reads a .sig manifest as fetched from the registry, validating the parts a verifier relies on. */
export function parseSigManifest(bytes: Uint8Array): ParsedSigManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw malformed(`not JSON (${(e as Error).message})`);
  }
  if (!isRecord(doc)) throw malformed('not a JSON object');
  if (doc.schemaVersion !== 2) throw malformed(`schemaVersion is ${JSON.stringify(doc.schemaVersion)}, expected 2`);
  const mediaType = doc.mediaType;
  if (mediaType !== undefined && typeof mediaType !== 'string') throw malformed('mediaType is not a string');
  if (mediaType !== undefined && mediaType !== OCI_MANIFEST_MEDIA_TYPE && mediaType !== DOCKER_MANIFEST_MEDIA_TYPE) {
    throw malformed(`it is a ${mediaType}, not an image manifest`);
  }
  if (!Array.isArray(doc.layers)) throw malformed('"layers" is missing or not an array');
  const layers = doc.layers.map((l: unknown, i: number) => {
    const d = parseDescriptor(l, `layers[${i}]`);
    const annotations = d.annotations ?? {};
    return {
      ...d,
      annotations,
      signature: annotations[SIGNATURE_ANNOTATION],
      isSimpleSigning: d.mediaType === SIMPLE_SIGNING_MEDIA_TYPE,
    };
  });
  const parsed: ParsedSigManifest = { mediaType, config: parseDescriptor(doc.config, 'config'), layers };
  if (doc.annotations !== undefined) parsed.annotations = parseAnnotations(doc.annotations, 'annotations');
  if (doc.subject !== undefined) parsed.subject = parseDescriptor(doc.subject, 'subject');
  return parsed;
}

function parseDescriptor(value: unknown, where: string): SigDescriptor {
  if (!isRecord(value)) throw malformed(`${where} is not an object`);
  const { mediaType, size, digest, urls, annotations, artifactType } = value;
  if (typeof mediaType !== 'string') throw malformed(`${where}.mediaType is missing or not a string`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw malformed(`${where}.size is not a non-negative integer`);
  if (typeof digest !== 'string' || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) {
    throw malformed(`${where}.digest ${JSON.stringify(digest)} is not a digest`);
  }
  const d: SigDescriptor = { mediaType, size, digest };
  if (urls !== undefined) {
    if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string'))
      throw malformed(`${where}.urls is not a list of strings`);
    d.urls = urls as string[];
  }
  if (annotations !== undefined) d.annotations = parseAnnotations(annotations, `${where}.annotations`);
  if (artifactType !== undefined) {
    if (typeof artifactType !== 'string') throw malformed(`${where}.artifactType is not a string`);
    d.artifactType = artifactType;
  }
  return d;
}

function parseAnnotations(value: unknown, where: string): Record<string, string> {
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string'))
    throw malformed(`${where} is not a map of strings`);
  return { ...(value as Record<string, string>) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function malformed(reason: string): BydigestError {
  return new BydigestError('SIGNATURE', `the signature manifest is malformed: ${reason}`, {
    hint: 'Something other than cosign wrote the .sig tag; delete the tag and sign again.',
  });
}

export interface DuplicateCheck {
  /** The payload the new layer carries (its digest must be the layer's). */
  payload: Uint8Array;
  /** The key that made the new signature. */
  publicKey: KeyObject;
}

export type AppendResult =
  | ({ status: 'appended'; layers: SigDescriptor[] } & SigManifestParts)
  | { status: 'already-present'; layerIndex: number };

/**
 * Appends `layer` to the existing .sig manifest (undefined when the tag does not exist yet), as
 * cosign does — unless, like cosign's duplicate detector, an existing layer has the same payload
 * digest and media type, the same non-signature annotations, and a signature valid for the same key.
 * A Docker v2 .sig (cosign 1.x) is rewritten as OCI, the only kind containers/image reads.
 */
export function appendSignatureLayer(
  existing: Uint8Array | undefined,
  layer: SignatureLayer,
  check: DuplicateCheck,
): AppendResult {
  if (sha256Digest(check.payload) !== layer.digest || check.payload.length !== layer.size) {
    throw new BydigestError('INVALID_ARGUMENT', `the payload given does not match the new layer ${layer.digest}`);
  }
  const parsed = existing === undefined ? undefined : parseSigManifest(existing);
  const current: SigDescriptor[] = parsed?.layers.map(plainDescriptor) ?? [];
  const index = parsed?.layers.findIndex((old) => isDuplicate(old, layer, check)) ?? -1;
  if (index >= 0) return { status: 'already-present', layerIndex: index };
  const layers = [...current, plainDescriptor(layer)];
  return { status: 'appended', layers, ...buildSigManifest(layers, extrasOf(parsed)) };
}

/** The annotations and subject of `parsed` (none when there is no manifest yet), for its rewrite. */
export function extrasOf(parsed: ParsedSigManifest | undefined): SigManifestExtras {
  const extra: SigManifestExtras = {};
  if (parsed?.annotations) extra.annotations = parsed.annotations;
  if (parsed?.subject) extra.subject = parsed.subject;
  return extra;
}

function isDuplicate(old: SigManifestLayer, layer: SignatureLayer, check: DuplicateCheck): boolean {
  if (old.digest !== layer.digest || old.mediaType !== layer.mediaType || old.signature === undefined) return false;
  for (const [key, value] of Object.entries(layer.annotations)) {
    if (key !== SIGNATURE_ANNOTATION && old.annotations[key] !== value) return false;
  }
  return verifyPayload(check.publicKey, check.payload, old.signature);
}

/** `d` without what a parsed layer adds (signature, isSimpleSigning), ready to be written again. */
export function plainDescriptor(d: SigDescriptor): SigDescriptor {
  const out: SigDescriptor = { mediaType: d.mediaType, size: d.size, digest: d.digest };
  if (d.urls) out.urls = d.urls;
  if (d.annotations) out.annotations = d.annotations;
  if (d.artifactType) out.artifactType = d.artifactType;
  return out;
}
