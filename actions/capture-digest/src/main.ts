import { formatReference, withDigest } from '@bydigest/core';
import { runAction, setCheckedOutput, setDigestOutput, setDigestRefOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the action, its outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = await readInputs();
    const { digest, mediaType } = await action.run(inputs);
    setDigestOutput('digest', digest);
    setDigestRefOutput('image-ref', formatReference(withDigest(inputs.repo, digest)));
    setCheckedOutput('tags', inputs.tags.join('\n'), (v) => v.trim() !== '');
    setCheckedOutput('media-type', mediaType, /^application\/[\w.+-]+$/);
  });
}
