import { BydigestError } from '../errors.js';

/** One `NAME=ENV_VAR` line: the file NAME is created from the variable ENV_VAR. */
export interface SecretFileSpec {
  name: string;
  envVar: string;
  /** 1-based line in the input, so errors point at it. */
  line: number;
}

// A single path component that cannot climb out of the staging directory or hide behind
// shell-special characters; `.` and `..` match the character class and are refused separately.
const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
const ENV_VAR_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
// NAME_MAX on Linux and macOS.
const NAME_MAX_BYTES = 255;

const FORMAT_HINT =
  'one `NAME=ENV_VAR` per line, e.g. `MOK.key=MOK_KEY`; NAME is a file name (letters, digits, . _ -), ENV_VAR the environment variable holding the secret';

/** Throws unless `name` can be used as a file name directly inside the staging directory. */
export function assertValidFileName(name: string, where = ''): void {
  const at = where ? `${where}: ` : '';
  if (name === '') throw new BydigestError('INVALID_ARGUMENT', `${at}the file name is empty`, { hint: FORMAT_HINT });
  if (name.includes('/') || name.includes('\\')) {
    throw new BydigestError('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} contains a path separator`, {
      hint: 'give a bare file name; files are always created directly inside `dir`',
    });
  }
  if (name === '.' || name === '..' || name.includes('..')) {
    throw new BydigestError('INVALID_ARGUMENT', `${at}file name ${JSON.stringify(name)} contains '..' or is '.'`, {
      hint: 'give a plain file name such as MOK.key',
    });
  }
  if (!NAME_PATTERN.test(name)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${at}file name ${JSON.stringify(name)} has characters other than letters, digits, '.', '_' and '-'`,
      {
        hint: FORMAT_HINT,
      },
    );
  }
  if (Buffer.byteLength(name) > NAME_MAX_BYTES) {
    throw new BydigestError('INVALID_ARGUMENT', `${at}file name is longer than ${NAME_MAX_BYTES} bytes`, {
      hint: 'use a shorter name',
    });
  }
}

export function isValidEnvVarName(name: string): boolean {
  return ENV_VAR_PATTERN.test(name);
}

/**
 * Parses `NAME=ENV_VAR` lines. Blank lines and `#` comments are skipped. Values are never
 * taken from the input itself: the right-hand side must name an environment variable, so a
 * secret pasted into `with:` by mistake is rejected instead of being written (or echoed back).
 */
export function parseSecretFileSpecs(text: string): SecretFileSpec[] {
  const specs: SecretFileSpec[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const trimmed = (lines[i] as string).trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      // Do not echo the line: it may be a secret pasted where a variable name belongs.
      throw new BydigestError('INVALID_ARGUMENT', `line ${line}: expected NAME=ENV_VAR, found no '='`, {
        hint: FORMAT_HINT,
      });
    }
    const name = trimmed.slice(0, eq).trim();
    const envVar = trimmed.slice(eq + 1).trim();
    assertValidFileName(name, `line ${line}`);
    if (!isValidEnvVarName(envVar)) {
      throw new BydigestError(
        'INVALID_ARGUMENT',
        `line ${line} (${name}): the part after '=' is not an environment variable name (letters, digits and _, not starting with a digit)`,
        {
          hint:
            "put the secret in the step's env: (e.g. `MOK_KEY: ${{ secrets.MOK_KEY }}`) and write `" +
            name +
            '=MOK_KEY` here; never the secret itself',
        },
      );
    }
    // Case-insensitive, because on macOS runners `key` and `KEY` are the same file.
    const folded = name.toLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) {
      throw new BydigestError(
        'INVALID_ARGUMENT',
        `line ${line}: file name ${JSON.stringify(name)} is already used on line ${first}`,
        {
          hint: 'give every file its own name (names that differ only in case collide on case-insensitive file systems)',
        },
      );
    }
    seen.set(folded, line);
    specs.push({ name, envVar, line });
  }
  return specs;
}
