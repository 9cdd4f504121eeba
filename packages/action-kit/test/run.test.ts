import { describe, expect, it } from '@jest/globals';
import { BydigestError } from '@bydigest/core';
import { InputError } from '../src/inputs.js';
import { asInputError, failureMessage } from '../src/run.js';

describe('errors become one failure line that names what to fix', () => {
  it("maps a library error code to the action's input", () => {
    const e = asInputError(new BydigestError('SBOM', 'is not JSON', { hint: 'check the file' }), { SBOM: 'sbom' });
    expect(e).toBeInstanceOf(InputError);
    expect(failureMessage(e)).toBe("input 'sbom': is not JSON\nhint: check the file");
    const other = new BydigestError('KEY', 'bad');
    expect(asInputError(other, { SBOM: 'sbom' })).toBe(other);
  });

  it('keeps the operation, reference and status, the domain hint, and where a workflow gives credentials', () => {
    const e = new BydigestError('UNAUTHORIZED', 'registry refused', { operation: 'PUT manifest', reference: 'ghcr.io/o/x:1', status: 401, hint: 'give registry credentials, or log in first' });
    expect(failureMessage(e).split('\n')).toEqual([
      'registry refused (PUT manifest, ghcr.io/o/x:1, HTTP 401)',
      'hint: give registry credentials, or log in first',
      expect.stringMatching(/^inputs: username and password \(or github-token for ghcr\.io\)/),
    ]);
  });
});
