/**
 * Finds where and why a JSON text is invalid. Only used after JSON.parse has already failed:
 * V8's messages sometimes carry no position ("Unexpected token '}', … is not valid JSON") and
 * vary between Node versions, while users need a stable "byte N (line L, column C)".
 */
export interface JsonSyntaxProblem {
  /** UTF-16 index into the text. */
  index: number;
  reason: string;
}

class Problem extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const MAX_NESTING = 10_000;

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const n = text.length;

  const fail = (reason: string, at = i): never => {
    throw new Problem(at, at >= n ? `${reason}, but the text ends` : reason);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      i++;
    }
  };
  const describe = (): string => (i >= n ? 'end of text' : JSON.stringify(text[i]));

  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail(`control character U+${c.toString(16).padStart(4, '0')} inside a string (escape it)`);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape (needs 4 hex digits)');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`bad escape \\${e ?? ''} in a string`);
        i += 2;
        continue;
      }
      i++;
    }
  };

  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') fail('malformed number');
    i += m![0].length;
    const c = text[i];
    if (c !== undefined && /[0-9.eE+-]/.test(c)) fail('malformed number');
  };

  const value = (depth: number): void => {
    ws();
    if (depth > MAX_NESTING) fail('nesting too deep');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a double-quoted property name, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a property name, found ${describe()}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail(`expected a value, found ${describe()}`);
  };

  try {
    value(0);
    ws();
    if (i < n) fail(`unexpected ${describe()} after the value`);
    return undefined;
  } catch (e) {
    if (e instanceof Problem) return { index: e.index, reason: e.reason };
    throw e;
  }
}
