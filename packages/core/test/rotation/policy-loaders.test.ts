import { expect, it } from '@jest/globals';
import { loadersWithoutKeyPaths } from '../../src/rotation/policy-loaders.js';

it('names the podman, skopeo and buildah built before containers/image 5.33, whatever the package manager', () => {
  const old = loadersWithoutKeyPaths([
    { name: 'podman', epoch: 5, version: '5.2.5', release: '1.fc41' },
    { name: 'skopeo', version: '1:1.9.3+ds1-1' },
    { name: 'buildah', version: '1.38.0', release: '1.fc41' },
    { name: 'containers-common', version: '0.60.0' },
    { name: 'podman-docker', version: '4.0.0' },
  ]);
  expect(old).toEqual([
    { name: 'podman', version: '5.2.5', since: '5.3.0' },
    { name: 'skopeo', version: '1:1.9.3+ds1-1', since: '1.17.0' },
  ]);
});

it('passes the releases that load keyPaths, and versions it cannot read', () => {
  expect(
    loadersWithoutKeyPaths([
      { name: 'podman', version: '5.3' },
      { name: 'skopeo', version: '1.17.0~rc1' },
      { name: 'skopeo', version: '1.18.1+ds1-1' },
      { name: 'buildah', version: 'git-abc' },
    ]),
  ).toEqual([]);
});
