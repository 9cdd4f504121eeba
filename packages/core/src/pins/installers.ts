import { BydigestError } from '../errors.js';

/**
 * Actions that install a tool, and the inputs that choose its version. Pinning the action's SHA
 * does not pin the tool: without the input, the action installs its own default or the latest
 * release (a floating `sigstore/cosign-installer` moved its users from cosign 2 to 3 and to a new
 * signature format). Any one of the inputs set to an exact version pins it.
 */
export type InstallerTable = ReadonlyMap<string, readonly string[]>;

export const KNOWN_INSTALLERS: InstallerTable = new Map<string, readonly string[]>([
  ['sigstore/cosign-installer', ['cosign-release']],
  ['anchore/sbom-action', ['syft-version']],
  ['anchore/sbom-action/download-syft', ['syft-version']],
  ['anchore/scan-action', ['grype-version']],
  ['anchore/scan-action/download-grype', ['grype-version']],
  ['oras-project/setup-oras', ['version']],
  ['imjasonh/setup-crane', ['version']],
  ['aquasecurity/setup-trivy', ['version']],
  ['aquasecurity/trivy-action', ['version']],
  ['docker/setup-buildx-action', ['version']],
  ['goreleaser/goreleaser-action', ['version']],
  ['ko-build/setup-ko', ['version']],
  ['azure/setup-helm', ['version']],
  ['azure/setup-kubectl', ['version']],
  ['hashicorp/setup-terraform', ['terraform_version']],
]);

const ENTRY =
  /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^\s=:]+)?)\s*[=:]\s*([A-Za-z0-9_-]+(?:\s*[,|]\s*[A-Za-z0-9_-]+)*)$/;

/** The known table plus `owner/repo[/path]=input[,input]` lines (an entry for a known action replaces it). */
export function installerTable(lines: readonly string[]): InstallerTable {
  const table = new Map(KNOWN_INSTALLERS);
  for (const line of lines) {
    const m = ENTRY.exec(line.trim());
    if (!m) {
      throw new BydigestError('INVALID_ARGUMENT', `installers: ${JSON.stringify(line)} is not owner/repo=input`, {
        hint: 'write one installer per line as owner/repo[/path]=version-input, e.g. sigstore/cosign-installer=cosign-release',
      });
    }
    table.set((m[1] as string).toLowerCase(), (m[2] as string).split(/\s*[,|]\s*/));
  }
  return table;
}

/** A release number with major, minor and patch (`v2.5.3`, `1.2.0-rc.1`); `v2`, `latest` and `2.x` float. */
export const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
