/** Statuses a registry (or the CDN in front of it) answers when trying again can help. */
export const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isRetryableError(e: unknown): boolean {
  const code = errorCode(e);
  if (code !== undefined && RETRYABLE_CODES.has(code)) return true;
  // A body cut short surfaces as a plain "terminated"/"aborted" error from undici.
  const msg = e instanceof Error ? e.message : '';
  return /terminated|other side closed|socket hang up|aborted/i.test(msg);
}

/** Retry-After in seconds or as an HTTP date; capped so a hostile value cannot stall a job. */
export function retryAfterMs(header: string | undefined, capMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, capMs);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - Date.now()), capMs);
}

/** Exponential backoff with full jitter in [d/2, d]. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const d = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(d / 2 + Math.random() * (d / 2));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** How often and how patiently one kind of operation is tried again. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseMs: number;
  maxMs: number;
}

/** One attempt's outcome: a value, or a failure worth another attempt (after `waitMs`, when the server named one). */
export type AttemptResult<T> = { done: T } | { retry: unknown; waitMs?: number | undefined };

export const done = <T>(value: T): AttemptResult<T> => ({ done: value });
export const retryAfter = (error: unknown, waitMs?: number): AttemptResult<never> => ({ retry: error, waitMs });

/**
 * The one retry loop: runs `attempt` until it is done, throws, or has failed `retries + 1`
 * times (then the last failure is thrown). Waits are jittered exponential backoff unless the
 * attempt names its own (Retry-After). An error an attempt throws is final.
 */
export async function withRetry<T>(policy: RetryPolicy, attempt: (n: number) => Promise<AttemptResult<T>>): Promise<T> {
  for (let n = 0; ; n++) {
    const result = await attempt(n);
    if ('done' in result) return result.done;
    if (n >= policy.retries) throw result.retry;
    await sleep(result.waitMs ?? backoffMs(n, policy.baseMs, policy.maxMs));
  }
}

/** An attempt that retries the failures `retryable` accepts and throws the others. */
export function retryingOn<T>(
  retryable: (e: unknown) => boolean,
  fn: (n: number) => Promise<T>,
): (n: number) => Promise<AttemptResult<T>> {
  return async (n) => {
    try {
      return done(await fn(n));
    } catch (e) {
      if (retryable(e)) return retryAfter(e);
      throw e;
    }
  };
}

/**
 * distribution rewrites a repository's link file on every upload of a blob, so a manifest PUT
 * that checks the link mid-rewrite (another job uploading the same small blob) is told the
 * blob is unknown although it is there. Told by the registry's error codes, not its wording.
 */
export function isBlobLinkRace(e: unknown): boolean {
  const err = e as { status?: unknown; registryCodes?: readonly string[] };
  return (
    err?.status === 400 &&
    (err.registryCodes ?? []).some((c) => c === 'MANIFEST_BLOB_UNKNOWN' || c === 'DIGEST_INVALID')
  );
}
