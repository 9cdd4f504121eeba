import { formatReference, withDigest, type PendingKey } from '@bydigest/core';
import { startSigningKey } from '@bydigest/action-kit/early-key';
import { keyInputSigner, runAction, setCheckedOutput, setDigestOutput, setDigestRefOutput } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the attached SBOM, the outputs. */
export async function run(pendingKey: PendingKey | undefined = startSigningKey({ unless: 'sign' })): Promise<void> {
  await runAction(
    async () => {
      const inputs = await readInputs(pendingKey);
      const attached = await action.run(inputs, inputs.sign && pendingKey ? keyInputSigner(pendingKey) : undefined);
      setDigestOutput('sbom-digest', attached.manifestDigest);
      setDigestRefOutput('sbom-ref', formatReference(withDigest(inputs.image, attached.manifestDigest)));
      if (attached.signatureRef) setCheckedOutput('signature-ref', attached.signatureRef, (v) => v.endsWith(`:sha256-${attached.manifestDigest.slice(7)}.sig`));
    },
    { inputFor: { SBOM: 'sbom', ARTIFACT_TYPE: 'artifact-type' } },
  );
}
