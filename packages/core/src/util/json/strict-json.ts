/**
 * A strict RFC 8259 parser that keeps every object member in order, duplicates included.
 * JSON.parse silently keeps the last of duplicate keys; containers/image rejects duplicates in a
 * signature payload and in policy.json, so its rules can only be applied to a tree that still has them.
 * Syntax errors use the wording of Go's encoding/json.
 */

export type JsonNode =
  | { kind: 'object'; entries: Array<[string, JsonNode]> }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

/**
 * encoding/json's scanner refuses a value nested deeper than this ("exceeded max depth"), before
 * decoding anything; containers/image and cosign read policy.json and signature payloads with it.
 */
export const MAX_JSON_DEPTH = 10_000;

export function parseJsonTree(text: string): JsonNode {
  const p = new Parser(text);
  p.skipSpace();
  const node = p.tree();
  p.skipSpace();
  if (p.pos < text.length) throw p.fail('after top-level value');
  return node;
}

/** Plain JavaScript value of a node; for duplicate keys the last wins, as with Go's `any`. */
export function toPlain(root: JsonNode): unknown {
  // Iterative, like the parser: a tree can be MAX_JSON_DEPTH deep, more than the call stack holds.
  const rootOut = { value: undefined as unknown };
  const work: Array<{ node: JsonNode; put: (value: unknown) => void }> = [
    { node: root, put: (v) => (rootOut.value = v) },
  ];
  for (let job = work.pop(); job; job = work.pop()) {
    const { node, put } = job;
    if (node.kind === 'object') {
      const out: Record<string, unknown> = {};
      put(out);
      // A Map keeps each key where it first appeared and the value of its last duplicate, as assigning in order does.
      const members = new Map(node.entries);
      for (const [k, v] of members) {
        // defineProperty: a "__proto__" key is data, not the prototype.
        const define = (value: unknown) =>
          Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
        define(undefined);
        work.push({ node: v, put: define });
      }
    } else if (node.kind === 'array') {
      const out: unknown[] = new Array<unknown>(node.items.length);
      put(out);
      node.items.forEach((v, i) => work.push({ node: v, put: (value) => (out[i] = value) }));
    } else {
      put(node.kind === 'null' ? null : node.value);
    }
  }
  return rootOut.value;
}

type ObjectNode = Extract<JsonNode, { kind: 'object' }>;
type ArrayNode = Extract<JsonNode, { kind: 'array' }>;
/** A container whose closing bracket is still ahead; `key` names the object member being read. */
interface OpenContainer {
  node: ObjectNode | ArrayNode;
  key: string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  skipSpace(): void {
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
      this.pos++;
    }
  }

  fail(context: string): JsonSyntaxError {
    if (this.pos >= this.s.length) return new JsonSyntaxError('unexpected end of JSON input');
    return new JsonSyntaxError(`invalid character ${quoteChar(this.s[this.pos] as string)} ${context}`);
  }

  /**
   * One value, nested containers included. Iterative with an explicit stack: recursion would
   * overflow the call stack long before MAX_JSON_DEPTH, and the limit is Go's, checked where Go
   * checks it (at the opening bracket, empty containers included).
   */
  tree(): JsonNode {
    const open: OpenContainer[] = [];
    for (;;) {
      let node: JsonNode;
      const c = this.s[this.pos];
      if (c === '{' || c === '[') {
        if (open.length >= MAX_JSON_DEPTH)
          throw this.fail(`exceeded max depth (JSON nested deeper than ${MAX_JSON_DEPTH} levels)`);
        this.pos++;
        this.skipSpace();
        if (c === '{') {
          const object: ObjectNode = { kind: 'object', entries: [] };
          if (this.s[this.pos] !== '}') {
            open.push({ node: object, key: this.key() });
            continue;
          }
          this.pos++;
          node = object;
        } else {
          const array: ArrayNode = { kind: 'array', items: [] };
          if (this.s[this.pos] !== ']') {
            open.push({ node: array, key: '' });
            continue;
          }
          this.pos++;
          node = array;
        }
      } else {
        node = this.scalar();
      }
      // Hand the finished value to its container; close every container that ends here.
      for (;;) {
        const parent = open[open.length - 1];
        if (!parent) return node;
        this.skipSpace();
        const next = this.s[this.pos];
        if (parent.node.kind === 'object') {
          parent.node.entries.push([parent.key, node]);
          if (next === ',') {
            this.pos++;
            this.skipSpace();
            parent.key = this.key();
            break;
          }
          if (next !== '}') throw this.fail('after object key:value pair');
        } else {
          parent.node.items.push(node);
          if (next === ',') {
            this.pos++;
            this.skipSpace();
            break;
          }
          if (next !== ']') throw this.fail('after array element');
        }
        this.pos++;
        open.pop();
        node = parent.node;
      }
    }
  }

  /** An object member's key and the colon after it; leaves the position at its value. */
  private key(): string {
    if (this.s[this.pos] !== '"') throw this.fail('looking for beginning of object key string');
    const key = this.string();
    this.skipSpace();
    if (this.s[this.pos] !== ':') throw this.fail('after object key');
    this.pos++;
    this.skipSpace();
    return key;
  }

  private scalar(): JsonNode {
    const c = this.s[this.pos];
    if (c === '"') return { kind: 'string', value: this.string() };
    if (c === 't') return this.literal('true', { kind: 'bool', value: true });
    if (c === 'f') return this.literal('false', { kind: 'bool', value: false });
    if (c === 'n') return this.literal('null', { kind: 'null' });
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    throw this.fail('looking for beginning of value');
  }

  private literal(word: string, node: JsonNode): JsonNode {
    for (let i = 0; i < word.length; i++) {
      if (this.s[this.pos] !== word[i])
        throw this.fail(`in literal ${word} (expecting ${quoteChar(word[i] as string)})`);
      this.pos++;
    }
    return node;
  }

  private number(): JsonNode {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.s);
    if (!m) {
      this.pos++;
      throw this.fail('in numeric literal');
    }
    this.pos += m[0].length;
    return { kind: 'number', value: Number(m[0]), text: m[0] };
  }

  private string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined) throw this.fail('in string literal');
      if (c === '"') {
        this.pos++;
        return out.replace(LONE_SURROGATE, '\ufffd'); // Go decodes a lone surrogate escape to U+FFFD
      }
      if (c < ' ') throw this.fail('in string literal');
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      this.pos++;
      const e = this.s[this.pos];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.pos++;
      } else if (e === 'u') {
        this.pos++;
        out += String.fromCharCode(this.hex4());
      } else {
        throw this.fail('in string escape code');
      }
    }
  }

  private hex4(): number {
    let v = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.s[this.pos];
      const d = c === undefined ? NaN : parseInt(c, 16);
      if (Number.isNaN(d) || !/[0-9a-fA-F]/.test(c ?? '')) throw this.fail('in \\u hexadecimal character escape');
      v = v * 16 + d;
      this.pos++;
    }
    return v;
  }
}

function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}
