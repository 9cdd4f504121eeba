import { describe, expect, it } from '@jest/globals';
import { isBydigestError } from '../../src/errors.js';
import {
  formatReference,
  isLoopbackHost,
  parseDigestReference,
  parseReference,
  parseRepository,
  repositoryName,
} from '../../src/oci/reference.js';
import { parseDigest } from '../../src/oci/digest.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['index.docker.io/library/busybox:1', { registry: 'docker.io', repository: 'library/busybox', tag: '1' }],
    ['ghcr.io/ublue-os/bluefin:stable', { registry: 'ghcr.io', repository: 'ublue-os/bluefin', tag: 'stable' }],
    [`ghcr.io/o/img@${D}`, { registry: 'ghcr.io', repository: 'o/img', digest: D }],
    [`127.0.0.1:5000/a/b:t@${D}`, { registry: '127.0.0.1:5000', repository: 'a/b', tag: 't', digest: D }],
    ['localhost/x', { registry: 'localhost', repository: 'x' }],
    ['[::1]:5000/x/y', { registry: '[::1]:5000', repository: 'x/y' }],
    ['quay.io/a/b__c-d.e', { registry: 'quay.io', repository: 'a/b__c-d.e' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['ghcr.io/Owner/img', /lower-case/],
    ['docker://ghcr.io/o/img', /URL scheme/],
    ['ghcr.io/o/img:', /tag "" is not valid/],
    ['ghcr.io/o/img:-bad', /tag "-bad"/],
    [`ghcr.io/o/img@sha256:${'a'.repeat(63)}`, /64 hex characters/],
    [`ghcr.io/o/img@sha512:${'a'.repeat(128)}`, /unsupported digest algorithm "sha512"/],
    [`ghcr.io/o/img@sha256:${'A'.repeat(64)}`, /lower-case hexadecimal/],
    ['ghcr.io//img', /empty component/],
    ['ghcr.io/o/../img', /not valid/],
    ['ghcr.io/o/img with space', /white space/],
    [`ghcr.io/${'a'.repeat(300)}`, /longer than 255/],
  ])('rejects %j', (input, message) => {
    let err: unknown;
    try {
      parseReference(input);
    } catch (e) {
      err = e;
    }
    expect(isBydigestError(err, 'INVALID_REFERENCE')).toBe(true);
    expect((err as Error).message).toMatch(message);
  });

  it('requires a digest where one is needed and says where it comes from', () => {
    expect(() => parseDigestReference('ghcr.io/o/img:latest')).toThrow(/digest is required/);
    try {
      parseDigestReference('ghcr.io/o/img:latest');
    } catch (e) {
      expect((e as { hint?: string }).hint).toMatch(/capture-digest/);
    }
    expect(parseDigestReference(`ghcr.io/o/img@${D}`).digest).toBe(D);
  });

  it('repository input refuses tags and digests', () => {
    expect(() => parseRepository('ghcr.io/o/img:1')).toThrow(/without tag or digest/);
    expect(parseRepository('ghcr.io/o/img')).toEqual({ registry: 'ghcr.io', repository: 'o/img' });
  });

  it('formats back and names repositories as cosign does', () => {
    expect(formatReference(parseReference(`ghcr.io/o/img:t@${D}`))).toBe(`ghcr.io/o/img:t@${D}`);
    expect(repositoryName(parseReference('busybox'))).toBe('index.docker.io/library/busybox');
    expect(repositoryName(parseReference('ghcr.io/o/img:1'))).toBe('ghcr.io/o/img');
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]:5000')).toBe(true);
    expect(isLoopbackHost('ghcr.io')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });

  it('parseDigest names each malformed form', () => {
    expect(() => parseDigest('sha256')).toThrow(/not a digest/);
    expect(() => parseDigest('md5:abc')).toThrow(/unsupported digest algorithm/);
  });
});
