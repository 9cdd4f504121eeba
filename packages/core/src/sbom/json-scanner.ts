import { isUtf8 } from 'node:buffer';
import { findJsonSyntaxError } from './json-syntax.js';
import { firstInvalidUtf8 } from './utf8.js';

/**
 * Streams a JSON document whose top level is an object, in bounded memory.
 *
 * Why not a general token-level parser: SBOMs are one object holding a few huge arrays of small
 * elements. Scanning bytes only for string/bracket boundaries and handing each element to the
 * native JSON.parse is ~4x faster than stream-json or @streamparser/json and allocates only the
 * element at hand (measured on a 200 MB SPDX file: 1.8 s vs 5.2–5.7 s before assembling values).
 * JSON.parse checks the grammar inside each value; this class checks the grammar around them.
 */
export interface JsonScanHandler {
  /** A top-level member whose value is not an array. */
  member(key: string, value: unknown, at: number): void;
  arrayStart(key: string, at: number): void;
  element(key: string, index: number, value: unknown, at: number): void;
  arrayEnd(key: string, count: number, at: number): void;
}

export type JsonScanProblemKind = 'syntax' | 'utf8' | 'utf16' | 'limit' | 'not-object' | 'truncated' | 'duplicate';

export class JsonScanError extends Error {
  constructor(
    readonly kind: JsonScanProblemKind,
    message: string,
    /** Byte offset in the file. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonScanError';
  }
}

export interface JsonScannerOptions {
  /** Largest single value (array element or top-level member) held in memory at once. */
  maxValueBytes?: number;
}

export const DEFAULT_MAX_VALUE_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 512;

const enum S {
  BeforeRoot,
  Bom1,
  Bom2,
  ObjFirst,
  ObjNext,
  AfterKey,
  BeforeValue,
  AfterValue,
  ArrFirst,
  ArrNext,
  AfterElem,
  AfterRoot,
}

const enum T {
  Key,
  Member,
  Element,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isValueStart(c: number): boolean {
  return (
    c === 0x7b ||
    c === 0x5b ||
    c === QUOTE ||
    c === 0x2d ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x74 ||
    c === 0x66 ||
    c === 0x6e
  );
}

/** Bytes that can continue a number or true/false/null; anything else ends the literal. */
function isLiteralByte(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e
  );
}

function show(c: number): string {
  return c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export class JsonObjectScanner {
  private readonly handler: JsonScanHandler;
  private readonly maxValueBytes: number;
  private state = S.BeforeRoot;
  /** File offset of the chunk being scanned. */
  private base = 0;

  private key = '';
  private readonly keys = new Map<string, number>();
  private index = 0;

  // The value being captured; it may span chunks.
  private capturing = false;
  private literal = false;
  private target = T.Key;
  private start = 0;
  private pieces: Buffer[] = [];
  private pieceBytes = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly stack = new Uint8Array(MAX_DEPTH);

  constructor(handler: JsonScanHandler, options: JsonScannerOptions = {}) {
    this.handler = handler;
    this.maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
  }

  /** The chunk may be reused by the caller after this returns: whatever is kept is copied. */
  push(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.capturing) {
        const from = i;
        const end = this.literal ? this.scanLiteral(chunk, i) : this.scanValue(chunk, i);
        if (end < 0) {
          this.keep(chunk.subarray(from));
          break;
        }
        this.finish(chunk.subarray(from, end));
        i = end;
        continue;
      }
      const c = chunk[i]!;
      if (isWs(c) && this.state !== S.Bom1 && this.state !== S.Bom2) {
        i++;
        continue;
      }
      this.structural(c, this.base + i);
      if (!this.capturing) i++;
    }
    this.base += n;
  }

  /** Call once after the last chunk. */
  end(): void {
    if (this.state === S.AfterRoot && !this.capturing) return;
    const at = this.base;
    if (this.state === S.BeforeRoot)
      throw new JsonScanError('truncated', 'the file holds only whitespace, no JSON value', at);
    throw new JsonScanError('truncated', `the file ends ${this.where()}: it is truncated or not closed`, at);
  }

  private where(): string {
    switch (this.state) {
      case S.ArrFirst:
      case S.ArrNext:
      case S.AfterElem:
        return this.capturing
          ? `inside ${this.key}[${this.index}]`
          : `inside the "${this.key}" array after ${this.index} element(s)`;
      case S.BeforeValue:
      case S.AfterValue:
        return this.capturing ? `inside the value of "${this.key}"` : `after the value of "${this.key}"`;
      case S.ObjFirst:
      case S.ObjNext:
      case S.AfterKey:
        return this.capturing
          ? 'inside a property name of the top-level object'
          : 'before the top-level object is closed';
      default:
        return 'early';
    }
  }

