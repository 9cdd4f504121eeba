import { describe, expect, it } from '@jest/globals';
import { limiter } from '../../src/util/map-limit.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('limiter', () => {
  it('runs at most `limit` at once, starts the rest in arrival order, and returns each result', async () => {
    const gate = limiter(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gate(async () => {
          started.push(i);
          most = Math.max(most, ++running);
          await tick();
          running--;
          return i * 2;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it('frees the slot of a function that fails, and passes the failure on', async () => {
    const gate = limiter(1);
    await expect(gate(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate(async () => 'next')).resolves.toBe('next');
  });
});
