import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createStagingDir,
  remainingPaths,
  stageSecretFiles,
  wipePaths,
  wipeStaged,
  wipeTree,
  emptyWipeReport,
} from '../../src/index.js';

const tmp = () => realpathSync(mkdtempSync(join(tmpdir(), 'secrets-wipe-')));
const gone = (p: string) => expect(existsSync(p) || isLink(p)).toBe(false);
function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

async function stageTwo() {
  const dir = await createStagingDir({ parent: tmp() });
  const files = await stageSecretFiles(dir, [
    { name: 'MOK.key', value: Buffer.from('private-key-material') },
    { name: 'MOK.pem', value: Buffer.from('certificate\n') },
  ]);
  return { dir, files };
}

describe('wipeStaged', () => {
  it('overwrites each file with zeros in place before unlinking, then removes the directory', async () => {
    const { dir, files } = await stageTwo();
    // A second name for the inode shows what the blocks hold after the wipe.
    const witness = join(tmp(), 'witness');
    linkSync(files[0]!.path, witness);
    const report = await wipeStaged({ dir, files }, {});
    expect(report.errors).toEqual([]);
    expect(report.wiped).toEqual(['MOK.key', 'MOK.pem']);
    expect(report.files).toBe(2);
    expect(report.bytes).toBe(20 + 12);
    expect(report.directories).toBe(1);
    expect(report.warnings.join('\n')).toMatch(/MOK\.key had 1 other hard link/);
    expect(readFileSync(witness).equals(Buffer.alloc(20))).toBe(true);
    gone(dir);
    expect(await remainingPaths([dir, ...files.map((f) => f.path)])).toEqual([]);
  });

  it('zeroes a replacement larger than what was staged, over its whole length', async () => {
    const { dir, files } = await stageTwo();
    const bigger = join(dir, 'tmp-bigger');
    writeFileSync(bigger, Buffer.alloc(3_000_000, 0x41));
    const witness = join(tmp(), 'witness');
    linkSync(bigger, witness);
    renameSync(bigger, files[0]!.path);
    const report = await wipeStaged({ dir, files }, {});
    expect(report.errors).toEqual([]);
    expect(report.warnings.join('\n')).toMatch(/MOK\.key holds 3000000 bytes where 20 were staged/);
    expect(readFileSync(witness).equals(Buffer.alloc(3_000_000))).toBe(true);
    gone(dir);
  });

  it('removes a link that replaced a staged file without touching its target', async () => {
    const { dir, files } = await stageTwo();
    const outside = join(tmp(), 'precious');
    writeFileSync(outside, 'keep me');
    rmSync(files[1]!.path);
    symlinkSync(outside, files[1]!.path);
    const report = await wipeStaged({ dir, files }, {});
    expect(report.errors).toEqual([]);
    expect(report.links).toBe(1);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    gone(dir);
  });

  it('refuses to go through a link that replaced the directory, and says so', async () => {
    const { dir, files } = await stageTwo();
    const moved = join(tmp(), 'moved');
    renameSync(dir, moved);
    symlinkSync(moved, dir);
    const report = await wipeStaged({ dir, files }, {});
    expect(report.errors.join('\n')).toMatch(/was replaced by a symbolic link/);
    expect(isLink(dir)).toBe(false);
    // Whatever moved away is not ours to chase; it is left intact and the caller fails.
    expect(readFileSync(join(moved, 'MOK.key'), 'utf8')).toBe('private-key-material');
  });

  it('wipes entries it did not stage (nested dirs, a FIFO) and reports them', async () => {
    const { dir, files } = await stageTwo();
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'deeper', 'copy'), 'private-key-material');
    expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
    const report = await wipeStaged({ dir, files }, {});
    expect(report.errors).toEqual([]);
    expect(report.warnings.join('\n')).toMatch(/2 other entries in .* wiped too: (fifo, nested|nested, fifo)/);
    expect(report.other).toBe(1);
    expect(report.directories).toBe(3);
    gone(dir);
  });

  it('treats planned files that were never created as missing, not as errors', async () => {
    const dir = await createStagingDir({ parent: tmp() });
    const planned = [
      { name: 'a', path: join(dir, 'a'), size: 3 },
      { name: 'b', path: join(dir, 'b'), size: 3 },
    ];
    writeFileSync(join(dir, 'a'), 'abc', { mode: 0o600 });
    const report = await wipeStaged({ dir, files: planned }, {});
    expect(report.errors).toEqual([]);
    expect(report.wiped).toEqual(['a']);
    expect(report.missing).toEqual(['b']);
    gone(dir);
    const none = await wipeStaged({ files: planned }, {});
    expect(none.missing).toEqual(['a', 'b']);
  });

  it('leaves alone recorded files that are not direct children of the directory', async () => {
    const { dir, files } = await stageTwo();
    const outside = join(tmp(), 'other');
    writeFileSync(outside, 'x');
    const report = await wipeStaged({ dir, files: [...files, { name: 'other', path: outside, size: 1 }] }, {});
    expect(report.errors.join('\n')).toMatch(/not a file of/);
    expect(readFileSync(outside, 'utf8')).toBe('x');
  });

  it('refuses a protected directory', async () => {
    const { dir, files } = await stageTwo();
    const report = await wipeStaged({ dir, files }, { workspace: dir });
    expect(report.errors.join('\n')).toMatch(/refused, it is \$GITHUB_WORKSPACE/);
    expect(existsSync(files[0]!.path)).toBe(true);
  });
});

