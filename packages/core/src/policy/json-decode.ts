/**
 * Strict reading of policy.json members the way containers/image does it
 * (signature/internal/json.go ParanoidUnmarshalJSONObject + encoding/json): unknown or duplicate
 * keys are errors, and type errors use Go's wording, so a file skopeo refuses is refused here with
 * the same words. The object rules are shared with the signature payload (util/paranoid-json);
 * the Go types only policy.json uses are decoded here.
 */
import { decodeStdBase64 } from '../cosign/keys/base64.js';
import { paranoidJsonReader } from '../util/json/paranoid-json.js';
import type { JsonNode } from '../util/json/strict-json.js';

/** A policy file containers/image would refuse to load. */
export class PolicyFormatError extends Error {
  override name = 'PolicyFormatError';
}

const { paranoidObject, exactFields, goString, typeError } = paranoidJsonReader(
  (message) => new PolicyFormatError(message),
);
export { paranoidObject, exactFields, goString };

export function goStringList(node: JsonNode): string[] | undefined {
  if (node.kind === 'null') return undefined;
  if (node.kind !== 'array') throw typeError(node, '[]string');
  return node.items.map(goString);
}

/** Go's []byte: a standard-base64 string. */
export function goBytes(node: JsonNode): Buffer | undefined {
  if (node.kind === 'null') return undefined;
  if (node.kind !== 'string') throw typeError(node, '[]uint8');
  const decoded = decodeStdBase64(node.value);
  if (!decoded.ok) throw new PolicyFormatError(decoded.reason);
  return decoded.bytes;
}

export function goBytesList(node: JsonNode): Buffer[] | undefined {
  if (node.kind === 'null') return undefined;
  if (node.kind !== 'array') throw typeError(node, '[][]uint8');
  return node.items.map((n) => goBytes(n) ?? Buffer.alloc(0));
}

/** The `type` member read leniently first, as containers/image does to pick the parser. */
export function typeField(node: JsonNode): string {
  if (node.kind !== 'object') throw typeError(node, 'signature.prCommon');
  let type = '';
  for (const [key, value] of node.entries) {
    // encoding/json matches field names case-insensitively and keeps the last duplicate.
    if (key.toLowerCase() === 'type') type = value.kind === 'null' ? type : goString(value);
  }
  return type;
}
