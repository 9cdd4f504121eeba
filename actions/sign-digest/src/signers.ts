import { KeylessSigner, type PendingKey, type Signer } from '@bydigest/core';
import { getIDToken, InputError, keyInputSigner, warning } from '@bydigest/action-kit';
import type { SignInputs } from './inputs.js';

export type KeyInputSigner = Signer & { publicKeyPem(): Promise<string> };

/** The signers a run uses: the key's, keyless, or both (each writes its own `.sig` layer). */
export interface SignDigestSigners {
  key?: KeyInputSigner;
  keyless?: KeylessSigner;
}

/** The runner hands out OIDC tokens only to jobs with `permissions: id-token: write`. */
const TOKEN_URL_ENV = 'ACTIONS_ID_TOKEN_REQUEST_URL';

const NO_TOKEN =
  `no OIDC token can be requested (${TOKEN_URL_ENV} is not set): the job lacks \`permissions: id-token: write\`, ` +
  'or it runs for a pull request from a fork, which never gets one';

export function chooseSigners(inputs: SignInputs, pendingKey: PendingKey): SignDigestSigners {
  const key = inputs.signer !== 'keyless' || inputs.keylessFallback === 'key' ? keyInputSigner(pendingKey) : undefined;
  if (inputs.signer === 'key') return { key: key as KeyInputSigner };
  if (!process.env[TOKEN_URL_ENV]) {
    if (inputs.keylessFallback === 'key') {
      warning(`signer: ${inputs.signer}: ${NO_TOKEN}; signing with the key alone (keyless-fallback: key)`);
      return { key: key as KeyInputSigner };
    }
    throw new InputError('signer', `is ${inputs.signer} but ${NO_TOKEN}`, 'add `permissions: id-token: write` to the job; where no token can exist (fork pull requests), set keyless-fallback: key to sign with the key alone');
  }
  const keyless = new KeylessSigner({
    identityToken: () => getIDToken('sigstore'),
    fulcioUrl: inputs.fulcioUrl,
    rekorUrl: inputs.rekorUrl,
  });
  return inputs.signer === 'both' ? { key: key as KeyInputSigner, keyless } : { keyless };
}
