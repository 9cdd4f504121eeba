// The runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN), on loopback. Its
// tokens carry GitHub's claims for the job being run (job_workflow_ref and job_workflow_sha name
// the workflow file the job is defined in, the called one inside a reusable workflow) plus the
// `job_workflow_uri` claim the mock Fulcio (test/harness/sigstore.ts) certifies. They are unsigned:
// the mock Fulcio does not check signatures, and nothing else here may trust them.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcEndpoint {
  env: Record<string, string>;
  /** The claims of the next tokens (set per job). */
  claims: Record<string, string>;
  /** Audiences asked for, in order. */
  audiences: string[];
  stop(): Promise<void>;
}

export async function startOidc(): Promise<OidcEndpoint> {
  const bearer = randomBytes(16).toString('hex');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/token' || req.method !== 'GET') return void res.writeHead(404).end();
    if ((req.headers.authorization ?? '').toLowerCase() !== `bearer ${bearer}`)
      return void res.writeHead(401).end('bad runner token');
    const aud = url.searchParams.get('audience') ?? 'https://github.com';
    endpoint.audiences.push(aud);
    const now = Math.floor(Date.now() / 1000);
    const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...endpoint.claims, aud, iat: now, nbf: now, exp: now + 600 })}.`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: token }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoint: OidcEndpoint = {
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer },
    claims: {},
    audiences: [],
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return endpoint;
}
