import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { makeCa, makeServerCert, makeTokenSigner, type CertPair } from './certs.js';
import { writeHtpasswd } from './htpasswd.js';
import { loadJwtSigner } from './jwt.js';
import { freePort } from './net.js';
import { registryConfigYaml, type RegistryConfigInput } from './registry-config.js';
import { makeTempDir, removeDir } from './tmp.js';
import { startTokenIssuer, type TokenIssuer, type TokenIssuerOptions } from './token-issuer.js';

export type AuthMode = 'none' | 'basic' | 'token' | 'tls';

export interface StartRegistryOptions {
  mode?: AuthMode;
  /** Serve TLS in basic or token mode too ('tls' mode always does). */
  tls?: boolean;
  /**
   * Token mode: the tokens' lifetime (default 60 s). distribution 2.8 allows 60 s of clock leeway
   * on exp and nbf, so a token only stops working about a minute after it expires.
   */
  tokenLifetimeSeconds?: number;
  /** Token mode: narrows the actions a token grants (see TokenIssuerOptions.grant). */
  tokenGrant?: TokenIssuerOptions['grant'];
  readyTimeoutMs?: number;
  /** A fixed loopback port (a workflow's `services:` maps `5000:5000`); default a free one. */
  port?: number;
}

export interface RunningRegistry {
  mode: AuthMode;
  /** "127.0.0.1:PORT", the registry part of an image reference. */
  host: string;
  /** "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT". */
  url: string;
  tls: boolean;
  username?: string;
  password?: string;
  /** PEM of the test CA (TLS only). */
  caFile?: string;
  /** Holds only ca.crt: the layout skopeo's --cert-dir / --src-cert-dir / --dest-cert-dir expect. */
  certDir?: string;
  /** A docker/containers auth file; "auths"[host] holds the credentials (empty "auths" without auth). */
  authFile: string;
  /** The directory holding authFile as config.json, for DOCKER_CONFIG (crane, cosign, oras). */
  dockerConfigDir: string;
  /**
   * Environment for a peer talking to this registry: DOCKER_CONFIG, REGISTRY_AUTH_FILE, and with TLS
   * SSL_CERT_FILE (Go's only hook for extra roots; it replaces the system roots, fine in tests).
   */
  clientEnv: Record<string, string>;
  /** undici dispatcher trusting the test CA (TLS only): `fetch(url, { dispatcher })`. */
  dispatcher?: Agent;
  /** The token issuer (token mode): its realm and the requests it answered. */
  issuer?: TokenIssuer;
  /** Storage root; repositories are under docker/registry/v2/repositories. */
  dataDir: string;
  logs(): string;
  stop(): Promise<void>;
}

const REGISTRY_BIN = '/usr/bin/docker-registry';
const TOKEN_SERVICE = 'bydigest-test-registry';
const TOKEN_ISSUER = 'bydigest-test-issuer';
const MAX_LOG = 1024 * 1024;
const PORT_ATTEMPTS = 3;

// Registries still running when a test process exits abnormally would outlive the run.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
export function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
}

function probe(url: string, ca: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = url.startsWith('https:')
      ? httpsRequest(url, { method: 'GET', agent: false, ca, timeout: 1000 })
      : httpRequest(url, { method: 'GET', agent: false, timeout: 1000 });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('probe timed out')));
    req.on('error', reject);
    req.end();
  });
}

interface Spawned {
  child: ChildProcess;
  logs: () => string;
  exited: () => boolean;
}

