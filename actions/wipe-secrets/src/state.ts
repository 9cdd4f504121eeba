import { getState } from '@bydigest/action-kit';
import { BydigestError, type StagedFile } from '@bydigest/core';

/** State keys. Values hold paths and sizes only, never secret bytes. */
export const STATE = {
  dir: 'dir',
  files: 'files',
  wipePaths: 'wipe-paths',
} as const;

export interface PostState {
  dir?: string;
  files: StagedFile[];
  wipePaths: string[];
}

/** What the main step recorded; a malformed record fails the post step instead of wiping blindly. */
export function readPostState(): PostState {
  const dir = getState(STATE.dir);
  const files = parseJson(STATE.files, getState(STATE.files), isStagedFileList) ?? [];
  const wipePaths = parseJson(STATE.wipePaths, getState(STATE.wipePaths), isStringList) ?? [];
  if (dir !== '' && !dir.startsWith('/')) throw corrupt(STATE.dir);
  return { ...(dir ? { dir } : {}), files, wipePaths };
}

function parseJson<T>(key: string, raw: string, check: (v: unknown) => v is T): T | undefined {
  if (raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw corrupt(key);
  }
  if (!check(value)) throw corrupt(key);
  return value;
}

function corrupt(key: string): BydigestError {
  return new BydigestError('SECRETS', `the state '${key}' saved by the main step is malformed; nothing was wiped`, {
    hint: "the staged files may still exist: check the runner's temp directory",
  });
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((p) => typeof p === 'string' && p.startsWith('/'));
}

function isStagedFileList(v: unknown): v is StagedFile[] {
  return (
    Array.isArray(v) &&
    v.every(
      (f) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as StagedFile).name === 'string' &&
        typeof (f as StagedFile).path === 'string' &&
        Number.isSafeInteger((f as StagedFile).size),
    )
  );
}
