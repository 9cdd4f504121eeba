/**
 * Tar bytes as a hostile layer would carry them: any name, any type flag, sizes that lie, pax
 * and GNU long-name records, GNU sparse headers with extension blocks. tar-stream (the test
 * harness's writer) refuses most of this, which is what the fuzzer needs to feed the walk.
 */
export interface RawMember {
  name: string;
  /** The type flag character: '0' file, '1' hard link, '2' symlink, '5' dir, 'S' GNU sparse… */
  type?: string;
  linkname?: string;
  content?: Buffer;
  /** The size field when it should not be the content's length. */
  size?: number;
  /** pax records written in an `x` member before this one. */
  pax?: Record<string, string>;
  /** A GNU `L` long-name member before this one. */
  longName?: string;
  /** Old-GNU sparse extension blocks after the header (each 512 bytes, flag at byte 504). */
  sparseExtensions?: number;
}

export function header(
  name: string,
  type: string,
  size: number,
  linkname = '',
  opts: { extended?: boolean } = {},
): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0, 100, 'utf8');
  b.write('0000644\0', 100, 'latin1');
  b.write('0000000\0', 108, 'latin1');
  b.write('0000000\0', 116, 'latin1');
  if (size > 0o77777777777) {
    // base-256, as GNU tar writes sizes over 8 GiB
    b[124] = 0x80;
    let v = size;
    for (let i = 135; i > 124; i--, v = Math.floor(v / 256)) b[i] = v % 256;
  } else {
    b.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  }
  b.write('00000000000\0', 136, 'latin1');
  b.write(type.slice(0, 1) || '0', 156, 'latin1');
  b.write(linkname, 157, 100, 'utf8');
  if (type === 'S') {
    b.write('ustar  \0', 257, 'latin1'); // old GNU magic and version
    if (opts.extended) b[482] = 1;
  } else {
    b.write('ustar\0', 257, 'latin1');
    b.write('00', 263, 'latin1');
  }
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const c of b) sum += c;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);

export function paxRecord(key: string, value: string): string {
  const text = ` ${key}=${value}\n`;
  let n = Buffer.byteLength(text) + 1;
  while (String(n).length + Buffer.byteLength(text) !== n) n++;
  return `${n}${text}`;
}

function special(type: string, body: Buffer): Buffer {
  return Buffer.concat([header('././@PaxHeader', type, body.length), body, pad(body.length)]);
}

export function rawTar(members: RawMember[], opts: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    if (m.pax)
      parts.push(
        special(
          'x',
          Buffer.from(
            Object.entries(m.pax)
              .map(([k, v]) => paxRecord(k, v))
              .join(''),
          ),
        ),
      );
    if (m.longName !== undefined) parts.push(special('L', Buffer.from(`${m.longName}\0`)));
    const content = m.content ?? Buffer.alloc(0);
    const ext = m.sparseExtensions ?? 0;
    parts.push(header(m.name, m.type ?? '0', m.size ?? content.length, m.linkname ?? '', { extended: ext > 0 }));
    for (let i = 0; i < ext; i++) {
      const block = Buffer.alloc(512);
      if (i < ext - 1) block[504] = 1;
      parts.push(block);
    }
    parts.push(content, pad(content.length));
  }
  if (opts.end !== false) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
