import { formatReference, withDigest } from '@bydigest/core';
import { runAction, setCheckedOutput, setDigestOutput, setDigestRefOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import { run } from './run.js';

await runAction(async () => {
  const inputs = await readInputs();
  const { digest, mediaType } = await run(inputs);
  setDigestOutput('digest', digest);
  setDigestRefOutput('image-ref', formatReference(withDigest(inputs.repo, digest)));
  setCheckedOutput('tags', inputs.tags.join('\n'), (v) => v.trim() !== '');
  setCheckedOutput('media-type', mediaType, /^application\/[\w.+-]+$/);
});
