import type { JsonScanError } from './json-scanner.js';
import { FORMAT_MARKERS } from './detect.js';

export const NOT_AN_SBOM = `expected ${Object.values(FORMAT_MARKERS).slice(0, 2).join(', ')} or ${FORMAT_MARKERS.syft}`;

/** Turns a scanner problem into the sentence after the file name, and how to fix it. */
export function describeScanError(e: JsonScanError, file: string, where: string): { message: string; hint: string } {
  switch (e.kind) {
    case 'utf8':
      return {
        message: `is not valid UTF-8 at ${where}: JSON must be UTF-8 encoded`,
        hint: `re-encode it, e.g. iconv -f LATIN1 -t UTF-8 ${file}`,
      };
    case 'utf16':
      return {
        message: 'is UTF-16 (or UTF-32) encoded; JSON must be UTF-8',
        hint: `convert it with iconv -f UTF-16 -t UTF-8 (PowerShell's Out-File writes UTF-16 unless given -Encoding utf8)`,
      };
    case 'truncated':
      return {
        message: `is not valid JSON: ${e.message} (at ${where})`,
        hint: 'regenerate the SBOM; a full disk or an interrupted write usually causes this',
      };
    case 'limit':
      return {
        message: `cannot be validated in bounded memory: ${e.message} (starting at ${where})`,
        hint: 'check that the JSON is well formed; a single element that large is not supported',
      };
    case 'not-object':
      return {
        message: `is not an SBOM: ${e.message} (at ${where}); ${NOT_AN_SBOM}`,
        hint: 'pass an SPDX, CycloneDX or syft JSON file',
      };
    case 'duplicate':
      return { message: `is ambiguous JSON: ${e.message} (at ${where})`, hint: 'remove the duplicate key' };
    case 'syntax':
      return {
        message: `is not valid JSON at ${where}: ${e.message}`,
        hint: `see exactly where with: jq empty ${file}`,
      };
  }
}
