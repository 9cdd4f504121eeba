import { createHash, createPublicKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  rekorHandler,
  type HandlerFn,
} from '@sigstore/mock';
import { issueSigningCert, makeCa } from './certs.js';
import { makeTempDir, removeDir } from './tmp.js';

/**
 * A private Sigstore on loopback: @sigstore/mock's Fulcio and Rekor v1 handlers and a GitHub-runner
 * OIDC token endpoint, served over real HTTP, with the trust material cosign needs to verify
 * offline. `faults` makes a service answer an error instead, for the failure tests.
 */
export interface SigstoreStack {
  fulcioUrl: string;
  rekorUrl: string;
  /** The sign-digest inputs that point at this stack. */
  inputs: { 'fulcio-url': string; 'rekor-url': string };
  /** The runner's OIDC variables (the URL already has a query string, as the runner's has). */
  oidcEnv: Record<string, string>;
  /** The JWT the token endpoint hands out (a secret: it must reach no log line but a mask). */
  idToken: string;
  /** The identity and issuer the certificates carry; set `identity` to sign as someone else next. */
  identity: string;
  issuer: string;
  /** Fulcio root (PEM), Rekor and CT log public keys (PEM), and a trusted_root.json with all three. */
  files: { fulcioRoot: string; rekorPub: string; ctlogPub: string; trustedRoot: string };
  /** cosign 2.5's offline trust: SIGSTORE_ROOT_FILE, SIGSTORE_REKOR_PUBLIC_KEY, SIGSTORE_CT_LOG_PUBLIC_KEY_FILE. */
  cosign2Env: Record<string, string>;
  faults: { fulcio?: number; rekor?: number; rekorLocation?: string; token?: number };
  /** Requests seen, per path ("/api/v2/signingCert", "/api/v1/log/entries", "/token"). */
  requests: Map<string, number>;
  stop(): Promise<void>;
}

export interface SigstoreStackOptions {
  identity?: string;
  issuer?: string;
  /** The mock CA's clock: certificates are valid for 10 minutes from it. */
  caClock?: Date;
  /**
   * Issue from a CA of the test's own (openssl) instead of the mock's: it can issue e-mail
   * identities, the only kind containers/image's `fulcio` requirement matches.
   */
  ownCa?: boolean;
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const WORKFLOW_IDENTITY = 'https://github.com/bydigest/demo/.github/workflows/release.yml@refs/heads/main';
/** The claim the mock Fulcio puts in the URI SAN (real Fulcio builds it from job_workflow_ref). */
const SAN_CLAIM = 'job_workflow_uri';
const TOKEN_PATH = '/_apis/distributedtask/oidc-token';
const ISSUER_V2_OID = '1.3.6.1.4.1.57264.1.8';
type CA = Parameters<typeof fulcioHandler>[0];
const RUNNER_TOKEN = 'runner-request-token';

const ecKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pem = (key: KeyObject) => key.export({ format: 'pem', type: 'spki' }).toString();
const der = (key: KeyObject) => key.export({ format: 'der', type: 'spki' });
const toPem = (label: string, bytes: Buffer) =>
  `-----BEGIN ${label}-----\n${bytes
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`;

export async function startSigstore(opts: SigstoreStackOptions = {}): Promise<SigstoreStack> {
  const identity = opts.identity ?? WORKFLOW_IDENTITY;
  const issuer = opts.issuer ?? GITHUB_ISSUER;
  const [caKeys, ctKeys, rekorKeys] = [ecKeyPair(), ecKeyPair(), ecKeyPair()];
  const ctlog = await initializeCTLog(ctKeys);
  const dir = await makeTempDir('sigstore-');
  const ca = opts.ownCa ? await ownCa(dir) : await initializeCA(caKeys, ctlog, opts.caClock);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlog = await initializeTLog(base, rekorKeys);
  const fulcio = fulcioHandler(ca, { subjectClaim: SAN_CLAIM });
  const rekor = rekorHandler(tlog);
  const faults: SigstoreStack['faults'] = {};
  const requests = new Map<string, number>();
  // repository: the mock Fulcio writes it as the Source Repository URI extension, as real Fulcio does.
  const tokenFor = (who: string) =>
    unsignedJwt({
      iss: issuer,
      aud: 'sigstore',
      sub: 'repo:bydigest/demo:ref:refs/heads/main',
      repository: 'bydigest/demo',
      [SAN_CLAIM]: who,
      exp: Math.floor(Date.now() / 1000) + 3600,
    });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
    const body = await readBody(req);
    if (url.pathname === TOKEN_PATH && req.method === 'GET') {
      if (faults.token) return void res.writeHead(faults.token).end('token endpoint failure');
      if (req.headers.authorization !== `Bearer ${RUNNER_TOKEN}`)
        return void res.writeHead(401).end('bad runner token');
      if (url.searchParams.get('audience') !== 'sigstore' || url.searchParams.get('api-version') !== '2.0')
        return void res.writeHead(400).end('bad query');
      stack.idToken = tokenFor(stack.identity);
      return void json(res, 200, JSON.stringify({ value: stack.idToken }));
    }
    if (url.pathname === fulcio.path && req.method === 'POST') {
      if (faults.fulcio)
        return void json(
          res,
          faults.fulcio,
          JSON.stringify({ code: faults.fulcio, message: 'injected Fulcio failure' }),
        );
      return void reply(res, await fulcio.fn(body));
    }
    if (url.pathname === rekor.path && req.method === 'POST') {
      if (faults.rekor) {
        const headers: Record<string, string> = faults.rekorLocation ? { location: faults.rekorLocation } : {};
        return void json(
          res,
          faults.rekor,
          JSON.stringify({ code: faults.rekor, message: 'injected Rekor failure' }),
          headers,
        );
      }
      return void reply(res, await rekor.fn(body));
    }
    res.writeHead(404).end('not found');
  }

