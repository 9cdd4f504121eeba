import { formatReference, withDigest } from '@bydigest/core';
import { startSigningKeys } from '@bydigest/action-kit/early-key';
import {
  keyInputSigners,
  runAction,
  setCheckedOutput,
  setDigestOutput,
  setDigestRefOutput,
  type SigningKeys,
} from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the attached SBOM, the outputs. */
export async function run(signingKeys: SigningKeys | undefined = startSigningKeys({ unless: 'sign' })): Promise<void> {
  await runAction(
    async () => {
      const inputs = await readInputs(signingKeys);
      const attached = await action.run(inputs, inputs.sign && signingKeys ? keyInputSigners(signingKeys) : undefined);
      setDigestOutput('sbom-digest', attached.manifestDigest);
      setDigestRefOutput('sbom-ref', formatReference(withDigest(inputs.image, attached.manifestDigest)));
      if (attached.signatureRef)
        setCheckedOutput('signature-ref', attached.signatureRef, (v) =>
          v.endsWith(`:sha256-${attached.manifestDigest.slice(7)}.sig`),
        );
    },
    { inputFor: { SBOM: 'sbom', ARTIFACT_TYPE: 'artifact-type' } },
  );
}
