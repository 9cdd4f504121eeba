import { parseRepository, parseTagList, type RepoRef } from '@bydigest/core';
import {
  InputError,
  integerInput,
  keyValueInput,
  listInput,
  parseInput,
  rawInput,
  readRegistryInputs,
  truncate,
  type RegistryInputs,
} from '@bydigest/action-kit';
import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface CaptureInputs {
  repo: RepoRef;
  tags: string[];
  /** What to push (oci:, oci-archive: or a containers transport); none: resolve only. */
  source?: string;
  digestfile?: string;
  concurrency: number;
  /** Labels every platform's image config must carry (`key=value` lines); empty: none checked. */
  expectLabels: Record<string, string>;
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
  const expectLabels = readExpectLabels();
  return {
    repo,
    tags,
    ...(source ? { source } : {}),
    ...(digestfile ? { digestfile } : {}),
    concurrency,
    expectLabels,
    registry: readRegistryInputs(),
  };
}

/**
 * `key=value` lines, as resolve-ref's `label` output prints one; a key without a value checks nothing, so it is
 * refused.
 */
function readExpectLabels(): Record<string, string> {
  const labels = keyValueInput('expect-labels');
  for (const [key, value] of Object.entries(labels)) {
    if (/\s/.test(key))
      throw new InputError(
        'expect-labels',
        `label key ${JSON.stringify(truncate(key))} contains whitespace`,
        'write one key=value per line, e.g. org.opencontainers.image.revision=${{ steps.spec.outputs.sha }}',
      );
    if (value === '') {
      throw new InputError(
        'expect-labels',
        `label ${JSON.stringify(truncate(key))} has an empty value`,
        'an empty expected value would pass an image built without the build-arg: check the step output it comes from',
      );
    }
  }
  return labels;
}

/** The path can be written: not a directory, in a directory that exists and is writable. */
async function checkWritableFile(input: string, path: string): Promise<void> {
  const fail = (why: string): never => {
    throw new InputError(
      input,
      `cannot write ${JSON.stringify(truncate(path))}: ${why}`,
      'give a file path in an existing, writable directory',
    );
  };
  const target = await stat(path).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? undefined : fail(e.code ?? e.message),
  );
  if (target?.isDirectory()) fail('it is a directory');
  const dir = dirname(resolve(path));
  const parent = await stat(dir).catch((e: NodeJS.ErrnoException) =>
    fail(e.code === 'ENOENT' ? `directory ${truncate(dir)} does not exist` : (e.code ?? e.message)),
  );
  if (!parent.isDirectory()) fail(`${truncate(dir)} is not a directory`);
  await access(target ? path : dir, constants.W_OK).catch(() => fail('permission denied'));
}
