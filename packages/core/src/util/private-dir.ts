import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A 0700 directory of our own for database copies and layer files: nothing else can read
 * or swap them under us, and `remove()` leaves no trace.
 */
export async function privateDir(
  prefix: string,
  parent = process.env.RUNNER_TEMP || tmpdir(),
): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(parent, `bydigest-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
