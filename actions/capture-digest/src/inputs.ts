import { parseRepository, parseTagList, type RepoRef } from '@bydigest/core';
import { InputError, integerInput, listInput, parseInput, rawInput, readRegistryInputs, truncate, type RegistryInputs } from '@bydigest/action-kit';
import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface CaptureInputs {
  repo: RepoRef;
  tags: string[];
  /** What to push (oci:, oci-archive: or a containers transport); none: resolve only. */
  source?: string;
  digestfile?: string;
  concurrency: number;
  registry: RegistryInputs;
}

export async function readInputs(): Promise<CaptureInputs> {
  const repo = parseInput('image', parseRepository, { required: true, hint: 'e.g. ghcr.io/owner/name' })!;
  const entries = listInput('tags');
  if (entries.length === 0) throw new InputError('tags', 'lists no tags', 'give at least one tag, e.g. `latest`');
  const tags = parseInput('tags', () => parseTagList(repo, entries))!;
  const source = rawInput('source');
  const digestfile = rawInput('digestfile');
  // Checked before the push: a digestfile that cannot be written must not fail the step after it.
  if (digestfile) await checkWritableFile('digestfile', digestfile);
  const concurrency = integerInput('concurrency', 4, { min: 1, max: 32 });
  return { repo, tags, ...(source ? { source } : {}), ...(digestfile ? { digestfile } : {}), concurrency, registry: readRegistryInputs() };
}

/** The path can be written: not a directory, in a directory that exists and is writable. */
async function checkWritableFile(input: string, path: string): Promise<void> {
  const fail = (why: string): never => {
    throw new InputError(input, `cannot write ${JSON.stringify(truncate(path))}: ${why}`, 'give a file path in an existing, writable directory');
  };
  const target = await stat(path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : fail(e.code ?? e.message)));
  if (target?.isDirectory()) fail('it is a directory');
  const dir = dirname(resolve(path));
  const parent = await stat(dir).catch((e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? `directory ${truncate(dir)} does not exist` : (e.code ?? e.message)));
  if (!parent.isDirectory()) fail(`${truncate(dir)} is not a directory`);
  await access(target ? path : dir, constants.W_OK).catch(() => fail('permission denied'));
}
