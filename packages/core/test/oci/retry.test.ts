import { describe, expect, it } from '@jest/globals';
import { BydigestError } from '../../src/errors.js';
import { done, isBlobLinkRace, retryAfter, retryingOn, withRetry } from '../../src/oci/remote/http/retry.js';

const quick = { retries: 3, baseMs: 1, maxMs: 2 };

describe('withRetry: the one retry loop', () => {
  it('retries what an attempt calls retryable, up to retries + 1 attempts, then throws the last failure', async () => {
    const seen: number[] = [];
    const failures = [new Error('a'), new Error('b'), new Error('c'), new Error('d')];
    await expect(withRetry(quick, async (n) => (seen.push(n), retryAfter(failures[n])))).rejects.toBe(failures[3]);
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('stops at the first success, and never retries an error the attempt throws', async () => {
    let calls = 0;
    await expect(
      withRetry(quick, async (n) => (calls++, n < 2 ? retryAfter(new Error('x')) : done('ok'))),
    ).resolves.toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    const final = new Error('final');
    await expect(withRetry(quick, async () => (calls++, Promise.reject(final)))).rejects.toBe(final);
    expect(calls).toBe(1);
  });

  it('honours the wait an attempt names (Retry-After) over the backoff', async () => {
    const t0 = Date.now();
    await withRetry({ retries: 1, baseMs: 10_000, maxMs: 10_000 }, async (n) =>
      n === 0 ? retryAfter(new Error('429'), 30) : done(1),
    );
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('retryingOn turns a predicate into an attempt', async () => {
    let n = 0;
    const flaky = retryingOn(
      (e) => (e as Error).message === 'flaky',
      async () => {
        if (n++ < 2) throw new Error('flaky');
        return 'ok';
      },
    );
    await expect(withRetry(quick, flaky)).resolves.toBe('ok');
    const fatal = retryingOn(
      () => false,
      async () => Promise.reject(new Error('fatal')),
    );
    await expect(withRetry(quick, fatal)).rejects.toThrow('fatal');
  });
});

describe("the registry's error codes are data", () => {
  const error = (status: number, registryCodes: string[], message = 'PUT manifest x: HTTP 400') =>
    new BydigestError('REGISTRY', message, { status, registryCodes });

  it('a blob-link race is told by errors[].code, not by the wording', () => {
    expect(isBlobLinkRace(error(400, ['MANIFEST_BLOB_UNKNOWN']))).toBe(true);
    expect(isBlobLinkRace(error(400, ['DIGEST_INVALID']))).toBe(true);
    expect(isBlobLinkRace(error(400, ['MANIFEST_INVALID'], 'mentions MANIFEST_BLOB_UNKNOWN in text only'))).toBe(false);
    expect(isBlobLinkRace(error(404, ['MANIFEST_BLOB_UNKNOWN']))).toBe(false);
    expect(isBlobLinkRace(new Error('MANIFEST_BLOB_UNKNOWN'))).toBe(false);
  });

  it('defaults to no codes', () => {
    expect(new BydigestError('REGISTRY', 'x').registryCodes).toEqual([]);
  });
});
