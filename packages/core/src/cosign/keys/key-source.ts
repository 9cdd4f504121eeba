import { readFileSync } from 'node:fs';
import { BydigestError } from '../../errors.js';
import { openCosignKey, parseCosignKeyEnvelope } from './keyfile.js';
import { signingKeyFromPkcs8, type SigningKey } from './signing-key.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `env://NAME` (the key is in that variable, never in argv or on disk) or a path to a key
 * file. Returns the PEM text; it is the caller's to drop after use. Synchronous so that
 * loadSigningKey reaches scrypt in the caller's tick (see there).
 */
export function readKeySource(spec: string, env: NodeJS.ProcessEnv): string {
  const value = spec.trim();
  if (value === '')
    throw new BydigestError('INVALID_ARGUMENT', 'is empty', {
      hint: 'use env://COSIGN_PRIVATE_KEY or a path to cosign.key',
    });
  if (value.startsWith('env://')) {
    const name = value.slice('env://'.length);
    if (!ENV_NAME.test(name))
      throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(name)} is not an environment variable name`, {
        hint: 'e.g. env://COSIGN_PRIVATE_KEY',
      });
    const pem = env[name];
    if (!pem) {
      throw new BydigestError('INVALID_ARGUMENT', `environment variable ${name} is not set or empty`, {
        hint: `pass the key through the step's env: ${name}: \${{ secrets.${name} }}`,
      });
    }
    return pem;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `scheme ${JSON.stringify(value.slice(0, value.indexOf('://') + 3))} is not supported (KMS keys are not)`,
      {
        hint: 'use env://NAME or a file path',
      },
    );
  }
  try {
    return readFileSync(value, 'utf8');
  } catch (e) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `cannot read key file ${value}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      {
        hint: 'stage the key file before this step, or pass the key in an environment variable (env://NAME)',
      },
    );
  }
}

/**
 * Starts decoding a cosign key at once (scrypt runs on libuv's pool) so the caller can do
 * registry work meanwhile. The password variable unset or empty means the empty password.
 * Nothing before scrypt awaits: sign-digest calls this and then imports its registry code,
 * and Node compiles a dynamically imported module before any pending continuation runs, so
 * one `await` here would start scrypt ~30 ms later.
 */
export async function loadSigningKey(
  spec: string,
  passwordEnv: string,
  env: NodeJS.ProcessEnv,
  hooks: { onParsed?: () => void } = {},
): Promise<SigningKey> {
  if (!ENV_NAME.test(passwordEnv)) {
    throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(passwordEnv)} is not an environment variable name`, {
      hint: 'e.g. COSIGN_PASSWORD',
    });
  }
  const pem = readKeySource(spec, env);
  const envelope = parseCosignKeyEnvelope(pem);
  // The key input is well-formed; only the password (scrypt, slow) remains to be checked.
  hooks.onParsed?.();
  const der = await openCosignKey(envelope, env[passwordEnv] ?? '', { passwordName: passwordEnv });
  return signingKeyFromPkcs8(der);
}