describe('wipePaths', () => {
  it('wipes files and directory trees, removes links without following them, counts absent paths', async () => {
    const t = tmp();
    const file = join(t, 'config.json');
    writeFileSync(file, '{"auths":{}}');
    chmodSync(file, 0o400);
    const tree = join(t, 'keys');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a'), 'aaaa');
    writeFileSync(join(tree, 'sub', 'b'), 'bb');
    const target = join(tmp(), 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'keep');
    symlinkSync(target, join(tree, 'sub', 'link-to-dir'));
    const topLink = join(t, 'top-link');
    symlinkSync(target, topLink);
    const witness = join(tmp(), 'w');
    linkSync(join(tree, 'a'), witness);

    const report = await wipePaths([file, tree, topLink, join(t, 'never')], {});
    expect(report.errors).toEqual([]);
    expect(report.files).toBe(3);
    expect(report.bytes).toBe(12 + 4 + 2);
    expect(report.directories).toBe(2);
    expect(report.links).toBe(2);
    expect(report.absent).toBe(1);
    expect(readFileSync(witness).equals(Buffer.alloc(4))).toBe(true);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('keep');
    expect(await remainingPaths([file, tree, topLink])).toEqual([]);
  });

  it('refuses protected roots and paths whose parent became a link', async () => {
    const t = tmp();
    const home = join(t, 'home');
    mkdirSync(home);
    writeFileSync(join(home, 'keep'), 'keep');
    const parent = join(t, 'parent');
    mkdirSync(parent);
    const elsewhere = join(tmp(), 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'secret'), 'not yours');
    const recorded = join(parent, 'secret');
    rmSync(parent, { recursive: true });
    symlinkSync(elsewhere, parent);

    const report = await wipePaths(['/', home, t, recorded], { home });
    expect(report.errors).toHaveLength(4);
    expect(report.errors[0]).toMatch(/^\/: refused, it is the file system root/);
    expect(report.errors[1]).toMatch(/refused, it is \$HOME/);
    expect(report.errors[2]).toMatch(/refused, it contains \$HOME/);
    expect(report.errors[3]).toMatch(/refused, .*parent now resolves to .*elsewhere/);
    expect(readFileSync(join(home, 'keep'), 'utf8')).toBe('keep');
    expect(readFileSync(join(elsewhere, 'secret'), 'utf8')).toBe('not yours');
    expect(await remainingPaths([recorded, join(t, 'nope')])).toEqual([recorded]);
  });
});

describe('wipeTree', () => {
  it('counts a missing path as absent', async () => {
    const r = emptyWipeReport();
    await wipeTree(join(tmp(), 'missing'), r);
    expect(r.absent).toBe(1);
    expect(r.errors).toEqual([]);
  });
});
