import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { BydigestError } from '../errors.js';
import { assertValidFileName } from './spec.js';
import type { StagedFile } from './types.js';

export interface StageOptions {
  /**
   * Receives the full plan before the first file is opened. Recording it first means a crash
   * or kill at any later point leaves nothing the wipe does not know about; the wipe treats a
   * planned file that never appeared as already gone.
   */
  onPlanned?: (files: StagedFile[]) => void;
}

// O_EXCL (the `x` of `wx`) refuses any existing entry, a planted symlink included; O_NOFOLLOW
// says the same thing once more for the last component. The mode applies from creation on.
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Writes each secret to `dir/name`, mode 0600, exactly its bytes. `dir` must be private (0700). */
export async function stageSecretFiles(
  dir: string,
  secrets: readonly { name: string; value: Uint8Array }[],
  opts: StageOptions = {},
): Promise<StagedFile[]> {
  for (const s of secrets) assertValidFileName(s.name);
  const plan = secrets.map((s) => ({ name: s.name, path: join(dir, s.name), size: s.value.byteLength }));
  opts.onPlanned?.(plan.map((f) => ({ ...f })));
  for (let i = 0; i < secrets.length; i++) {
    await writeSecretFile(plan[i] as StagedFile, (secrets[i] as { value: Uint8Array }).value);
  }
  return plan;
}

async function writeSecretFile(file: StagedFile, value: Uint8Array): Promise<void> {
  let fh;
  try {
    fh = await open(file.path, CREATE_FLAGS, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ELOOP' ? 'something else created it first' : (code ?? String(e));
    throw new BydigestError('SECRETS', `cannot create ${file.path}: ${why}`, { cause: e });
  }
  try {
    let st = await fh.stat();
    // The umask can only remove bits, but a default ACL on the directory can add group bits.
    // Nothing has been written yet, so tightening the mode here still means 0600 from the first byte.
    if ((st.mode & 0o777) !== 0o600) {
      await fh.chmod(0o600);
      st = await fh.stat();
    }
    if (!st.isFile() || (st.mode & 0o777) !== 0o600 || st.nlink !== 1) {
      throw new BydigestError(
        'SECRETS',
        `${file.name} was created with mode ${(st.mode & 0o777).toString(8)} and ${st.nlink} link(s); expected 600 and 1`,
      );
    }
    let offset = 0;
    while (offset < value.byteLength) {
      const { bytesWritten } = await fh.write(value, offset, value.byteLength - offset, offset);
      if (bytesWritten <= 0) throw new BydigestError('SECRETS', `writing ${file.name} made no progress`);
      offset += bytesWritten;
    }
    const after = await fh.stat();
    if (after.size !== value.byteLength) {
      throw new BydigestError('SECRETS', `${file.name} holds ${after.size} bytes after writing ${value.byteLength}`);
    }
  } catch (e) {
    if (e instanceof BydigestError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new BydigestError('SECRETS', `writing ${file.name} failed: ${code ?? String(e)}`, { cause: e });
  } finally {
    await fh.close();
  }
}
