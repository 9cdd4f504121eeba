import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signJwt, type JwtSigner } from './jwt.js';

export interface TokenIssuerOptions {
  /** The registry's auth.token.issuer; goes into `iss`. */
  issuer: string;
  /** The registry's auth.token.service; goes into `aud`. */
  service: string;
  signer: JwtSigner;
  users: Record<string, string>;
  lifetimeSeconds?: number;
  /**
   * Narrows what a token grants, as real registries' policies do (e.g. no pull on a
   * repository of another project, which makes the registry refuse a cross-repository mount).
   */
  grant?: (account: string, access: { type: string; name: string; actions: string[] }, requested: string[]) => string[];
}

/** One request the issuer answered, for tests that count round-trips or check scopes. */
export interface TokenRequest {
  method: string;
  account?: string;
  scopes: string[];
  status: number;
}

export interface TokenIssuer {
  /** The realm the registry advertises in its Bearer challenge. */
  realm: string;
  requests(): TokenRequest[];
  stop(): Promise<void>;
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

const MAX_BODY = 64 * 1024;

function parseScope(scope: string): Access | undefined {
  // type:name:actions, where the name itself may hold a colon (a registry host with a port).
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((a) => a !== '');
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicUser(req: IncomingMessage, users: Record<string, string>): string | undefined | null {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Basic\s+(\S+)$/i.exec(h);
  if (m === null) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = decoded.slice(0, colon);
  const pass = users[user];
  return pass !== undefined && safeEqual(pass, decoded.slice(colon + 1)) ? user : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * A minimal Docker token server (GET with Basic credentials, and the OAuth2 POST form with
 * password and refresh_token grants). Known users get every action they ask for; anonymous and
 * wrong credentials get 401, so a test sees auth failures at the token step, as on ghcr.io.
 */
export async function startTokenIssuer(opts: TokenIssuerOptions): Promise<TokenIssuer> {
  const lifetime = opts.lifetimeSeconds ?? 60;
  const log: TokenRequest[] = [];
  const refreshTokens = new Map<string, string>();

  const issue = (account: string, scopes: string[]): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    const access = scopes
      .map(parseScope)
      .filter((a): a is Access => a !== undefined)
      .map((a) => (opts.grant ? { ...a, actions: opts.grant(account, a, scopes) } : a));
    const token = signJwt(opts.signer, {
      iss: opts.issuer,
      sub: account,
      // distribution 2.8 unmarshals aud into a string: an array here fails every request.
      aud: opts.service,
      exp: now + lifetime,
      nbf: now - 5,
      iat: now,
      jti: randomBytes(12).toString('hex'),
      access,
    });
    return { token, access_token: token, expires_in: lifetime, issued_at: new Date(now * 1000).toISOString() };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<TokenRequest> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: TokenRequest = { method: req.method ?? '', scopes: [], status: 0 };
    const reply = (status: number, body: object, headers?: Record<string, string>): TokenRequest => {
      send(res, status, body, headers);
      entry.status = status;
      return entry;
    };
    const unauthorized = (): TokenRequest =>
      reply(
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        {
          'www-authenticate': 'Basic realm="bydigest test token issuer"',
        },
      );
    if (url.pathname !== '/token') return reply(404, { errors: [{ code: 'NOT_FOUND' }] });

    if (req.method === 'GET') {
      entry.scopes = url.searchParams
        .getAll('scope')
        .flatMap((s) => s.split(' '))
        .filter((s) => s !== '');
      const user = basicUser(req, opts.users);
      if (user === undefined || user === null) return unauthorized();
      entry.account = user;
      return reply(200, issue(user, entry.scopes));
    }

    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      entry.scopes = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
      let user: string | undefined;
      let refresh: string | undefined;
      if (form.get('grant_type') === 'password') {
        const name = form.get('username') ?? '';
        const pass = opts.users[name];
        if (pass !== undefined && safeEqual(pass, form.get('password') ?? '')) user = name;
        if (user !== undefined && form.get('access_type') === 'offline') {
          refresh = randomBytes(24).toString('hex');
          refreshTokens.set(refresh, user);
        }
      } else if (form.get('grant_type') === 'refresh_token') {
        refresh = form.get('refresh_token') ?? '';
        user = refreshTokens.get(refresh);
      } else {
        return reply(400, { error: 'unsupported_grant_type' });
      }
      if (user === undefined) return unauthorized();
      entry.account = user;
      const body = issue(user, entry.scopes);
      return reply(200, refresh === undefined ? body : { ...body, refresh_token: refresh });
    }
    return reply(405, { errors: [{ code: 'UNSUPPORTED' }] });
  };

  const server = createServer((req, res) => {
    handle(req, res).then(
      (entry) => log.push(entry),
      (e: unknown) => {
        if (!res.headersSent) send(res, 500, { error: String(e) });
        else res.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    realm: `http://127.0.0.1:${port}/token`,
    requests: () => [...log],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
