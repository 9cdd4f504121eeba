import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  errorLines,
  parseFileCommands,
  runAction,
  type ActionRun,
  type RunOptions,
  type StepResult,
} from './harness/runner.js';

const ACTION = 'wipe-secrets';
const tmp = (prefix: string) => realpathSync(mkdtempSync(join(tmpdir(), prefix)));
const modeOf = (p: string) => lstatSync(p).mode & 0o777;
const exists = (p: string) => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** A PEM-shaped secret whose every line is unique, so a leak of any line is detectable. */
function fakePem(label: string, lines = 6): string {
  const body = Array.from({ length: lines }, () => randomBytes(48).toString('base64'));
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Pauses the runner between main and post, as the steps in between would run: the post child is
 * SIGSTOPped the moment it is spawned (before Node has even loaded the bundle), `check` runs,
 * then it continues. Returns the onSpawn hook and a promise of the check's outcome.
 */
function betweenMainAndPost(check: () => Promise<void> | void): {
  onSpawn: NonNullable<RunOptions['onSpawn']>;
  done: Promise<void>;
} {
  let settle!: (e?: unknown) => void;
  const done = new Promise<void>((res, rej) => (settle = (e?: unknown) => (e === undefined ? res() : rej(e))));
  let ran = false;
  const onSpawn: NonNullable<RunOptions['onSpawn']> = (pid, phase) => {
    if (phase !== 'post') return;
    ran = true;
    process.kill(pid, 'SIGSTOP');
    void (async () => {
      let failure: unknown;
      try {
        await check();
      } catch (e) {
        failure = e ?? new Error('check failed');
      }
      process.kill(pid, 'SIGCONT');
      settle(failure);
    })();
  };
  return {
    onSpawn,
    done: done.then(() => {
      if (!ran) throw new Error('post step never started');
    }),
  };
}

/**
 * What the main step wrote to its GITHUB_OUTPUT / GITHUB_STATE files, read while the runner is
 * paused before post (the harness numbers the files per step; main's is the lowest in its RUNNER_TEMP).
 */
function mainFile(runnerTemp: string, kind: 'output' | 'state'): Record<string, string> {
  const steps = readdirSync(runnerTemp)
    .filter((n) => n.startsWith(`${kind}-`))
    .map((n) => Number(n.slice(kind.length + 1)))
    .sort((a, b) => a - b);
  expect(steps.length).toBe(2);
  return parseFileCommands(readFileSync(join(runnerTemp, `${kind}-${steps[0]}`), 'utf8'));
}
const mainOutputs = (runnerTemp: string) => mainFile(runnerTemp, 'output');
const mainState = (runnerTemp: string) => mainFile(runnerTemp, 'state');

function stagingDirsIn(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('wipe-secrets-'));
}

/** Every place a value could leak except the ::add-mask:: commands themselves. */
function visibleText(run: ActionRun): string {
  const steps = [run.main, ...(run.post ? [run.post] : [])];
  return steps
    .map((s: StepResult) =>
      [
        s.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
        s.stderr,
        s.summary,
        ...Object.values(s.outputs),
        ...Object.values(s.state),
      ].join('\n'),
    )
    .join('\n');
}

const decodeMask = (m: string) => m.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

