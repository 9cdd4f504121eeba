import { chmod, lstat, mkdir, mkdtemp, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { BydigestError } from '../errors.js';

export interface CreateStagingDirOptions {
  /** An absolute path to use: it must not exist, or be an empty directory owned by us. */
  dir?: string | undefined;
  /** Where to create a fresh directory when `dir` is not given (the runner's temp directory). */
  parent: string;
  /**
   * Called as soon as the directory exists and is ours, before anything is put in it, so the
   * caller can record it for the wipe even if a later step of staging fails.
   */
  onCreated?: (dir: string) => void;
}

const PREFIX = 'wipe-secrets-';

/** Creates (or claims) the staging directory with mode 0700 and returns its canonical path. */
export async function createStagingDir(opts: CreateStagingDirOptions): Promise<string> {
  let dir: string;
  if (opts.dir === undefined) {
    // mkdtemp creates the directory 0700 whatever the umask; the check below still runs.
    try {
      dir = await realpath(await mkdtemp(join(await realpath(opts.parent), PREFIX)));
    } catch (e) {
      throw new BydigestError(
        'SECRETS',
        `cannot create a directory in ${opts.parent}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        {
          hint: 'RUNNER_TEMP must be an existing, writable directory; or choose another staging directory',
          cause: e,
        },
      );
    }
  } else {
    dir = opts.dir;
    await claimDir(dir);
  }
  opts.onCreated?.(dir);
  await ensurePrivateDir(dir);
  return dir;
}

async function claimDir(dir: string): Promise<void> {
  try {
    // Not recursive: parents created here would outlive the wipe, which removes only `dir`.
    await mkdir(dir, { mode: 0o700 });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BydigestError('INVALID_ARGUMENT', `the parent directory of ${dir} does not exist`, {
        hint: 'create the parent first, or let a fresh directory be made under $RUNNER_TEMP',
        cause: e,
      });
    }
    if (code !== 'EEXIST')
      throw new BydigestError('SECRETS', `cannot create ${dir}: ${code ?? String(e)}`, { cause: e });
  }
  const st = await lstat(dir);
  if (st.isSymbolicLink()) {
    throw new BydigestError('INVALID_ARGUMENT', `${dir} is a symbolic link`, {
      hint: 'give a real directory, or a path that does not exist yet',
    });
  }
  if (!st.isDirectory())
    throw new BydigestError('INVALID_ARGUMENT', `${dir} exists and is not a directory`, {
      hint: 'give a path that does not exist yet',
    });
  const entries = await readdir(dir);
  if (entries.length > 0) {
    // Everything in the directory would be wiped after the job: never take over someone's files.
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${dir} exists and is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'})`,
      {
        hint: 'give a path that does not exist yet or an empty directory; the whole directory is wiped by the post step',
      },
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && st.uid !== uid) {
    throw new BydigestError('INVALID_ARGUMENT', `${dir} belongs to another user (uid ${st.uid})`, {
      hint: 'give a directory you own, or a path that does not exist yet',
    });
  }
}

/**
 * Verifies the directory is a real directory of ours with no access for group or others.
 * mkdir's mode is filtered by the umask (which can only remove bits) or by a default ACL
 * inherited from the parent (which can add group bits), so the result is checked, not assumed.
 * The directory is still empty here, so correcting the mode exposes nothing.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  let st = await lstat(dir);
  if (!st.isDirectory() || st.isSymbolicLink())
    throw new BydigestError('SECRETS', `${dir} is not a directory any more`);
  if ((st.mode & 0o777) !== 0o700) {
    await chmod(dir, 0o700);
    st = await lstat(dir);
  }
  if (!st.isDirectory() || (st.mode & 0o777) !== 0o700) {
    throw new BydigestError('SECRETS', `${dir} has mode ${(st.mode & 0o777).toString(8)}, expected 700`, {
      hint: "the file system may not support Unix modes; use a directory on the runner's local disk",
    });
  }
}
