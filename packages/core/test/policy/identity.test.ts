import { describe, it, expect } from '@jest/globals';
import { matchesDockerReference, parseReference, type SignedIdentity } from '../../src/index.js';

const D = `sha256:${'d'.repeat(64)}`;
const E = `sha256:${'e'.repeat(64)}`;

// [rule, pulled as (intended), signature docker-reference, accepted]
const cases: [SignedIdentity, string, string, boolean][] = [
  // matchRepoDigestOrExact (the default): a tag must match exactly; a digest pull needs the repository
  // and a signature that names a tag or digest — never the repository alone, which cosign writes.
  [{ type: 'matchRepoDigestOrExact' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img:stable', true],
  [{ type: 'matchRepoDigestOrExact' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img:testing', false],
  [{ type: 'matchRepoDigestOrExact' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img', false],
  [{ type: 'matchRepoDigestOrExact' }, `ghcr.io/o/img@${D}`, 'ghcr.io/o/img:anything', true],
  [{ type: 'matchRepoDigestOrExact' }, `ghcr.io/o/img@${D}`, `ghcr.io/o/img@${E}`, true],
  [{ type: 'matchRepoDigestOrExact' }, `ghcr.io/o/img@${D}`, 'ghcr.io/o/img', false],
  [{ type: 'matchRepoDigestOrExact' }, `ghcr.io/o/img@${D}`, 'ghcr.io/o/other:x', false],
  [{ type: 'matchRepoDigestOrExact' }, 'busybox:latest', 'docker.io/library/busybox:latest', true],
  [
    { type: 'matchRepoDigestOrExact' },
    'docker.io/library/busybox:latest',
    'index.docker.io/library/busybox:latest',
    true,
  ],
  // matchExact: both must carry the same tag or digest.
  [{ type: 'matchExact' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img:stable', true],
  [{ type: 'matchExact' }, `ghcr.io/o/img@${D}`, 'ghcr.io/o/img:stable', false],
  [{ type: 'matchExact' }, `ghcr.io/o/img@${D}`, `ghcr.io/o/img@${D}`, true],
  [{ type: 'matchExact' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img', false],
  // matchRepository: names only.
  [{ type: 'matchRepository' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img', true],
  [{ type: 'matchRepository' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img:other', true],
  [{ type: 'matchRepository' }, 'ghcr.io/o/img:stable', 'ghcr.io/o/img2', false],
  [{ type: 'matchRepository' }, 'ghcr.io/o/img:stable', 'GHCR.io/o/Img', false],
  // exactReference / exactRepository ignore what is pulled.
  [{ type: 'exactReference', dockerReference: 'ghcr.io/o/img:v1' }, 'mirror.io/x:y', 'ghcr.io/o/img:v1', true],
  [{ type: 'exactReference', dockerReference: 'ghcr.io/o/img:v1' }, 'ghcr.io/o/img:v1', 'ghcr.io/o/img', false],
  [{ type: 'exactRepository', dockerRepository: 'ghcr.io/o/img' }, 'mirror.io/x:y', 'ghcr.io/o/img', true],
  [{ type: 'exactRepository', dockerRepository: 'ghcr.io/o/img' }, 'ghcr.io/o/img:y', 'ghcr.io/o/other', false],
  // remapIdentity: the pulled name's prefix is rewritten, then matchRepoDigestOrExact.
  [
    { type: 'remapIdentity', prefix: 'mirror.io/ublue', signedPrefix: 'ghcr.io/ublue-os' },
    'mirror.io/ublue/bluefin:stable',
    'ghcr.io/ublue-os/bluefin:stable',
    true,
  ],
  [
    { type: 'remapIdentity', prefix: 'mirror.io/ublue', signedPrefix: 'ghcr.io/ublue-os' },
    'mirror.io/ubluex/bluefin:stable',
    'ghcr.io/ublue-os/bluefin:stable',
    false,
  ],
  [
    { type: 'remapIdentity', prefix: 'mirror.io/ublue', signedPrefix: 'ghcr.io/ublue-os' },
    'ghcr.io/ublue-os/bluefin:stable',
    'ghcr.io/ublue-os/bluefin:stable',
    true,
  ],
  // Unparseable signature identities never match.
  [{ type: 'matchRepository' }, 'ghcr.io/o/img:stable', 'not a reference', false],
];

describe('matchesDockerReference (policy_reference_match.go)', () => {
  it.each(cases)('%j pulling %s, signature %s → %s', (rule, intended, signature, accepted) => {
    expect(matchesDockerReference(rule, parseReference(intended), signature)).toBe(accepted);
  });
});
