import {
  assertSingleDigest,
  formatReference,
  parseRepository,
  parseTagList,
  resolveTags,
  withDigest,
} from '@bydigest/core';
import {
  InputError,
  integerInput,
  listInput,
  parseInput,
  rawInput,
  registryClientFromInputs,
  runAction,
  setCheckedOutput,
  setDigestOutput,
  setDigestRefOutput,
  truncate,
  runner,
} from '@bydigest/action-kit';
import { access, constants, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pushSource } from './push-source.js';

await runAction(async () => {
  const repo = parseInput('image', parseRepository, { required: true, hint: 'e.g. ghcr.io/owner/name' })!;
  const entries = listInput('tags');
  if (entries.length === 0) throw new InputError('tags', 'lists no tags', 'give at least one tag, e.g. `latest`');
  const tags = parseInput('tags', () => parseTagList(repo, entries))!;
  const source = rawInput('source');
  const digestfile = rawInput('digestfile');
  // Checked before the push: a digestfile that cannot be written must not fail the step after it.
  if (digestfile) await checkWritableFile('digestfile', digestfile);
  const concurrency = integerInput('concurrency', 4, { min: 1, max: 32 });
  const client = registryClientFromInputs();

  try {
    const pushed = source ? await pushSource(client, repo, source, tags, concurrency) : undefined;
    const resolved = await resolveTags(client, repo, tags);
    const digest = assertSingleDigest(resolved, pushed?.digest);
    const mediaType = pushed?.mediaType ?? (await client.headManifest(withDigest(repo, digest)))?.mediaType ?? '';

    if (digestfile) await writeFile(digestfile, digest);
    setDigestOutput('digest', digest);
    setDigestRefOutput('image-ref', formatReference(withDigest(repo, digest)));
    setCheckedOutput('tags', tags.join('\n'), (v) => v.trim() !== '');
    setCheckedOutput('media-type', mediaType, /^application\/[\w.+-]+$/);

    runner.info(`${formatReference(withDigest(repo, digest))} (${tags.length} tag${tags.length > 1 ? 's' : ''})`);
    await runner.summary
      .addHeading('capture-digest', 3)
      .addTable([
        [{ data: 'tag', header: true }, { data: 'digest', header: true }],
        ...resolved.map((r) => [r.reference, `<code>${r.digest}</code>`]),
      ])
      .addRaw(
        pushed
          ? `<p>Pushed from <code>${source}</code>: ${pushed.blobsUploaded} blob(s) uploaded, ${pushed.blobsSkipped} already present.</p>`
          : '<p>Resolve-only: no <code>source</code> given.</p>',
      )
      .write();
  } finally {
    await client.close();
  }
});

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
