import type { Readable } from 'node:stream';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { BydigestError } from '../../../errors.js';
import { parseChallenge, type Challenge } from '../auth/challenge.js';
import type { CredentialResolver, Credentials } from '../auth/credentials.js';
import { isLoopbackHost } from '../../reference.js';
import {
  done,
  errorCode,
  isRetryableError,
  RETRYABLE_STATUS,
  retryAfter,
  retryAfterMs,
  withRetry,
  type AttemptResult,
  type RetryPolicy,
} from './retry.js';
import { TokenCache, type Scope } from './tokens.js';

export type { Scope } from './tokens.js';

export interface RequestEvent {
  method: string;
  operation: string;
  url: string;
  status: number | undefined;
  attempt: number;
  error?: string;
}

export interface TransportOptions {
  credentials?: CredentialResolver;
  /** Attempts after the first, for retryable failures. Default 3. */
  retries?: number;
  /** Allow plain HTTP and unverified TLS for hosts that are not loopback. */
  insecure?: boolean;
  /** Extra CA certificates (PEM) to trust. */
  ca?: string | Buffer;
  /** Headers and body inactivity timeout. Default 60 s. */
  timeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number; retryAfterCapMs?: number };
  userAgent?: string;
  onRequest?: (e: RequestEvent) => void;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** `/v2/…` on the registry, or an absolute URL (an upload Location). */
  path: string;
  headers?: Record<string, string>;
  /** Made anew for every attempt, so a streamed body can be replayed. */
  body?: () => Buffer | Readable | AsyncIterable<Uint8Array>;
  scopes: Scope[];
  operation: string;
  reference: string;
  /** Statuses returned to the caller rather than thrown. Default: 2xx. */
  accept?: (status: number) => boolean;
  /** Set false when a retry must be decided by the caller (a blob PUT on an upload session). */
  retry?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
  url: string;
}

const ok2xx = (s: number) => s >= 200 && s < 300;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One registry host: scheme detection, the Basic/Bearer dance with a scope-keyed token
 * cache, retries with jittered backoff (Retry-After honoured), and redirects that never
 * carry Authorization to another host.
 */
export class RegistryTransport {
  readonly host: string;
  private scheme: 'https' | 'http' | undefined;
  private challenge: Challenge | undefined;
  private credentials: Promise<Credentials | undefined> | undefined;
  private readonly tokens: TokenCache;
  private readonly mayUsePlainHttp: boolean;
  private readonly dispatcher: Dispatcher;
  private readonly retries: number;
  private readonly backoff: { baseMs: number; maxMs: number; retryAfterCapMs: number };

