/**
 * Strict reading of policy.json members the way containers/image does it
 * (signature/internal/json.go ParanoidUnmarshalJSONObject + encoding/json): unknown or duplicate
 * keys are errors, and type errors use Go's wording, so a file skopeo refuses is refused here with
 * the same words.
 */
import { decodeStdBase64 } from '../cosign/base64.js';
import type { JsonNode } from '../cosign/strict-json.js';

/** A policy file containers/image would refuse to load. */
export class PolicyFormatError extends Error {
  override name = 'PolicyFormatError';
}

type Visit = (value: JsonNode) => void;

/** Members in order; a duplicate key, or one `resolve` does not know, fails where Go's decoder would. */
export function paranoidObject(node: JsonNode, resolve: (key: string) => Visit | undefined): void {
  if (node.kind !== 'object') throw new PolicyFormatError(`JSON object expected, got ${goToken(node)}`);
  const seen = new Set<string>();
  for (const [key, value] of node.entries) {
    if (seen.has(key)) throw new PolicyFormatError(`Duplicate key ${JSON.stringify(key)}`);
    seen.add(key);
    const visit = resolve(key);
    if (!visit) throw new PolicyFormatError(`Unknown key ${JSON.stringify(key)}`);
    visit(value);
  }
}

/** ParanoidUnmarshalJSONObjectExactFields: each listed key exactly once, and no other. */
export function exactFields(node: JsonNode, fields: Record<string, Visit>): void {
  const seen = new Set<string>();
  paranoidObject(node, (key) => {
    const visit = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (visit) seen.add(key);
    return visit;
  });
  for (const key of Object.keys(fields)) if (!seen.has(key)) throw new PolicyFormatError(`Key ${JSON.stringify(key)} missing in a JSON object`);
}

// Go leaves a string or slice untouched when the JSON value is null; these follow that.
export function goString(node: JsonNode): string {
  if (node.kind === 'null') return '';
  if (node.kind !== 'string') throw typeError(node, 'string');
  return node.value;
}

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

function typeError(node: JsonNode, goType: string): PolicyFormatError {
  const kind = node.kind === 'bool' ? 'bool' : node.kind;
  return new PolicyFormatError(`json: cannot unmarshal ${kind} into Go value of type ${goType}`);
}

/** How Go's %#v prints the first json.Token of a value. */
function goToken(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return '123'; // json.Delim('{')
    case 'array':
      return '91'; // json.Delim('[')
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return String(node.value);
    case 'bool':
      return String(node.value);
    case 'null':
      return '<nil>';
  }
}
