import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRepository, RegistryClient } from '@bydigest/core';
import { pushTestImage } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';

// Registries on S3 or GCS answer a blob GET with a redirect to pre-signed storage on
// another host. The client must follow it without sending its registry credentials there.
let reg: RunningRegistry;
let front: Server;
let storage: Server;
let frontHost: string;
const seenByStorage: IncomingHttpHeaders[] = [];

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

/** Forwards to the real registry, with the registry credentials added (a pre-signed URL). */
function forward(
  path: string,
  method: string,
  headers: IncomingHttpHeaders,
  res: import('node:http').ServerResponse,
): void {
  const target = new URL(reg.url);
  const up = request({ hostname: target.hostname, port: target.port, path, method, headers }, (r) => {
    res.writeHead(r.statusCode ?? 502, r.headers);
    r.pipe(res);
  });
  up.end();
}

beforeAll(async () => {
  reg = await startRegistry({ mode: 'basic' });
  const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
  storage = createServer((req, res) => {
    seenByStorage.push(req.headers);
    forward(req.url ?? '/', 'GET', { authorization: basic }, res);
  });
  const storagePort = await listen(storage, '127.0.0.2');
  front = createServer((req, res) => {
    if (req.method === 'GET' && /\/blobs\/sha256:/.test(req.url ?? '')) {
      res.writeHead(307, { location: `http://127.0.0.2:${storagePort}${req.url}` });
      return res.end();
    }
    const headers = { ...req.headers };
    const target = new URL(reg.url);
    const up = request(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    req.pipe(up);
  });
  frontHost = `127.0.0.1:${await listen(front, '127.0.0.1')}`;
});

afterAll(async () => {
  await new Promise((r) => front?.close(r));
  await new Promise((r) => storage?.close(r));
  await reg?.stop();
});

describe('redirects', () => {
  it('follows a blob redirect to another host without the Authorization header', async () => {
    const img = await pushTestImage(reg, 'redir/img', ['x'], { layerSizes: [5000] });
    const client = new RegistryClient({ credentials: { username: reg.username!, password: reg.password! } });
    try {
      const repo = parseRepository(`${frontHost}/redir/img`);
      const layer = img.layers[0]!;
      const bytes = await client.getBlob(repo, layer.digest);
      expect(bytes.equals(layer.bytes)).toBe(true);
    } finally {
      await client.close();
    }
    expect(seenByStorage.length).toBeGreaterThan(0);
    for (const h of seenByStorage) expect(h.authorization).toBeUndefined();
  });
});