  constructor(
    host: string,
    private readonly opts: TransportOptions = {},
  ) {
    this.host = host;
    this.retries = opts.retries ?? 3;
    this.backoff = { baseMs: 250, maxMs: 8000, retryAfterCapMs: 30_000, ...opts.backoff };
    const timeout = opts.timeoutMs ?? 60_000;
    const connect: Record<string, unknown> = {};
    if (opts.ca) connect.ca = opts.ca;
    if (opts.insecure && !isLoopbackHost(host)) connect.rejectUnauthorized = false;
    this.dispatcher = new Agent({
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connectTimeout: Math.min(timeout, 30_000),
      keepAliveTimeout: 10_000,
      connections: 16,
      connect,
    });
    this.tokens = new TokenCache((scopes) => this.fetchToken(scopes));
    this.mayUsePlainHttp = isLoopbackHost(host) || opts.insecure === true;
    if (!this.mayUsePlainHttp) this.scheme = 'https';
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private get policy(): RetryPolicy {
    return { retries: this.retries, baseMs: this.backoff.baseMs, maxMs: this.backoff.maxMs };
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const accept = req.accept ?? ok2xx;
    // Kept across attempts: a registry gets one fresh challenge per request, not one per attempt.
    const auth = { retried: false, extraScope: undefined as string | undefined };
    const retrying = req.retry !== false;
    return withRetry(this.policy, async (attempt) => {
      // A TLS fallback and an auth challenge repeat the attempt without counting as one.
      for (;;) {
        const url = await this.urlFor(req.path);
        let res: Dispatcher.ResponseData;
        try {
          res = await this.send(req, url, auth.extraScope);
        } catch (e) {
          this.emit(req, url, undefined, attempt, e);
          if (url.startsWith('https:') && this.scheme !== 'https' && this.mayUsePlainHttp && isTlsMismatch(e)) {
            // A loopback (or insecure) registry that does not speak TLS: use plain HTTP from now on.
            this.scheme = 'http';
            continue;
          }
          const err = networkError(req, url, e);
          if (retrying && isRetryableError(e)) return retryAfter(err);
          throw err;
        }
        this.scheme ??= url.startsWith('https:') ? 'https' : 'http';
        const headers = flattenHeaders(res.headers);
        this.emit(req, url, res.statusCode, attempt);

        if (res.statusCode === 401 && !auth.retried) {
          const challenge = parseChallenge(headers['www-authenticate']);
          // Without a challenge the 401 is final and its body is the error's: statusError reads it
          // (a body dumped here first could never be read, and an empty one left the request hanging).
          if (challenge) {
            await res.body.dump();
            // A 401 despite a token means it expired or lacks a scope: fetch afresh.
            if (this.challenge) this.tokens.clear();
            this.challenge = challenge;
            auth.extraScope = challenge.params.scope;
            auth.retried = true;
            continue;
          }
        }
        if (REDIRECTS.has(res.statusCode) && headers.location && (req.method === 'GET' || req.method === 'HEAD')) {
          await res.body.dump();
          return done(await this.followRedirect(req, new URL(headers.location, url).toString(), accept, 0));
        }
        return this.outcome(req, url, res, headers, accept, retrying);
      }
    });
  }

  /** A response's verdict: accepted, worth another attempt (408/429/5xx), or a final error. */
  private async outcome(
    req: HttpRequest,
    url: string,
    res: Dispatcher.ResponseData,
    headers: Record<string, string>,
    accept: (s: number) => boolean,
    retrying: boolean,
  ): Promise<AttemptResult<HttpResponse>> {
    if (accept(res.statusCode)) return done({ status: res.statusCode, headers, body: res.body, url });
    const err = await statusError(req, res.statusCode, headers, res.body);
    if (retrying && RETRYABLE_STATUS.has(res.statusCode))
      return retryAfter(err, retryAfterMs(headers['retry-after'], this.backoff.retryAfterCapMs));
    throw err;
  }

  private async followRedirect(
    req: HttpRequest,
    url: string,
    accept: (s: number) => boolean,
    depth: number,
  ): Promise<HttpResponse> {
    if (depth >= 5)
      throw new BydigestError('REGISTRY', `${req.operation} ${req.reference}: too many redirects`, {
        operation: req.operation,
        reference: req.reference,
      });
    const sameHost = new URL(url).host === this.host;
    return withRetry(this.policy, async (attempt) => {
      let res: Dispatcher.ResponseData;
      try {
        const headers = { ...req.headers };
        if (sameHost) Object.assign(headers, await this.authHeaders(req.scopes));
        res = await undiciRequest(url, { method: req.method, headers, dispatcher: this.dispatcher });
      } catch (e) {
        this.emit(req, url, undefined, attempt, e);
        if (isRetryableError(e)) return retryAfter(networkError(req, url, e));
        throw networkError(req, url, e);
      }
      const headers = flattenHeaders(res.headers);
      this.emit(req, url, res.statusCode, attempt);
      if (REDIRECTS.has(res.statusCode) && headers.location) {
        await res.body.dump();
        return done(await this.followRedirect(req, new URL(headers.location, url).toString(), accept, depth + 1));
      }
      return this.outcome(req, url, res, headers, accept, true);
    });
  }

  private async send(req: HttpRequest, url: string, extraScope: string | undefined): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = { 'user-agent': this.opts.userAgent ?? 'bydigest', ...req.headers };
    Object.assign(headers, await this.authHeaders(req.scopes, extraScope));
    return undiciRequest(url, {
      method: req.method,
      headers,
      body: req.body ? toBody(req.body()) : null,
      dispatcher: this.dispatcher,
      // undici closes the connection after every HEAD unless told otherwise (for servers that send
      // a body with it; registries do not): a new TCP connection per HEAD, a third of an audit's time.
      ...(req.method === 'HEAD' ? { reset: false } : {}),
    });
  }

