import { describe, expect, it } from '@jest/globals';
import { declaredLicense } from '../../src/inventory/license.js';
import { packageCpe, packageUrl, packageVersion } from '../../src/inventory/identifiers.js';
import { distroOf, parseOsRelease } from '../../src/pkgdb/os-release.js';

describe('license normalisation', () => {
  it('keeps valid SPDX expressions, maps legacy Fedora names, and keeps anything else as a LicenseRef', () => {
    expect(declaredLicense('GPL-3.0-or-later AND MIT')).toEqual({ expression: 'GPL-3.0-or-later AND MIT' });
    expect(declaredLicense('GPLv2+')).toEqual({ expression: 'GPL-2.0-or-later' });
    expect(declaredLicense('zlib and Boost')).toEqual({ expression: 'Zlib AND BSL-1.0' });
    expect(declaredLicense('(GPLv2+ or MIT) and ASL 2.0')).toEqual({
      expression: '(GPL-2.0-or-later OR MIT) AND Apache-2.0',
    });
    expect(declaredLicense('Some Custom Terms v1')).toEqual({
      expression: 'LicenseRef-Some-Custom-Terms-v1',
      extracted: { licenseId: 'LicenseRef-Some-Custom-Terms-v1', extractedText: 'Some Custom Terms v1' },
    });
    expect(declaredLicense(undefined)).toEqual({ expression: 'NOASSERTION' });
  });
});

describe('identifiers as syft writes them', () => {
  const fedora = { id: 'fedora', versionId: '42', namespace: 'fedora' };
  it('puts the epoch in a qualifier, never in the PURL version', () => {
    const p = {
      name: 'shadow-utils',
      epoch: 2,
      version: '4.15.1',
      release: '8.fc42',
      arch: 'x86_64',
      source: 'shadow-utils-4.15.1-8.fc42.src.rpm',
    };
    expect(packageUrl('rpm', p, fedora)).toBe(
      'pkg:rpm/fedora/shadow-utils@4.15.1-8.fc42?arch=x86_64&distro=fedora-42&epoch=2&upstream=shadow-utils-4.15.1-8.fc42.src.rpm',
    );
    expect(packageVersion(p)).toBe('2:4.15.1-8.fc42');
    expect(packageCpe(p)).toBe('cpe:2.3:a:shadow-utils:shadow-utils:4.15.1:*:*:*:*:*:*:*');
    expect(packageUrl('rpm', { name: 'bash', version: '5.2', release: '1', arch: 'x86_64' }, fedora)).toBe(
      'pkg:rpm/fedora/bash@5.2-1?arch=x86_64&distro=fedora-42',
    );
  });

  it('takes the first known ID_LIKE for Universal Blue images, and the distro input over both', () => {
    const aurora = parseOsRelease(
      'NAME="Aurora"\nID=aurora\nID_LIKE="fedora"\nVERSION_ID=42\nPRETTY_NAME="Aurora (Version: 42.20250101)"\n',
    );
    expect(distroOf(aurora)).toEqual({ id: 'fedora', versionId: '42', namespace: 'fedora' });
    expect(distroOf(parseOsRelease('ID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.6"\n'))).toEqual({
      id: 'rhel',
      versionId: '9.6',
      namespace: 'redhat',
    });
    expect(distroOf(aurora, 'centos').id).toBe('centos');
  });
});
