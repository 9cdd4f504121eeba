import { runAction, setCheckedOutput, type SigningKeys } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the checks, the outputs. */
export async function run(signingKeys: SigningKeys): Promise<void> {
  await runAction(
    async () => {
      const inputs = await readInputs(signingKeys);
      const report = await action.run(inputs);
      setCheckedOutput('signing', report.signing, /^(on|off)$/);
      // Unset without cosign.pub: outputs are never set empty.
      const pem = inputs.publicKeys.map((k) => k.export({ type: 'spki', format: 'pem' }).toString()).join('');
      if (pem) setCheckedOutput('public-key', pem, (v) => v.includes('-----BEGIN PUBLIC KEY-----'));
    },
    // The image name is the image input's; a refused push is the credentials'.
    { inputFor: { INVALID_REFERENCE: 'image' } },
  );
}