describe('wipe-secrets: staging', () => {
  it('stages exact bytes in a 0700 directory under RUNNER_TEMP, outputs the paths, and wipes everything in post', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const secrets = {
      MOK_KEY: fakePem('PRIVATE KEY'),
      MOK_CERT: fakePem('CERTIFICATE').trimEnd(), // no trailing newline: none may be added
      TOKEN: `crlf\r\nline \t tab \u00e9\u{1F511} ${randomBytes(8).toString('hex')}\n\n`,
      ODD: '\u0001\u0002\u001f\u007f\u00ff trailing spaces   ',
    };
    // A poll on every turn of the event loop: whatever is seen while main runs must already be private.
    const observed: { path: string; mode: number }[] = [];
    let polling = true;
    const poll = () => {
      for (const d of stagingDirsIn(runnerTemp)) {
        const dir = join(runnerTemp, d);
        try {
          observed.push({ path: dir, mode: modeOf(dir) });
          for (const f of readdirSync(dir)) observed.push({ path: join(dir, f), mode: modeOf(join(dir, f)) });
        } catch {
          // Removed between readdir and lstat (post): nothing to check.
        }
      }
      if (polling) setImmediate(poll);
    };
    setImmediate(poll);

    let dir = '';
    const pause = betweenMainAndPost(() => {
      polling = false;
      const out = mainOutputs(runnerTemp);
      const paths = JSON.parse(out.paths as string) as Record<string, string>;
      dir = out.dir as string;
      expect(stagingDirsIn(runnerTemp)).toEqual([dir.slice(runnerTemp.length + 1)]);
      expect(modeOf(dir)).toBe(0o700);
      expect(Object.keys(paths)).toEqual(['MOK.key', 'MOK.pem', 'token', 'odd.bin']);
      expect(readdirSync(dir).sort()).toEqual(['MOK.key', 'MOK.pem', 'odd.bin', 'token']);
      const expected: Record<string, string> = {
        'MOK.key': secrets.MOK_KEY,
        'MOK.pem': secrets.MOK_CERT,
        token: secrets.TOKEN,
        'odd.bin': secrets.ODD,
      };
      for (const [name, path] of Object.entries(paths)) {
        expect(path).toBe(join(dir, name));
        expect(modeOf(path)).toBe(0o600);
        expect(readFileSync(path).equals(Buffer.from(expected[name] as string, 'utf8'))).toBe(true);
      }
      // A second name for MOK.key's inode shows what its blocks hold after the post step.
      linkSync(paths['MOK.key'] as string, witness);
    });
    const witness = join(runnerTemp, 'witness');
    const run = await runAction(ACTION, {
      inputs: { files: 'MOK.key=MOK_KEY\nMOK.pem = MOK_CERT\n# comment\n\ntoken=TOKEN\nodd.bin=ODD' },
      env: secrets,
      runnerTemp,
      onSpawn: pause.onSpawn,
    }).finally(() => (polling = false));
    await pause.done;

    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.code).toBe(0);
    expect(dir.startsWith(join(runnerTemp, 'wipe-secrets-'))).toBe(true);
    expect(observed.every((o) => (o.path === dir ? o.mode === 0o700 : o.mode === 0o600))).toBe(true);
    expect(run.main.summary).toContain('MOK.key');
    expect(run.main.summary).toContain('MOK_CERT');

    expect(run.post?.code).toBe(0);
    expect(errorLines(run.post as StepResult)).toEqual([]);
    expect(exists(dir)).toBe(false);
    expect(stagingDirsIn(runnerTemp)).toEqual([]);
    expect(readFileSync(witness).equals(Buffer.alloc(Buffer.byteLength(secrets.MOK_KEY)))).toBe(true);
    expect(run.post?.stdout).toMatch(/::warning::.*MOK\.key had 1 other hard link\(s\); they now read as zeros/);
    const total = Object.values(secrets).reduce((n, v) => n + Buffer.byteLength(v), 0);
    expect(run.post?.stdout).toContain(
      `Wiped 4 staged file(s) and their directory. ${total} byte(s) overwritten with zeros.`,
    );
    expect(run.post?.summary).toMatch(
      /Staged files wiped: <code>MOK\.key<\/code>, <code>MOK\.pem<\/code>, <code>token<\/code>, <code>odd\.bin<\/code>/,
    );
  });

  it('creates every file 0600 from the start (watched with inotify while main writes large secrets)', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const dir = join(runnerTemp, 'staging');
    // An existing empty directory (here group/world-readable) is claimed and made 0700 first.
    mkdirSync(dir, { mode: 0o755 });
    const env: Record<string, string> = {};
    const lines: string[] = [];
    for (let i = 0; i < 8; i++) {
      env[`BIG_${i}`] = randomBytes(72_000).toString('base64'); // 96 000 bytes, under the 128 KiB per-variable limit
      lines.push(`big-${i}.key=BIG_${i}`);
    }
    const seen: { name: string; mode: number; size: number }[] = [];
    const dirModes: number[] = [];
    const look = (name: string) => {
      try {
        const st = lstatSync(join(dir, name));
        seen.push({ name, mode: st.mode & 0o777, size: st.size });
      } catch {
        // gone already
      }
    };
    const watcher = watch(dir, (_event, name) => {
      if (name) look(name.toString());
    });
    let polling = true;
    const poll = () => {
      try {
        dirModes.push(modeOf(dir));
        for (const n of readdirSync(dir)) look(n);
      } catch {
        // removed by post
      }
      if (polling) setImmediate(poll);
    };
    setImmediate(poll);
    const pause = betweenMainAndPost(() => {
      polling = false;
      watcher.close();
      for (let i = 0; i < 8; i++) {
        expect(readFileSync(join(dir, `big-${i}.key`), 'utf8')).toBe(env[`BIG_${i}`]);
      }
    });
    const run = await runAction(ACTION, {
      inputs: { files: lines.join('\n'), dir },
      env,
      runnerTemp,
      onSpawn: pause.onSpawn,
    }).finally(() => {
      polling = false;
      watcher.close();
    });
    await pause.done;
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs.dir).toBe(dir);
    // Every file was observed, and every observation (including mid-write ones) was 0600.
    expect(new Set(seen.map((s) => s.name))).toEqual(new Set(lines.map((l) => l.split('=')[0])));
    expect(seen.filter((s) => s.mode !== 0o600)).toEqual([]);
    expect(dirModes.length).toBeGreaterThan(0);
    expect(dirModes.at(-1)).toBe(0o700);
    expect(run.post?.code).toBe(0);
    expect(exists(dir)).toBe(false);
  });

  it('stages an empty file for an unset variable only with allow-empty', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const pause = betweenMainAndPost(() => {
      const paths = JSON.parse(mainOutputs(runnerTemp).paths as string) as Record<string, string>;
      expect(readFileSync(paths.empty as string).length).toBe(0);
      expect(readFileSync(paths.full as string, 'utf8')).toBe('x-value');
    });
    const run = await runAction(ACTION, {
      inputs: { files: 'empty=NOT_SET\nfull=FULL', 'allow-empty': 'true' },
      env: { FULL: 'x-value' },
      runnerTemp,
      onSpawn: pause.onSpawn,
    });
    await pause.done;
    expect(run.main.code).toBe(0);
    expect(run.main.stdout).toContain('empty: NOT_SET is unset or empty; staged an empty file (allow-empty)');
    expect(run.post?.code).toBe(0);
  });
});

