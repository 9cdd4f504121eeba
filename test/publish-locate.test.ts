/**
 * publish.yml's locate job: its one `run:` script, run in bash as the runner runs it, against a
 * stand-in of the runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN). GitHub sets the
 * job_workflow_ref and job_workflow_sha claims to the called workflow; the script must turn them
 * into the repository and commit the later jobs check out, and the exact keyless identity.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './harness/paths.js';

const script = (
  parseYaml(readFileSync(join(repoRoot, '.github/workflows/publish.yml'), 'utf8')) as {
    jobs: { locate: { steps: Array<{ run: string }> } };
  }
).jobs.locate.steps[0]!.run;
const SHA = 'c0ffee'.padEnd(40, '0');
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

let claims: Record<string, string> = {};
const requests: Array<{ url: string; authorization: string | undefined }> = [];
let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    if (req.headers.authorization !== 'bearer runner-request-token') return void res.writeHead(401).end();
    res.end(JSON.stringify({ value: `${b64({ alg: 'RS256' })}.${b64(claims)}.c2lnbmF0dXJl` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function locate(withToken = true): Promise<{ code: number; stdout: string; outputs: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'locate-')), 'output');
  writeFileSync(out, '');
  const { port } = server.address() as AddressInfo;
  const oidc = withToken
    ? {
        ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
      }
    : {};
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GITHUB_OUTPUT: out, ...oidc }, timeout: 30_000 },
      (err, stdout) => {
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, outputs: readFileSync(out, 'utf8') });
      },
    );
  });
}

describe("publish.yml's locate job", () => {
  it("outputs the called workflow's repository and commit, and the keyless identity Fulcio will write", async () => {
    claims = {
      job_workflow_ref: 'ublue-os/bydigest/.github/workflows/publish.yml@refs/tags/v0.2.0',
      job_workflow_sha: SHA,
      repository: 'someone/myos',
    };
    const r = await locate();
    expect(r.code).toBe(0);
    expect(r.outputs).toBe(
      `repository=ublue-os/bydigest\nsha=${SHA}\nkeyless-identity=https://github.com/ublue-os/bydigest/.github/workflows/publish.yml@refs/tags/v0.2.0\n`,
    );
    // The token is asked for once, with the runner's request token; it is never printed.
    expect(requests.at(-1)).toEqual({
      url: '/token?api-version=2.0&audience=bydigest-locate',
      authorization: 'bearer runner-request-token',
    });
    expect(r.stdout).not.toContain(b64(claims));
  });

  it('without id-token: write, fails saying which permission the calling job needs', async () => {
    const r = await locate(false);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('::error::publish.yml needs id-token: write');
    expect(r.outputs).toBe('');
  });

  it('a token naming no workflow commit fails, and outputs nothing a checkout could follow', async () => {
    claims = {
      job_workflow_ref: 'ublue-os/bydigest/.github/workflows/publish.yml@refs/heads/main',
      job_workflow_sha: 'main',
    };
    const r = await locate();
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('::error::the OIDC token names no workflow commit');
    expect(r.outputs).toBe('');
  });
});
