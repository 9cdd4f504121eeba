/**
 * Checks one sigstore bundle the way `cosign verify --key … --insecure-ignore-tlog` does for an
 * image signature (sigstore-go's verifyEnvelopeWithArtifactDigest): exactly one DSSE signature,
 * valid over the PAE with one of the keys, an in-toto statement whose subject names the image
 * digest. We also require cosign's signature predicateType, so an attestation (SLSA, SBOM…) made
 * with the same key is not taken for a signature. Transparency-log entries are not checked: this is
 * the offline, key-based check.
 */
import type { KeyObject } from 'node:crypto';
import { digestHex } from '../../oci/digest.js';
import { JsonSyntaxError, parseJsonTree, toPlain, type JsonNode } from '../../util/json/strict-json.js';
import {
  COSIGN_SIGN_PREDICATE_TYPE,
  dssePae,
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  SIGSTORE_BUNDLE_MEDIA_TYPE,
} from './bundle.js';
import { checkPayloadSignature } from '../keys/signature.js';

/** cosign reads bundles of v0.2 and later; both spellings of the media type occur. */
const ACCEPTED_MEDIA_TYPES = new Set([
  SIGSTORE_BUNDLE_MEDIA_TYPE,
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
]);
const STATEMENT_TYPES = new Set([IN_TOTO_STATEMENT_V1, 'https://in-toto.io/Statement/v0.1']);
/** protojson decodes bytes fields from standard or URL-safe base64, padded or not. */
const PROTO_BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export interface InTotoSubject {
  name?: string;
  digest: Record<string, string>;
  annotations?: Record<string, unknown>;
}

export interface SignStatement {
  type: string;
  predicateType: string;
  subjects: InTotoSubject[];
}

export type BundleCheck =
  | { valid: true; keyIndex: number; statement: SignStatement }
  | { valid: false; reason: string; keyIndex?: number; statement?: SignStatement };

const reject = (reason: string, extra: { keyIndex?: number; statement?: SignStatement } = {}): BundleCheck => ({
  valid: false,
  reason,
  ...extra,
});

/** Duplicate members make a document mean different things to different parsers; protojson refuses them. */
function duplicateKey(node: JsonNode): string | undefined {
  if (node.kind === 'array') {
    for (const item of node.items) {
      const d = duplicateKey(item);
      if (d !== undefined) return d;
    }
  } else if (node.kind === 'object') {
    const seen = new Set<string>();
    for (const [k, v] of node.entries) {
      if (seen.has(k)) return k;
      seen.add(k);
      const d = duplicateKey(v);
      if (d !== undefined) return d;
    }
  }
  return undefined;
}

