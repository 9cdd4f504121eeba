import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBydigestError, type BydigestError } from '../../src/errors.js';
import { inspectSbom } from '../../src/sbom/index.js';
import { writeBigSpdx } from './big-spdx.js';
import { fixture } from './fixtures.js';

async function error(path: string, options = {}): Promise<BydigestError> {
  try {
    await inspectSbom(path, options);
  } catch (e) {
    expect(isBydigestError(e, 'SBOM')).toBe(true);
    const err = e as BydigestError;
    // every message names the file and comes with a fix
    expect(err.message).toContain(`SBOM file ${path} `);
    expect(err.hint).toMatch(/\S/);
    return err;
  }
  throw new Error(`inspectSbom(${path}) did not fail`);
}

async function failure(path: string, options = {}): Promise<string> {
  return (await error(path, options)).message;
}

const sha256 = (path: string): string => `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;

describe('inspectSbom: formats', () => {
  it('detects SPDX 2.3 JSON', async () => {
    const path = fixture('valid.spdx.json');
    const info = await inspectSbom(path);
    expect(info).toEqual({
      format: 'spdx',
      artifactType: 'application/vnd.spdx+json',
      layerMediaType: 'application/spdx+json',
      size: readFileSync(path).length,
      digest: sha256(path),
      documentName: 'ghcr.io/example/bluefin-dx',
      packages: 3,
    });
  });

  it('accepts SPDX 2.2 (checked against the 2.3 schema)', async () => {
    const info = await inspectSbom(fixture('valid-2.2.spdx.json'));
    expect(info.format).toBe('spdx');
    expect(info.documentName).toBe('alpine-3.20');
    expect(info.packages).toBe(1);
  });

  it('detects CycloneDX JSON', async () => {
    const path = fixture('valid.cdx.json');
    expect(await inspectSbom(path)).toEqual({
      format: 'cyclonedx',
      artifactType: 'application/vnd.cyclonedx+json',
      layerMediaType: 'application/vnd.cyclonedx+json',
      size: readFileSync(path).length,
      digest: sha256(path),
      documentName: 'ghcr.io/example/bluefin-dx',
      packages: 2,
    });
  });

  it('detects syft-json although its descriptor comes after the arrays', async () => {
    const path = fixture('valid.syft.json');
    expect(readFileSync(path, 'utf8').indexOf('"descriptor"')).toBeGreaterThan(
      readFileSync(path, 'utf8').indexOf('"artifacts"'),
    );
    expect(await inspectSbom(path)).toEqual({
      format: 'syft',
      artifactType: 'application/vnd.syft+json',
      layerMediaType: 'application/vnd.syft+json',
      size: readFileSync(path).length,
      digest: sha256(path),
      documentName: 'ghcr.io/example/bluefin-dx',
      packages: 2,
    });
  });

  it('ignores a UTF-8 byte order mark but hashes the file as it is', async () => {
    const path = fixture('bom.spdx.json');
    const info = await inspectSbom(path);
    expect(info.format).toBe('spdx');
    expect(info.digest).toBe(sha256(path));
    expect(info.digest).not.toBe(sha256(fixture('valid.spdx.json')));
  });
});

describe('inspectSbom: broken SPDX', () => {
  it('names a missing required package field with its path', async () => {
    const m = await failure(fixture('spdx-missing-download-location.json'));
    expect(m).toContain('spdx-missing-download-location.json is not valid SPDX 2.3 JSON (1 problem(s))');
    expect(m).toContain('packages[1].downloadLocation is required');
  });

  it('names wrong types and enum values in streamed elements', async () => {
    const m = await failure(fixture('spdx-bad-values.json'));
    expect(m).toContain('packages[0].filesAnalyzed must be boolean, found "no"');
    expect(m).toMatch(/relationships\[2\]\.relationshipType must be one of VARIANT_OF, .*found "DEPENDS_UPON"/);
  });

  it('checks the top level: unknown properties and nested required fields', async () => {
    const m = await failure(fixture('spdx-bad-top-level.json'));
    expect(m).toContain('sbomTool is not a property the schema allows here');
    expect(m).toContain('creationInfo.created is required');
  });

  it('applies the spec rules the schema leaves out', async () => {
    const m = await failure(fixture('spdx-spec-rules.json'));
    expect(m).toContain('spdxVersion is "SPDX-2.1"; supported: SPDX-2.3, SPDX-2.2');
    expect(m).toContain('dataLicense must be "CC0-1.0", found "MIT"');
    expect(m).toContain('documentNamespace is required');
  });

  it('reports a big array written as an object', async () => {
    expect(await failure(fixture('spdx-packages-not-array.json'))).toContain('packages must be array, found an object');
  });

  it('keeps the first five problems and counts the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-many-'));
    try {
      const path = join(dir, 'many.spdx.json');
      await writeBigSpdx(path, 2_000_000, (pkg, i) => {
        if (i % 100 === 7) delete pkg.downloadLocation;
      });
      const m = await failure(path);
      expect(m).toContain('packages[7].downloadLocation is required');
      expect(m).toContain('packages[407].downloadLocation is required');
      expect(m).not.toContain('packages[507].');
      expect(m).toMatch(/\(\d+ problem\(s\)\)/);
      expect(m).toMatch(/… and \d+ more/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inspectSbom: broken CycloneDX and syft-json', () => {
  it('CycloneDX: names missing component fields, nested ones and an old specVersion', async () => {
    const m = await failure(fixture('cdx-broken.json'));
    expect(m).toContain('is not valid CycloneDX JSON');
    expect(m).toContain('components[0].name is required');
    expect(m).toContain('components[1].components[0].type must be a non-empty string, found 7');
    expect(m).toContain('specVersion must be a CycloneDX JSON version "1.2" or later, found "1.1"');
  });

  it('syft-json: names a missing distro and artifact type', async () => {
    const m = await failure(fixture('syft-broken.json'));
    expect(m).toContain('is not valid syft-json');
    expect(m).toContain('artifacts[1].type is required');
    expect(m).toContain('distro is required');
  });
});

describe('inspectSbom: not JSON, not an SBOM', () => {
  it('invalid JSON: byte offset, line and column of the problem', async () => {
    const e = await error(fixture('syntax-error.spdx.json'));
    expect(e.hint).toBe(`see exactly where with: jq empty ${fixture('syntax-error.spdx.json')}`);
    const m = e.message;
    expect(m).toMatch(
      /syntax-error\.spdx\.json is not valid JSON at byte \d+, line 45, column 4: expected ',' or '}' after a property value/,
    );
    expect(m).toContain('(in packages[1])');
  });

  it('a trailing comma', async () => {
    expect(await failure(fixture('trailing-comma.spdx.json'))).toMatch(
      /line 109, column 1: expected a double-quoted property name after ',' \(a trailing comma\?\)/,
    );
  });

  it('a truncated file says where it ends', async () => {
    expect(await failure(fixture('truncated.spdx.json'))).toMatch(
      /the file ends inside packages\[1\]: it is truncated .*line 42/,
    );
  });

  it('invalid UTF-8: the offending byte', async () => {
    const bytes = readFileSync(fixture('invalid-utf8.spdx.json'));
    const bad = bytes.indexOf(Buffer.from([0xe9]));
    const m = await failure(fixture('invalid-utf8.spdx.json'));
    expect(m).toContain(`is not valid UTF-8 at byte ${bad}, line 75`);
  });

  it('UTF-16', async () => {
    expect(await failure(fixture('utf16.spdx.json'))).toContain('is UTF-16 (or UTF-32) encoded; JSON must be UTF-8');
  });

  it('JSON that is none of the three formats', async () => {
    expect(await failure(fixture('not-an-sbom.json'))).toContain(
      'not-an-sbom.json is JSON but not an SBOM: expected SPDX (spdxVersion), CycloneDX (bomFormat) or syft-json (descriptor.name=syft)',
    );
  });

  it('SPDX 3 JSON-LD gets a hint', async () => {
    expect(await failure(fixture('spdx3.jsonld'))).toMatch(
      /is JSON but not an SBOM: .*SPDX 3 JSON-LD, which is not supported/,
    );
  });

  it('a top-level array', async () => {
    expect(await failure(fixture('top-level-array.json'))).toContain(
      'the top-level JSON value is an array, not an object',
    );
  });

  it('markers of two formats', async () => {
    expect(await failure(fixture('mixed-markers.json'))).toContain(
      'mixes SBOM formats: it has the markers of SPDX (spdxVersion) and CycloneDX (bomFormat)',
    );
  });

  it('a duplicate top-level key', async () => {
    expect(await failure(fixture('duplicate-key.spdx.json'))).toContain('the top-level key "name" appears twice');
  });

  it('whitespace only', async () => {
    expect(await failure(fixture('whitespace.json'))).toContain('the file holds only whitespace, no JSON value');
  });

  it('an element over the memory limit', async () => {
    expect(await failure(fixture('valid.spdx.json'), { maxValueBytes: 256 })).toMatch(
      /cannot be validated in bounded memory: packages\[0\] is larger than 256 bytes/,
    );
  });
});

describe('inspectSbom: the file itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbom-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('missing', async () => {
    const e = await error(join(dir, 'nope.spdx.json'));
    expect(e.message).toMatch(/nope\.spdx\.json does not exist \(looked for \/.*nope\.spdx\.json\)/);
    expect(e.hint).toContain('the step generating the SBOM ran before this one');
  });

  it('a directory', async () => {
    expect(await failure(dir)).toContain('is not a regular file (it is a directory)');
  });

  it('a named pipe is refused without blocking on it', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await failure(fifo)).toContain('is not a regular file (it is a pipe)');
  });

  it('empty', async () => {
    expect(await failure(fixture('empty.json'))).toContain('empty.json is empty (0 bytes)');
  });
});

describe('inspectSbom: error far into a larger file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbom-late-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('locates a syntax error several MB in by line', async () => {
    const path = join(dir, 'late.spdx.json');
    const { packages } = await writeBigSpdx(path, 5_000_000);
    const text = readFileSync(path, 'utf8');
    const target = `"name":"pkg-${packages - 3}",`;
    const at = text.indexOf(target);
    writeFileSync(path, text.slice(0, at) + target.slice(0, -1) + text.slice(at + target.length));
    const line = text.slice(0, at).split('\n').length;
    expect(await failure(path)).toMatch(
      new RegExp(
        `line ${line}, column \\d+: expected ',' or '}' after a property value.*\\(in packages\\[${packages - 3}\\]\\)`,
      ),
    );
  });
});
