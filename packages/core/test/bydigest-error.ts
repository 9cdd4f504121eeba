import { expect } from '@jest/globals';
import { BydigestError } from '../src/errors.js';

/** The BydigestError `fn` throws; fails the test when it throws something else or nothing. */
export function thrown(fn: () => unknown): BydigestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BydigestError);
    return e as BydigestError;
  }
  throw new Error('expected a throw');
}

/** The BydigestError `p` rejects with; fails the test when it rejects with something else or resolves. */
export async function rejection(p: Promise<unknown>): Promise<BydigestError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BydigestError);
    return e as BydigestError;
  }
  throw new Error('expected a rejection');
}