describe('wipe-secrets: failures', () => {
  it('a missing variable fails main naming it, before any secret reaches the disk; post leaves nothing', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const created: string[] = [];
    const watcher = watch(runnerTemp, (_e, name) => {
      if (name && name.toString().startsWith('wipe-secrets-')) created.push(name.toString());
    });
    const pause = betweenMainAndPost(() => {
      expect(stagingDirsIn(runnerTemp)).toEqual([]);
    });
    const first = `first-${randomBytes(12).toString('hex')}`;
    const run = await runAction(ACTION, {
      inputs: { files: 'first=SECRET_ONE\nsecond=SECRET_TWO\nthird=SECRET_THREE' },
      env: { SECRET_ONE: first, SECRET_THREE: 'third-value' },
      runnerTemp,
      onSpawn: pause.onSpawn,
    }).finally(() => watcher.close());
    await pause.done;
    expect(run.main.code).toBe(1);
    const errors = errorLines(run.main);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^input 'files': line 2 \(second\): environment variable SECRET_TWO is not set/);
    expect(errors[0]).toContain('SECRET_TWO: ${{ secrets.SECRET_TWO }}');
    expect(created).toEqual([]);
    expect(run.main.state.dir).toBeUndefined();
    expect(run.main.state.files).toBeUndefined();
    expect(visibleText(run)).not.toContain(first);
    expect(run.post?.code).toBe(0);
    expect(run.post?.stdout).toContain('Nothing was staged; nothing to wipe.');
  });

  it('post wipes what a main step that died half-way had written (file size limit hit on the second file)', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const small = randomBytes(600).toString('base64');
    const large = randomBytes(90_000).toString('base64'); // 120 000 bytes
    const limit = 65_536;
    let dir = '';
    const pause = betweenMainAndPost(() => {
      dir = mainState(runnerTemp).dir as string;
      expect(readFileSync(join(dir, 'first'), 'utf8')).toBe(small);
      // The second file exists, cut at the limit: half-written key material.
      expect(lstatSync(join(dir, 'second')).size).toBe(limit);
    });
    const run = await runAction(ACTION, {
      inputs: { files: 'first=SMALL\nsecond=LARGE' },
      env: { SMALL: small, LARGE: large },
      runnerTemp,
      onSpawn: (pid, phase) => {
        if (phase === 'main') {
          // Frozen before Node starts, limited, resumed: the limit is in place before any write.
          process.kill(pid, 'SIGSTOP');
          execFileSync('prlimit', ['--pid', String(pid), `--fsize=${limit}:${limit}`]);
          process.kill(pid, 'SIGCONT');
        }
        pause.onSpawn(pid, phase);
      },
    });
    await pause.done;
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)).toEqual([expect.stringMatching(/^writing second failed: EFBIG/)]);
    expect(JSON.parse(run.main.state.files as string)).toEqual([
      { name: 'first', path: join(dir, 'first'), size: small.length },
      { name: 'second', path: join(dir, 'second'), size: large.length },
    ]);
    expect(run.main.outputs).toEqual({});

    expect(run.post?.code).toBe(0);
    expect(run.post?.stdout).toContain(
      `Wiped 2 staged file(s) and their directory. ${small.length + limit} byte(s) overwritten with zeros.`,
    );
    expect(run.post?.stdout).toContain(`::warning::second holds ${limit} bytes where ${large.length} were staged`);
    expect(exists(dir)).toBe(false);
    expect(visibleText(run)).not.toContain(small);
  });

  it('post fails loudly when the staging directory was swapped for a link, and does not follow it', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const moved = join(tmp('wipe-moved-'), 'moved');
    const pause = betweenMainAndPost(() => {
      const dir = mainOutputs(runnerTemp).dir as string;
      renameSync(dir, moved);
      symlinkSync(moved, dir);
    });
    const run = await runAction(ACTION, {
      inputs: { files: 'k=K' },
      env: { K: 'moved-secret' },
      runnerTemp,
      onSpawn: pause.onSpawn,
    });
    await pause.done;
    expect(run.main.code).toBe(0);
    expect(run.post?.code).toBe(1);
    const [err] = errorLines(run.post as StepResult);
    expect(err).toMatch(/^wipe incomplete: 1 error\(s\): .* was replaced by a symbolic link/);
    expect(err).toContain('hint: remove these paths by hand');
    expect(readFileSync(join(moved, 'k'), 'utf8')).toBe('moved-secret');
    expect(exists(run.main.outputs.dir as string)).toBe(false);
  });
});

