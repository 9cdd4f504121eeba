import type { Writable } from 'node:stream';

/**
 * A tar reader that takes the bytes as they come out of the decompressor and reads a layer the
 * way Go's `archive/tar` does — the reader of containers/storage, umoci and syft — so that what
 * a host pulls, this reads, and what a host refuses, this refuses with the same reason:
 *
 * - The stream may end at a member boundary or inside the padding after a member (umoci 0.4.7
 *   writes neither padding nor end blocks): that is the end of the archive. It may not end inside
 *   a header or inside a member's content.
 * - Two zero blocks end the archive; what follows is not read as tar.
 * - pax (`x`) and GNU long-name (`L`, `K`) records apply to the next header; records over 1 MiB
 *   are refused (`ErrFieldTooLong`), GNU long names win over pax paths, pax `size` over the
 *   header's; headers whose checksum fails (signed or unsigned sum) are refused.
 * - Link, symlink, device, directory and fifo members carry no content, whatever their size says.
 *
 * Member bodies are skipped by arithmetic: only the bodies the visitor asks for are touched.
 */

export interface TarMemberHeader {
  /** As stored (pax and GNU long names applied), not normalised. */
  name: string;
  linkname: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** Content bytes (the logical size; for GNU sparse members, the stored bytes). */
  size: number;
}

/** Returns a sink for a file member's content, or undefined to skip it. */
export type MemberVisitor = (header: TarMemberHeader) => Writable | undefined;

/** The layer is not what Go's archive/tar reads; `hint` says what to do about it. */
export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const BLOCK = 512;
/** archive/tar's maxSpecialFileSize: pax and GNU long-name records larger than this are refused. */
export const MAX_SPECIAL_SIZE = 1 << 20;

const enum State {
  Header,
  Body,
  Special,
  Padding,
  /** Old-GNU sparse extension blocks between a sparse member's header and its content. */
  SparseExt,
  Done,
}

const REPUSH = 'the layer is truncated or not a tar stream; re-push the image';

export class TarScanner {
  private state = State.Header;
  private readonly block = Buffer.alloc(BLOCK);
  private blockFill = 0;
  private zeroBlocks = 0;
  /** Content bytes of the current member still to come (body or special record). */
  private remaining = 0;
  private padding = 0;
  private sink: Writable | undefined;
  private special: { type: string; buf: Buffer; fill: number } | undefined;
  private pax: Map<string, string> | undefined;
  private longName: string | undefined;
  private longLink: string | undefined;
  private readonly finishing: Promise<void>[] = [];
  private sinkError: Error | undefined;
  /** The sparse member's content size, read once its extension blocks are skipped. */
  private sparseSize = 0;
  /** The member being read, for messages; undefined between members. */
  member: string | undefined;

  /**
   * @param copyChunks the chunks pushed are reused by their source after push returns: what a
   *   sink keeps is copied first.
   */
  constructor(
    private readonly visit: MemberVisitor,
    private readonly copyChunks: boolean,
  ) {}

  /** True once the end of the archive (two zero blocks) was read. */
  get done(): boolean {
    return this.state === State.Done;
  }

  /**
   * Reads a chunk. Returns a promise only when a sink asked to wait (backpressure): the chunk
   * must not be changed, nor the next pushed, until it resolves.
   */
  push(chunk: Buffer): Promise<void> | undefined {
    const paused = this.scan(chunk, 0);
    return paused < 0 ? undefined : this.resume(chunk, paused);
  }

  /** The stream ended: Go's rules for where it may end; then waits for every sink to finish. */
  async end(): Promise<void> {
    switch (this.state) {
      case State.Header:
        if (this.blockFill > 0)
          throw new TarFormatError(`the layer ends inside a tar header (${this.blockFill} of 512 bytes)`, REPUSH);
        break;
      case State.SparseExt:
        throw new TarFormatError(
          `the layer ends inside the sparse map of member ${JSON.stringify(this.member)}`,
          REPUSH,
        );
      case State.Body:
      case State.Special:
        throw new TarFormatError(
          `the layer ends inside member ${JSON.stringify(this.member)}: ${this.remaining} bytes of its content are missing`,
          REPUSH,
        );
      default:
        // The padding after the last member, or the end blocks: Go reads this as the end.
        break;
    }
    this.state = State.Done;
    this.member = undefined;
    await this.settle();
  }

  /** Stops: closes an open sink. What it wrote is incomplete; the caller drops it. */
  abort(): void {
    this.sink?.destroy();
    this.sink = undefined;
  }

  private async settle(): Promise<void> {
    await Promise.all(this.finishing);
    if (this.sinkError) throw this.sinkError;
  }

