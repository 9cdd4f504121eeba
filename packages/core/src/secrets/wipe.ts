import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BydigestError } from '../errors.js';
import { isDirectChild, protectedReason, type ProtectedRoots } from './paths.js';
import { emptyWipeReport, type WipeReport } from './report.js';
import { assertValidFileName } from './spec.js';
import type { StagedFile } from './types.js';
import { zeroFile } from './zero-file.js';

export interface StagedRecord {
  /** The staging directory, as recorded when it was created; absent if creation never happened. */
  dir?: string | undefined;
  /** Every planned file, created or not. */
  files: readonly StagedFile[];
}

export interface StagedWipeReport extends WipeReport {
  /** Names of staged files found and wiped. */
  wiped: string[];
  /** Names planned but not found: never created (staging stopped first) or already removed. */
  missing: string[];
}

/**
 * Wipes what stageSecretFiles wrote: each planned file (zeros, fsync, unlink), then anything
 * else found in the directory, then the directory. Keeps going past errors; the report lists them.
 */
export async function wipeStaged(record: StagedRecord, roots: ProtectedRoots): Promise<StagedWipeReport> {
  const report: StagedWipeReport = { ...emptyWipeReport(), wiped: [], missing: [] };
  const { dir } = record;
  if (dir === undefined) {
    // The directory was never created, so no file can have been.
    report.missing.push(...record.files.map((f) => f.name));
    return report;
  }
  const refused = await refuseRoot(dir, roots);
  if (refused) {
    report.errors.push(refused);
    return report;
  }
  let dirStat: Stats;
  try {
    dirStat = await lstat(dir);
  } catch (e) {
    if (isGone(e)) {
      report.absent += 1;
      report.missing.push(...record.files.map((f) => f.name));
      return report;
    }
    report.errors.push(`${dir}: ${errCode(e)}`);
    return report;
  }
  if (!dirStat.isDirectory()) {
    // Our directory was swapped for a link or a file: its contents may now live somewhere else,
    // and going through a link could wipe a stranger's files. Remove the impostor, fail loudly.
    await wipeTree(dir, report);
    report.errors.push(
      `${dir} was replaced by ${dirStat.isSymbolicLink() ? 'a symbolic link' : 'a non-directory'}; the staged files were not found there`,
    );
    return report;
  }
  for (const file of record.files) {
    if (!isDirectChild(file.path, dir) || basename(file.path) !== file.name || !validName(file.name)) {
      report.errors.push(`${file.path}: not a file of ${dir}; left alone`);
      continue;
    }
    let st: Stats;
    try {
      st = await lstat(file.path);
    } catch (e) {
      // Planned but never created (staging stopped before it), or removed by someone else.
      if (isGone(e)) report.missing.push(file.name);
      else report.errors.push(`${file.path}: ${errCode(e)}`);
      continue;
    }
    if (st.isFile() && st.size !== file.size) {
      report.warnings.push(
        `${file.name} holds ${st.size} bytes where ${file.size} were staged (cut short, or changed since); all ${st.size} were zeroed`,
      );
    } else if (!st.isFile()) {
      report.warnings.push(`${file.name} is no longer a regular file; removed without following it`);
    }
    const errorsBefore = report.errors.length;
    await wipeTree(file.path, report, st);
    if (report.errors.length === errorsBefore) report.wiped.push(file.name);
  }
  let extras: string[] = [];
  try {
    extras = await readdir(dir);
  } catch {
    // wipeTree below reports it.
  }
  if (extras.length > 0)
    report.warnings.push(
      `${extras.length} other entr${extras.length === 1 ? 'y' : 'ies'} in ${dir} wiped too: ${extras.join(', ')}`,
    );
  await wipeTree(dir, report);
  return report;
}

