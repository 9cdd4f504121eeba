/**
 * The simple-signing payload cosign signs for the legacy `.sig` format, and the strict reading of
 * it that containers/image (podman, skopeo, bootc) applies before it trusts a signature.
 */
import { BydigestError } from '../../errors.js';
import { paranoidJsonReader } from '../../util/json/paranoid-json.js';
import { parseJsonTree, toPlain, type JsonNode } from '../../util/json/strict-json.js';
import { SIGNATURE_TYPE } from '../constants.js';
import { goDigestError } from './go-digest.js';
import { goString, goStruct, goValue, type GoJsonValue } from '../../util/json/go-json.js';

export interface SimpleSigningPayloadInput {
  /** What cosign writes is the repository alone, e.g. "ghcr.io/owner/image". */
  dockerReference: string;
  manifestDigest: string;
  /** Annotations; null or absent writes `"optional":null`, as cosign does without `-a`. */
  optional?: { readonly [key: string]: GoJsonValue } | null;
}

/** The payload bytes exactly as cosign writes them: compact, Go field order, no trailing newline. */
export function simpleSigningPayload(input: SimpleSigningPayloadInput): Buffer {
  if (!input.dockerReference) {
    throw new BydigestError('INVALID_ARGUMENT', 'the docker-reference of a signature payload is empty', {
      hint: 'Pass the image repository, e.g. ghcr.io/owner/image.',
    });
  }
  if (!/^sha256:[a-f0-9]{64}$/.test(input.manifestDigest)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `the manifest digest to sign must be sha256:<64 lower-case hex>, got ${JSON.stringify(input.manifestDigest)}`,
      {
        hint: 'Sign by digest: take the digest from capture-digest or from the registry.',
      },
    );
  }
  const optional = input.optional ?? null;
  if (optional !== null) checkOptional(optional);
  const critical = goStruct([
    ['identity', goStruct([['docker-reference', goString(input.dockerReference)]])],
    ['image', goStruct([['docker-manifest-digest', goString(input.manifestDigest)]])],
    ['type', goString(SIGNATURE_TYPE)],
  ]);
  return Buffer.from(
    goStruct([
      ['critical', critical],
      ['optional', goValue(optional)],
    ]),
  );
}

/** Refuse annotations containers/image would reject, so we never sign a payload it cannot read. */
function checkOptional(optional: { readonly [key: string]: GoJsonValue }): void {
  const { creator, timestamp } = optional;
  if (creator !== undefined && typeof creator !== 'string') {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      'the "creator" annotation must be a string: containers/image rejects any other type',
    );
  }
  if (timestamp !== undefined && !(typeof timestamp === 'number' && Number.isSafeInteger(timestamp))) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      'the "timestamp" annotation must be an integer (Unix seconds): containers/image rejects any other value',
    );
  }
}

export interface SimpleSigningPayload {
  dockerReference: string;
  manifestDigest: string;
  creator?: string;
  timestamp?: number;
  /** `optional` as signed: null, or its members (unknown ones kept). */
  optional: Record<string, unknown> | null;
}

/**
 * Parses untrusted payload bytes with containers/image's rules (signature/internal
 * UntrustedSigstorePayload.strictUnmarshalJSON): exactly `critical` and `optional`; `critical` holds
 * exactly `type`, `image`, `identity`; no duplicate keys at those levels; `optional` may be null and
 * may carry unknown members, but `creator` must be a string and `timestamp` an integer.
 * Error messages are containers/image's own.
 */
export function parseSimpleSigningPayload(bytes: Uint8Array | string): SimpleSigningPayload {
  // Go replaces invalid UTF-8 with U+FFFD and keeps a BOM (then rejects it as a character).
  const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let root: JsonNode;
  try {
    root = parseJsonTree(text);
  } catch (e) {
    throw invalid((e as Error).message);
  }
  let critical = { kind: 'null' } as JsonNode;
  let optional = { kind: 'null' } as JsonNode;
  exactFields(root, { critical: (v) => (critical = v), optional: (v) => (optional = v) });

  const result: SimpleSigningPayload = { dockerReference: '', manifestDigest: '', optional: null };
  // cosign writes "optional": null when there are no annotations.
  if (optional.kind !== 'null') {
    let timestamp: number | undefined;
    paranoidObject(optional, (key) => {
      if (key === 'creator') return (v) => (result.creator = decodeString(v));
      if (key === 'timestamp') return (v) => (timestamp = decodeFloat(v));
      return () => {};
    });
    if (timestamp !== undefined) {
      // Verbatim, typo included, so the message matches what skopeo and podman print.
      if (!Number.isInteger(timestamp) || timestamp < -(2 ** 63) || timestamp >= 2 ** 63)
        throw invalid('Field optional.timestamp is not is not an integer');
      result.timestamp = timestamp;
    }
    result.optional = toPlain(optional) as Record<string, unknown>;
  }

  let type = '';
  let image = { kind: 'null' } as JsonNode;
  let identity = { kind: 'null' } as JsonNode;
  exactFields(critical, {
    type: (v) => (type = decodeString(v)),
    image: (v) => (image = v),
    identity: (v) => (identity = v),
  });
  if (type !== SIGNATURE_TYPE) throw invalid(`Unrecognized signature type ${type}`);

  let digest = '';
  exactFields(image, { 'docker-manifest-digest': (v) => (digest = decodeString(v)) });
  const digestError = goDigestError(digest);
  if (digestError) throw invalid(`invalid docker-manifest-digest value ${JSON.stringify(digest)}: ${digestError}`);
  result.manifestDigest = digest;

  exactFields(identity, { 'docker-reference': (v) => (result.dockerReference = decodeString(v)) });
  return result;
}

function invalid(message: string): BydigestError {
  return new BydigestError('SIGNATURE', message, {
    hint: 'The signature payload is not one containers/image accepts; re-sign the image with bydigest sign-digest or cosign sign.',
  });
}

// Every decoding failure is an invalid payload, so it carries the re-sign hint.
const { paranoidObject, exactFields, goString: decodeString, goFloat64: decodeFloat } = paranoidJsonReader(invalid);
