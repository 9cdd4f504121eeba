// The action's run() in-process, no runner: what the entry shape makes possible.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as stage } from '../src/run.js';
import { run as post } from '../src/post.js';

describe('wipe-secrets run() as a unit', () => {
  const saved = { ...process.env };
  let runnerTemp: string;
  beforeEach(() => {
    runnerTemp = mkdtempSync(join(tmpdir(), 'wipe-unit-'));
    process.env.RUNNER_TEMP = runnerTemp;
    process.env.GITHUB_STATE = join(runnerTemp, 'state');
    writeFileSync(process.env.GITHUB_STATE, '');
    delete process.env.GITHUB_STEP_SUMMARY;
    process.env.UNIT_SECRET = 'not-a-real-secret';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('stages 0600 files in a 0700 directory and records them for the post step, which wipes them', async () => {
    const staged = await stage({
      specs: [{ name: 'k.pem', envVar: 'UNIT_SECRET', line: 1 }],
      allowEmpty: false,
      wipePaths: [],
    });
    const file = staged.paths['k.pem']!;
    expect(readFileSync(file, 'utf8')).toBe('not-a-real-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(staged.dir).mode & 0o777).toBe(0o700);

    // The state file holds paths and sizes, never the value; hand it to the post step as the runner would.
    const state = readFileSync(process.env.GITHUB_STATE!, 'utf8');
    expect(state).not.toContain('not-a-real-secret');
    for (const m of state.matchAll(/^(\w[\w-]*)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm))
      process.env[`STATE_${m[1]}`] = m[3];
    expect(process.env.STATE_dir).toBe(staged.dir);
    await post();
    expect(process.exitCode ?? 0).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(staged.dir)).toBe(false);
  });
});
