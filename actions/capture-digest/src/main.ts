import * as core from '@actions/core';
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
} from '@bydigest/action-kit';
import { writeFile } from 'node:fs/promises';
import { pushSource } from './push-source.js';

await runAction(async () => {
  const repo = parseInput('image', parseRepository, { required: true, hint: 'e.g. ghcr.io/owner/name' })!;
  const entries = listInput('tags');
  if (entries.length === 0) throw new InputError('tags', 'lists no tags', 'give at least one tag, e.g. `latest`');
  const tags = parseInput('tags', () => parseTagList(repo, entries))!;
  const source = rawInput('source');
  const digestfile = rawInput('digestfile');
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

    core.info(`${formatReference(withDigest(repo, digest))} (${tags.length} tag${tags.length > 1 ? 's' : ''})`);
    await core.summary
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
