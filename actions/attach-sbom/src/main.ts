// scrypt first: the key starts decoding before the toolkit and the registry client load.
import { startSigningKey } from '@bydigest/action-kit/early-key';

const pendingKey = startSigningKey({ unless: 'sign' });
const { formatReference, withDigest } = await import('@bydigest/core');
const { keyInputSigner, runAction, setCheckedOutput, setDigestOutput, setDigestRefOutput } = await import('@bydigest/action-kit');
const { readInputs } = await import('./inputs.js');
const { run } = await import('./run.js');

await runAction(
  async () => {
    const inputs = await readInputs(pendingKey);
    const attached = await run(inputs, inputs.sign && pendingKey ? keyInputSigner(pendingKey) : undefined);
    setDigestOutput('sbom-digest', attached.manifestDigest);
    setDigestRefOutput('sbom-ref', formatReference(withDigest(inputs.image, attached.manifestDigest)));
    if (attached.signatureRef) setCheckedOutput('signature-ref', attached.signatureRef, (v) => v.endsWith(`:sha256-${attached.manifestDigest.slice(7)}.sig`));
  },
  { inputFor: { SBOM: 'sbom', ARTIFACT_TYPE: 'artifact-type' } },
);