  const files = {
    fulcioRoot: join(dir, 'fulcio-root.pem'),
    rekorPub: join(dir, 'rekor.pub'),
    ctlogPub: join(dir, 'ctlog.pub'),
    trustedRoot: join(dir, 'trusted_root.json'),
  };
  const rootDer = Buffer.from(ca.rootCertificate.buffer, ca.rootCertificate.byteOffset, ca.rootCertificate.byteLength);
  writeFileSync(files.fulcioRoot, toPem('CERTIFICATE', rootDer));
  writeFileSync(files.rekorPub, pem(rekorKeys.publicKey));
  writeFileSync(files.ctlogPub, pem(ctKeys.publicKey));
  writeFileSync(
    files.trustedRoot,
    JSON.stringify(
      trustedRoot({ base, rootDer, rekorKey: rekorKeys.publicKey, ctKey: ctKeys.publicKey, since: opts.caClock }),
    ),
  );

  const stack: SigstoreStack = {
    fulcioUrl: base,
    rekorUrl: base,
    inputs: { 'fulcio-url': base, 'rekor-url': base },
    oidcEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}${TOKEN_PATH}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNNER_TOKEN,
    },
    idToken: tokenFor(identity),
    identity,
    issuer,
    files,
    cosign2Env: {
      SIGSTORE_ROOT_FILE: files.fulcioRoot,
      SIGSTORE_REKOR_PUBLIC_KEY: files.rekorPub,
      SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: files.ctlogPub,
    },
    faults,
    requests,
    stop: async () => {
      await closeServer(server);
      await removeDir(dir);
    },
  };
  return stack;
}

/** A CA shaped as @sigstore/mock's, issuing through openssl: e-mail or URI SANs, Fulcio's issuer extensions. */
async function ownCa(dir: string): Promise<CA> {
  const pair = await makeCa(dir);
  const root = new X509Certificate(await readFile(pair.certFile)).raw;
  return {
    rootCertificate: new Uint8Array(root),
    issueCertificate: async (req) => {
      const spki = createPublicKey({
        key: Buffer.from(req.publicKey.buffer, req.publicKey.byteOffset, req.publicKey.byteLength),
        format: 'der',
        type: 'spki',
      });
      const issuer = req.extensions?.find((e) => e.oid === ISSUER_V2_OID)?.value ?? GITHUB_ISSUER;
      return new Uint8Array(await issueSigningCert(dir, pair, pem(spki), req.subjectAltName, issuer));
    },
  };
}

/** The trusted_root.json (v0.1) cosign 3 reads with --trusted-root: this stack's CA, Rekor and CT log. */
function trustedRoot(t: {
  base: string;
  rootDer: Buffer;
  rekorKey: KeyObject;
  ctKey: KeyObject;
  since: Date | undefined;
}): object {
  const start = new Date(Math.min(Date.now(), t.since?.getTime() ?? Infinity) - 3600_000).toISOString();
  const log = (key: KeyObject) => ({
    baseUrl: t.base,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: der(key).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId: createHash('sha256').update(der(key)).digest('base64') },
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [log(t.rekorKey)],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: t.base,
        certChain: { certificates: [{ rawBytes: t.rootDer.toString('base64') }] },
        validFor: { start },
      },
    ],
    ctlogs: [log(t.ctKey)],
    timestampAuthorities: [],
  };
}

/** The mock Fulcio reads claims without checking the signature; the runner's tokens are RS256 JWTs. */
function unsignedJwt(claims: object): string {
  const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
}

async function reply(res: ServerResponse, r: Awaited<ReturnType<HandlerFn>>): Promise<void> {
  res.writeHead(r.statusCode, { 'content-type': r.contentType ?? 'text/plain' }).end(r.response);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
