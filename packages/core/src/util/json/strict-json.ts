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

export function parseJsonTree(text: string): JsonNode {
  const p = new Parser(text);
  p.skipSpace();
  const node = p.value();
  p.skipSpace();
  if (p.pos < text.length) throw p.fail('after top-level value');
  return node;
}

/** Plain JavaScript value of a node; for duplicate keys the last wins, as with Go's `any`. */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) {
        Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
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

  value(): JsonNode {
    const c = this.s[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', value: this.string() };
    if (c === 't') return this.literal('true', { kind: 'bool', value: true });
    if (c === 'f') return this.literal('false', { kind: 'bool', value: false });
    if (c === 'n') return this.literal('null', { kind: 'null' });
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    throw this.fail('looking for beginning of value');
  }

  private object(): JsonNode {
    const entries: Array<[string, JsonNode]> = [];
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', entries };
    }
    for (;;) {
      if (this.s[this.pos] !== '"') throw this.fail('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.s[this.pos] !== ':') throw this.fail('after object key');
      this.pos++;
      this.skipSpace();
      entries.push([key, this.value()]);
      this.skipSpace();
      const c = this.s[this.pos];
      this.pos++;
      if (c === '}') return { kind: 'object', entries };
      if (c !== ',') {
        this.pos--;
        throw this.fail('after object key:value pair');
      }
      this.skipSpace();
    }
  }

  private array(): JsonNode {
    const items: JsonNode[] = [];
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      const c = this.s[this.pos];
      this.pos++;
      if (c === ']') return { kind: 'array', items };
      if (c !== ',') {
        this.pos--;
        throw this.fail('after array element');
      }
      this.skipSpace();
    }
  }

  private literal(word: string, node: JsonNode): JsonNode {
    for (let i = 0; i < word.length; i++) {
      if (this.s[this.pos] !== word[i]) throw this.fail(`in literal ${word} (expecting ${quoteChar(word[i] as string)})`);
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
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
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
