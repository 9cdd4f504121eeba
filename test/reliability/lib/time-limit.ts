import { RegistryTransport } from '@bydigest/core';

/**
 * How long the harness lets one action run before it kills it (exit 128, which the campaign
 * counts as a violation). A kill must mean "hung", never "still inside its retry budget on a
 * busy machine": a fixed limit killed runs that were waiting out their own backoffs while other
 * work held both cores. So the limit is what the action may legitimately spend, from the
 * action's own numbers:
 *
 *   START_MS                                   node start, bundle load, key derivation, checks,
 *                                              on a loaded 2-core machine (the old fixed limit)
 * + requests × requestBudgetMs(retries)        every request may fail `retries` times
 * + settles × SETTLE_DEADLINE_MS               every read-modify-write loop may run to its deadline
 *
 * It is an upper bound, not a forecast: a run that is not hung ends long before it. The cost of
 * a generous bound falls only on a hung run, and the campaign reports that run as a violation.
 */

/** The actions' header/body timeout in the campaigns (BYDIGEST_HTTP_TIMEOUT_MS); a stall outlasts it. */
export const HTTP_TIMEOUT_MS = 1000;

/** What the fault proxy sends in Retry-After with '429-retry-after' (the client honours it, capped). */
export const RETRY_AFTER_SECONDS = 1;

/** Start-up and CPU work of a run that no retry setting changes. */
export const START_MS = 60_000;

/** appendUntilSettled's own deadline (packages/core/src/oci/remote/settle.ts, `timeoutMs` default). */
export const SETTLE_DEADLINE_MS = 60_000;

/**
 * How late undici's header and body timeouts fire: they run on its coarse timers (checked on a
 * ~500 ms tick, armed on the next tick), so a 1000 ms timeout fires after up to ~1500 ms and a
 * 300 ms one after ~1000 ms (measured: test/reliability/time-limit.test.ts).
 */
export const TIMER_SLACK_MS = 1000;

/** A run's request count when the campaign does not say; runCampaign checks it against the baseline. */
export const DEFAULT_REQUESTS_PER_RUN = 40;

export interface RunBudget {
  /** Upper bound of the requests one fault-free run of any shape makes (checked against the baseline). */
  requests: number;
  /** Read-modify-write loops (.sig and referrers-index appends) one run may settle. */
  settles: number;
}

interface Backoff {
  baseMs: number;
  maxMs: number;
  retryAfterCapMs: number;
}

/**
 * The transport's backoff, read from a transport built as the actions build theirs (no `backoff`
 * option: action-kit's registryClientFromInputs passes none), so a change there moves this limit.
 */
function transportBackoff(): Backoff {
  const t = new RegistryTransport('127.0.0.1:1', { retries: 0 });
  const backoff = (t as unknown as { backoff?: Backoff }).backoff;
  void t.close();
  if (
    !backoff ||
    !Number.isFinite(backoff.baseMs) ||
    !Number.isFinite(backoff.maxMs) ||
    !Number.isFinite(backoff.retryAfterCapMs)
  ) {
    throw new Error(
      'test/reliability/lib/time-limit.ts: RegistryTransport no longer keeps { baseMs, maxMs, retryAfterCapMs } in `backoff`; read the retry budget from where it lives now',
    );
  }
  return backoff;
}

let cached: Backoff | undefined;
const backoff = (): Backoff => (cached ??= transportBackoff());

/**
 * The longest one logical request can take with `retries` retries: every attempt waits out the
 * header timeout and then the body timeout (each an inactivity timeout, each late by up to the
 * timer slack), and between attempts the longest wait backoffMs can draw (its jitter stays below
 * the exponential step) or the proxy's Retry-After, whichever is longer.
 */
export function requestBudgetMs(retries: number, httpTimeoutMs = HTTP_TIMEOUT_MS): number {
  const b = backoff();
  const retryAfter = Math.min(RETRY_AFTER_SECONDS * 1000, b.retryAfterCapMs);
  let waits = 0;
  for (let attempt = 0; attempt < retries; attempt++)
    waits += Math.max(Math.min(b.maxMs, b.baseMs * 2 ** attempt), retryAfter);
  return (retries + 1) * 2 * (httpTimeoutMs + TIMER_SLACK_MS) + waits;
}

/** The harness's kill timer for one run with this `retries` input. */
export function runTimeLimitMs(retries: number, budget: RunBudget, httpTimeoutMs = HTTP_TIMEOUT_MS): number {
  return START_MS + budget.requests * requestBudgetMs(retries, httpTimeoutMs) + budget.settles * SETTLE_DEADLINE_MS;
}