  private structural(c: number, at: number): void {
    switch (this.state) {
      case S.BeforeRoot:
        if (c === 0x7b) this.state = S.ObjFirst;
        else if (c === 0xef && at === 0) this.state = S.Bom1;
        else if ((c === 0xff || c === 0xfe || c === 0x00) && at <= 1) {
          throw new JsonScanError('utf16', 'the file is UTF-16 (or UTF-32) encoded, not UTF-8', at);
        } else if (c === 0x5b)
          throw new JsonScanError('not-object', 'the top-level JSON value is an array, not an object', at);
        else if (c === 0x3c)
          throw new JsonScanError('not-object', "the file starts with '<' (XML?), not a JSON object", at);
        else if (isValueStart(c))
          throw new JsonScanError('not-object', 'the top-level JSON value is not an object', at);
        else throw new JsonScanError('syntax', `expected '{' to open the top-level object, found ${show(c)}`, at);
        return;
      case S.Bom1:
        if (c !== 0xbb) throw new JsonScanError('utf8', 'invalid UTF-8 at the start of the file', at - 1);
        this.state = S.Bom2;
        return;
      case S.Bom2:
        if (c !== 0xbf) throw new JsonScanError('utf8', 'invalid UTF-8 at the start of the file', at - 2);
        // A UTF-8 byte order mark: JSON forbids emitting it but allows readers to ignore it.
        this.state = S.BeforeRoot;
        return;
      case S.ObjFirst:
        if (c === 0x7d) this.state = S.AfterRoot;
        else this.expectKey(c, at);
        return;
      case S.ObjNext:
        this.expectKey(c, at);
        return;
      case S.AfterKey:
        if (c !== 0x3a)
          throw new JsonScanError('syntax', `expected ':' after property name "${this.key}", found ${show(c)}`, at);
        this.state = S.BeforeValue;
        return;
      case S.BeforeValue:
        if (c === 0x5b) {
          this.index = 0;
          this.handler.arrayStart(this.key, at);
          this.state = S.ArrFirst;
          return;
        }
        if (!isValueStart(c))
          throw new JsonScanError('syntax', `expected a value for "${this.key}", found ${show(c)}`, at);
        this.capture(T.Member, at, c !== 0x7b && c !== QUOTE);
        return;
      case S.AfterValue:
        if (c === 0x2c) this.state = S.ObjNext;
        else if (c === 0x7d) this.state = S.AfterRoot;
        else
          throw new JsonScanError(
            'syntax',
            `expected ',' or '}' after the value of "${this.key}", found ${show(c)}`,
            at,
          );
        return;
      case S.ArrFirst:
        if (c === 0x5d) this.closeArray(at);
        else this.expectElement(c, at);
        return;
      case S.ArrNext:
        this.expectElement(c, at);
        return;
      case S.AfterElem:
        if (c === 0x2c) this.state = S.ArrNext;
        else if (c === 0x5d) this.closeArray(at);
        else
          throw new JsonScanError(
            'syntax',
            `expected ',' or ']' after ${this.key}[${this.index - 1}], found ${show(c)}`,
            at,
          );
        return;
      case S.AfterRoot:
        throw new JsonScanError('syntax', `unexpected ${show(c)} after the end of the top-level object`, at);
    }
  }

  private expectKey(c: number, at: number): void {
    if (c !== QUOTE) {
      const after = this.state === S.ObjNext ? ` after ',' (a trailing comma?)` : '';
      throw new JsonScanError('syntax', `expected a double-quoted property name${after}, found ${show(c)}`, at);
    }
    this.capture(T.Key, at, false);
  }

  private expectElement(c: number, at: number): void {
    if (!isValueStart(c)) {
      const after = this.state === S.ArrNext ? ` after ',' (a trailing comma?)` : '';
      throw new JsonScanError(
        'syntax',
        `expected a value for ${this.key}[${this.index}]${after}, found ${show(c)}`,
        at,
      );
    }
    this.capture(T.Element, at, c !== 0x7b && c !== 0x5b && c !== QUOTE);
  }

