import { isObject, type TopLevel } from './format-checker.js';
import type { SbomFormat } from './types.js';

/** The top-level member that identifies each format, as named in messages. */
export const FORMAT_MARKERS: Readonly<Record<SbomFormat, string>> = {
  spdx: 'SPDX (spdxVersion)',
  cyclonedx: 'CycloneDX (bomFormat)',
  syft: 'syft-json (descriptor.name=syft)',
};

/** Which format a top-level member proves, if any. */
export function markerOf(key: string, value: unknown): SbomFormat | undefined {
  if (key === 'spdxVersion') return 'spdx';
  if (key === 'bomFormat') return 'cyclonedx';
  if (key === 'descriptor' && isObject(value) && value.name === 'syft') return 'syft';
  return undefined;
}

export function detectedFormats(top: TopLevel): SbomFormat[] {
  const found = new Set<SbomFormat>();
  for (const [key, value] of Object.entries(top.members)) {
    const f = markerOf(key, value);
    if (f) found.add(f);
  }
  // spdxVersion or bomFormat written as an array still shows what the author meant
  if (top.arrays.has('spdxVersion')) found.add('spdx');
  if (top.arrays.has('bomFormat')) found.add('cyclonedx');
  return [...found];
}

/** A hint for JSON that carries no marker but resembles something known. */
export function lookalikeHint(top: TopLevel): string | undefined {
  const m = top.members;
  const context = JSON.stringify(m['@context'] ?? '');
  if (context.includes('spdx'))
    return 'it looks like SPDX 3 JSON-LD, which is not supported: export SPDX 2.3 JSON instead (e.g. syft -o spdx-json)';
  if (isObject(m.descriptor)) return `descriptor.name is ${JSON.stringify(m.descriptor.name)}, not "syft"`;
  if (top.arrays.has('artifacts') && Object.hasOwn(m, 'source'))
    return "it has syft-json's artifacts and source but no descriptor.name=syft";
  if (top.arrays.has('packages')) return 'it has a packages array but no spdxVersion';
  if (top.arrays.has('components')) return 'it has a components array but no bomFormat';
  return undefined;
}