  private async resume(chunk: Buffer, from: number): Promise<void> {
    for (let at = from; at >= 0;) {
      const sink = this.sink as Writable;
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          sink.off('drain', done);
          sink.off('close', done);
          if (this.sinkError) reject(this.sinkError);
          else resolve();
        };
        sink.on('drain', done);
        sink.on('close', done);
      });
      at = this.scan(chunk, at);
    }
  }

  /** Reads chunk from `at`; returns where it paused for a sink's drain, or -1 when consumed. */
  private scan(chunk: Buffer, at: number): number {
    const end = chunk.length;
    while (at < end) {
      switch (this.state) {
        case State.Done:
          return -1;
        case State.Padding: {
          const n = Math.min(this.padding, end - at);
          this.padding -= n;
          at += n;
          if (this.padding === 0) this.state = State.Header;
          break;
        }
        case State.Header: {
          if (this.blockFill === 0 && end - at >= BLOCK) {
            this.header(chunk.subarray(at, at + BLOCK));
            at += BLOCK;
          } else {
            const n = Math.min(BLOCK - this.blockFill, end - at);
            chunk.copy(this.block, this.blockFill, at, at + n);
            this.blockFill += n;
            at += n;
            if (this.blockFill === BLOCK) {
              this.blockFill = 0;
              this.header(this.block);
            }
          }
          break;
        }
        case State.Body: {
          const n = Math.min(this.remaining, end - at);
          this.remaining -= n;
          const sink = this.sink;
          let wait = false;
          if (sink) {
            const part = chunk.subarray(at, at + n);
            wait = !sink.write(this.copyChunks ? Buffer.from(part) : part);
          }
          at += n;
          if (this.remaining === 0) this.endMember();
          if (wait && this.sink === sink && sink) return at;
          break;
        }
        case State.SparseExt: {
          const n = Math.min(BLOCK - this.blockFill, end - at);
          chunk.copy(this.block, this.blockFill, at, at + n);
          this.blockFill += n;
          at += n;
          if (this.blockFill === BLOCK) {
            this.blockFill = 0;
            // Byte 504 of an extension block says whether another follows (Go's readOldGNUSparseMap).
            if (this.block[504] === 0) this.startContent(State.Body, this.sparseSize);
          }
          break;
        }
        case State.Special: {
          const s = this.special as { type: string; buf: Buffer; fill: number };
          const n = Math.min(this.remaining, end - at);
          chunk.copy(s.buf, s.fill, at, at + n);
          s.fill += n;
          this.remaining -= n;
          at += n;
          if (this.remaining === 0) this.endSpecial(s);
          break;
        }
      }
    }
    return -1;
  }

  private header(b: Buffer): void {
    if (isZero(b)) {
      // One zero block then the end of the stream is an end too (Go: "exactly 1 block read").
      if (++this.zeroBlocks === 2) this.state = State.Done;
      return;
    }
    if (this.zeroBlocks > 0) throw new TarFormatError('a zero block is followed by a tar header', REPUSH);
    if (!checksumOk(b)) throw new TarFormatError('a tar header has a wrong checksum', REPUSH);
    const typeflag = b[156] === 0 ? '\0' : String.fromCharCode(b[156] as number);
    let size = parseNumeric(b, 124, 12);
    if (size < 0) throw new TarFormatError('a tar header has an invalid size', REPUSH);

    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (size > MAX_SPECIAL_SIZE) {
        const what = typeflag === 'x' || typeflag === 'g' ? 'pax header' : 'GNU long name';
        throw new TarFormatError(
          `a ${what} of ${size} bytes, over the 1 MiB that Go's archive/tar reads`,
          "hosts refuse this layer too (podman, skopeo and bootc read layers with Go's archive/tar); rebuild the layer without the oversized record",
        );
      }
      this.special = { type: typeflag, buf: Buffer.allocUnsafe(size), fill: 0 };
      this.member = undefined;
      this.startContent(State.Special, size);
      return;
    }

    const magic = b.toString('latin1', 257, 263);
    const version = b.toString('latin1', 263, 265);
    let name = cString(b, 0, 100);
    if (magic === 'ustar\0') {
      const star = b.toString('latin1', 508, 512) === 'tar\0';
      const prefix = cString(b, 345, star ? 131 : 155);
      if (prefix) name = `${prefix}/${name}`;
    } else if (!(magic === 'ustar ' && version === ' \0')) {
      // V7: the name field alone.
    }
    let linkname = cString(b, 157, 100);
    const pax = this.pax;
    if (pax) {
      const path = pax.get('path');
      if (path !== undefined) name = path;
      const link = pax.get('linkpath');
      if (link !== undefined) linkname = link;
      const paxSize = pax.get('size');
      if (paxSize !== undefined) {
        if (!/^[0-9]+$/.test(paxSize) || !Number.isSafeInteger(Number(paxSize)))
          throw new TarFormatError(`a pax header has an invalid size ${JSON.stringify(paxSize)}`, REPUSH);
        size = Number(paxSize);
      }
    }
    if (this.longName !== undefined) name = this.longName;
    if (this.longLink !== undefined) linkname = this.longLink;
    this.pax = undefined;
    this.longName = undefined;
    this.longLink = undefined;

    const type = memberType(typeflag, name);
    if (headerOnly(typeflag)) size = 0;
    this.member = name;
    const sink = this.visit({ name, linkname, type, size });
    if (sink) this.openSink(sink);
    // An old-GNU sparse member whose map does not fit its header (byte 482 set) continues it in
    // 512-byte extension blocks before the content: skipped, as the map is not used here.
    if (typeflag === 'S' && magic === 'ustar ' && version === ' \0' && b[482] !== 0) {
      this.sparseSize = size;
      this.state = State.SparseExt;
      return;
    }
    this.startContent(State.Body, size);
  }

  private startContent(state: State.Body | State.Special, size: number): void {
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    this.remaining = size;
    this.state = state;
    if (size === 0) {
      if (state === State.Body) this.endMember();
      else this.endSpecial(this.special as { type: string; buf: Buffer; fill: number });
    }
  }

  private openSink(sink: Writable): void {
    this.sink = sink;
    this.finishing.push(
      new Promise<void>((resolve) => {
        const onError = (e: Error) => {
          this.sinkError ??= e;
          resolve();
        };
        sink.once('error', onError);
        sink.once('finish', () => {
          sink.off('error', onError);
          // A later error (on close) must not become an uncaught one.
          sink.on('error', () => undefined);
          resolve();
        });
      }),
    );
  }

  private endMember(): void {
    if (this.sinkError) throw this.sinkError;
    this.sink?.end();
    this.sink = undefined;
    this.member = undefined;
    this.state = this.padding > 0 ? State.Padding : State.Header;
  }

  private endSpecial(s: { type: string; buf: Buffer }): void {
    this.special = undefined;
    if (s.type === 'x') this.pax = parsePax(s.buf);
    else if (s.type === 'g')
      parsePax(s.buf); // checked as Go does; applies to nothing here
    else if (s.type === 'L') this.longName = cString(s.buf, 0, s.buf.length, 'utf8');
    else this.longLink = cString(s.buf, 0, s.buf.length, 'utf8');
    this.state = this.padding > 0 ? State.Padding : State.Header;
  }
}

