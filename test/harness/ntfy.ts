// Debian's real ntfy server (trixie, unpacked by scripts/install-test-peers.sh) on a free
// loopback port. Anonymous visitors may read but not write (auth-default-access: read-only):
// a publish without credentials gets ntfy's own 403, and the `publisher` user may write, so a
// test reaches both answers of one real server. Messages are read back with the poll API.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './net.js';
import { peer, runPeerOk } from './peers.js';
import { stopChild, track } from './registry.js';
import { makeTempDir, removeDir } from './tmp.js';

export interface NtfyMessage {
  id: string;
  event: string;
  topic: string;
  title?: string;
  message?: string;
  priority?: number;
  tags?: string[];
  click?: string;
}

export interface RunningNtfy {
  url: string;
  username: string;
  password: string;
  /** The topic URL with the publisher's credentials in it, as a user would store the secret. */
  publishUrl(topic: string): string;
  /** Every message on the topic so far (`GET /<topic>/json?poll=1`). */
  messages(topic: string): Promise<NtfyMessage[]>;
  logs(): string;
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 3;

export async function startNtfy(): Promise<RunningNtfy> {
  const dir = await makeTempDir('bydigest-ntfy-');
  const username = 'publisher';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const config = join(dir, 'server.yml');
  let logs = '';
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      await writeFile(
        config,
        [
          `listen-http: "127.0.0.1:${port}"`,
          `base-url: "${url}"`,
          `cache-file: "${join(dir, 'cache.db')}"`,
          `auth-file: "${join(dir, 'user.db')}"`,
          'auth-default-access: read-only',
          '',
        ].join('\n'),
      );
      const child = spawn(peer('ntfy'), ['serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
      track(child);
      logs = '';
      child.stdout.on('data', (b: Buffer) => (logs += b.toString()));
      child.stderr.on('data', (b: Buffer) => (logs += b.toString()));
      let exited = false;
      child.once('exit', () => (exited = true));
      const ready = await waitHealthy(url, () => exited, 10_000);
      if (!ready) {
        await stopChild(child);
        if (attempt < PORT_ATTEMPTS && /address already in use/.test(logs)) continue;
        throw new Error(`ntfy did not start:\n${logs}`);
      }
      // The server creates the user database; the user is added after, while it runs. The
      // password goes in by environment, as `ntfy user add` reads it, never in argv.
      try {
        await runPeerOk('ntfy', ['user', '--config', config, 'add', '--role=admin', username], {
          env: { NTFY_PASSWORD: password },
          timeoutMs: 30_000,
        });
      } catch (e) {
        await stopChild(child);
        throw e;
      }
      let stopped: Promise<void> | undefined;
      return {
        url,
        username,
        password,
        publishUrl: (topic) => `http://${username}:${password}@127.0.0.1:${port}/${topic}`,
        messages: async (topic) => {
          const res = await fetch(`${url}/${topic}/json?poll=1`, { signal: AbortSignal.timeout(5000) });
          if (!res.ok) throw new Error(`ntfy poll answered ${res.status}: ${await res.text()}`);
          const text = await res.text();
          return text
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => JSON.parse(l) as NtfyMessage)
            .filter((m) => m.event === 'message');
        },
        logs: () => logs,
        stop: () => (stopped ??= stopChild(child).then(() => removeDir(dir))),
      };
    }
  } catch (e) {
    await removeDir(dir);
    throw e;
  }
}

async function waitHealthy(url: string, exited: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited()) {
    try {
      const res = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok && ((await res.json()) as { healthy?: boolean }).healthy === true) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
