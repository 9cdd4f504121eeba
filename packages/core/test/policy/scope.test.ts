import { describe, it, expect } from '@jest/globals';
import {
  parsePolicy,
  parseReference,
  policyIdentity,
  policyNamespaces,
  requirementsForImage,
} from '../../src/index.js';

describe('policyIdentity / policyNamespaces (docker/policyconfiguration/naming.go)', () => {
  it('names the full reference, then each parent namespace, the host and wildcard domains', () => {
    const ref = parseReference('ghcr.io/ublue-os/bluefin:stable');
    expect(policyIdentity(ref)).toBe('ghcr.io/ublue-os/bluefin:stable');
    expect(policyNamespaces(ref)).toEqual(['ghcr.io/ublue-os/bluefin', 'ghcr.io/ublue-os', 'ghcr.io', '*.io']);
  });

  it('uses the digest for a pull by digest, and :latest for a name alone', () => {
    const d = `sha256:${'c'.repeat(64)}`;
    expect(policyIdentity(parseReference(`quay.io/a/b@${d}`))).toBe(`quay.io/a/b@${d}`);
    expect(policyIdentity(parseReference('quay.io/a/b'))).toBe('quay.io/a/b:latest');
  });

  it('expands Docker Hub names and strips the port before wildcards', () => {
    expect(policyNamespaces(parseReference('busybox:1'))).toEqual([
      'docker.io/library/busybox',
      'docker.io/library',
      'docker.io',
      '*.io',
    ]);
    expect(policyNamespaces(parseReference('registry.example.com:5000/ns/img:x'))).toEqual([
      'registry.example.com:5000/ns/img',
      'registry.example.com:5000/ns',
      'registry.example.com:5000',
      '*.example.com',
      '*.com',
    ]);
  });

  it('refuses a reference with both a tag and a digest', () => {
    expect(() => policyIdentity(parseReference(`a.io/b:c@sha256:${'d'.repeat(64)}`))).toThrow(
      /both a tag and a digest/,
    );
  });
});

describe('requirementsForImage picks the most specific scope', () => {
  const scopes = ['ghcr.io/o/img:stable', 'ghcr.io/o/img', 'ghcr.io/o', 'ghcr.io', '*.io', ''];
  // Each scope's requirement is a distinct type sequence so the choice is visible.
  const policy = (present: string[]) =>
    parsePolicy(
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: {
          docker: Object.fromEntries(
            present.map((s) => [s, [{ type: 'sigstoreSigned', keyPath: `/keys/${s || 'transport-default'}.pub` }]]),
          ),
        },
      }),
    );
  const keyOf = (p: ReturnType<typeof policy>, ref: string) => {
    const choice = requirementsForImage(p, parseReference(ref));
    const r = choice.requirements[0];
    return {
      scope: choice.scope,
      key: r?.type === 'sigstoreSigned' && r.keys?.kind === 'keyPath' ? r.keys.paths[0] : r?.type,
    };
  };

  it('walks: full reference, repository, parent namespaces, host, wildcard, "", default', () => {
    for (let i = 0; i < scopes.length; i++) {
      const present = scopes.slice(i);
      const expected = scopes[i] as string;
      expect(keyOf(policy(present), 'ghcr.io/o/img:stable')).toEqual({
        scope: expected,
        key: `/keys/${expected || 'transport-default'}.pub`,
      });
    }
    expect(keyOf(policy([]), 'ghcr.io/o/img:stable')).toEqual({ scope: undefined, key: 'reject' });
  });

  it('a tag scope applies only to that tag; a digest pull matches repository scopes', () => {
    const p = policy(['ghcr.io/o/img:stable', 'ghcr.io/o']);
    expect(keyOf(p, 'ghcr.io/o/img:testing').scope).toBe('ghcr.io/o');
    expect(keyOf(p, `ghcr.io/o/img@sha256:${'e'.repeat(64)}`).scope).toBe('ghcr.io/o');
  });

  it('does not treat a scope as a string prefix', () => {
    const p = policy(['ghcr.io/o/im']);
    expect(keyOf(p, 'ghcr.io/o/img:stable')).toEqual({ scope: undefined, key: 'reject' });
  });

  it('ignores scopes of other transports', () => {
    const p = parsePolicy(
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: { 'docker-daemon': { '': [{ type: 'insecureAcceptAnything' }] } },
      }),
    );
    expect(requirementsForImage(p, parseReference('ghcr.io/o/img:x')).label).toBe('default');
  });
});