describe('wipe-secrets: nothing leaks', () => {
  it('masks the value, its base64 and each line, and no value appears in logs, outputs, state or summary', async () => {
    const secrets = {
      MOK_KEY: fakePem('PRIVATE KEY', 10),
      SHORT: 'q#Z',
      TOKEN: `tok-${randomBytes(16).toString('hex')}`,
    };
    const run = await runAction(ACTION, {
      inputs: { files: 'MOK.key=MOK_KEY\nshort=SHORT\ntoken=TOKEN' },
      env: secrets,
    });
    expect(run.main.code).toBe(0);
    expect(run.post?.code).toBe(0);
    const masks = run.main.masks.map(decodeMask);
    const visible = visibleText(run);
    for (const value of Object.values(secrets)) {
      expect(masks).toContain(value);
      expect(masks).toContain(Buffer.from(value).toString('base64'));
      expect(visible).not.toContain(value);
      expect(visible).not.toContain(Buffer.from(value).toString('base64'));
    }
    const pemLines = secrets.MOK_KEY.split('\n').filter((l) => l !== '');
    for (const line of pemLines) {
      expect(masks).toContain(line);
      if (!line.startsWith('-----')) expect(visible).not.toContain(line);
    }
    // The state holds paths and sizes only.
    expect(Object.keys(run.main.state).sort()).toEqual(['dir', 'files']);
    const files = JSON.parse(run.main.state.files as string) as object[];
    for (const f of files) expect(Object.keys(f).sort()).toEqual(['name', 'path', 'size']);
  });
});

