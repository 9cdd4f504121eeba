/**
 * The signing key secrets, checked the way the sign job will use them: each decrypts with its
 * password, and its public half is one of the committed cosign.pub keys (the key baked into
 * the image, which hosts verify with). An absent key secret is not a mistake: a new fork builds
 * before it has keys, so signing is off and the workflow skips what needs a signature.
 */
import type { KeyObject } from 'node:crypto';
import { publicKeyId } from '../cosign/keys/public-key.js';
import type { SigningKey } from '../cosign/keys/signing-key.js';
import { isBydigestError, type ErrorCode } from '../errors.js';

export interface KeySecret {
  /** env://NAME or a key file path, as sign-digest's `key` input takes it. */
  spec: string;
  passwordEnv: string;
  key: Promise<SigningKey>;
}

export interface PreflightProblem {
  code: ErrorCode;
  /** The input or secret to fix. */
  input: string;
  message: string;
  fix: string;
}

const ENV_SPEC = /^env:\/\/([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * True when every key line names a variable that is unset or empty: no key secret yet. A malformed line is not absence.
 */
export function keySecretsAbsent(specs: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return (
    specs.length > 0 &&
    specs.every((s) => {
      const name = ENV_SPEC.exec(s)?.[1];
      return name !== undefined && !env[name];
    })
  );
}

const short = (id: string) => `sha256:${id.slice(0, 16)}`;

export async function checkKeySecrets(
  secrets: readonly KeySecret[],
  publicKeys: readonly KeyObject[],
  env: NodeJS.ProcessEnv,
): Promise<PreflightProblem[]> {
  const committed = new Set(publicKeys.map(publicKeyId));
  const problems: PreflightProblem[] = [];
  const which = (i: number) =>
    secrets.length > 1 ? `key ${i + 1} of ${secrets.length} (${secrets[i]!.spec})` : `the key (${secrets[i]!.spec})`;
  const settled = await Promise.allSettled(secrets.map((s) => s.key));
  settled.forEach((r, i) => {
    const { passwordEnv, spec } = secrets[i]!;
    const secretName = spec.startsWith('env://') ? spec.slice('env://'.length) : 'COSIGN_PRIVATE_KEY';
    if (r.status === 'rejected') {
      const e = r.reason as Error & { hint?: string };
      if (isBydigestError(e, 'KEY_PASSWORD') && !env[passwordEnv]) {
        problems.push({
          code: 'KEY_PASSWORD',
          input: 'password-env',
          message: `${which(i)} is encrypted and ${passwordEnv} is unset or empty: the password secret is missing`,
          fix: `gh secret set ${passwordEnv} (the password the key was made with), and pass it to the step: env: ${passwordEnv}: \${{ secrets.${passwordEnv} }}`,
        });
      } else if (isBydigestError(e, 'KEY_PASSWORD')) {
        problems.push({
          code: 'KEY_PASSWORD',
          input: 'password-env',
          message: `${which(i)} does not decrypt with the password in ${passwordEnv}`,
          fix: `set the secret ${passwordEnv} to the password ${secretName} was made with (gh secret set ${passwordEnv}), or make a new pair (pnpm keygen) and set both secrets and cosign.pub from it`,
        });
      } else {
        problems.push({
          code: isBydigestError(e) ? e.code : 'KEY',
          input: 'key',
          message: `${which(i)}: ${e.message}`,
          fix: e.hint ?? `gh secret set ${secretName} < cosign.key (the whole file, BEGIN and END lines included)`,
        });
      }
      return;
    }
    const id = publicKeyId(r.value.publicKey);
    if (committed.size > 0 && !committed.has(id)) {
      problems.push({
        code: 'KEY',
        input: 'public-key',
        message: `${which(i)} is not the committed cosign.pub: its public half is ${short(id)}, cosign.pub holds ${[...committed].map(short).join(', ')}; hosts verify with the key baked into the image and would refuse every signature`,
        fix: `commit the public half of ${secretName} as cosign.pub (pnpm keygen prints both halves of a new pair), or set ${secretName} to the private half of the committed cosign.pub`,
      });
    }
  });
  return problems;
}
