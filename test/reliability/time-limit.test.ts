import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseReference, RegistryClient } from '@bydigest/core';
import { requestBudgetMs, runTimeLimitMs, START_MS, SETTLE_DEADLINE_MS } from './lib/time-limit.js';

/**
 * The run time limit is only as good as the per-request budget under it: these drive the real
 * client against a loopback server that fails every attempt (the worst case the budget assumes)
 * and check the client gives up within the budget, and not so far below it that the bound is
 * meaningless.
 */

const servers: Server[] = [];
const hanging: ServerResponse[] = [];
afterEach(async () => {
  for (const res of hanging.splice(0)) res.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handle: (res: ServerResponse) => void): Promise<{ host: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    handle(res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

async function timeToGiveUp(host: string, retries: number, timeoutMs: number): Promise<number> {
  const client = new RegistryClient({ retries, timeoutMs });
  const t0 = Date.now();
  try {
    await expect(client.headManifest(parseReference(`${host}/t/r:x`))).rejects.toThrow();
  } finally {
    await client.close();
  }
  return Date.now() - t0;
}

describe('run time limit: the retry budget', () => {
  it('grows with retries, requests and settles, from the transport own numbers', () => {
    expect(requestBudgetMs(1, 1000)).toBeLessThan(requestBudgetMs(3, 1000));
    // 4 attempts × (header + body timeout) + three waits, each at least the proxy's 1 s Retry-After.
    expect(requestBudgetMs(3, 1000)).toBeGreaterThanOrEqual(4 * 2 * 1000 + 3 * 1000);
    expect(runTimeLimitMs(3, { requests: 0, settles: 0 })).toBe(START_MS);
    expect(runTimeLimitMs(3, { requests: 10, settles: 2 })).toBe(
      START_MS + 10 * requestBudgetMs(3) + 2 * SETTLE_DEADLINE_MS,
    );
  });

  it('covers a request whose every attempt stalls (header timeout each time)', async () => {
    const srv = await serve((res) => hanging.push(res));
    const retries = 2;
    const took = await timeToGiveUp(srv.host, retries, 300);
    expect(srv.hits()).toBe(retries + 1);
    // Each attempt is late by undici's timer slack (~1 s for a 300 ms timeout); the budget allows
    // for it on the header and the body timeout alike, so one stalled header uses about half.
    expect(took).toBeLessThan(requestBudgetMs(retries, 300));
    expect(took).toBeGreaterThan(requestBudgetMs(retries, 300) / 4);
  }, 30_000);

  it("covers a request whose every attempt is a 429 with the proxy's Retry-After", async () => {
    const srv = await serve((res) => {
      res.writeHead(429, { 'retry-after': '1', 'content-length': '0' });
      res.end();
    });
    const retries = 2;
    const took = await timeToGiveUp(srv.host, retries, 300);
    expect(srv.hits()).toBe(retries + 1);
    expect(took).toBeGreaterThanOrEqual(retries * 1000 - 50);
    expect(took).toBeLessThan(requestBudgetMs(retries, 300));
  }, 30_000);
});
