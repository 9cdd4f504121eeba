import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { MAX_SPECIAL_SIZE, TarFormatError, TarScanner, type TarMemberHeader } from '../../src/layers/tar-scanner.js';
import { tarOf } from '../../../../test/harness/layers.js';
import { rawTar } from '../fuzz/tar-writer.js';

/** A ustar header block as GNU tar writes one (octal fields, checksum over the block). */
function header(
  name: string,
  opts: { type?: string; size?: number; linkname?: string; prefix?: string; checksumDelta?: number } = {},
): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0, 100, 'utf8');
  b.write('0000644\0', 100, 'latin1');
  b.write('0000000\0', 108, 'latin1');
  b.write('0000000\0', 116, 'latin1');
  b.write(`${(opts.size ?? 0).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  b.write('00000000000\0', 136, 'latin1');
  b.write(opts.type ?? '0', 156, 'latin1');
  if (opts.linkname) b.write(opts.linkname, 157, 100, 'utf8');
  b.write('ustar\0', 257, 'latin1');
  b.write('00', 263, 'latin1');
  if (opts.prefix) b.write(opts.prefix, 345, 155, 'utf8');
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const c of b) sum += c;
  b.write(`${(sum + (opts.checksumDelta ?? 0)).toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);
const member = (name: string, content: string | Buffer, opts: Parameters<typeof header>[1] = {}) => {
  const body = Buffer.from(content);
  return Buffer.concat([header(name, { ...opts, size: body.length }), body, pad(body.length)]);
};
const paxRecord = (key: string, value: string) => {
  const text = ` ${key}=${value}\n`;
  let n = Buffer.byteLength(text) + 1;
  while (String(n).length + Buffer.byteLength(text) !== n) n++;
  return `${n}${text}`;
};

interface Read {
  headers: TarMemberHeader[];
  contents: Map<string, string>;
}

/** Feeds `tar` in chunks of `chunk` bytes and collects every member and every file's content. */
async function read(tar: Buffer, chunk = tar.length || 1, copyChunks = false): Promise<Read> {
  const headers: TarMemberHeader[] = [];
  const contents = new Map<string, string>();
  const scanner = new TarScanner((h) => {
    headers.push(h);
    if (h.type !== 'file') return undefined;
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (b: Buffer) => parts.push(Buffer.from(b)));
    sink.on('end', () => contents.set(h.name, Buffer.concat(parts).toString()));
    return sink;
  }, copyChunks);
  // A reused buffer, as the read ring hands out, when copyChunks is set.
  const ring = Buffer.alloc(chunk);
  for (let at = 0; at < tar.length; at += chunk) {
    const part = tar.subarray(at, Math.min(tar.length, at + chunk));
    const view = copyChunks ? ring.subarray(0, part.copy(ring)) : part;
    await scanner.push(view);
    if (copyChunks) ring.fill(0xee);
  }
  await scanner.end();
  return { headers, contents };
}

const failure = async (p: Promise<unknown>): Promise<TarFormatError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TarFormatError);
    return e as TarFormatError;
  }
  throw new Error('expected the read to fail');
};

