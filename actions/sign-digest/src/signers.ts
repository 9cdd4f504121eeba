import { KeylessSigner } from '@bydigest/core';
import {
  getIDToken,
  InputError,
  keyInputSigners,
  warning,
  type KeyInputSigner,
  type SigningKeys,
} from '@bydigest/action-kit';
import type { SignInputs } from './inputs.js';

/** The signers a run uses: the keys', keyless, or both (each writes its own `.sig` layer). */
export interface SignDigestSigners {
  /** One per line of the key input (a rotation signs with the current and the next key). */
  keys?: KeyInputSigner[];
  keyless?: KeylessSigner;
}

/** The runner hands out OIDC tokens only to jobs with `permissions: id-token: write`. */
const TOKEN_URL_ENV = 'ACTIONS_ID_TOKEN_REQUEST_URL';

const NO_TOKEN =
  `no OIDC token can be requested (${TOKEN_URL_ENV} is not set): the job lacks \`permissions: id-token: write\`, ` +
  'or it runs for a pull request from a fork, which never gets one';

export function chooseSigners(inputs: SignInputs, signingKeys: SigningKeys): SignDigestSigners {
  const keys =
    inputs.signer !== 'keyless' || inputs.keylessFallback === 'key' ? keyInputSigners(signingKeys) : undefined;
  if (inputs.signer === 'key') return { keys: keys! };
  if (!process.env[TOKEN_URL_ENV]) {
    if (inputs.keylessFallback === 'key') {
      warning(`signer: ${inputs.signer}: ${NO_TOKEN}; signing with the key alone (keyless-fallback: key)`);
      return { keys: keys! };
    }
    throw new InputError(
      'signer',
      `is ${inputs.signer} but ${NO_TOKEN}`,
      'add `permissions: id-token: write` to the job; where no token can exist (fork pull requests), set keyless-fallback: key to sign with the key alone',
    );
  }
  const keyless = new KeylessSigner({
    identityToken: () => getIDToken('sigstore'),
    fulcioUrl: inputs.fulcioUrl,
    rekorUrl: inputs.rekorUrl,
  });
  return inputs.signer === 'both' ? { keys: keys!, keyless } : { keyless };
}
