// Local stand-ins for the third-party actions the workflows pin by SHA: the harness never
// downloads an action. Each does the part of the real action a later step relies on, on this
// machine, and refuses inputs it does not implement instead of ignoring them.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { downloadArtifact, uploadArtifact } from './artifacts.js';
import { peer, type PeerName } from '../peers.js';

export interface StandInContext {
  workspace: string;
  /** The repository actions/checkout stands for: its working tree, as the test sees it. */
  source: string;
  /** `owner/name` of that repository and the commit the run is for (checkout's `repository`, `ref`). */
  repository: string;
  sha: string;
  /** Files the test adds to every checkout (a fork's committed cosign.pub). */
  extraFiles: Record<string, string>;
  artifacts: string;
  /** Where the run keeps its one hard-linked copy of the source's node_modules. */
  modulesDir: string;
  /** A per-job directory the stand-ins put tools in (on PATH once added). */
  toolDir: string;
  addPath(dir: string): void;
}

type StandIn = (w: Record<string, string>, c: StandInContext) => Record<string, string>;

const allow = (action: string, w: Record<string, string>, known: string[]): void => {
  const extra = Object.keys(w).filter((k) => !known.includes(k));
  if (extra.length > 0) throw new Error(`${action} stand-in: input(s) ${extra.join(', ')} not implemented`);
};

/**
 * The working tree (tracked and untracked, not ignored: what the test sees, uncommitted changes
 * included), node_modules linked (runModules), the peers cache re-linked. `repository` and `ref` may
 * only name the repository under test at the commit under test; `path` is honoured.
 */
function checkout(w: Record<string, string>, c: StandInContext): Record<string, string> {
  allow('actions/checkout', w, ['persist-credentials', 'fetch-depth', 'repository', 'ref', 'path']);
  if (w.repository && w.repository !== c.repository)
    throw new Error(
      `actions/checkout stand-in: repository ${w.repository}: only ${c.repository} (the repository under test) can be checked out`,
    );
  if (w.ref && w.ref !== c.sha && w.ref !== 'main' && w.ref !== 'refs/heads/main')
    throw new Error(
      `actions/checkout stand-in: ref ${w.ref}: only the commit under test (${c.sha}) can be checked out`,
    );
  const dest = join(c.workspace, w.path ?? '');
  mkdirSync(dest, { recursive: true });
  const files = execFileSync('git', ['-C', c.source, 'ls-files', '-co', '--exclude-standard', '-z'], {
    maxBuffer: 64 << 20,
  });
  const tarFile = join(c.toolDir, `checkout-${Date.now()}.tar`);
  execFileSync('tar', ['-C', c.source, '--null', '-T', '-', '-cf', tarFile], { input: files });
  execFileSync('tar', ['-C', dest, '-xf', tarFile]);
  rmSync(tarFile);
  for (const [name, text] of Object.entries(c.extraFiles)) writeFileSync(join(dest, name), text);
  for (const m of runModules(c)) symlinkSync(join(c.modulesDir, m), join(dest, m));
  // The peers the test suite installs (scripts/install-test-peers.sh): a workflow that installs them
  // finds them present and only rewrites its own wrappers under the workspace.
  const peers = process.env.BYDIGEST_PEERS_DIR ?? join(c.source, '.cache', 'peers');
  const cache = join(dest, '.cache', 'peers');
  mkdirSync(join(cache, 'bin'), { recursive: true });
  for (const entry of readdirSync(peers)) {
    if (entry === 'bin')
      for (const tool of readdirSync(join(peers, 'bin')))
        copyFileSync(join(peers, 'bin', tool), join(cache, 'bin', tool));
    else symlinkSync(join(peers, entry), join(cache, entry));
  }
  return {};
}

/**
 * The source's node_modules directories, hard-linked once per run under modulesDir: every
 * checkout links to them (a hard-linked copy per job costs ~30,000 links each), and a workflow's
 * `pnpm install` finds them up to date without touching the source's own.
 */
function runModules(c: StandInContext): string[] {
  const list = join(c.modulesDir, 'list.json');
  if (existsSync(list)) return JSON.parse(readFileSync(list, 'utf8')) as string[];
  const modules = execFileSync('find', ['.', '-name', 'node_modules', '-prune', '-type', 'd'], {
    cwd: c.source,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  for (const m of modules) {
    mkdirSync(join(c.modulesDir, dirname(m)), { recursive: true });
    execFileSync('cp', ['-al', join(c.source, m), join(c.modulesDir, m)]);
  }
  writeFileSync(list, JSON.stringify(modules));
  return modules;
}

function setupNode(w: Record<string, string>, c: StandInContext): Record<string, string> {
  allow('actions/setup-node', w, ['node-version', 'cache']);
  const major = process.versions.node.split('.')[0];
  if (w['node-version'] && String(w['node-version']).split('.')[0] !== major)
    throw new Error(
      `actions/setup-node stand-in: node-version ${w['node-version']} asked, this harness runs Node ${process.versions.node}`,
    );
  // `cache:` restores nothing here: the workspace already has node_modules (checkout stand-in).
  c.addPath(dirname(process.execPath));
  return { 'node-version': `v${process.versions.node}` };
}

function pnpmSetup(w: Record<string, string>): Record<string, string> {
  allow('pnpm/action-setup', w, ['version']);
  const have = execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
  if (w.version && w.version !== have)
    throw new Error(`pnpm/action-setup stand-in: pnpm ${w.version} asked, this machine has ${have}`);
  return {};
}

/** Debian's cosign of the release asked for (the peers' cosign-2.5 / cosign-3.1), as `cosign` on PATH. */
function cosignInstaller(w: Record<string, string>, c: StandInContext): Record<string, string> {
  allow('sigstore/cosign-installer', w, ['cosign-release']);
  const release = /^v?(\d+)\.(\d+)\./.exec(w['cosign-release'] ?? '');
  if (!release) throw new Error('sigstore/cosign-installer stand-in: name a cosign-release (vX.Y.Z)');
  const name = `cosign-${release[1]}.${release[2]}` as PeerName;
  const dir = join(c.toolDir, 'cosign');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'cosign'))) symlinkSync(peer(name), join(dir, 'cosign'));
  c.addPath(dir);
  return {};
}

const STAND_INS: Record<string, StandIn> = {
  'actions/checkout': checkout,
  'actions/setup-node': setupNode,
  'pnpm/action-setup': pnpmSetup,
  'sigstore/cosign-installer': cosignInstaller,
  'actions/upload-artifact': (w, c) => {
    allow('actions/upload-artifact', w, ['name', 'path', 'retention-days', 'if-no-files-found']);
    uploadArtifact(c.artifacts, c.workspace, w);
    return {};
  },
  'actions/download-artifact': (w, c) => {
    allow('actions/download-artifact', w, ['name', 'path']);
    downloadArtifact(c.artifacts, c.workspace, w);
    return {};
  },
};

export function standInFor(uses: string): StandIn | undefined {
  return STAND_INS[uses.split('@')[0] as string];
}
