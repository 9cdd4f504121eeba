// scrypt first: the key input is read and its derivation started before the rest of the action
// (the toolkit, the registry client) is even loaded, so ~190 ms of key derivation overlaps it.
import { startSigningKey } from '@bydigest/action-kit/early-key';

const pendingKey = startSigningKey()!;
const { keyInputSigner, runAction, setCheckedOutput, setDigestOutput } = await import('@bydigest/action-kit');
const { readInputs } = await import('./inputs.js');
const { run } = await import('./run.js');

await runAction(async () => {
  const inputs = await readInputs(pendingKey);
  const { signed, bundled, publicKeyPem } = await run(inputs, keyInputSigner(pendingKey));
  if (signed) {
    setCheckedOutput('signature-ref', signed[0]!.signatureRef, (v) => v.endsWith(`:sha256-${inputs.image.digest.slice(7)}.sig`));
    setDigestOutput('signature-digest', signed[0]!.signatureDigest);
  }
  if (bundled) setDigestOutput('bundle-digest', bundled[0]!.bundleDigest);
  setCheckedOutput('public-key', publicKeyPem, (v) => v.startsWith('-----BEGIN PUBLIC KEY-----'));
});
