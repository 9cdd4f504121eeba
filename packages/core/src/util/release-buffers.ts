import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (opts: { type: 'minor' | 'major' }) => void;

let collect: Collect | undefined | null = null;
let sinceMinor = 0;
let sinceMajor = 0;

/** Spent bytes (process-wide) between two scavenges, and between two full collections. */
const MINOR_EVERY = 8 * 1024 * 1024;
const MAJOR_EVERY = 48 * 1024 * 1024;

/**
 * Counts `bytes` of short-lived Buffers a stream has passed on (a decompressor's output, a
 * response body's chunks) and frees them as they build up. Streaming gigabytes makes ~1 GB/s of
 * such Buffers whose memory lives outside the JS heap; V8 collects them only once ~64 MB has built
 * up, which alone would put a walk over its memory budget. A scavenge frees most of them for well
 * under a millisecond; the few that were in flight during one survive it and wait for a full
 * collection (10–20 ms of a ~10 MB heap), so those are rarer. The two periods trade time for peak
 * memory (docs/benchmarks.md). No-op where the runtime refuses to expose the collector.
 */
export function releaseBuffers(bytes: number): void {
  sinceMinor += bytes;
  if (sinceMinor < MINOR_EVERY) return;
  sinceMajor += sinceMinor;
  sinceMinor = 0;
  const major = sinceMajor >= MAJOR_EVERY;
  if (major) sinceMajor = 0;
  collector()?.({ type: major ? 'major' : 'minor' });
}

function collector(): Collect | undefined {
  if (collect === null) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as Collect;
    } catch {
      collect = undefined;
    }
  }
  return collect;
}
