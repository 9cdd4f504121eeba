import { describe, expect, it } from '@jest/globals';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStagingDir, isBydigestError, stageSecretFiles, wipeStaged, type StagedFile } from '../../src/index.js';

const tmp = () => realpathSync(mkdtempSync(join(tmpdir(), 'secrets-stage-')));
const mode = (p: string) => lstatSync(p).mode & 0o777;

/** Runs fn under a umask; jest runs tests in child processes, where process.umask() may be set. */
async function withUmask<T>(mask: number, fn: () => Promise<T>): Promise<T> {
  const old = process.umask(mask);
  try {
    return await fn();
  } finally {
    process.umask(old);
  }
}

describe('createStagingDir', () => {
  it('creates a fresh 0700 directory under the parent and reports it before returning', async () => {
    const parent = tmp();
    const seen: string[] = [];
    const dir = await createStagingDir({ parent, onCreated: (d) => seen.push(d) });
    expect(seen).toEqual([dir]);
    expect(dir.startsWith(join(parent, 'wipe-secrets-'))).toBe(true);
    expect(mode(dir)).toBe(0o700);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates a given path 0700 whatever the umask (0777 strips everything, 0 strips nothing)', async () => {
    const parent = tmp();
    for (const [i, mask] of [0o777, 0o000, 0o022].entries()) {
      const dir = await withUmask(mask, () => createStagingDir({ dir: join(parent, `d${i}`), parent }));
      expect(mode(dir)).toBe(0o700);
    }
  });

  it('claims an existing empty directory and makes it 0700', async () => {
    const parent = tmp();
    const dir = join(parent, 'empty');
    mkdirSync(dir, { mode: 0o755 });
    expect(await createStagingDir({ dir, parent })).toBe(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('refuses a non-empty directory, a link, a file and a missing parent, naming the path', async () => {
    const parent = tmp();
    mkdirSync(join(parent, 'full'));
    writeFileSync(join(parent, 'full', 'keep'), 'x');
    symlinkSync(join(parent, 'full'), join(parent, 'link'));
    writeFileSync(join(parent, 'file'), 'x');
    const refused = async (dir: string, re: RegExp) => {
      const seen: string[] = [];
      await expect(createStagingDir({ dir, parent, onCreated: (d) => seen.push(d) })).rejects.toThrow(re);
      expect(seen).toEqual([]);
    };
    await refused(join(parent, 'full'), /full exists and is not empty \(1 entry\)/);
    await refused(join(parent, 'link'), /link is a symbolic link/);
    await refused(join(parent, 'file'), /file exists and is not a directory/);
    await refused(join(parent, 'no', 'such'), /parent directory of .*no\/such does not exist/);
    expect(readFileSync(join(parent, 'full', 'keep'), 'utf8')).toBe('x');
  });
});

describe('stageSecretFiles', () => {
  it('writes exact bytes (binary, no newline added) with mode 0600, and records the plan first', async () => {
    const dir = await createStagingDir({ parent: tmp() });
    const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const pem = Buffer.from('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----');
    let planned: StagedFile[] = [];
    const staged = await stageSecretFiles(
      dir,
      [
        { name: 'bin', value: allBytes },
        { name: 'key.pem', value: pem },
        { name: 'empty', value: new Uint8Array(0) },
      ],
      {
        onPlanned: (files) => {
          // Recorded before the first file exists.
          expect(readdirSync(dir)).toEqual([]);
          planned = files;
        },
      },
    );
    expect(planned).toEqual(staged);
    expect(staged).toEqual([
      { name: 'bin', path: join(dir, 'bin'), size: 256 },
      { name: 'key.pem', path: join(dir, 'key.pem'), size: pem.length },
      { name: 'empty', path: join(dir, 'empty'), size: 0 },
    ]);
    expect(readFileSync(join(dir, 'bin')).equals(allBytes)).toBe(true);
    expect(readFileSync(join(dir, 'key.pem')).equals(pem)).toBe(true);
    expect(statSync(join(dir, 'empty')).size).toBe(0);
    for (const f of staged) expect(mode(f.path)).toBe(0o600);
  });

  it('creates files 0600 whatever the umask', async () => {
    for (const mask of [0o777, 0o000]) {
      const dir = await createStagingDir({ parent: tmp() });
      const [f] = await withUmask(mask, () => stageSecretFiles(dir, [{ name: 'k', value: Buffer.from('v') }]));
      expect(mode(f!.path)).toBe(0o600);
      expect(readFileSync(f!.path, 'utf8')).toBe('v');
    }
  });

  it('refuses to write through a link planted after the plan; the wipe then removes what was written', async () => {
    const dir = await createStagingDir({ parent: tmp() });
    const outside = join(tmp(), 'victim');
    writeFileSync(outside, 'untouched');
    let planned: StagedFile[] = [];
    const err = await stageSecretFiles(
      dir,
      [
        { name: 'first', value: Buffer.from('secret-one') },
        { name: 'second', value: Buffer.from('secret-two') },
      ],
      {
        onPlanned: (files) => {
          planned = files;
          symlinkSync(outside, join(dir, 'second'));
        },
      },
    ).catch((e: unknown) => e);
    expect(isBydigestError(err, 'SECRETS')).toBe(true);
    expect((err as Error).message).toMatch(/cannot create .*second: something else created it first/);
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'first'), 'utf8')).toBe('secret-one');

    const report = await wipeStaged({ dir, files: planned }, {});
    expect(report.errors).toEqual([]);
    expect(report.wiped).toEqual(['first', 'second']);
    expect(report.links).toBe(1);
    expect(() => lstatSync(dir)).toThrow(/ENOENT/);
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
  });

  it('checks names again before writing anything', async () => {
    const dir = await createStagingDir({ parent: tmp() });
    await expect(
      stageSecretFiles(dir, [
        { name: 'ok', value: Buffer.from('x') },
        { name: '../escape', value: Buffer.from('x') },
      ]),
    ).rejects.toThrow(/path separator/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
