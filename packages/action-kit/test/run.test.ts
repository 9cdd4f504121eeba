import { describe, expect, it } from '@jest/globals';
import { BydigestError } from '@bydigest/core';
import { asInputError, InputError, withInput } from '../src/inputs.js';
import { failureMessage } from '../src/run.js';

describe('errors become one failure line that names what to fix', () => {
  it("maps a library error code to the action's input", () => {
    const e = asInputError(new BydigestError('SBOM', 'is not JSON', { hint: 'check the file' }), { SBOM: 'sbom' });
    expect(e).toBeInstanceOf(InputError);
    expect(failureMessage(e)).toBe("input 'sbom': is not JSON\nhint: check the file");
    const other = new BydigestError('KEY', 'bad');
    expect(asInputError(other, { SBOM: 'sbom' })).toBe(other);
  });

  it('keeps the operation, reference and status, the domain hint, and where a workflow gives credentials', () => {
    const e = new BydigestError('UNAUTHORIZED', 'registry refused', {
      operation: 'PUT manifest',
      reference: 'ghcr.io/o/x:1',
      status: 401,
      hint: 'give registry credentials, or log in first',
    });
    expect(failureMessage(e).split('\n')).toEqual([
      'registry refused (PUT manifest, ghcr.io/o/x:1, HTTP 401)',
      'hint: give registry credentials, or log in first',
      expect.stringMatching(/^inputs: username and password \(or github-token for ghcr\.io\)/),
    ]);
  });

  it('withInput names one input for every error, sync or async, and keeps the hint', async () => {
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      throw new Error('did not throw');
    };
    const sync = thrown(() =>
      withInput('image-ref', () => {
        throw new BydigestError('INVALID_REFERENCE', 'has no digest', { hint: 'pin it' });
      }),
    );
    expect(failureMessage(sync)).toBe("input 'image-ref': has no digest\nhint: pin it");
    await expect(
      withInput(
        'policy',
        async () => {
          throw new Error('not JSON');
        },
        'pass a policy.json',
      ),
    ).rejects.toMatchObject({ input: 'policy', hint: 'pass a policy.json' });
    expect(withInput('tags', () => 3)).toBe(3);
    await expect(withInput('tags', async () => 4)).resolves.toBe(4);
  });

  it('withInput decides by code, never by message text; an InputError passes through', async () => {
    const keyInputs = { KEY_PASSWORD: 'password-env', '*': 'key' } as const;
    await expect(
      withInput(keyInputs, async () => {
        throw new BydigestError('KEY_PASSWORD', 'cannot decrypt: wrong password');
      }),
    ).rejects.toMatchObject({ input: 'password-env' });
    // The same words under another code point at the key, not the password.
    await expect(
      withInput(keyInputs, async () => {
        throw new BydigestError('KEY', 'wrong password');
      }),
    ).rejects.toMatchObject({ input: 'key' });
    const own = new InputError('password-env', 'is not a variable name');
    await expect(
      withInput(keyInputs, async () => {
        throw own;
      }),
    ).rejects.toBe(own);
    // Without '*', a code the map does not list stays the library's error.
    const network = new BydigestError('NETWORK', 'reset');
    await expect(
      withInput({ INVALID_ARGUMENT: 'wipe-paths' }, async () => {
        throw network;
      }),
    ).rejects.toBe(network);
  });
});
