import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLayout, parseLayoutTransport } from '../../src/oci/layout/open.js';
import { selectLayoutManifest } from '../../src/oci/layout/select.js';
import { buildImage, writeOciLayout } from '../../../../test/harness/image.js';

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const copies: Buffer[] = [];
  // Copied: the chunks come from a reused buffer ring.
  for await (const c of chunks) copies.push(Buffer.from(c));
  return Buffer.concat(copies);
}

describe('layouts', () => {
  it('parses transports', () => {
    expect(parseLayoutTransport('oci:/tmp/x:latest')).toEqual({ kind: 'oci', path: '/tmp/x', ref: 'latest' });
    expect(parseLayoutTransport('oci:/tmp/x')).toEqual({ kind: 'oci', path: '/tmp/x' });
    expect(parseLayoutTransport('oci-archive:/tmp/x.tar:v1')).toEqual({
      kind: 'oci-archive',
      path: '/tmp/x.tar',
      ref: 'v1',
    });
    expect(parseLayoutTransport('containers-storage:x')).toBeUndefined();
  });

  it('reads a directory layout and an oci-archive of it (made by GNU tar, with a long name) alike', async () => {
    const img = buildImage({ layerSizes: [100, 70_000] });
    const dir = writeOciLayout(mkdtempSync(join(tmpdir(), 'layout-')), img, { refName: 'v1' });
    // A member name over 100 bytes forces GNU tar to use a long-name record.
    writeFileSync(join(dir, `${'n'.repeat(120)}.txt`), 'x');
    const tar = join(mkdtempSync(join(tmpdir(), 'archive-')), 'img.tar');
    expect(spawnSync('tar', ['-C', dir, '-cf', tar, '.']).status).toBe(0);
    for (const [kind, path] of [
      ['oci', dir],
      ['oci-archive', tar],
    ] as const) {
      const layout = await openLayout(kind, path);
      const m = await selectLayoutManifest(layout, 'v1');
      expect(m.digest).toBe(img.digest);
      expect(m.bytes.equals(img.bytes)).toBe(true);
      const layer = img.layers[1]!;
      expect(await layout.blobSize(layer.digest)).toBe(layer.size);
      expect((await readAll(layout.blobChunks(layer.digest, { ring: 2, chunkSize: 7 }))).equals(layer.bytes)).toBe(
        true,
      );
      await expect(selectLayoutManifest(layout, 'nope')).rejects.toThrow(/no manifest named "nope"[\s\S]*|it has: v1/);
    }
  });

  it('names what is missing', async () => {
    await expect(openLayout('oci', '/nonexistent/dir')).rejects.toThrow(/no such directory/);
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    const layout = await openLayout('oci', empty);
    await expect(selectLayoutManifest(layout)).rejects.toThrow(/index.json is missing/);
    const img = buildImage();
    const dir = writeOciLayout(mkdtempSync(join(tmpdir(), 'layout-')), img);
    const tampered = join(dir, 'blobs', 'sha256', img.digest.slice(7));
    writeFileSync(tampered, readFileSync(tampered).toString() + ' ');
    await expect(selectLayoutManifest(await openLayout('oci', dir))).rejects.toThrow(/does not match its digest/);
  });
});
