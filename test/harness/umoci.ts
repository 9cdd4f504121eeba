import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from './run.js';

/**
 * An OCI layout written by Debian's umoci (bookworm's 0.4.7): `umoci insert` adds one layer per
 * file, and its tar streams stop right after the file's bytes — no padding, no end blocks — which
 * Go's archive/tar (and so every host) reads as the end of the archive. Returns the layout dir;
 * the image is tagged `tag` in it.
 */
export async function umociLayout(
  dir: string,
  tag: string,
  files: { path: string; content: string | Buffer }[],
): Promise<string> {
  await runOk('umoci', ['init', '--layout', dir]);
  await runOk('umoci', ['new', '--image', `${dir}:${tag}`]);
  const staging = mkdtempSync(join(dir, '..', 'umoci-src-'));
  try {
    for (const [i, f] of files.entries()) {
      const src = join(staging, String(i));
      writeFileSync(src, f.content);
      await runOk('umoci', ['insert', '--image', `${dir}:${tag}`, src, f.path]);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}
