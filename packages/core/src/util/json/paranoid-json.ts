/**
 * containers/image's strict reading of JSON objects (signature/internal/json.go
 * ParanoidUnmarshalJSONObject and …ExactFields) with encoding/json's type rules, over a tree from
 * strict-json. Messages are Go's own, so a document skopeo or podman refuses is refused here with
 * the same words; each reader (signature payload, policy.json) supplies the error that carries them.
 */
import type { JsonNode } from './strict-json.js';

export type Decode = (value: JsonNode) => void;

export interface ParanoidJsonReader {
  /** Members in order; a duplicate key, or one `resolve` has no decoder for, fails where Go's decoder would. */
  paranoidObject(node: JsonNode, resolve: (key: string) => Decode | undefined): void;
  /** Each listed member exactly once, and no other. */
  exactFields(node: JsonNode, fields: Record<string, Decode>): void;
  /** Go's string; null leaves it untouched (""), as encoding/json does. */
  goString(node: JsonNode): string;
  /** Go's float64; null leaves it untouched (0), as encoding/json does. */
  goFloat64(node: JsonNode): number;
  /** encoding/json's UnmarshalTypeError, for decoders of other Go types. */
  typeError(node: JsonNode, goType: string): Error;
}

/** A reader whose failures are `fail(message)`. */
export function paranoidJsonReader(fail: (message: string) => Error): ParanoidJsonReader {
  function paranoidObject(node: JsonNode, resolve: (key: string) => Decode | undefined): void {
    if (node.kind !== 'object') throw fail(`JSON object expected, got ${goTokenDescription(node)}`);
    const seen = new Set<string>();
    for (const [key, value] of node.entries) {
      if (seen.has(key)) throw fail(`Duplicate key ${JSON.stringify(key)}`);
      seen.add(key);
      const decode = resolve(key);
      if (!decode) throw fail(`Unknown key ${JSON.stringify(key)}`);
      decode(value);
    }
  }

  function exactFields(node: JsonNode, fields: Record<string, Decode>): void {
    const seen = new Set<string>();
    paranoidObject(node, (key) => {
      const decode = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (decode) seen.add(key);
      return decode;
    });
    for (const key of Object.keys(fields))
      if (!seen.has(key)) throw fail(`Key ${JSON.stringify(key)} missing in a JSON object`);
  }

  function typeError(node: JsonNode, goType: string): Error {
    // JsonNode kinds are named as encoding/json names JSON values in this message.
    return fail(`json: cannot unmarshal ${node.kind} into Go value of type ${goType}`);
  }

  function goString(node: JsonNode): string {
    if (node.kind === 'null') return '';
    if (node.kind !== 'string') throw typeError(node, 'string');
    return node.value;
  }

  function goFloat64(node: JsonNode): number {
    if (node.kind === 'null') return 0;
    if (node.kind !== 'number') throw typeError(node, 'float64');
    if (!Number.isFinite(node.value))
      throw fail(`json: cannot unmarshal number ${node.text} into Go value of type float64`);
    return node.value;
  }

  return { paranoidObject, exactFields, goString, goFloat64, typeError };
}

/** How Go's %#v prints the first json.Token of a value. */
function goTokenDescription(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return '123'; // json.Delim('{')
    case 'array':
      return '91'; // json.Delim('[')
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
    case 'bool':
      return String(node.value);
    case 'null':
      return '<nil>';
  }
}
