import { BydigestError } from '../../errors.js';
import { backoffMs, isBlobLinkRace, RETRYABLE_STATUS, sleep } from './http/retry.js';

export interface SettleOptions {
  /** Floor of the quiet window after our write. Default 150 ms. */
  minQuietMs?: number;
  /** Ceiling of the quiet window. Default 3 s. */
  maxQuietMs?: number;
  /** Quiet window once another writer has been seen. Default 1 s. */
  contendedQuietMs?: number;
  /** Read-modify-write rounds before giving up. Default 12. */
  maxRounds?: number;
  /** Overall time limit. Default 60 s. */
  timeoutMs?: number;
  /**
   * A merged state whose read is older than this is read again instead of written: a write
   * that lands after another writer's quiet window has closed could drop that writer's entry.
   * Default: the quiet floor (minQuietMs), or twice the read's own duration when the registry
   * (or the machine) is slow: other writers' windows (4x their read-modify-write) grow with it.
   */
  maxStaleMs?: number;
  /**
   * Called once, when our entry is first in place (written, or found there), before the quiet
   * window: a caller may start dependent work then instead of after the window.
   */
  onInPlace?: () => void;
}

export interface SettleReport {
  rounds: number;
  writes: number;
  contended: boolean;
}

export interface ReadModifyWrite<S> {
  read: () => Promise<S>;
  /** Everything this writer must see present (its own entry and every entry it saw before). */
  satisfied: (state: S) => boolean;
  /** The state to write, from the state read (slow preparation, e.g. uploading blobs, belongs here). */
  merge: (state: S) => Promise<S> | S;
  /**
   * One PUT of the merged state, not retried by the transport: a retry sent after a backoff
   * would replay a stale state. A transient failure here makes the next round read again.
   */
  write: (state: S) => Promise<void>;
  /** A stable identity of a state (e.g. the manifest digest), to notice other writers. */
  fingerprint: (state: S) => string;
  what: string;
  /** Evidence of another writer the caller saw before the first round (checked after it). */
  contended?: () => boolean;
}

/**
 * Read-modify-write on a registry tag without compare-and-swap (distribution ignores
 * If-Match). After our write we keep re-reading until the tag has been quiet for longer
 * than a read-modify-write takes (4x ours, at least minQuietMs): a writer that read before
 * our write has then either written (and we see whether our entry survived) or cannot
 * write any more from its stale read. When another writer shows up, the window grows to
 * contendedQuietMs and restarts at each change. Cost without contention: the quiet window
 * and two or three GETs; none when the entry was already there and nothing was written.
 */
export async function appendUntilSettled<S>(op: ReadModifyWrite<S>, opts: SettleOptions = {}): Promise<SettleReport> {
  const minQuiet = opts.minQuietMs ?? 150;
  const maxQuiet = opts.maxQuietMs ?? 3000;
  const contendedQuiet = opts.contendedQuietMs ?? 1000;
  const maxRounds = opts.maxRounds ?? 12;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const maxStale = opts.maxStaleMs ?? minQuiet;
  let writes = 0;
  let failedWrites = 0;
  let attempted = false;
  let announced = false;
  let contended = false;

  // Not withRetry: a round is a read-modify-write and then a quiet watch whose length depends on
  // what was read, and a failed write is not retried as such (the next round's read tells
  // whether it landed). The backoffs between rounds are this loop's own.
  for (let round = 1; round <= maxRounds; round++) {
    const started = Date.now();
    let state = await op.read();
    const readAt = Date.now();
    if (!op.satisfied(state)) {
      state = await op.merge(state);
      // Slow preparation (a blob upload that was retried) makes the read stale: read again; the
      // prepared blobs are in place now, so the next merge is quick.
      if (Date.now() - readAt > Math.max(maxStale, 2 * (readAt - started)) && round < maxRounds) continue;
      attempted = true;
      try {
        await op.write(state);
      } catch (e) {
        // The write may or may not have landed (a reset after the body): the next read tells.
        if (!isTransient(e) || round >= maxRounds || Date.now() > deadline) throw e;
        await sleep(backoffMs(failedWrites++, 250, 4000));
        continue;
      }
      writes++;
    }
    const rmwMs = Date.now() - started;
    if (op.contended?.()) contended = true;
    if (!announced) {
      announced = true;
      opts.onInPlace?.();
    }
    // Nothing written (not even a write that failed but may have landed), nothing of ours at
    // stake: the entry was there before this read, so a writer that read after it appeared
    // keeps it, and one that read earlier is the concern of whoever wrote it (their window).
    if (!attempted && !contended) return { rounds: round, writes, contended };
    let quietMs = Math.min(maxQuiet, Math.max(minQuiet, 4 * rmwMs));
    if (contended) quietMs = Math.max(quietMs, contendedQuiet);
    let last = op.fingerprint(state);
    let quietSince = Date.now();
    let lost = false;
    while (Date.now() - quietSince < quietMs) {
      if (Date.now() > deadline) break;
      await sleep(Math.max(10, Math.min(quietMs / 3, quietMs - (Date.now() - quietSince))));
      const seen = await op.read();
      const fp = op.fingerprint(seen);
      if (fp !== last) {
        // Someone else wrote: keep watching until they are done.
        contended = true;
        quietMs = Math.max(quietMs, contendedQuiet);
        last = fp;
        quietSince = Date.now();
      }
      if (!op.satisfied(seen)) {
        lost = true;
        break;
      }
    }
    if (!lost) return { rounds: round, writes, contended };
    if (Date.now() > deadline) break;
    // Back off a little, with jitter, so racing writers do not keep colliding in lockstep.
    await sleep(20 + Math.random() * 80 * round);
  }
  throw new BydigestError(
    'CONFLICT',
    `${op.what}: other writers kept overwriting it; our entry is not there after ${maxRounds} attempts`,
    {
      hint: 'another job may be writing to the same tag in a loop; re-run this step',
    },
  );
}

/**
 * A failure worth reading the state again for: the connection broke, a 408/429/5xx answer,
 * or distribution's blob-link race (it rewrites a repository's link file on every upload of
 * a blob, so a manifest PUT that reads it mid-rewrite, while another job uploads the same
 * payload, is told the blob is unknown although it is there).
 */
function isTransient(e: unknown): boolean {
  if (!(e instanceof BydigestError)) return false;
  if (isBlobLinkRace(e)) return true;
  return e.code === 'NETWORK' || (e.status !== undefined && RETRYABLE_STATUS.has(e.status));
}
