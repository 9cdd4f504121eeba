// Imported by the entries of signing actions before anything heavy: it reads the key inputs
// straight from INPUT_* (no @actions/core yet) and starts scrypt on libuv's pool at once, so
// key derivation overlaps module loading and the first registry round-trips.
import { PendingKey } from '@bydigest/core/keys';

const input = (name: string) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** More keys than any rotation needs (current, next, a backup): a longer list is a pasted blob. */
const MAX_KEYS = 8;

/** One line of the `key` input: where the key is, the variable holding its password, its decoding. */
export interface KeyInput {
  spec: string;
  passwordEnv: string;
  pending: PendingKey;
}

/** A mistake in the key inputs themselves (not in a key), kept until the inputs are checked. */
export interface KeyInputsProblem {
  input: 'key' | 'password-env';
  message: string;
  hint: string;
}

/**
 * The `key` input's keys, one per line, each decoding (several keys sign a rotation's overlap
 * releases: one `.sig` layer each), with `password-env`'s names in the same order (one name
 * serves all). A mistake in the lists is held as `problem`, thrown when the inputs are checked.
 */
export class SigningKeys {
  constructor(
    readonly keys: readonly KeyInput[],
    readonly problem?: KeyInputsProblem,
  ) {}

  static start(keyInput: string, passwordEnvInput: string, env: NodeJS.ProcessEnv): SigningKeys {
    // A key pasted into `with:` is already in the workflow file and the logs: say so, not "file not found" per line.
    if (keyInput.includes('-----BEGIN')) {
      return new SigningKeys([], {
        input: 'key',
        message: 'holds PEM text: a private key never goes in with:',
        hint: "pass it through the step's env (env://COSIGN_PRIVATE_KEY) or stage it as a file, and rotate the key if this workflow ran",
      });
    }
    const specs = lines(keyInput);
    const names = lines(passwordEnvInput);
    if (specs.length === 0) specs.push('env://COSIGN_PRIVATE_KEY');
    if (names.length === 0) names.push('COSIGN_PASSWORD');
    if (specs.length > MAX_KEYS)
      return new SigningKeys([], {
        input: 'key',
        message: `lists ${specs.length} keys; at most ${MAX_KEYS} are taken`,
        hint: 'one line per signing key: the current key and the next one',
      });
    const twice = specs.findIndex((s, i) => specs.indexOf(s) !== i);
    if (twice >= 0)
      return new SigningKeys([], {
        input: 'key',
        message: `lists ${specs[twice]} twice (lines ${specs.indexOf(specs[twice]!) + 1} and ${twice + 1})`,
        hint: 'list each key once',
      });
    if (names.length !== 1 && names.length !== specs.length) {
      return new SigningKeys([], {
        input: 'password-env',
        message: `lists ${names.length} variable names for ${specs.length} keys`,
        hint: 'give one variable name per key line, in the same order, or one name that serves every key',
      });
    }
    return new SigningKeys(
      specs.map((spec, i) => {
        const passwordEnv = names.length === 1 ? names[0]! : names[i]!;
        return { spec, passwordEnv, pending: PendingKey.start(spec, passwordEnv, env) };
      }),
    );
  }
}

/**
 * Undefined when the action will not sign: `sign: false` (`unless`), or no `key` input where a
 * key is optional (`optional`: such an action signs only when given one). Errors surface when awaited.
 */
export function startSigningKeys(opts: { unless?: string; optional?: boolean } = {}): SigningKeys | undefined {
  if (opts.unless && input(opts.unless).toLowerCase() === 'false') return undefined;
  if (opts.optional && input('key') === '') return undefined;
  return SigningKeys.start(input('key'), input('password-env'), process.env);
}
