import { BydigestError } from '../errors.js';

/**
 * The refusal behind an error, if it is one: a 401/403, or credentials the registry asked for
 * and none were found (which the transport reports wrapped in its NETWORK error).
 */
export function unauthorizedIn(e: unknown): BydigestError | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    if (cur instanceof BydigestError && cur.code === 'UNAUTHORIZED') return cur;
    cur = cur.cause;
  }
  return undefined;
}
