import { startSigningKey } from '@bydigest/action-kit/early-key';
import { keyInputSigner, runAction, setCheckedOutput, setDigestOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the signatures, the outputs. */
export async function run(pendingKey = startSigningKey()!): Promise<void> {
  await runAction(async () => {
    const inputs = await readInputs(pendingKey);
    const { signed, bundled, publicKeyPem } = await action.run(inputs, keyInputSigner(pendingKey));
    if (signed) {
      setCheckedOutput('signature-ref', signed[0]!.signatureRef, (v) => v.endsWith(`:sha256-${inputs.image.digest.slice(7)}.sig`));
      setDigestOutput('signature-digest', signed[0]!.signatureDigest);
    }
    if (bundled) setDigestOutput('bundle-digest', bundled[0]!.bundleDigest);
    setCheckedOutput('public-key', publicKeyPem, (v) => v.startsWith('-----BEGIN PUBLIC KEY-----'));
  });
}
