// check-pins over a checkout on disk: discovery by `paths`, bad input reported file by file
// while the run goes on, nothing read through a symlink out of the checkout, a digest a
// workflow passes by --build-arg matched against the Containerfiles checked.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkPins, DEFAULT_PATHS, installerTable, parseIgnore } from '@bydigest/core/pins';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const options = { installers: installerTable([]), allowFloating: [], ignore: [] };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function checkout(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-pins-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const WORKFLOW =
  'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n';

describe('checkPins over a checkout', () => {
  it('finds workflows, composite actions and Containerfiles by the default paths, and nothing else', async () => {
    const root = checkout({
      '.github/workflows/build.yml': WORKFLOW,
      '.github/workflows/notes.txt': 'not yaml',
      '.github/actions/setup/action.yml':
        'name: s\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v6\n',
      'images/base/Containerfile': 'FROM quay.io/fedora/fedora-bootc:42\n',
      'Dockerfile.dev': `FROM docker.io/library/node:24@${DIGEST}\n`,
      'node_modules/x/action.yml': 'not: checked\n',
      'docs/example.yml': 'on: push\njobs: {}\n',
    });
    const o = await checkPins({ root, paths: DEFAULT_PATHS, options, mode: 'check' });
    expect(o.filesChecked).toBe(4);
    expect(o.problems).toEqual([]);
    expect(o.networkChecked).toBe(false);
    expect(o.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '.github/actions/setup/action.yml:6:13 unpinned-uses',
      '.github/workflows/build.yml:7:15 unpinned-uses',
      'images/base/Containerfile:1:6 floating-from',
    ]);
  });

  it('reports bad files one by one and checks the rest: YAML that does not parse, not a workflow, a binary Containerfile, a symlink out', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'check-pins-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.yml'), WORKFLOW);
    const root = checkout({
      '.github/workflows/a-broken.yml': 'on: push\njobs: [\n  x: {\n',
      '.github/workflows/b-list.yml': '- just\n- a list\n',
      '.github/workflows/c-good.yml': WORKFLOW,
      Containerfile: Buffer.from([0x00, 0x61, 0xff, 0xfe, 0x00]),
    });
    symlinkSync(join(outside, 'secret.yml'), join(root, '.github', 'workflows', 'd-link.yml'));
    symlinkSync(outside, join(root, '.github', 'workflows', 'e-dir'));
    const o = await checkPins({ root, paths: DEFAULT_PATHS, options, mode: 'check' });
    expect(o.problems.map((p) => p.file).sort()).toEqual([
      '.github/workflows/a-broken.yml',
      '.github/workflows/b-list.yml',
      '.github/workflows/d-link.yml',
      '.github/workflows/e-dir',
      'Containerfile',
    ]);
    expect(o.problems.find((p) => p.file === '.github/workflows/d-link.yml')?.message).toMatch(
      /symlink out of the checkout; not followed/,
    );
    expect(o.problems.find((p) => p.file === 'Containerfile')?.message).toMatch(/not UTF-8 text/);
    // The good workflow is still checked.
    expect(o.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['.github/workflows/c-good.yml:7']);
  });

  it('a path given as a symlink: walked when it leads to a folder inside the checkout, reported when it leads out', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'check-pins-outside-'));
    dirs.push(outside);
    const root = checkout({ 'ci/workflows/build.yml': WORKFLOW });
    mkdirSync(join(root, '.github'));
    symlinkSync(join(root, 'ci', 'workflows'), join(root, '.github', 'workflows'));
    symlinkSync(outside, join(root, 'elsewhere'));
    const o = await checkPins({ root, paths: ['.github/workflows', 'elsewhere'], options, mode: 'check' });
    expect(o.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['.github/workflows/build.yml:7']);
    expect(o.problems).toEqual([
      { file: 'elsewhere', message: 'elsewhere is a symlink out of the checkout; not followed' },
    ]);
  });

  it('a digest passed by --build-arg is fine when a Containerfile checked uses that ARG in FROM, an unused-base-pin when none does', async () => {
    const workflow = `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: buildah build --build-arg BASE_DIGEST=${DIGEST} --build-arg=OTHER=${DIGEST} -f Containerfile .\n`;
    const root = checkout({
      '.github/workflows/build.yml': workflow,
      Containerfile: `ARG BASE_DIGEST=${DIGEST}\nFROM ghcr.io/ublue-os/silverblue-main:42@\${BASE_DIGEST}\n`,
    });
    const o = await checkPins({ root, paths: DEFAULT_PATHS, options, mode: 'check' });
    const line = workflow.split('\n')[6]!;
    expect(o.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['unused-base-pin', 7, line.indexOf('OTHER=') + 1],
    ]);
    expect(o.findings[0]!.message).toMatch(/^the build is passed OTHER=sha256:a+, but no FROM/);
  });

  it('ignore takes rule ids and rule:path patterns', async () => {
    const root = checkout({ '.github/workflows/a.yml': WORKFLOW, '.github/workflows/b.yml': WORKFLOW });
    const ignore = parseIgnore(['unpinned-uses:.github/workflows/a.yml']);
    const o = await checkPins({ root, paths: ['.github/workflows'], options: { ...options, ignore }, mode: 'check' });
    expect(o.findings.map((f) => f.file)).toEqual(['.github/workflows/b.yml']);
    const all = await checkPins({
      root,
      paths: ['.github/workflows'],
      options: { ...options, ignore: parseIgnore(['unpinned-uses:.github/workflows/*.yml']) },
      mode: 'check',
    });
    expect(all.findings).toEqual([]);
    expect(() => parseIgnore(['pinned'])).toThrow(/"pinned" is not a rule id/);
  });

  it('installers extend the table; a malformed line is an error naming the form', () => {
    expect(installerTable(['acme/setup-foo=foo-version, foo-version-file']).get('acme/setup-foo')).toEqual([
      'foo-version',
      'foo-version-file',
    ]);
    expect(installerTable([]).get('sigstore/cosign-installer')).toEqual(['cosign-release']);
    expect(() => installerTable(['just-a-name'])).toThrow(/is not owner\/repo=input/);
  });
});