  private async authHeaders(scopes: Scope[], extraScope?: string): Promise<Record<string, string>> {
    const challenge = this.challenge;
    if (!challenge) return {};
    if (challenge.scheme === 'basic') {
      const creds = await this.getCredentials();
      if (!creds || creds.kind !== 'basic') {
        throw new BydigestError('UNAUTHORIZED', `${this.host} requires a username and password and none were found`, {
          status: 401,
          hint: 'give registry credentials, or log in first (podman/skopeo/docker login) so an auth file has them',
        });
      }
      return { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` };
    }
    const token = await this.tokens.get(scopes, extraScope);
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  private getCredentials(): Promise<Credentials | undefined> {
    this.credentials ??= this.opts.credentials ? this.opts.credentials(this.host) : Promise.resolve(undefined);
    return this.credentials;
  }

  private async fetchToken(scopeStrings: string[]): Promise<{ token: string; expiresInSec: number } | undefined> {
    const params = this.challenge?.params ?? {};
    const realm = params.realm;
    if (!realm)
      throw new BydigestError('UNAUTHORIZED', `${this.host} sent a Bearer challenge without a realm`, { status: 401 });
    const creds = await this.getCredentials();
    const operation = 'fetch token';
    const reference = realm;
    return withRetry(this.policy, async (attempt) => {
      let res: Dispatcher.ResponseData;
      try {
        if (creds?.kind === 'refresh') {
          const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: creds.refreshToken,
            client_id: 'bydigest',
          });
          if (params.service) form.set('service', params.service);
          if (scopeStrings.length > 0) form.set('scope', scopeStrings.join(' '));
          res = await undiciRequest(realm, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
            dispatcher: this.dispatcher,
          });
        } else {
          const u = new URL(realm);
          if (params.service) u.searchParams.set('service', params.service);
          for (const s of scopeStrings) u.searchParams.append('scope', s);
          const headers: Record<string, string> = {};
          if (creds?.kind === 'basic')
            headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
          res = await undiciRequest(u, { method: 'GET', headers, dispatcher: this.dispatcher });
        }
      } catch (e) {
        this.opts.onRequest?.({
          method: 'GET',
          operation,
          url: realm,
          status: undefined,
          attempt,
          error: String(errorCode(e) ?? e),
        });
        const err = new BydigestError('NETWORK', `${operation} from ${realm} failed: ${describeError(e)}`, {
          operation,
          reference,
          cause: e,
        });
        if (isRetryableError(e)) return retryAfter(err);
        throw err;
      }
      this.opts.onRequest?.({ method: 'GET', operation, url: realm, status: res.statusCode, attempt });
      if (res.statusCode === 200) {
        const body = (await res.body.json()) as { token?: string; access_token?: string; expires_in?: number };
        const token = body.token ?? body.access_token;
        if (!token)
          throw new BydigestError('UNAUTHORIZED', `token endpoint ${realm} answered without a token`, {
            operation,
            reference,
          });
        return done({
          token,
          expiresInSec: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60,
        });
      }
      await res.body.dump();
      const err = new BydigestError(
        'UNAUTHORIZED',
        `${this.host}: the token endpoint refused ${creds ? `the credentials for ${creds.username}` : 'anonymous access'} (HTTP ${res.statusCode})`,
        {
          operation,
          reference,
          status: res.statusCode,
          hint: creds ? 'check the username/password or the token scope' : 'give registry credentials, or log in first',
        },
      );
      if (RETRYABLE_STATUS.has(res.statusCode)) return retryAfter(err);
      throw err;
    });
  }

  private async urlFor(path: string): Promise<string> {
    if (/^https?:\/\//.test(path)) return path;
    return `${this.scheme ?? 'https'}://${this.host}${path}`;
  }

  private emit(req: HttpRequest, url: string, status: number | undefined, attempt: number, error?: unknown): void {
    if (!this.opts.onRequest) return;
    const e: RequestEvent = { method: req.method, operation: req.operation, url, status, attempt };
    if (error !== undefined) e.error = errorCode(error) ?? String(error);
    this.opts.onRequest(e);
  }
}

/** undici takes async iterables at run time; its v6 types do not say so. */
function toBody(body: Buffer | Readable | AsyncIterable<Uint8Array>): Buffer | Readable {
  return body as Buffer | Readable;
}

function isTlsMismatch(e: unknown): boolean {
  const code = errorCode(e) ?? '';
  const msg = e instanceof Error ? `${e.message} ${String((e as { cause?: Error }).cause?.message ?? '')}` : '';
  // A plain-HTTP server answers a ClientHello with a 400 (OpenSSL: "wrong version number")
  // or just closes the connection during the handshake.
  return (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL') ||
    /wrong version number|packet length too long|ssl|before secure TLS connection/i.test(msg)
  );
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export function describeError(e: unknown): string {
  const code = errorCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  return code && !msg.includes(code) ? `${msg} (${code})` : msg;
}

function networkError(req: HttpRequest, url: string, e: unknown): BydigestError {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  return new BydigestError('NETWORK', `${req.operation} ${req.reference}: cannot reach ${host}: ${describeError(e)}`, {
    operation: req.operation,
    reference: req.reference,
    cause: e,
    hint: 'check the registry address and that it is up; loopback registries may use plain HTTP, others need TLS unless `insecure: true`',
  });
}

async function statusError(
  req: HttpRequest,
  status: number,
  headers: Record<string, string>,
  body: Dispatcher.ResponseData['body'],
): Promise<BydigestError> {
  let detail = '';
  const registryCodes: string[] = [];
  try {
    const text = req.method === 'HEAD' ? '' : (await body.text()).slice(0, 4096);
    if (text) {
      try {
        const parsed = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] };
        const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
        for (const x of errors) if (typeof x?.code === 'string') registryCodes.push(x.code);
        detail = errors
          .map((x) => [x?.code, x?.message].filter((v) => typeof v === 'string' && v !== '').join(': '))
          .join('; ');
      } catch {
        detail = text.split('\n')[0]?.slice(0, 200) ?? '';
      }
    }
  } catch {
    // The body is only decoration for the message.
  }
  const code = status === 404 ? 'NOT_FOUND' : status === 401 || status === 403 ? 'UNAUTHORIZED' : 'REGISTRY';
  const hint =
    status === 401 || status === 403
      ? 'check that the credentials (given, or from an auth file) may push and pull this repository'
      : undefined;
  void headers;
  return new BydigestError(code, `${req.operation} ${req.reference}: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
    operation: req.operation,
    reference: req.reference,
    status,
    ...(hint ? { hint } : {}),
    ...(registryCodes.length > 0 ? { registryCodes } : {}),
  });
}
