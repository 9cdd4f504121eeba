import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes files laid out as a host's root under `dir` (`/etc/containers/policy.json` becomes
 * dir/etc/containers/policy.json), mode 0644: the layout a Containerfile COPYs to `/`, a
 * recovery script installs, or a runner-side verifier reads.
 */
export async function writeRootFiles(dir: string, files: ReadonlyMap<string, Buffer>): Promise<string[]> {
  const written: string[] = [];
  for (const [hostPath, bytes] of files) {
    const out = join(dir, hostPath);
    await mkdir(join(out, '..'), { recursive: true });
    await writeFile(out, bytes, { mode: 0o644 });
    written.push(out);
  }
  return written;
}