/** Wipes each path (file, directory tree or link) that exists; missing ones are counted as absent. */
export async function wipePaths(paths: readonly string[], roots: ProtectedRoots): Promise<WipeReport> {
  const report = emptyWipeReport();
  for (const path of paths) {
    const refused = await refuseRoot(path, roots);
    if (refused) {
      report.errors.push(refused);
      continue;
    }
    let st: Stats;
    try {
      st = await lstat(path);
    } catch (e) {
      if (isGone(e)) report.absent += 1;
      else report.errors.push(`${path}: ${errCode(e)}`);
      continue;
    }
    await wipeTree(path, report, st);
  }
  return report;
}

/** The paths that still exist (or cannot be checked) after a wipe. */
export async function remainingPaths(paths: readonly string[]): Promise<string[]> {
  const left: string[] = [];
  for (const path of [...new Set(paths)]) {
    try {
      await lstat(path);
      left.push(path);
    } catch (e) {
      if (!isGone(e)) left.push(path);
    }
  }
  return left;
}

/**
 * Removes one entry: a regular file is zeroed first, a directory is emptied depth-first, a link
 * or special file is unlinked, never followed. Never crosses into another file system (a mount
 * point under a wiped directory is reported, not emptied). Errors are recorded, not thrown.
 *
 * Node has no openat()/unlinkat(), so between an lstat and the use of a path a process of the same
 * user could swap a component; O_NOFOLLOW and the inode check in zeroFile close that for the
 * bytes that matter, the contents of files.
 */
export async function wipeTree(path: string, report: WipeReport, seen?: Stats, device?: number): Promise<void> {
  let st = seen;
  try {
    st ??= await lstat(path);
  } catch (e) {
    if (isGone(e)) report.absent += 1;
    else report.errors.push(`${path}: ${errCode(e)}`);
    return;
  }
  try {
    if (st.isSymbolicLink()) {
      await unlink(path);
      report.links += 1;
    } else if (st.isDirectory()) {
      if (device !== undefined && st.dev !== device) {
        report.errors.push(`${path}: is a mount point; not wiping another file system`);
        return;
      }
      for (const entry of await readdir(path)) await wipeTree(join(path, entry), report, undefined, st.dev);
      await rmdir(path);
      report.directories += 1;
    } else if (st.isFile()) {
      try {
        const zeroed = await zeroFile(path, st);
        if (zeroed.extraLinks > 0)
          report.warnings.push(`${path} had ${zeroed.extraLinks} other hard link(s); they now read as zeros`);
        report.files += 1;
        report.bytes += zeroed.bytes;
      } catch (e) {
        // Still unlink: a name that later steps can open is worse than unzeroed free blocks.
        // The error fails the step either way.
        report.errors.push(describe(path, e, 'not zeroed'));
      }
      await unlink(path);
    } else {
      await unlink(path);
      report.other += 1;
    }
  } catch (e) {
    report.errors.push(describe(path, e));
  }
}

/**
 * A root recorded by the main step is refused when it became protected, or when a directory
 * above it is now a symbolic link (the recorded path is canonical, so its parent must resolve
 * to itself): following such a link would wipe whatever it points to.
 */
async function refuseRoot(path: string, roots: ProtectedRoots): Promise<string | undefined> {
  const why = protectedReason(path, roots);
  if (why) return `${path}: refused, ${why}`;
  const parent = dirname(path);
  try {
    const real = await realpath(parent);
    if (real !== parent)
      return `${path}: refused, ${parent} now resolves to ${real} (a symbolic link was put in its path)`;
  } catch (e) {
    if (!isGone(e)) return `${path}: ${errCode(e)}`;
  }
  return undefined;
}

function validName(name: string): boolean {
  try {
    assertValidFileName(name);
    return true;
  } catch {
    return false;
  }
}

function isGone(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function describe(path: string, e: unknown, what?: string): string {
  const why = e instanceof BydigestError ? e.message : `${path}: ${errCode(e)}`;
  return what ? `${why} (${what})` : why;
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}
