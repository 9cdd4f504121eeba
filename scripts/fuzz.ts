// pnpm fuzz [--seconds N] [--only tar,rpm-bdb] — the long campaign of issue 25 (CI does not run it).
// Runs each fuzz target of packages/core/test/fuzz for N seconds (default 300), one at a time, in
// a child process: fast-check's structure-aware generators and byte mutations of the seeds and
// saved crashes, with fresh random seeds. An input that breaks the contract is shrunk and saved
// as packages/core/test/fuzz/corpus/<target>/crash-<hash>, which `pnpm test:unit` then replays;
// an input that hangs the parser (no progress for 30 s) is saved as it was. Prints, and writes to
// .cache/fuzz/campaign.json, the executions, crashes and V8 block coverage of core's source per
// target; packages/core/test/fuzz/campaign.json keeps each target's last campaign, which
// docs/reliability.md reports (scripts/reliability-report.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(opt('seconds') ?? 300);
const out = join(root, '.cache', 'fuzz');
mkdirSync(out, { recursive: true });

export interface TargetResult {
  target: string;
  parser: string;
  seconds: number;
  executions: number;
  crashes: string[];
  /** Basic blocks of core's source the target's inputs reached, of the blocks in the files they reached. */
  coverage: { blocks: number; of: number; files: string[] };
}

const RECORD = join(root, 'packages', 'core', 'test', 'fuzz', 'campaign.json');

/** Keeps the target's latest campaign in the committed record, with when and on what load it ran. */
function record(r: TargetResult): void {
  const all = (existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) : {}) as Record<string, unknown>;
  all[r.target] = {
    ...r,
    coverage: { blocks: r.coverage.blocks, of: r.coverage.of, files: r.coverage.files.length },
    date: new Date().toISOString().slice(0, 16),
    load: Number(loadavg()[0]?.toFixed(1)),
    cpus: cpus().length,
  };
  writeFileSync(RECORD, `${JSON.stringify(all, null, 2)}\n`);
}

if (opt('child')) {
  const { runChild } = await import('./lib/fuzz/child.js');
  await runChild(
    opt('child') as string,
    seconds,
    join(out, `current-${opt('child')}`),
    join(out, `${opt('child')}.json`),
  );
} else {
  const { TARGETS } = await import('../packages/core/test/fuzz/targets/index.js');
  const { saveCrash } = await import('../packages/core/test/fuzz/corpus.js');
  const only = opt('only')?.split(',');
  const results: TargetResult[] = [];
  for (const t of TARGETS.filter((x) => !only || only.includes(x.name))) {
    const current = join(out, `current-${t.name}`);
    const resultFile = join(out, `${t.name}.json`);
    writeFileSync(resultFile, '');
    rmSync(current, { force: true });
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', t.name, '--seconds', String(seconds)],
      { stdio: 'inherit' },
    );
    let hung = false;
    const watch = setInterval(() => {
      const written = existsSync(current) ? statSync(current, { throwIfNoEntry: false })?.mtimeMs : undefined;
      if (written === undefined) return;
      const age = Date.now() - written;
      if (age > 30_000) {
        hung = true;
        child.kill('SIGKILL');
      }
    }, 1000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(watch);
    let r: TargetResult;
    try {
      r = JSON.parse(readFileSync(resultFile, 'utf8')) as TargetResult;
    } catch {
      r = {
        target: t.name,
        parser: t.parser,
        seconds,
        executions: 0,
        crashes: [],
        coverage: { blocks: 0, of: 0, files: [] },
      };
    }
    if (hung || (code !== 0 && code !== null)) {
      // a hang, or a crash of the process itself (out of memory, a native abort): the input it was on
      const path = saveCrash(t, existsSync(current) ? readFileSync(current) : Buffer.alloc(0));
      r.crashes.push(`${path} (${hung ? 'no progress for 30 s' : `exit ${code}`})`);
    }
    results.push(r);
    record(r);
    console.log(
      `${r.target}: ${r.executions} executions in ${r.seconds} s, ${r.crashes.length} crashes, ${r.coverage.blocks}/${r.coverage.of} blocks in ${r.coverage.files.length} files`,
    );
    for (const c of r.crashes) console.log(`  crash: ${c}`);
  }
  writeFileSync(
    join(out, 'campaign.json'),
    `${JSON.stringify({ seconds, at: new Date().toISOString(), results }, null, 2)}\n`,
  );
  if (results.some((r) => r.crashes.length > 0)) process.exitCode = 1;
}
