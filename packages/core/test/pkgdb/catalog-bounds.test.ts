import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FoundFile } from '../../src/layers/find-in-image.js';
import { catalogFound } from '../../src/pkgdb/catalog.js';
import { rejection } from '../bydigest-error.js';

const dir = mkdtempSync(join(tmpdir(), 'bydigest-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function found(files: Record<string, Buffer>) {
  const map = new Map<string, FoundFile>();
  for (const [path, bytes] of Object.entries(files)) {
    const file = join(dir, String(map.size));
    writeFileSync(file, bytes);
    map.set(path, { requested: path, path, layer: 'sha256:l', file, size: bytes.length });
  }
  return { files: map, dirs: new Map(), layersRead: 1, layersTotal: 1, close: async () => undefined };
}

const DPKG = Buffer.from('Package: hello\nStatus: install ok installed\nVersion: 2.10-3\n');

describe('catalogFound bounds the text files it reads whole (a hostile layer’s huge os-release or status)', () => {
  it('refuses an os-release over 64 KiB, naming the path, the layer and the size', async () => {
    const e = await rejection(
      catalogFound(found({ '/etc/os-release': Buffer.alloc(64 * 1024 + 1, 0x61), '/var/lib/dpkg/status': DPKG }), {
        inPlace: true,
      }),
    );
    expect(e.code).toBe('PKGDB');
    expect(e.message).toBe(
      '/etc/os-release in layer sha256:l is 65537 bytes, too large for an os-release (at most 65536)',
    );
  });

  it('refuses a dpkg status over 32 MiB, and reads one at the limit’s side', async () => {
    const big = Buffer.concat([DPKG, Buffer.alloc(32 * 1024 * 1024 - DPKG.length + 1, 0x0a)]);
    expect((await rejection(catalogFound(found({ '/var/lib/dpkg/status': big }), { inPlace: true }))).message).toMatch(
      /status in layer sha256:l is 33554433 bytes, too large for a dpkg status file/,
    );
    const c = await catalogFound(
      found({ '/etc/os-release': Buffer.from('ID=debian\n'), '/var/lib/dpkg/status': DPKG }),
      { inPlace: true },
    );
    expect(c.packages.map((p) => p.name)).toEqual(['hello']);
    expect(c.os?.id).toBe('debian');
  });
});
