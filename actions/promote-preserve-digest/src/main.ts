import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { keyInputSigners, runAction, setCheckedOutput, setDigestOutput, type SigningKeys } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the promotion, the outputs. */
export async function run(signingKeys: SigningKeys | undefined = startSigningKeys({ optional: true })): Promise<void> {
  await runAction(async () => {
    const inputs = await readInputs(signingKeys);
    const { digest, written } = await action.run(inputs, signingKeys ? keyInputSigners(signingKeys) : undefined);
    setDigestOutput('digest', digest);
    setCheckedOutput('promoted', written.join('\n'), (v) => v.split('\n').length === inputs.targets.length);
  });
}
