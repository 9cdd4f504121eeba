/**
 * JSON text as Go's encoding/json.Marshal writes it, so payloads and .sig manifests are the bytes
 * cosign would write: struct fields in declaration order (the caller lists them), map keys sorted
 * bytewise, and Go's escaping (<, >, & and U+2028/9 escaped; \b \f \n \r \t short forms).
 */

export type GoJsonValue =
  string | number | boolean | null | readonly GoJsonValue[] | { readonly [key: string]: GoJsonValue };

/** A Go struct: fields in order; undefined values are left out (`omitempty`). Values are JSON text. */
export function goStruct(fields: ReadonlyArray<readonly [string, string | undefined]>): string {
  const parts: string[] = [];
  for (const [name, json] of fields) if (json !== undefined) parts.push(`${goString(name)}:${json}`);
  return `{${parts.join(',')}}`;
}

/** A Go map or interface{} value: objects get their keys sorted, as Go sorts map keys. */
export function goValue(value: GoJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`json: unsupported value: ${value}`);
    // JavaScript's shortest round-trip form matches Go's float64 encoding, exponent thresholds included.
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (Array.isArray(value)) return `[${value.map(goValue).join(',')}]`;
  const obj = value as { readonly [key: string]: GoJsonValue };
  const keys = Object.keys(obj).sort(compareBytewise);
  return `{${keys.map((k) => `${goString(k)}:${goValue(obj[k] as GoJsonValue)}`).join(',')}}`;
}

/** Go sorts map keys by their UTF-8 bytes; JavaScript's default sort compares UTF-16 units. */
export function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

export function goString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += ch + (s[i + 1] as string);
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff)
      out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else out += ch;
  }
  return `${out}"`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