describe('wipe-secrets: wipe-paths', () => {
  it('wipes files, trees and links (not their targets) given relative to the workspace, including ones created after main', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const workspace = join(runnerTemp, 'ws');
    mkdirSync(join(workspace, 'creds'), { recursive: true });
    writeFileSync(join(workspace, 'creds', 'config.json'), '{"auths":{"ghcr.io":{"auth":"c2VjcmV0"}}}');
    mkdirSync(join(workspace, 'keys', 'nested'), { recursive: true });
    writeFileSync(join(workspace, 'keys', 'cosign.key'), 'enc-key');
    writeFileSync(join(workspace, 'keys', 'nested', 'x'), 'x');
    const outside = tmp('wipe-outside-');
    writeFileSync(join(outside, 'keep'), 'keep');
    symlinkSync(outside, join(workspace, 'keys', 'link-out'));
    symlinkSync(outside, join(workspace, 'top-link'));
    const later = join(workspace, 'later', 'signing.key');

    const pause = betweenMainAndPost(() => {
      // A step after main writes a key to a path registered in advance.
      mkdirSync(join(workspace, 'later'));
      writeFileSync(later, 'written-by-a-later-step');
    });
    const run = await runAction(ACTION, {
      inputs: {
        files: 'k=K',
        'wipe-paths': `creds/config.json\n${join(workspace, 'keys')}\ntop-link\nlater/signing.key\n\n# comment\nnever-there`,
      },
      env: { K: 'v-1234', GITHUB_WORKSPACE: workspace },
      runnerTemp,
      onSpawn: pause.onSpawn,
    });
    await pause.done;
    expect(errorLines(run.main)).toEqual([]);
    expect(JSON.parse(run.main.state['wipe-paths'] as string)).toEqual([
      join(workspace, 'creds', 'config.json'),
      join(workspace, 'keys'),
      join(workspace, 'top-link'),
      later,
      join(workspace, 'never-there'),
    ]);
    expect(run.post?.code).toBe(0);
    expect(errorLines(run.post as StepResult)).toEqual([]);
    for (const p of ['creds/config.json', 'keys', 'top-link', 'later/signing.key'])
      expect(exists(join(workspace, p))).toBe(false);
    expect(readFileSync(join(outside, 'keep'), 'utf8')).toBe('keep');
    expect(run.post?.stdout).toContain('wipe-paths: 4 file(s), 2 directories, 2 link(s), 0 other, 1 not present');
    expect(run.post?.summary).toContain(`<code>${join(workspace, 'keys')}</code>`);
  });

  it('warns when dir is inside the workspace, where a build context could pick the secrets up', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const workspace = join(runnerTemp, 'ws');
    mkdirSync(workspace);
    const run = await runAction(ACTION, {
      inputs: { files: 'k=K', dir: 'secrets' },
      env: { K: 'v-1234', GITHUB_WORKSPACE: workspace },
      runnerTemp,
    });
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.dir).toBe(join(workspace, 'secrets'));
    expect(run.main.stdout).toMatch(/::warning::dir .*\/ws\/secrets is inside the workspace/);
    expect(run.post?.code).toBe(0);
    expect(exists(join(workspace, 'secrets'))).toBe(false);
    const fine = await runAction(ACTION, {
      inputs: { files: 'k=K' },
      env: { K: 'v-1234', GITHUB_WORKSPACE: workspace },
      runnerTemp,
    });
    expect(fine.main.stdout).not.toContain('::warning::');
  });

  it('wipe-paths alone (no files) is allowed', async () => {
    const runnerTemp = tmp('wipe-runner-');
    writeFileSync(join(runnerTemp, 'token'), 'tkn');
    const run = await runAction(ACTION, { inputs: { 'wipe-paths': 'token' }, runnerTemp });
    expect(run.main.code).toBe(0);
    expect(JSON.parse(run.main.outputs.paths as string)).toEqual({});
    expect(run.post?.code).toBe(0);
    expect(exists(join(runnerTemp, 'token'))).toBe(false);
    expect(stagingDirsIn(runnerTemp)).toEqual([]);
  });
});

