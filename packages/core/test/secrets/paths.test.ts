import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNotProtected,
  canonicalParentPath,
  isDirectChild,
  protectedReason,
  protectedRootsFromEnv,
  resolveUserPath,
} from '../../src/index.js';

const tmp = () => realpathSync(mkdtempSync(join(tmpdir(), 'secrets-paths-')));

describe('resolveUserPath', () => {
  it('resolves relative paths against the base and normalises absolute ones', () => {
    expect(resolveUserPath('secrets/x', '/work/ws')).toBe('/work/ws/secrets/x');
    expect(resolveUserPath('../ws/./y', '/work/ws')).toBe('/work/ws/y');
    expect(resolveUserPath('/a//b/../c/', '/work/ws')).toBe('/a/c');
    expect(() => resolveUserPath('', '/w')).toThrow(/empty/);
    expect(() => resolveUserPath('a\0b', '/w')).toThrow(/NUL/);
  });
});

describe('protectedReason', () => {
  const roots = {
    home: '/home/runner',
    workspace: '/home/runner/work/repo/repo',
    runnerTemp: '/home/runner/work/_temp',
  };
  it('refuses /, each root and every parent of a root', () => {
    expect(protectedReason('/', roots)).toMatch(/root/);
    expect(protectedReason('/home/runner', roots)).toMatch(/is \$HOME/);
    expect(protectedReason('/home', roots)).toMatch(/contains \$HOME/);
    expect(protectedReason('/home/runner/work/repo/repo', roots)).toMatch(/is \$GITHUB_WORKSPACE/);
    expect(protectedReason('/home/runner/work', roots)).toMatch(/contains/);
    expect(protectedReason('/home/runner/work/_temp', roots)).toMatch(/\$RUNNER_TEMP/);
  });
  it('allows paths inside the roots and look-alike siblings', () => {
    expect(protectedReason('/home/runner/.docker/config.json', roots)).toBeUndefined();
    expect(protectedReason('/home/runner/work/repo/repo/secrets', roots)).toBeUndefined();
    expect(protectedReason('/home/runner/work/_temp/wipe-secrets-abc', roots)).toBeUndefined();
    expect(protectedReason('/home/runner2', roots)).toBeUndefined();
    expect(protectedReason('/tmp/x', {})).toBeUndefined();
  });
  it('takes the roots from HOME, GITHUB_WORKSPACE and RUNNER_TEMP', () => {
    expect(protectedRootsFromEnv({ HOME: '/h', GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '' })).toEqual({
      home: '/h',
      workspace: '/w',
      runnerTemp: undefined,
    });
  });
});

describe('canonicalParentPath', () => {
  it('resolves links in the parents but not the last component; keeps missing parents', async () => {
    const t = tmp();
    mkdirSync(join(t, 'real'));
    symlinkSync(join(t, 'real'), join(t, 'via'));
    symlinkSync(join(t, 'real'), join(t, 'last-link'));
    expect(await canonicalParentPath(join(t, 'via', 'f'))).toBe(join(t, 'real', 'f'));
    expect(await canonicalParentPath(join(t, 'last-link'))).toBe(join(t, 'last-link'));
    expect(await canonicalParentPath(join(t, 'via', 'not', 'yet', 'f'))).toBe(join(t, 'real', 'not', 'yet', 'f'));
    expect(await canonicalParentPath('/')).toBe('/');
  });
});

describe('assertNotProtected', () => {
  it('sees through links and .. to a protected directory', async () => {
    const t = tmp();
    const home = join(t, 'home', 'user');
    mkdirSync(home, { recursive: true });
    symlinkSync(join(t, 'home'), join(t, 'lnk'));
    symlinkSync('/', join(t, 'to-root'));
    const roots = { home };
    await expect(assertNotProtected(home, roots)).rejects.toThrow(/is \$HOME/);
    await expect(assertNotProtected(join(home, 'x', '..'), roots)).rejects.toThrow(/is \$HOME/);
    await expect(assertNotProtected(join(t, 'lnk', 'user'), roots)).rejects.toThrow(/is \$HOME/);
    await expect(assertNotProtected(join(t, 'lnk'), roots)).rejects.toThrow(/contains \$HOME/);
    await expect(assertNotProtected(join(t, 'to-root'), roots)).rejects.toThrow(/file system root/);
    await expect(assertNotProtected(join(home, '.docker', 'config.json'), roots)).resolves.toBeUndefined();
  });
});

describe('isDirectChild', () => {
  it('accepts only canonical direct children', () => {
    expect(isDirectChild('/d/x', '/d')).toBe(true);
    expect(isDirectChild('/d/x/y', '/d')).toBe(false);
    expect(isDirectChild('/d/../x', '/d')).toBe(false);
    expect(isDirectChild('/e/x', '/d')).toBe(false);
    expect(isDirectChild('x', '.')).toBe(false);
  });
});
