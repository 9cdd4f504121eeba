// scrypt first: the key input is read and its derivation started before the rest of the action
// (the toolkit, the registry client) is even loaded, so ~190 ms of key derivation overlaps it.
import { startSigningKey } from '@bydigest/action-kit/early-key';

// A keyless-only step may have no key: the failure is kept inside PendingKey, asked for only
// when the key signs (signer key or both, or keyless-fallback: key).
const pendingKey = startSigningKey()!;
const { runAction, setCheckedOutput, setDigestOutput } = await import('@bydigest/action-kit');
const { readInputs } = await import('./inputs.js');
const { chooseSigners } = await import('./signers.js');
const { run } = await import('./run.js');

await runAction(async () => {
  const inputs = await readInputs(pendingKey);
  const { signed, bundled, publicKeyPem, keyless } = await run(inputs, chooseSigners(inputs, pendingKey));
  if (signed) {
    setCheckedOutput('signature-ref', signed[0]!.signatureRef, (v) => v.endsWith(`:sha256-${inputs.image.digest.slice(7)}.sig`));
    setDigestOutput('signature-digest', signed[0]!.signatureDigest);
  }
  if (bundled) setDigestOutput('bundle-digest', bundled[0]!.bundleDigest);
  if (publicKeyPem) setCheckedOutput('public-key', publicKeyPem, (v) => v.startsWith('-----BEGIN PUBLIC KEY-----'));
  if (keyless) {
    setCheckedOutput('certificate-identity', keyless.identity, (v) => v.length > 0);
    setCheckedOutput('certificate-oidc-issuer', keyless.issuer, (v) => v.length > 0);
    setCheckedOutput('rekor-log-index', String(keyless.logIndex), (v) => /^\d+$/.test(v));
  }
});
