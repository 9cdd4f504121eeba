import { describe, expect, it } from '@jest/globals';
import { appendUntilSettled, type ReadModifyWrite } from '../../src/oci/remote/settle.js';

// The algorithm on a tag held in memory: what it reads and writes, and when it stops watching.
// (The registry-backed behaviour, races included, is covered by test/sign-concurrency.test.ts.)
function tagOp(tag: { entries: string[] }, mine: string, log: string[]): ReadModifyWrite<string[]> {
  return {
    what: 'test tag',
    read: async () => {
      log.push('read');
      return [...tag.entries];
    },
    satisfied: (s) => s.includes(mine),
    merge: (s) => [...s, mine],
    write: async (s) => {
      log.push('write');
      tag.entries = s;
    },
    fingerprint: (s) => s.join(','),
  };
}

describe('appendUntilSettled', () => {
  it('writes once, then keeps reading for the quiet window', async () => {
    const tag = { entries: ['other'] };
    const log: string[] = [];
    const started = Date.now();
    const report = await appendUntilSettled(tagOp(tag, 'ours', log), { minQuietMs: 60 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(report).toEqual({ rounds: 1, writes: 1, contended: false });
    expect(tag.entries).toEqual(['other', 'ours']);
    expect(log.slice(0, 2)).toEqual(['read', 'write']);
    expect(log.filter((l) => l === 'read').length).toBeGreaterThanOrEqual(3);
  });

  it('does not wait when the entry is already there and nothing was written', async () => {
    const tag = { entries: ['ours'] };
    const log: string[] = [];
    const started = Date.now();
    const report = await appendUntilSettled(tagOp(tag, 'ours', log), { minQuietMs: 500 });
    expect(Date.now() - started).toBeLessThan(400);
    expect(report).toEqual({ rounds: 1, writes: 0, contended: false });
    expect(log).toEqual(['read']);
  });

  it('still watches when another writer was seen before the first round', async () => {
    const tag = { entries: ['ours'] };
    const log: string[] = [];
    const report = await appendUntilSettled(
      { ...tagOp(tag, 'ours', log), contended: () => true },
      { minQuietMs: 20, contendedQuietMs: 60 },
    );
    expect(report.contended).toBe(true);
    expect(log.length).toBeGreaterThan(1);
  });

  it('writes again when a racing writer drops our entry inside the window', async () => {
    const tag = { entries: [] as string[] };
    const log: string[] = [];
    const op = tagOp(tag, 'ours', log);
    let dropped = false;
    const racing: ReadModifyWrite<string[]> = {
      ...op,
      read: async () => {
        // After our first write, a writer that read before it lands its stale state.
        if (!dropped && tag.entries.includes('ours')) {
          dropped = true;
          tag.entries = ['theirs'];
        }
        return op.read();
      },
    };
    const report = await appendUntilSettled(racing, { minQuietMs: 30 });
    expect(report.writes).toBe(2);
    expect(report.contended).toBe(true);
    expect(tag.entries).toEqual(['theirs', 'ours']);
  });

  it('fails with CONFLICT after maxRounds when the entry keeps disappearing', async () => {
    const tag = { entries: [] as string[] };
    const op = tagOp(tag, 'ours', []);
    const hostile: ReadModifyWrite<string[]> = {
      ...op,
      write: async (s) => {
        await op.write(s);
        tag.entries = ['theirs'];
      },
    };
    await expect(
      appendUntilSettled(hostile, { minQuietMs: 10, contendedQuietMs: 10, maxRounds: 3 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