function spawnRegistry(configPath: string): Spawned {
  const child = spawn(REGISTRY_BIN, ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  // The newest MAX_LOG bytes, kept as chunks: trimming one string on every chunk copied a MiB per
  // request once the log was full (the registry logs each request), CPU taken from the benchmarks.
  const chunks: string[] = [];
  let kept = 0;
  let exitInfo: string | undefined;
  const append = (b: Buffer): void => {
    const s = b.toString('utf8');
    chunks.push(s);
    kept += s.length;
    while (chunks.length > 1 && kept - (chunks[0] as string).length > MAX_LOG)
      kept -= (chunks.shift() as string).length;
  };
  const tail = () => {
    const all = chunks.join('');
    return all.length > MAX_LOG ? all.slice(all.length - MAX_LOG) : all;
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  child.on('error', (e) => {
    exitInfo = `spawn failed: ${e.message}`;
  });
  child.on('exit', (code, signal) => {
    exitInfo = `exited with ${code ?? signal}`;
  });
  return {
    child,
    logs: () => (exitInfo === undefined ? tail() : `${tail()}\n[docker-registry ${exitInfo}]`),
    exited: () => exitInfo !== undefined,
  };
}

async function waitReady(url: string, ca: string | undefined, s: Spawned, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (s.exited()) throw new Error(`docker-registry did not start:\n${s.logs()}`);
    try {
      const status = await probe(`${url}/v2/`, ca);
      if (status === 200 || status === 401) return;
      last = `GET /v2/ answered ${status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(50);
  }
  throw new Error(`docker-registry not ready after ${timeoutMs} ms (${last}):\n${s.logs()}`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts Debian's docker-registry (distribution 2.8) on a free loopback port, in a fresh temp dir
 * that stop() removes. Modes: none (plain HTTP, anonymous), basic (htpasswd), token (Bearer with a
 * test issuer), tls (HTTPS with a test CA, anonymous).
 */
export async function startRegistry(opts: StartRegistryOptions = {}): Promise<RunningRegistry> {
  const mode = opts.mode ?? 'none';
  const tls = mode === 'tls' || opts.tls === true;
  const dir = await makeTempDir('bydigest-registry-');
  const cleanups: Array<() => Promise<void>> = [() => removeDir(dir)];
  const cleanup = async (): Promise<void> => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  };

  try {
    const dataDir = join(dir, 'data');
    const pki = join(dir, 'pki');
    const dockerConfigDir = join(dir, 'docker-config');
    await Promise.all([mkdir(dataDir), mkdir(pki, { mode: 0o700 }), mkdir(dockerConfigDir, { mode: 0o700 })]);
    const base: Omit<RegistryConfigInput, 'addr'> = {
      rootDirectory: dataDir,
      secret: randomBytes(16).toString('hex'),
    };

    let ca: CertPair | undefined;
    let certDir: string | undefined;
    let caPem: string | undefined;
    if (tls) {
      ca = await makeCa(pki);
      const server = await makeServerCert(pki, ca);
      base.tls = { certificate: server.certFile, key: server.keyFile };
      // Kept apart from the keys: containers/image treats any *.key in a cert dir as a client key.
      certDir = join(dir, 'certs.d');
      await mkdir(certDir);
      await copyFile(ca.certFile, join(certDir, 'ca.crt'));
      caPem = await readFile(ca.certFile, 'utf8');
    }

    let username: string | undefined;
    let password: string | undefined;
    let issuer: TokenIssuer | undefined;
    if (mode === 'basic' || mode === 'token') {
      username = 'bydigest';
      password = randomBytes(12).toString('hex');
    }
    if (mode === 'basic') {
      const path = join(dir, 'htpasswd');
      await writeHtpasswd(path, { [username!]: password! });
      base.htpasswd = { realm: 'bydigest-test', path };
    }
    if (mode === 'token') {
      const signerPair = await makeTokenSigner(pki);
      const signer = await loadJwtSigner(signerPair.certFile, signerPair.keyFile);
      issuer = await startTokenIssuer({
        issuer: TOKEN_ISSUER,
        service: TOKEN_SERVICE,
        signer,
        users: { [username!]: password! },
        lifetimeSeconds: opts.tokenLifetimeSeconds ?? 60,
        ...(opts.tokenGrant ? { grant: opts.tokenGrant } : {}),
      });
      cleanups.push(issuer.stop);
      base.token = {
        realm: issuer.realm,
        service: TOKEN_SERVICE,
        issuer: TOKEN_ISSUER,
        rootCertBundle: signerPair.certFile,
      };
    }

    const configPath = join(dir, 'config.yml');
    let spawned: Spawned | undefined;
    let port = 0;
    let url = '';
    for (let attempt = 1; spawned === undefined; attempt++) {
      port = opts.port ?? (await freePort());
      url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
      await writeFile(configPath, registryConfigYaml({ ...base, addr: `127.0.0.1:${port}` }));
      const s = spawnRegistry(configPath);
      cleanups.push(() => stopChild(s.child));
      try {
        await waitReady(url, caPem, s, opts.readyTimeoutMs ?? 10_000);
        spawned = s;
      } catch (e) {
        // The port we picked can be taken before the registry binds it; pick another.
        if (opts.port === undefined && attempt < PORT_ATTEMPTS && /address already in use/.test(s.logs())) continue;
        throw e;
      }
    }

    const host = `127.0.0.1:${port}`;
    const authFile = join(dockerConfigDir, 'config.json');
    const auths =
      username === undefined ? {} : { [host]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } };
    await writeFile(authFile, JSON.stringify({ auths }, null, 2) + '\n', { mode: 0o600 });

    const clientEnv: Record<string, string> = { DOCKER_CONFIG: dockerConfigDir, REGISTRY_AUTH_FILE: authFile };
    let dispatcher: Agent | undefined;
    if (ca !== undefined) {
      clientEnv.SSL_CERT_FILE = ca.certFile;
      dispatcher = new Agent({ connect: { ca: caPem } });
      const d = dispatcher;
      cleanups.push(() => d.close());
    }

    const running = spawned;
    let stopped: Promise<void> | undefined;
    const reg: RunningRegistry = {
      mode,
      host,
      url,
      tls,
      authFile,
      dockerConfigDir,
      clientEnv,
      dataDir,
      logs: () => running.logs(),
      stop: () => (stopped ??= cleanup()),
    };
    if (username !== undefined) reg.username = username;
    if (password !== undefined) reg.password = password;
    if (ca !== undefined) reg.caFile = ca.certFile;
    if (certDir !== undefined) reg.certDir = certDir;
    if (dispatcher !== undefined) reg.dispatcher = dispatcher;
    if (issuer !== undefined) reg.issuer = issuer;
    return reg;
  } catch (e) {
    await cleanup();
    throw e;
  }
}