function isZero(b: Buffer): boolean {
  // Reads as 64 doubles' worth of bytes would be faster, but headers are a sliver of the work.
  for (let i = 0; i < BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

function checksumOk(b: Buffer): boolean {
  const field = b.toString('latin1', 148, 156).replace(/^[ \0]+|[ \0]+$/g, '');
  if (!/^[0-7]*$/.test(field)) return false;
  const want = field === '' ? 0 : parseInt(field, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : (b[i] as number);
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  return want === unsigned || want === signed;
}

/** Octal, or base-256 when the high bit of the first byte is set (GNU, for sizes over 8 GiB). */
function parseNumeric(b: Buffer, off: number, len: number): number {
  const first = b[off] as number;
  if (first & 0x80) {
    if (first & 0x40) return -1; // negative
    let x = first & 0x7f;
    for (let i = 1; i < len; i++) {
      x = x * 256 + (b[off + i] as number);
      if (x > Number.MAX_SAFE_INTEGER) return -1;
    }
    return x;
  }
  const s = b.toString('latin1', off, off + len).replace(/^[ \0]+|[ \0]+$/g, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) return -1;
  return parseInt(s, 8);
}

function cString(b: Buffer, off: number, len: number, encoding: BufferEncoding = 'utf8'): string {
  const nul = b.indexOf(0, off);
  const stop = nul >= 0 && nul < off + len ? nul : off + len;
  return b.toString(encoding, off, stop);
}

/** `"%d %s=%s\n"` records, as archive/tar's parsePAXRecord reads them. */
function parsePax(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < buf.length) {
    const space = buf.indexOf(0x20, at);
    const lenText = space > at ? buf.toString('latin1', at, space) : '';
    const len = /^[0-9]+$/.test(lenText) ? Number(lenText) : NaN;
    if (!(len >= 5) || at + len > buf.length || buf[at + len - 1] !== 0x0a)
      throw new TarFormatError('a pax header has a malformed record', REPUSH);
    const rec = buf.subarray(space + 1, at + len - 1);
    const eq = rec.indexOf(0x3d);
    if (eq <= 0) throw new TarFormatError('a pax header has a record without a key', REPUSH);
    out.set(rec.toString('utf8', 0, eq), rec.toString('utf8', eq + 1));
    at += len;
  }
  return out;
}

function headerOnly(typeflag: string): boolean {
  return typeflag >= '1' && typeflag <= '6';
}

function memberType(typeflag: string, name: string): TarMemberHeader['type'] {
  switch (typeflag) {
    case '\0':
      return name.endsWith('/') ? 'dir' : 'file';
    case '0':
    case '7':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
      return 'dir';
    default:
      return 'other';
  }
}
