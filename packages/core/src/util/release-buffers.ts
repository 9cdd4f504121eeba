import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((opts?: { type: 'minor' | 'major' }) => void) | undefined | null = null;

/**
 * Frees the Buffers a stream has already passed on. Streaming gigabytes through gunzip makes
 * ~1 GB/s of short-lived Buffers whose memory lives outside the JS heap; V8 only collects them
 * once ~64 MB of such garbage has built up, which alone would put a walk over its memory
 * budget (157 MB peak on the 4 GiB benchmark image, 133 MB with this). A scavenge was not
 * enough (the wrappers outlive it); a full collection of a ~10 MB heap costs a few ms, every
 * 8 MiB of compressed input. No-op where the runtime refuses to expose the collector.
 */
export function releaseBuffers(): void {
  if (collect === null) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as typeof collect;
    } catch {
      collect = undefined;
    }
  }
  collect?.({ type: 'major' });
}
