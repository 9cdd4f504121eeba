import { BydigestError } from '../errors.js';
import type { SecretFileSpec } from './spec.js';

export interface SecretValue {
  name: string;
  envVar: string;
  /** The exact bytes to write. Callers zero it (`fill(0)`) once written. */
  value: Buffer;
}

export interface ReadSecretValuesOptions {
  /** Stage an unset or empty variable as an empty file instead of failing. */
  allowEmpty?: boolean;
  /** Raw startup environment (see readStartupEnviron), used only to undo lossy UTF-8 decoding. */
  rawEnviron?: ReadonlyMap<string, Buffer>;
}

/**
 * Reads every secret before anything is written, so a missing variable fails the step with
 * no secret on disk. All missing variables are reported at once.
 */
export function readSecretValues(
  specs: readonly SecretFileSpec[],
  env: Readonly<Record<string, string | undefined>>,
  opts: ReadSecretValuesOptions = {},
): SecretValue[] {
  const problems: string[] = [];
  const values: SecretValue[] = [];
  for (const spec of specs) {
    const text = env[spec.envVar];
    if ((text === undefined || text === '') && !opts.allowEmpty) {
      problems.push(
        `line ${spec.line} (${spec.name}): environment variable ${spec.envVar} is ${text === undefined ? 'not set' : 'empty'}`,
      );
      continue;
    }
    values.push({ name: spec.name, envVar: spec.envVar, value: exactBytes(spec.envVar, text ?? '', opts.rawEnviron) });
  }
  if (problems.length > 0) {
    const names = [...new Set(specs.filter((s) => !values.some((v) => v.name === s.name)).map((s) => s.envVar))];
    for (const v of values) v.value.fill(0);
    throw new BydigestError('SECRETS', problems.join('; '), {
      hint:
        `pass ${names.map((n) => `${n}: \${{ secrets.${n} }}`).join(', ')} under this step's env: ` +
        '(a secret that is not defined, or not available to this run such as a pull request from a fork, expands to an empty string); ' +
        'set allow-empty: true to stage empty files instead',
    });
  }
  return values;
}

function exactBytes(envVar: string, text: string, raw: ReadonlyMap<string, Buffer> | undefined): Buffer {
  const raw8 = text.includes('\uFFFD') ? raw?.get(envVar) : undefined;
  // Only trust the startup bytes when they decode to what process.env holds: the variable may
  // have been changed since start-up, and then process.env is the truth.
  if (raw8 && raw8.toString('utf8') === text) return Buffer.from(raw8);
  return Buffer.from(text, 'utf8');
}
