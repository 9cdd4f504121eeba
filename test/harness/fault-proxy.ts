import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  '429-retry-after' | '429' | '500' | '502' | '503' | 'reset-before-body' | 'reset-after-body' | 'stall' | 'truncate';

export const ALL_FAULTS: Fault[] = [
  '429-retry-after',
  '429',
  '500',
  '502',
  '503',
  'reset-before-body',
  'reset-after-body',
  'stall',
  'truncate',
];

export interface FaultProxyOptions {
  /** The registry behind the proxy, e.g. http://127.0.0.1:5000 */
  target: string;
  /** Probability that a request gets a fault (0 = a plain counting proxy). */
  faultRate?: number;
  faults?: Fault[];
  /** Seed of the fault schedule: the same seed and request order give the same faults. */
  seed?: number;
  /** How long a stalled response hangs before the connection is dropped. */
  stallMs?: number;
  /** CA for an https target. */
  ca?: string;
  /** Seconds sent in Retry-After with '429-retry-after' (default 1). */
  retryAfterSeconds?: number;
  /**
   * A scripted schedule, consulted before the random one: return a fault to inject it, 'pass'
   * to forward the request untouched, or undefined to let the seeded schedule decide.
   * `n` counts requests of this operation so far (1 for the first).
   */
  decide?: (req: { operation: string; method: string; url: string; n: number }) => Fault | 'pass' | undefined;
  /**
   * Added to every forwarded request before it reaches the registry: a registry one round trip
   * of this many milliseconds away (GHCR from a hosted runner is ~10-40 ms), for benchmarks.
   */
  latencyMs?: number;
  /** Called for every request once its fate is known (after forwarding starts or the fault is chosen). */
  onRequest?: (e: { operation: string; method: string; url: string; fault?: Fault }) => void;
}

export interface FaultEvent {
  operation: string;
  fault: Fault;
}

export interface FaultProxy {
  /** host:port to put in image references instead of the registry's. */
  host: string;
  /** Requests per operation ("GET manifest", "PUT blob", …), faults included. */
  counts(): Record<string, number>;
  /** Requests that could change the registry (PUT, POST, PATCH, DELETE), faults included. */
  writes(): number;
  total(): number;
  faults(): FaultEvent[];
  reset(): void;
  setFaultRate(rate: number): void;
  stop(): Promise<void>;
}

/** What a registry request is, for counting: method + the kind of resource. */
export function classify(method: string, url: string): string {
  const path = url.split('?')[0] ?? url;
  if (/^\/v2\/?$/.test(path)) return `${method} /v2/`;
  if (/\/manifests\/[^/]+$/.test(path)) return `${method} manifest`;
  if (/\/blobs\/uploads\/[^/]+$/.test(path)) return `${method} upload`;
  if (/\/blobs\/uploads\/?$/.test(path)) return /[?&]mount=/.test(url) ? `${method} mount` : `${method} upload`;
  if (/\/blobs\/[^/]+$/.test(path)) return `${method} blob`;
  if (/\/tags\/list$/.test(path)) return `${method} tags`;
  if (/\/referrers\/[^/]+$/.test(path)) return `${method} referrers`;
  return `${method} other`;
}

/** mulberry32: small, seeded, good enough to make a fault schedule reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An HTTP proxy on loopback in front of the real registry: it counts requests per operation
 * and, at a set rate with a seeded schedule, answers 429 (with and without Retry-After),
 * 500/502/503, resets the connection before or after the request body reached the registry,
 * stalls, or cuts a response body short. The registry itself is never faked.
 */
export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const random = prng(opts.seed ?? 1);
  const kinds = opts.faults ?? ALL_FAULTS;
  let rate = opts.faultRate ?? 0;
  const counts: Record<string, number> = {};
  const events: FaultEvent[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const forward = (req: IncomingMessage, res: ServerResponse, after?: (upstream: IncomingMessage) => void): void => {
    const headers = { ...req.headers };
    const up = send(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (upstream) => {
        if (after) return after(upstream);
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  };

  const server = createServer((req, res) => {
    const operation = classify(req.method ?? 'GET', req.url ?? '/');
    counts[operation] = (counts[operation] ?? 0) + 1;
    // Both draws happen for every request, so a scripted decision does not shift the schedule.
    const roll = random();
    const pick = random();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const scripted = opts.decide?.({ operation, method, url, n: counts[operation] as number });
    let fault: Fault | undefined;
    if (scripted === 'pass') fault = undefined;
    else if (scripted !== undefined) fault = scripted;
    else if (rate > 0 && roll < rate) fault = kinds[Math.floor(pick * kinds.length)] as Fault;
    opts.onRequest?.({ operation, method, url, ...(fault ? { fault } : {}) });
    if (fault === undefined) {
      if (!opts.latencyMs) return forward(req, res);
      const t = setTimeout(() => {
        timers.delete(t);
        forward(req, res);
      }, opts.latencyMs);
      timers.add(t);
      return;
    }
    events.push({ operation, fault });
    const answer = (status: number, headers: Record<string, string> = {}) => {
      req.resume();
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `injected ${fault}` }] }));
    };
    switch (fault) {
      case '429-retry-after':
        return answer(429, { 'retry-after': String(opts.retryAfterSeconds ?? 1) });
      case '429':
        return answer(429);
      case '500':
        return answer(500);
      case '502':
        return answer(502);
      case '503':
        return answer(503);
      case 'reset-before-body':
        return req.socket.destroy();
      case 'reset-after-body':
        // The registry got the whole request (and may have acted on it); the client never hears.
        return forward(req, res, (upstream) => {
          upstream.resume();
          upstream.on('end', () => req.socket.destroy());
        });
      case 'stall': {
        req.resume();
        const t = setTimeout(() => {
          timers.delete(t);
          req.socket.destroy();
        }, opts.stallMs ?? 5000);
        timers.add(t);
        return;
      }
      case 'truncate':
        return forward(req, res, (upstream) => {
          const length = Number(upstream.headers['content-length'] ?? 0);
          if (req.method === 'HEAD' || length < 2) {
            // Nothing to cut: drop the connection instead.
            upstream.resume();
            return req.socket.destroy();
          }
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          let sent = 0;
          upstream.on('data', (chunk: Buffer) => {
            const room = Math.floor(length / 2) - sent;
            if (room > 0) {
              res.write(chunk.subarray(0, room));
              sent += Math.min(room, chunk.length);
            }
            if (sent >= Math.floor(length / 2)) {
              upstream.destroy();
              req.socket.destroy();
            }
          });
        });
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    writes: () => Object.entries(counts).reduce((a, [k, n]) => (/^(PUT|POST|PATCH|DELETE) /.test(k) ? a + n : a), 0),
    faults: () => [...events],
    reset: () => {
      for (const k of Object.keys(counts)) delete counts[k];
      events.length = 0;
    },
    setFaultRate: (r) => {
      rate = r;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
