import { booleanInput, InputError, rawInput, saveState, withInput } from '@bydigest/action-kit';
import {
  assertNotProtected,
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
    const p = await withInput({ INVALID_ARGUMENT: 'wipe-paths' }, () => safePath(line, roots));
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

export async function readStageInputs(roots: ProtectedRoots, wipePaths: string[]): Promise<StageInputs> {
  const specs = await withInput('files', () => parseSecretFileSpecs(rawInput('files')));
  if (specs.length === 0 && wipePaths.length === 0) {
    throw new InputError(
      'files',
      'lists no files (and wipe-paths is empty too)',
      "add lines such as `MOK.key=MOK_KEY`, with MOK_KEY set in the step's env:",
    );
  }
  const allowEmpty = booleanInput('allow-empty', false);
  const rawDir = rawInput('dir');
  const dir = rawDir === '' ? undefined : await withInput('dir', () => safePath(rawDir, roots));
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
