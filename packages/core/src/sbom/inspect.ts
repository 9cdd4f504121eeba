import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BydigestError } from '../errors.js';
import { SbomCollector } from './collector.js';
import { detectedFormats, FORMAT_MARKERS, lookalikeHint } from './detect.js';
import { readAndHash, locate, type FileDigest } from './file-reader.js';
import { JsonObjectScanner, JsonScanError } from './json-scanner.js';
import { SBOM_FORMAT_TYPES } from './media-types.js';
import { describeScanError, NOT_AN_SBOM } from './scan-messages.js';
import type { SbomInfo } from './types.js';

export interface InspectSbomOptions {
  /** Largest single array element or top-level value held in memory (default 16 MiB). */
  maxValueBytes?: number;
}

const SPEC_NAMES = { spdx: 'SPDX 2.3 JSON', cyclonedx: 'CycloneDX JSON', syft: 'syft-json' } as const;

/** What is wrong goes in the message; how to fix it in `hint`, which the actions print on the next line. */
function fail(file: string, message: string, hint?: string, cause?: unknown): BydigestError {
  return new BydigestError('SBOM', `SBOM file ${file} ${message}`, {
    operation: 'inspect SBOM',
    reference: file,
    ...(hint ? { hint } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
}

async function openRegular(file: string): Promise<{ fh: FileHandle; size: number }> {
  let st;
  try {
    // stat before open: opening a FIFO for reading would block until a writer appears
    st = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw fail(
        file,
        `does not exist (looked for ${resolve(file)})`,
        'check the path and that the step generating the SBOM ran before this one',
        e,
      );
    }
    if (code === 'EACCES') throw fail(file, 'cannot be read: permission denied', undefined, e);
    throw fail(file, `cannot be read: ${(e as Error).message}`, undefined, e);
  }
  if (!st.isFile()) {
    const kind = st.isDirectory()
      ? 'a directory'
      : st.isFIFO()
        ? 'a pipe'
        : st.isSocket()
          ? 'a socket'
          : 'a device or special file';
    throw fail(file, `is not a regular file (it is ${kind})`, 'pass the path of the SBOM JSON file');
  }
  if (st.size === 0)
    throw fail(file, 'is empty (0 bytes)', 'the step that generates it probably failed; check its log');
  let fh: FileHandle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, open must not hang on it
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fail(file, `cannot be opened: ${(e as Error).message}`, undefined, e);
  }
  // the path may have been swapped between stat and open
  if (!(await fh.stat()).isFile()) {
    await fh.close();
    throw fail(file, 'is not a regular file', 'pass the path of the SBOM JSON file');
  }
  return { fh, size: st.size };
}

/**
 * Detects and validates an SBOM file in one streaming pass, also computing its digest and size.
 * Memory stays bounded by the largest single element, never the file: a 200 MB SPDX document
 * is checked with a peak RSS well under 150 MB.
 */
export async function inspectSbom(file: string, options: InspectSbomOptions = {}): Promise<SbomInfo> {
  const { fh, size: statSize } = await openRegular(file);
  const collector = new SbomCollector();
  const scanner = new JsonObjectScanner(collector, options);
  let read: FileDigest;
  try {
    try {
      read = await readAndHash(fh, (chunk) => scanner.push(chunk));
      scanner.end();
    } catch (e) {
      if (!(e instanceof JsonScanError)) {
        // an I/O error (EIO, EISDIR on odd filesystems) is the user's to fix; anything else is our bug
        if (typeof (e as NodeJS.ErrnoException).code === 'string')
          throw fail(file, `cannot be read: ${(e as Error).message}`, undefined, e);
        throw e;
      }
      const { line, column } = await locate(fh, e.offset);
      const { message, hint } = describeScanError(e, file, `byte ${e.offset}, line ${line}, column ${column}`);
      throw fail(file, message, hint, e);
    }
  } finally {
    await fh.close();
  }
  if (read.size !== statSize) {
    throw fail(
      file,
      `changed while being read (${statSize} bytes before, ${read.size} read)`,
      'wait for the step writing it to finish',
    );
  }
  return conclude(file, collector, read);
}

function conclude(file: string, collector: SbomCollector, read: FileDigest): SbomInfo {
  const formats = detectedFormats(collector.top);
  if (formats.length === 0) {
    const like = lookalikeHint(collector.top);
    throw fail(
      file,
      `is JSON but not an SBOM: ${NOT_AN_SBOM}${like ? ` (${like})` : ''}`,
      'pass SPDX 2.3 JSON, CycloneDX JSON or syft-json, e.g. from syft <image> -o spdx-json=sbom.spdx.json',
    );
  }
  if (formats.length > 1) {
    throw fail(
      file,
      `mixes SBOM formats: it has the markers of ${formats.map((f) => FORMAT_MARKERS[f]).join(' and ')}`,
      'a file must be exactly one format',
    );
  }
  const format = formats[0]!;
  const checker = collector.checkers[format];
  const result = checker.finish(collector.top);
  const problems = checker.problems;
  if (!problems.ok) {
    const more =
      problems.total > problems.messages.length ? `\n  … and ${problems.total - problems.messages.length} more` : '';
    const list = `\n  - ${problems.messages.join('\n  - ')}${more}`;
    throw fail(
      file,
      `is not valid ${SPEC_NAMES[format]} (${problems.total} problem(s)):${list}`,
      'fix the generator or its options so that its output conforms, or attach it with a format it does produce correctly',
    );
  }
  const types = SBOM_FORMAT_TYPES[format];
  return {
    format,
    artifactType: types.artifactType,
    layerMediaType: types.layerMediaType,
    size: read.size,
    digest: read.digest,
    ...result,
  };
}
