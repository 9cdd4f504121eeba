import type { PendingKey } from '@bydigest/core';
import { startSigningKey } from '@bydigest/action-kit/early-key';
import { keyInputSigner, runAction, setCheckedOutput, setDigestOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the promotion, the outputs. */
export async function run(pendingKey: PendingKey | undefined = startSigningKey({ optional: true })): Promise<void> {
  await runAction(async () => {
    const inputs = await readInputs(pendingKey);
    const { digest, written } = await action.run(inputs, pendingKey ? keyInputSigner(pendingKey) : undefined);
    setDigestOutput('digest', digest);
    setCheckedOutput('promoted', written.join('\n'), (v) => v.split('\n').length === inputs.targets.length);
  });
}