function parseStrict(text: string, what: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  let tree: JsonNode;
  try {
    tree = parseJsonTree(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, reason: `${what} is not JSON: ${e.message}` };
    throw e;
  }
  const dup = duplicateKey(tree);
  if (dup !== undefined) return { ok: false, reason: `${what} has a duplicate ${JSON.stringify(dup)} member` };
  return { ok: true, value: toPlain(tree) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function decodeProtoBytes(v: unknown): Buffer | undefined {
  if (typeof v !== 'string' || !PROTO_BASE64.test(v) || v.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function parseStatement(payload: Buffer): { ok: true; statement: SignStatement } | { ok: false; reason: string } {
  const parsed = parseStrict(payload.toString('utf8'), 'the DSSE payload');
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (!isObject(doc)) return { ok: false, reason: 'the DSSE payload is not a JSON object' };
  const type = doc._type;
  if (typeof type !== 'string' || !STATEMENT_TYPES.has(type))
    return { ok: false, reason: `the DSSE payload is not an in-toto statement (_type ${JSON.stringify(type)})` };
  if (!Array.isArray(doc.subject)) return { ok: false, reason: 'the in-toto statement has no subject list' };
  const subjects: InTotoSubject[] = [];
  for (const s of doc.subject) {
    if (!isObject(s) || !isObject(s.digest)) return { ok: false, reason: 'an in-toto statement subject has no digest' };
    const digest: Record<string, string> = {};
    for (const [alg, value] of Object.entries(s.digest)) {
      if (typeof value !== 'string') return { ok: false, reason: `subject digest ${alg} is not a string` };
      digest[alg] = value;
    }
    const subject: InTotoSubject = { digest };
    if (typeof s.name === 'string') subject.name = s.name;
    if (isObject(s.annotations)) subject.annotations = s.annotations;
    subjects.push(subject);
  }
  const predicateType = typeof doc.predicateType === 'string' ? doc.predicateType : '';
  return { ok: true, statement: { type, predicateType, subjects } };
}

/**
 * Verdict on the bytes of one bundle for `manifestDigest`. `keyIndex` (into `keys`) is set once
 * the signature verified, also when the statement is then rejected.
 */
export function checkSignBundle(
  bundleBytes: Buffer,
  manifestDigest: string,
  keys: readonly KeyObject[],
  opts: { certificateKey?: boolean } = {},
): BundleCheck {
  const parsed = parseStrict(bundleBytes.toString('utf8'), 'the bundle');
  if (!parsed.ok) return reject(parsed.reason);
  const bundle = parsed.value;
  if (!isObject(bundle)) return reject('the bundle is not a JSON object');
  if (typeof bundle.mediaType !== 'string' || !ACCEPTED_MEDIA_TYPES.has(bundle.mediaType)) {
    return reject(`unsupported bundle mediaType ${JSON.stringify(bundle.mediaType)} (cosign reads v0.2 and v0.3)`);
  }
  const material = bundle.verificationMaterial;
  // `certificateKey`: the caller holds the certificate's own key (a signer checking what it just made).
  if (
    !opts.certificateKey &&
    isObject(material) &&
    (material.certificate !== undefined || material.x509CertificateChain !== undefined)
  ) {
    return reject('the bundle is signed with a certificate (keyless); only key-signed bundles are verified offline');
  }
  const envelope = bundle.dsseEnvelope;
  if (!isObject(envelope)) {
    return reject(
      bundle.messageSignature !== undefined
        ? 'the bundle holds a message signature, not the DSSE envelope cosign sign writes'
        : 'the bundle has no dsseEnvelope',
    );
  }
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return reject(`DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
  }
  const payload = decodeProtoBytes(envelope.payload);
  if (!payload) return reject('the DSSE payload is not base64');
  // sigstore-go: "exactly one signature is required", however permissive DSSE itself is.
  if (!Array.isArray(envelope.signatures) || envelope.signatures.length !== 1) {
    return reject(
      `the DSSE envelope has ${Array.isArray(envelope.signatures) ? envelope.signatures.length : 'no'} signatures; a sigstore bundle carries exactly one`,
    );
  }
  const signature = envelope.signatures[0] as unknown;
  const sigBytes = isObject(signature) ? decodeProtoBytes(signature.sig) : undefined;
  if (!sigBytes || sigBytes.length === 0) return reject('the DSSE signature is missing or not base64');

  const pae = dssePae(IN_TOTO_PAYLOAD_TYPE, payload);
  let keyIndex: number | undefined;
  let lastReason = 'no public key given';
  for (let i = 0; i < keys.length && keyIndex === undefined; i++) {
    const check = checkPayloadSignature(keys[i] as KeyObject, pae, sigBytes.toString('base64'));
    if (check.valid) keyIndex = i;
    else lastReason = check.reason;
  }
  if (keyIndex === undefined) return reject(`DSSE signature: ${lastReason}`);

  const st = parseStatement(payload);
  if (!st.ok) return reject(st.reason, { keyIndex });
  const { statement } = st;
  if (statement.predicateType !== COSIGN_SIGN_PREDICATE_TYPE) {
    return reject(
      `predicateType ${JSON.stringify(statement.predicateType)} is an attestation, not a cosign signature (${COSIGN_SIGN_PREDICATE_TYPE})`,
      { keyIndex, statement },
    );
  }
  const want = digestHex(manifestDigest);
  // sigstore-go compares the decoded bytes, so hex case does not matter.
  if (!statement.subjects.some((s) => s.digest.sha256?.toLowerCase() === want)) {
    const named = statement.subjects
      .map((s) => (s.digest.sha256 ? `sha256:${s.digest.sha256}` : Object.keys(s.digest).join('+') || 'no digest'))
      .join(', ');
    return reject(`the statement is for ${named || 'no subject'}, not ${manifestDigest}`, { keyIndex, statement });
  }
  return { valid: true, keyIndex, statement };
}
