// Start-up of each bundle: spawn to exit of `node dist/<action>/index.js` with no inputs, which
// fails at its first input check, before any request. With --against=DIR, the bundles in DIR
// (e.g. a copy of dist/ from before a change) run interleaved with ours, so both see the same
// machine load. Prints medians (min–max) per bundle.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../test/harness/runner.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const runs = Number(args.get('runs') ?? 15);
const dirs: [string, string][] = [['now', join(REPO_ROOT, 'dist')]];
if (args.get('against')) dirs.unshift(['before', resolve(args.get('against')!)]);
const actions = [
  'capture-digest',
  'promote-preserve-digest',
  'sign-digest',
  'verify-digest',
  'attach-sbom',
  'wipe-secrets',
];
const tmp = mkdtempSync(join(tmpdir(), 'bydigest-startup-'));
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GITHUB_OUTPUT: join(tmp, 'out'),
  GITHUB_STATE: join(tmp, 'state'),
};

function once(bundle: string): Promise<number> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bundle], { env, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', () => ok(performance.now() - t0));
  });
}

const times = new Map<string, number[]>();
for (let i = 0; i < runs; i++) {
  for (const action of actions) {
    for (const [label, dir] of dirs) {
      const key = `${action}\t${label}`;
      times.set(key, [...(times.get(key) ?? []), await once(join(dir, action, 'index.js'))]);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`| bundle | ${dirs.map(([l]) => l).join(' | ')} |`);
console.log(`|---|${dirs.map(() => '---').join('|')}|`);
for (const action of actions) {
  const cells = dirs.map(([label]) => {
    const xs = times.get(`${action}\t${label}`)!;
    return `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  });
  console.log(`| ${action} | ${cells.join(' | ')} |`);
}
