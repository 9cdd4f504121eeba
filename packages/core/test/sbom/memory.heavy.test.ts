import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigSpdx, type BigSpdx } from './big-spdx.js';
import { buildInspectChild } from './node-build.js';

const TARGET_BYTES = 200_000_000;
const RSS_LIMIT = 150_000_000;

interface ChildResult {
  info?: { format: string; size: number; digest: string; packages: number };
  error?: string;
  seconds: number;
  maxRssBytes: number;
}

/**
 * The requirement: a 200 MB SPDX file validates with a peak RSS under 150 MB for the whole
 * process. Measured in a plain `node` child running our compiled code: jest's worker alone
 * is already past that.
 */
describe('inspectSbom memory bound', () => {
  let dir: string;
  let child: string;
  let big: BigSpdx;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sbom-big-'));
    child = buildInspectChild(join(dir, 'build'));
    file = join(dir, 'big.spdx.json');
    big = await writeBigSpdx(file, TARGET_BYTES);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (path: string): ChildResult => {
    const r = spawnSync(process.execPath, [child, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as ChildResult;
  };

  it('validates a 200 MB SPDX document with peak RSS < 150 MB', () => {
    expect(big.size).toBeGreaterThanOrEqual(TARGET_BYTES);
    const r = run(file);
    expect(r.error).toBeUndefined();
    expect(r.info).toMatchObject({ format: 'spdx', size: big.size, digest: big.digest, packages: big.packages });
    const mb = (n: number): string => (n / 1e6).toFixed(1);
    console.log(
      `200 MB SPDX (${big.packages} packages, ${big.relationships} relationships): ${r.seconds.toFixed(2)} s, ` +
        `${mb(big.size / r.seconds)} MB/s, peak RSS ${mb(r.maxRssBytes)} MB`,
    );
    expect(r.maxRssBytes).toBeLessThan(RSS_LIMIT);
  });

  it('the child measures a real peak (a whole-file read would exceed the bound)', () => {
    // Guards the measurement itself: the same child, given a control that buffers the file, must go over.
    const control = `const fs=require('fs'); JSON.parse(fs.readFileSync(process.argv[1],'utf8'));
      console.log(Number(/^VmHWM:\\s+(\\d+) kB$/m.exec(fs.readFileSync('/proc/self/status','utf8'))[1]) * 1024)`;
    const r = spawnSync(process.execPath, ['-e', control, file], { encoding: 'utf8' });
    expect(Number(r.stdout)).toBeGreaterThan(RSS_LIMIT);
  });
});
