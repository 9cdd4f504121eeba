import { describe, it, expect } from '@jest/globals';
import { peer, runPeer, type PeerName } from './peers.js';
import { run } from './run.js';

describe('peers', () => {
  it('finds every peer the interop tests use', () => {
    const names: PeerName[] = ['skopeo', 'crane', 'oras-1.2', 'oras-1.3', 'cosign-2.5', 'cosign-3.1', 'ntfy'];
    for (const n of names) expect(peer(n)).toMatch(new RegExp(`/\\.cache/peers/bin/${n.replace('.', '\\.')}$`));
  });

  it('names the install script when a peer is missing', () => {
    expect(() => peer('no-such-peer' as PeerName)).toThrow(/run scripts\/install-test-peers\.sh/);
  });

  it('runs a peer and returns its output', async () => {
    const r = await runPeer('crane', ['version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).not.toBe('');
  });

  it('kills a program that outlives its timeout', async () => {
    const t0 = Date.now();
    const r = await run('sleep', ['30'], { timeoutMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