  private closeArray(at: number): void {
    this.handler.arrayEnd(this.key, this.index, at);
    this.state = S.AfterValue;
  }

  private capture(target: T, at: number, literal: boolean): void {
    this.capturing = true;
    this.literal = literal;
    this.target = target;
    this.start = at;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /**
   * Finds the end of a string, object or array starting at the capture's first byte.
   * Returns the index just past it, or -1 when the chunk ends first (state is kept).
   */
  private scanValue(b: Buffer, i: number): number {
    const n = b.length;
    const stack = this.stack;
    let depth = this.depth;
    let inString = this.inString;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    while (i < n) {
      if (inString) {
        let c = b[i]!;
        while (c !== QUOTE && c !== BACKSLASH) {
          if (++i === n) break;
          c = b[i]!;
        }
        if (i === n) break;
        if (c === BACKSLASH) {
          if (i + 1 === n) {
            this.escaped = true;
            break;
          }
          i += 2;
          continue;
        }
        inString = false;
        i++;
        if (depth === 0) return this.done(i);
        continue;
      }
      const c = b[i++]!;
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (depth === MAX_DEPTH)
          throw new JsonScanError('limit', `nesting deeper than ${MAX_DEPTH} levels`, this.base + i - 1);
        stack[depth++] = c;
      } else if (c === 0x7d || c === 0x5d) {
        // '{'+2 is '}' and '['+2 is ']'
        if (stack[--depth] !== c - 2) {
          throw new JsonScanError(
            'syntax',
            `${show(c)} does not match the open ${show(stack[depth]!)}`,
            this.base + i - 1,
          );
        }
        if (depth === 0) return this.done(i);
      }
    }
    this.depth = depth;
    this.inString = inString;
    return -1;
  }

  private done(i: number): number {
    this.depth = 0;
    this.inString = false;
    return i;
  }

  private scanLiteral(b: Buffer, i: number): number {
    const n = b.length;
    while (i < n && isLiteralByte(b[i]!)) i++;
    return i < n ? i : -1;
  }

  private keep(piece: Buffer): void {
    this.checkSize(this.pieceBytes + piece.length);
    this.pieceBytes += piece.length;
    this.pieces.push(Buffer.from(piece));
  }

  private checkSize(bytes: number): void {
    if (bytes <= this.maxValueBytes) return;
    const limit = this.maxValueBytes >= 1048576 ? `${this.maxValueBytes / 1048576} MiB` : `${this.maxValueBytes} bytes`;
    throw new JsonScanError(
      'limit',
      `${this.describeTarget()} is larger than ${limit} (or a string or bracket in it is never closed)`,
      this.start,
    );
  }

  private describeTarget(): string {
    if (this.target === T.Element) return `${this.key}[${this.index}]`;
    if (this.target === T.Member) return `the value of "${this.key}"`;
    return 'a property name';
  }

  private finish(last: Buffer): void {
    this.checkSize(this.pieceBytes + last.length);
    const bytes = this.pieces.length === 0 ? last : Buffer.concat([...this.pieces, last]);
    this.pieces = [];
    this.pieceBytes = 0;
    this.capturing = false;
    const value = this.parse(bytes);
    const at = this.start;
    if (this.target === T.Key) {
      this.key = value as string;
      const seen = this.keys.get(this.key);
      if (seen !== undefined) {
        throw new JsonScanError(
          'duplicate',
          `the top-level key "${this.key}" appears twice (first at byte ${seen}); readers disagree on which one counts`,
          at,
        );
      }
      this.keys.set(this.key, at);
      this.state = S.AfterKey;
    } else if (this.target === T.Member) {
      this.handler.member(this.key, value, at);
      this.state = S.AfterValue;
    } else {
      this.handler.element(this.key, this.index++, value, at);
      this.state = S.AfterElem;
    }
  }

  private parse(bytes: Buffer): unknown {
    if (!isUtf8(bytes)) {
      throw new JsonScanError('utf8', 'invalid UTF-8', this.start + Math.max(0, firstInvalidUtf8(bytes)));
    }
    const text = bytes.toString('utf8');
    try {
      return JSON.parse(text);
    } catch (e) {
      const found = findJsonSyntaxError(text);
      const index = found?.index ?? 0;
      const reason = found?.reason ?? (e as Error).message;
      throw new JsonScanError(
        'syntax',
        `${reason} (in ${this.describeTarget()})`,
        this.start + Buffer.byteLength(text.slice(0, index)),
      );
    }
  }
}
