import { describe, expect, it } from '@jest/globals';
import { parseChallenge } from '../../src/oci/remote/auth/challenge.js';
import { retryAfterMs } from '../../src/oci/remote/http/retry.js';

describe('parseChallenge', () => {
  it('parses Bearer with quoted values containing commas', () => {
    expect(
      parseChallenge('Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry', scope: 'repository:a/b:pull,push' },
    });
  });
  it('parses Basic', () => {
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    });
  });
  it('ignores unknown schemes and empty headers', () => {
    expect(parseChallenge('Negotiate abc')).toBeUndefined();
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and dates, capped', () => {
    expect(retryAfterMs('2', 30_000)).toBe(2000);
    expect(retryAfterMs('9999', 30_000)).toBe(30_000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), 30_000)).toBeGreaterThan(3000);
    expect(retryAfterMs('soon', 30_000)).toBeUndefined();
  });
});
