import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { runAction, setCheckedOutput, setDigestOutput, type SigningKeys } from '@bydigest/action-kit';
import { readInputs } from './inputs.js';
import * as action from './run.js';
import { chooseSigners } from './signers.js';

/**
 * The whole step (what GitHub's local-action calls): inputs, the signatures, the outputs. A
 * keyless-only step may have no key: the failure stays inside PendingKey, asked for only when
 * the keys sign (signer key or both, or keyless-fallback: key).
 */
export async function run(signingKeys: SigningKeys = startSigningKeys()!): Promise<void> {
  await runAction(async () => {
    const inputs = await readInputs(signingKeys);
    const { signed, bundled, publicKeyPem, keyless } = await action.run(inputs, chooseSigners(inputs, signingKeys));
    if (signed) {
      setCheckedOutput('signature-ref', signed[0]!.signatureRef, (v) =>
        v.endsWith(`:sha256-${inputs.image.digest.slice(7)}.sig`),
      );
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
}