describe('TarScanner (reads layers the way Go’s archive/tar does)', () => {
  it('reads what a standard writer wrote, in any chunking, with reused buffers', async () => {
    const tar = await tarOf([
      { name: 'usr/', dir: true },
      { name: 'usr/lib/os-release', content: 'ID=fedora\n' },
      { name: 'etc/os-release', symlink: '../usr/lib/os-release' },
      { name: 'usr/lib/big', content: 'y'.repeat(1500) },
      { name: 'usr/lib/link', hardlink: 'usr/lib/big' },
      { name: `opt/${'n'.repeat(180)}/file`, content: 'long name' },
    ]);
    const whole = await read(tar);
    expect(whole.headers.map((h) => [h.name, h.type])).toEqual([
      ['usr/', 'dir'],
      ['usr/lib/os-release', 'file'],
      ['etc/os-release', 'symlink'],
      ['usr/lib/big', 'file'],
      ['usr/lib/link', 'hardlink'],
      [`opt/${'n'.repeat(180)}/file`, 'file'],
    ]);
    expect(whole.headers[2]?.linkname).toBe('../usr/lib/os-release');
    expect(whole.contents.get('usr/lib/big')).toBe('y'.repeat(1500));
    expect(whole.contents.get(`opt/${'n'.repeat(180)}/file`)).toBe('long name');
    for (const chunk of [1, 7, 511, 512, 513, 4096]) {
      for (const copy of [false, true]) {
        const r = await read(tar, chunk, copy);
        expect(r.headers).toEqual(whole.headers);
        expect(r.contents).toEqual(whole.contents);
      }
    }
  });

  it('takes a stream that ends right after the last member’s content or inside its padding (umoci insert)', async () => {
    const body = 'x'.repeat(48);
    const full = Buffer.concat([
      member('etc/a', 'first'),
      header('etc/containers/policy.json', { size: body.length }),
      Buffer.from(body),
    ]);
    const r = await read(full);
    expect(r.contents.get('etc/containers/policy.json')).toBe(body);
    const withSomePadding = Buffer.concat([full, Buffer.alloc(100)]);
    expect((await read(withSomePadding, 13)).contents.get('etc/containers/policy.json')).toBe(body);
    // One zero block and then the end: Go reads that as the end too.
    expect((await read(Buffer.concat([full, pad(48), Buffer.alloc(512)]))).headers).toHaveLength(2);
  });

  it('refuses a member whose content is cut short, and a header cut short', async () => {
    const cut = Buffer.concat([
      member('etc/a', 'first'),
      header('etc/b', { size: 100 }),
      Buffer.from('only forty bytes of the hundred promised.'),
    ]);
    const e = await failure(read(cut, 64));
    expect(e.message).toMatch(/ends inside member "etc\/b": 59 bytes of its content are missing/);
    const halfHeader = Buffer.concat([member('etc/a', 'first'), header('etc/b').subarray(0, 300)]);
    expect((await failure(read(halfHeader))).message).toMatch(/ends inside a tar header \(300 of 512 bytes\)/);
  });

  it('stops at two zero blocks and reads nothing after them', async () => {
    const tar = Buffer.concat([
      member('a', 'A'),
      Buffer.alloc(1024),
      Buffer.from('trailing bytes that are not a tar header at all'.repeat(20)),
    ]);
    const r = await read(tar, 100);
    expect(r.headers.map((h) => h.name)).toEqual(['a']);
  });

  it('refuses a zero block followed by a header, and a header with a wrong checksum', async () => {
    const zeroThenHeader = Buffer.concat([member('a', 'A'), Buffer.alloc(512), member('b', 'B')]);
    expect((await failure(read(zeroThenHeader))).message).toMatch(/zero block is followed by a tar header/);
    const bad = Buffer.concat([member('a', 'A', { checksumDelta: 1 })]);
    expect((await failure(read(bad))).message).toMatch(/wrong checksum/);
  });

  it('applies pax path, linkpath and size, and GNU long names (which win over pax)', async () => {
    const longPath = `usr/${'p'.repeat(300)}/policy.json`;
    const pax = Buffer.from(paxRecord('path', longPath) + paxRecord('size', '5') + paxRecord('mtime', '1.5'));
    const gnuName = Buffer.from(`var/${'g'.repeat(200)}/status\0`);
    const tar = Buffer.concat([
      member('PaxHeaders/x', pax, { type: 'x' }),
      // The header says 9 bytes; pax says 5, and pax wins.
      header('short-name', { size: 9 }),
      Buffer.from('12345'),
      pad(5),
      member('././@LongLink', gnuName, { type: 'L' }),
      member('ignored', 'dpkg'),
      member('PaxHeaders/y', Buffer.from(paxRecord('linkpath', '/usr/share/very/far/target')), { type: 'x' }),
      header('l', { type: '2' }),
      member('global', Buffer.from(paxRecord('comment', 'applies to nothing')), { type: 'g' }),
      member('after-global', 'g'),
    ]);
    const r = await read(tar, 100);
    expect(r.headers.map((h) => [h.name, h.type, h.size])).toEqual([
      [longPath, 'file', 5],
      [`var/${'g'.repeat(200)}/status`, 'file', 4],
      ['l', 'symlink', 0],
      ['after-global', 'file', 1],
    ]);
    expect(r.contents.get(longPath)).toBe('12345');
    expect(r.headers[2]?.linkname).toBe('/usr/share/very/far/target');
  });

  it('refuses a pax header or GNU long name over 1 MiB, naming its size and that hosts refuse it too', async () => {
    const size = MAX_SPECIAL_SIZE + 1;
    for (const type of ['x', 'L']) {
      const tar = Buffer.concat([header('big', { type, size }), Buffer.alloc(size + 511)]);
      const e = await failure(read(tar, 65536));
      expect(e.message).toContain(`${type === 'x' ? 'pax header' : 'GNU long name'} of ${size} bytes`);
      expect(e.hint).toMatch(/hosts refuse this layer too/);
    }
    // A record of 1 MiB exactly is read.
    const longest = 'p'.repeat(MAX_SPECIAL_SIZE - 14);
    const fits = Buffer.from(paxRecord('path', longest));
    expect(fits.length).toBe(MAX_SPECIAL_SIZE);
    const r = await read(Buffer.concat([member('x', fits, { type: 'x' }), member('f', 'F')]), 65536);
    expect(r.contents.get(longest)).toBe('F');
  });

  it('gives no content to link, symlink, device and directory members, whatever their size field says', async () => {
    const tar = Buffer.concat([
      header('hl', { type: '1', linkname: 'a', size: 4096 }),
      header('d/', { type: '5', size: 4096 }),
      member('after', 'ok'),
    ]);
    const r = await read(tar);
    expect(r.headers.map((h) => [h.name, h.size])).toEqual([
      ['hl', 0],
      ['d/', 0],
      ['after', 2],
    ]);
    expect(r.contents.get('after')).toBe('ok');
  });

  it('skips an old-GNU sparse member’s extension blocks before its content, as Go reads them (was: a wrong checksum)', async () => {
    const tar = rawTar([
      { name: 'var/lib/sparse.img', type: 'S', content: Buffer.alloc(1000, 7), sparseExtensions: 3 },
      { name: 'etc/os-release', content: Buffer.from('ID=fedora\n') },
    ]);
    for (const chunk of [tar.length, 512, 100, 1]) {
      const r = await read(tar, chunk);
      expect(r.headers.map((h) => [h.name, h.type, h.size])).toEqual([
        ['var/lib/sparse.img', 'other', 1000],
        ['etc/os-release', 'file', 10],
      ]);
      expect(r.contents.get('etc/os-release')).toBe('ID=fedora\n');
    }
    const cut = rawTar([{ name: 's', type: 'S', content: Buffer.alloc(10), sparseExtensions: 2 }], {
      end: false,
    }).subarray(0, 700);
    expect((await failure(read(cut))).message).toMatch(/inside the sparse map of member "s"/);
  });

  it('joins the ustar prefix and reads a base-256 size', async () => {
    const big = header('name', { prefix: 'a/deep/prefix', size: 0 });
    expect((await read(Buffer.concat([big]))).headers[0]?.name).toBe('a/deep/prefix/name');
    const b = header('sized', { size: 3 });
    b.fill(0, 124, 136);
    b[124] = 0x80;
    b[135] = 3;
    b.fill(0x20, 148, 156);
    let sum = 0;
    for (const c of b) sum += c;
    b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const r = await read(Buffer.concat([b, Buffer.from('abc'), pad(3)]));
    expect(r.contents.get('sized')).toBe('abc');
  });

  it('waits for a slow sink instead of queueing the layer', async () => {
    const body = Buffer.alloc(3 * 65536, 0x61);
    const tar = Buffer.concat([member('big', body), member('next', 'n')]);
    let written = 0;
    const sink = new PassThrough({ highWaterMark: 1024 });
    const scanner = new TarScanner((h) => (h.name === 'big' ? sink : undefined), false);
    // Nobody reads the sink yet: the first chunk fills it and the scanner asks to wait.
    const pending = scanner.push(tar.subarray(0, 65536));
    expect(pending).toBeInstanceOf(Promise);
    let resolved = false;
    void pending?.then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    const reading = (async () => {
      for await (const c of sink) written += (c as Buffer).length;
    })();
    await pending;
    for (let at = 65536; at < tar.length; at += 65536) await scanner.push(tar.subarray(at, at + 65536));
    await scanner.end();
    await reading;
    expect(written).toBe(body.length);
  });
});
