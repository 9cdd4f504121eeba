import { booleanInput, InputError, rawInput, saveState } from '@bydigest/action-kit';
import {
  assertNotProtected,
  BydigestError,
  canonicalParentPath,
  parseSecretFileSpecs,
  resolveUserPath,
  type ProtectedRoots,
  type SecretFileSpec,
} from '@bydigest/core';
import { STATE } from './state.js';

export interface StageInputs {
  specs: SecretFileSpec[];
  /** Canonical staging directory, when given. */
  dir?: string;
  allowEmpty: boolean;
  /** Canonical paths, deduplicated. */
  wipePaths: string[];
}

/** Runs a core check for one input: its argument errors become errors naming that input. */
export async function forInput<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    // `files` and `dir` errors (a directory that cannot be created, say) are all about the input.
    if (e instanceof BydigestError && (e.code === 'INVALID_ARGUMENT' || name === 'files' || name === 'dir')) throw new InputError(name, e.message, e.hint);
    throw e;
  }
}

/** Resolved against the workspace, parents' links resolved, never a protected directory. */
async function safePath(raw: string, roots: ProtectedRoots): Promise<string> {
  const abs = resolveUserPath(raw, roots.workspace ?? process.cwd());
  await assertNotProtected(abs, roots);
  return canonicalParentPath(abs);
}

export async function readWipePaths(roots: ProtectedRoots): Promise<string[]> {
  const lines = rawInput('wipe-paths')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const out: string[] = [];
  for (const line of lines) {
    const p = await forInput('wipe-paths', () => safePath(line, roots));
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

export async function readStageInputs(roots: ProtectedRoots, wipePaths: string[]): Promise<StageInputs> {
  const specs = await forInput('files', () => parseSecretFileSpecs(rawInput('files')));
  if (specs.length === 0 && wipePaths.length === 0) {
    throw new InputError('files', 'lists no files (and wipe-paths is empty too)', 'add lines such as `MOK.key=MOK_KEY`, with MOK_KEY set in the step\'s env:');
  }
  const allowEmpty = booleanInput('allow-empty', false);
  const rawDir = rawInput('dir');
  const dir = rawDir === '' ? undefined : await forInput('dir', () => safePath(rawDir, roots));
  return { specs, ...(dir ? { dir } : {}), allowEmpty, wipePaths };
}

/**
 * Every input. wipe-paths are read and recorded in the post step's state first: they are wiped
 * even if another input is wrong and the main step stops here.
 */
export async function readInputs(roots: ProtectedRoots): Promise<StageInputs> {
  const wipePaths = await readWipePaths(roots);
  if (wipePaths.length > 0) saveState(STATE.wipePaths, JSON.stringify(wipePaths));
  return readStageInputs(roots, wipePaths);
}
