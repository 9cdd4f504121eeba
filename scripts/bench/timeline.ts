// Diagnostics for `pnpm bench`: runs one of our actions (or cosign) through a logging proxy and
// prints when each request started and ended, relative to the process start, to see where the
// time goes (start-up, key derivation, settle window, request count).
//   pnpm exec tsx scripts/bench/timeline.ts sign|verify|attach|promote|cosign-sign|cosign-verify [rounds]
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { classify } from '../../test/harness/fault-proxy.js';
import { peer } from '../../test/harness/peers.js';
import { pushTestImage } from '../../test/harness/push.js';
import { startRegistry } from '../../test/harness/registry.js';
import { REPO_ROOT, runAction } from '../../test/harness/runner.js';
import { keyFixture, spdxFixture } from './fixtures.js';
import { runMeasured } from './proc.js';

const ACTIONS: Record<string, string> = {
  sign: 'sign-digest',
  verify: 'verify-digest',
  attach: 'attach-sbom',
  promote: 'promote-preserve-digest',
};
const which = process.argv[2] ?? 'sign';
const rounds = Number(process.argv[3] ?? 3);
if (!(which in ACTIONS) && which !== 'cosign-sign' && which !== 'cosign-verify') throw new Error(`unknown ${which}`);

const fixtures = join(REPO_ROOT, '.cache', 'bench', 'fixtures');
const key = await keyFixture(fixtures);
const spdx = which === 'attach' ? await spdxFixture(fixtures, 4_000_000) : undefined;
const reg = await startRegistry({ mode: 'none' });
const target = new URL(reg.url);
let t0 = 0;
const events: string[] = [];
// TIMELINE_LATENCY_MS=20 holds each request that long before forwarding it (a remote registry).
const latencyMs = Number(process.env.TIMELINE_LATENCY_MS ?? 0);
const server = createServer((req, res) => {
  if (latencyMs > 0) {
    req.pause();
    setTimeout(() => handle(req, res), latencyMs);
  } else handle(req, res);
});
function handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  const start = performance.now() - t0;
  const op = classify(req.method ?? 'GET', req.url ?? '/');
  const up = request(
    { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
      r.on('end', () =>
        events.push(
          `${start.toFixed(0).padStart(5)} → ${(performance.now() - t0).toFixed(0).padStart(5)} ms  ${op} ${r.statusCode} ${req.url?.slice(0, 90)}`,
        ),
      );
    },
  );
  up.on('error', () => res.destroy());
  req.pipe(up);
}
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
const env: Record<string, string> = { COSIGN_PASSWORD: key.password, REGISTRY_AUTH_FILE: reg.authFile };
// TIMELINE_REQUIRE=file.cjs preloads a tracing hook into the action process (its stderr is printed).
if (process.env.TIMELINE_REQUIRE)
  env.NODE_OPTIONS = `--require ${process.env.TIMELINE_REQUIRE} ${process.env.TIMELINE_NODE_OPTIONS ?? ''}`;
try {
  for (let round = 0; round < rounds; round++) {
    const repo = `timeline/${which}-${round}`;
    const img = await pushTestImage(reg, repo, ['latest'], { layerSizes: [1024, 2048] });
    const ref = `${host}/${repo}@${img.digest}`;
    if (which.endsWith('verify'))
      await runAction('sign-digest', {
        inputs: { 'image-ref': `${reg.host}/${repo}@${img.digest}`, key: key.keyFile },
        env,
      });
    events.length = 0;
    t0 = performance.now();
    if (which.startsWith('cosign-')) {
      const args =
        which === 'cosign-sign'
          ? ['sign', '--key', key.keyFile, '--tlog-upload=false', '--allow-http-registry', '-y', ref]
          : ['verify', '--key', key.pubFile, '--insecure-ignore-tlog=true', '--allow-http-registry', ref];
      const r = await runMeasured(peer('cosign-2.5'), args, {
        env: { ...process.env, ...reg.clientEnv, COSIGN_PASSWORD: key.password },
      });
      console.log(`\n--- ${which} round ${round}: exit ${r.code}, ${r.ms.toFixed(0)} ms`);
      for (const e of events) console.log(e);
      if (r.code !== 0) console.log(r.stderr.slice(0, 3000));
      continue;
    }
    const inputs: Record<string, string> =
      which === 'sign'
        ? { 'image-ref': ref, key: key.keyFile }
        : which === 'verify'
          ? { 'image-ref': ref, 'public-key': key.pubFile }
          : which === 'attach'
            ? { 'image-ref': ref, sbom: spdx!.file, key: key.keyFile }
            : { source: ref, tags: 'a b c' };
    const name = ACTIONS[which]!;
    const r = await runAction(name, { inputs, env, post: false });
    console.log(`\n--- ${name} round ${round}: exit ${r.main.code}, ${r.main.durationMs} ms`);
    for (const e of events) console.log(e);
    if (r.main.code !== 0) console.log(r.main.stdout.slice(0, 3000));
    if (process.env.TIMELINE_REQUIRE) console.log(r.main.stderr);
  }
} finally {
  server.close();
  await reg.stop();
}
