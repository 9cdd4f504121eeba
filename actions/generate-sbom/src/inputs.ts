import { parseImageSource, parsePlatform, type InventoryFormat } from '@bydigest/core';
import {
  booleanInput,
  choiceInput,
  InputError,
  parseInput,
  rawInput,
  readRegistryInputs,
  requiredInput,
  type RegistryInputs,
} from '@bydigest/action-kit';
import { resolve } from 'node:path';

export interface GenerateInputs {
  source: string;
  /** docker:// sources talk to a registry; the others never do. */
  remote: boolean;
  platform: string;
  distro?: string;
  allowEmpty: boolean;
  outputs: { format: InventoryFormat; path: string }[];
  /** The `format` input as given, echoed as an output. */
  format: 'spdx-json' | 'cyclonedx-json' | 'both';
  registry: RegistryInputs;
}

const DEFAULT_OUTPUT: Record<InventoryFormat, string> = {
  'spdx-json': 'sbom.spdx.json',
  'cyclonedx-json': 'sbom.cdx.json',
};

export function readInputs(): GenerateInputs {
  const source = requiredInput(
    'source',
    'e.g. oci:./layout:latest, oci-archive:image.tar, docker://ghcr.io/o/app@sha256:… or dir:./rootfs',
  );
  const spec = parseInput('source', parseImageSource, { required: true })!;
  const platform = rawInput('platform') || 'linux/amd64';
  parseInput('platform', parsePlatform);
  const format = choiceInput('format', ['spdx-json', 'cyclonedx-json', 'both'] as const, 'spdx-json');
  const output = rawInput('output');
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const formats: InventoryFormat[] = format === 'both' ? ['spdx-json', 'cyclonedx-json'] : [format];
  if (format === 'both' && output) {
    throw new InputError(
      'output',
      'names one file, but format: both writes two',
      'leave output empty (sbom.spdx.json and sbom.cdx.json), or run the step once per format',
    );
  }
  const outputs = formats.map((f) => ({ format: f, path: resolve(workspace, output || DEFAULT_OUTPUT[f]) }));
  const distro = rawInput('distro');
  if (distro && !/^[a-z0-9][a-z0-9._-]*$/.test(distro))
    throw new InputError(
      'distro',
      `${JSON.stringify(distro)} is not an os-release ID`,
      'e.g. fedora, rhel, centos, debian',
    );
  return {
    source,
    remote: spec.kind === 'docker',
    platform,
    ...(distro ? { distro } : {}),
    allowEmpty: booleanInput('allow-empty', false),
    outputs,
    format,
    registry: readRegistryInputs(),
  };
}