describe('wipe-secrets: bad input names the input', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a name with /',
      { files: 'sub/MOK.key=K' },
      /^input 'files': line 1: file name "sub\/MOK\.key" contains a path separator/,
    ],
    ['a name with ..', { files: 'ok=K\n..=K' }, /^input 'files': line 2: file name "\.\." contains '\.\.'/],
    ['a traversal name', { files: '../../etc/x=K' }, /^input 'files': line 1: .*path separator/],
    [
      'an invalid variable name',
      { files: 'k=MOK-KEY' },
      /^input 'files': line 1 \(k\): the part after '=' is not an environment variable name/,
    ],
    [
      'a secret pasted instead of a name',
      { files: 'k=-----BEGIN' },
      /^input 'files': line 1 \(k\): the part after '='/,
    ],
    ['a duplicate name', { files: 'k=K\nk=L' }, /^input 'files': line 2: file name "k" is already used on line 1/],
    ['nothing to do', { files: '# nothing' }, /^input 'files': lists no files/],
    [
      'allow-empty not a boolean',
      { files: 'k=K', 'allow-empty': 'yes' },
      /^input 'allow-empty': must be true or false/,
    ],
  ];
  it.each(cases)('%s', async (_what, inputs, re) => {
    const run = await runAction(ACTION, { inputs, env: { K: 'k-value', L: 'l-value' } });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)).toEqual([expect.stringMatching(re)]);
    expect(run.main.stdout).not.toContain('k-value');
    expect(run.post?.code).toBe(0);
  });

  it('a dir that exists and is not empty', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const dir = join(runnerTemp, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'someone-elses'), 'keep');
    const run = await runAction(ACTION, { inputs: { files: 'k=K', dir }, env: { K: 'v-1234' }, runnerTemp });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)).toEqual([
      expect.stringMatching(
        /^input 'dir': .*busy exists and is not empty \(1 entry\)\nhint: give a path that does not exist yet/,
      ),
    ]);
    expect(run.main.state.dir).toBeUndefined();
    expect(run.post?.code).toBe(0);
    expect(readFileSync(join(dir, 'someone-elses'), 'utf8')).toBe('keep');
  });

  it('a dir that is the workspace or whose parent is missing', async () => {
    const runnerTemp = tmp('wipe-runner-');
    const ws = await runAction(ACTION, { inputs: { files: 'k=K', dir: '.' }, env: { K: 'v' }, runnerTemp });
    expect(errorLines(ws.main)).toEqual([
      expect.stringMatching(/^input 'dir': refusing to wipe .*: it is \$GITHUB_WORKSPACE/),
    ]);
    const missing = await runAction(ACTION, {
      inputs: { files: 'k=K', dir: 'no/such/dir' },
      env: { K: 'v' },
      runnerTemp,
    });
    expect(errorLines(missing.main)).toEqual([
      expect.stringMatching(/^input 'dir': the parent directory of .*no\/such\/dir does not exist/),
    ]);
  });

  it('wipe-paths / is refused (post not run: a regression here must not get a chance to act)', async () => {
    for (const p of ['/', '/tmp/../', '../../../../../../../..']) {
      const run = await runAction(ACTION, { inputs: { files: 'k=K', 'wipe-paths': p }, env: { K: 'v' }, post: false });
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main)).toEqual([
        expect.stringMatching(/^input 'wipe-paths': refusing to wipe "\/": it is the file system root/),
      ]);
      expect(run.main.state['wipe-paths']).toBeUndefined();
      expect(run.main.state.dir).toBeUndefined();
    }
  });

  it('wipe-paths $HOME, a parent of it, and $GITHUB_WORKSPACE are refused', async () => {
    const runnerTemp = tmp('wipe-runner-');
    // Stand-ins, so that a regression could only ever wipe a scratch directory.
    const home = join(runnerTemp, 'home', 'runner');
    const workspace = join(runnerTemp, 'work', 'repo');
    mkdirSync(home, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(home, '.bashrc'), 'keep');
    const env = { K: 'v', HOME: home, GITHUB_WORKSPACE: workspace };
    for (const [p, re] of [
      [home, /it is \$HOME/],
      [join(runnerTemp, 'home'), /it contains \$HOME/],
      [workspace, /it is \$GITHUB_WORKSPACE/],
      ['.', /it is \$GITHUB_WORKSPACE/],
      [runnerTemp, /it contains \$HOME/],
    ] as const) {
      const run = await runAction(ACTION, { inputs: { files: 'k=K', 'wipe-paths': `ok-file\n${p}` }, env, runnerTemp });
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main)).toEqual([
        expect.stringMatching(new RegExp(`^input 'wipe-paths': refusing to wipe .*${re.source}`)),
      ]);
      expect(run.post?.code).toBe(0);
    }
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('keep');
  });
});

