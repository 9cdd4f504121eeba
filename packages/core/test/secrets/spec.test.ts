import { describe, expect, it } from '@jest/globals';
import { assertValidFileName, isBydigestError, isValidEnvVarName, parseSecretFileSpecs } from '../../src/index.js';

function parseError(text: string): Error {
  try {
    parseSecretFileSpecs(text);
  } catch (e) {
    expect(isBydigestError(e, 'INVALID_ARGUMENT')).toBe(true);
    return e as Error;
  }
  throw new Error('expected a parse error');
}

describe('parseSecretFileSpecs', () => {
  it('reads NAME=ENV_VAR lines, skipping blanks and comments, keeping line numbers', () => {
    expect(parseSecretFileSpecs('MOK.key=MOK_KEY\n\n  # the certificate\r\n  MOK.pem = MOK_CERT  \n')).toEqual([
      { name: 'MOK.key', envVar: 'MOK_KEY', line: 1 },
      { name: 'MOK.pem', envVar: 'MOK_CERT', line: 4 },
    ]);
    expect(parseSecretFileSpecs('')).toEqual([]);
    expect(parseSecretFileSpecs('cosign.key=_k1\n.hidden-file_2=X')).toHaveLength(2);
  });

  it('refuses names with a path separator, .., or other characters', () => {
    expect(parseError('a/b=X').message).toMatch(/line 1: .*"a\/b".*path separator/);
    expect(parseError('ok=X\n../up=X').message).toMatch(/line 2: .*path separator/);
    expect(parseError('..=X').message).toMatch(/'\.\.'/);
    expect(parseError('.=X').message).toMatch(/'\.\.' or is '\.'/);
    expect(parseError('a..b=X').message).toMatch(/'\.\.'/);
    expect(parseError('a b=X').message).toMatch(/characters other than/);
    expect(parseError('=X').message).toMatch(/empty/);
    expect(parseError(`${'a'.repeat(256)}=X`).message).toMatch(/255 bytes/);
  });

  it('refuses a right-hand side that is not a variable name, without echoing it', () => {
    const secretLooking = 'MOK.key=-----BEGIN PRIVATE KEY-----';
    const e = parseError(secretLooking);
    expect(e.message).toMatch(/line 1 \(MOK\.key\): .*not an environment variable name/);
    expect(e.message).not.toContain('BEGIN');
    expect(parseError('k=1ABC').message).toMatch(/not an environment variable name/);
    expect(parseError('k=').message).toMatch(/not an environment variable name/);
    const noEq = parseError('sup3r-s3cret-value');
    expect(noEq.message).toMatch(/line 1: expected NAME=ENV_VAR/);
    expect(noEq.message).not.toContain('sup3r');
  });

  it('refuses duplicate names, also when they differ only in case', () => {
    expect(parseError('k=A\nk=B').message).toMatch(/line 2: .*"k" is already used on line 1/);
    expect(parseError('Key=A\n\nkey=B').message).toMatch(/line 3: .*already used on line 1/);
    // The same variable may feed two files.
    expect(parseSecretFileSpecs('a=X\nb=X')).toHaveLength(2);
  });
});

describe('name checks', () => {
  it('validates file and variable names', () => {
    expect(() => assertValidFileName('MOK.key')).not.toThrow();
    expect(() => assertValidFileName('a\\b')).toThrow(/path separator/);
    expect(isValidEnvVarName('MOK_KEY')).toBe(true);
    expect(isValidEnvVarName('_x9')).toBe(true);
    expect(isValidEnvVarName('9x')).toBe(false);
    expect(isValidEnvVarName('A-B')).toBe(false);
    expect(isValidEnvVarName('')).toBe(false);
  });
});