describe('wipe-secrets: dogfood', () => {
  it('a build step reads the staged files through --secret id=…,src=<path>, getting the exact bytes', async () => {
    const key = fakePem('PRIVATE KEY');
    const cert = fakePem('CERTIFICATE');
    // Stands in for `buildah build --secret id=mok-key,src=… --secret id=mok-cert,src=…`: a
    // process (no shell) that gets only the secret specs in argv and reads each src file itself.
    const consumer = `
      const { readFileSync } = require('node:fs');
      const out = {};
      for (let i = 0; i < process.argv.length; i++) {
        if (process.argv[i] !== '--secret') continue;
        const spec = Object.fromEntries(process.argv[i + 1].split(',').map((kv) => kv.split('=')));
        out[spec.id] = readFileSync(spec.src).toString('base64');
      }
      process.stdout.write(JSON.stringify(out));`;
    let argv: string[] = [];
    let got: Record<string, string> = {};
    const runnerTemp = tmp('wipe-runner-');
    const pause = betweenMainAndPost(() => {
      const paths = JSON.parse(mainOutputs(runnerTemp).paths as string) as Record<string, string>;
      argv = [
        '-e',
        consumer,
        '--',
        'build',
        '--secret',
        `id=mok-key,src=${paths['MOK.key']}`,
        '--secret',
        `id=mok-cert,src=${paths['MOK.pem']}`,
        '-f',
        'Containerfile',
      ];
      const r = spawnSync(process.execPath, argv, { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(r.status).toBe(0);
      got = JSON.parse(r.stdout) as Record<string, string>;
    });
    const run = await runAction(ACTION, {
      inputs: { files: 'MOK.key=MOK_KEY\nMOK.pem=MOK_CERT' },
      env: { MOK_KEY: key, MOK_CERT: cert },
      runnerTemp,
      onSpawn: pause.onSpawn,
    });
    await pause.done;
    expect(run.main.code).toBe(0);
    expect(Buffer.from(got['mok-key'] as string, 'base64').equals(Buffer.from(key))).toBe(true);
    expect(Buffer.from(got['mok-cert'] as string, 'base64').equals(Buffer.from(cert))).toBe(true);
    // Only paths travel in argv (visible in /proc/<pid>/cmdline); no line of either secret does.
    for (const line of `${key}${cert}`.split('\n').filter((l) => l.length > 0 && !l.startsWith('-----'))) {
      expect(argv.join(' ')).not.toContain(line);
    }
    expect(run.post?.code).toBe(0);
    const paths = JSON.parse(run.main.outputs.paths as string) as Record<string, string>;
    for (const p of Object.values(paths)) expect(existsSync(p)).toBe(false);
  });
});
