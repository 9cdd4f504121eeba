/**
 * GitHub's two rate limits (docs.github.com, "Rate limits for the REST API"): the primary one
 * answers 403 or 429 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch seconds);
 * a secondary one answers 403 or 429, with `retry-after` (seconds) when it says how long, and
 * otherwise asks clients to wait at least a minute.
 */
export interface RateLimitPolicy {
  /** The longest single wait this step accepts; a longer one fails with the time the limit lifts. */
  maxWaitMs: number;
  /** How many times one request may wait. */
  maxRetries: number;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = {
  maxWaitMs: 60_000,
  maxRetries: 2,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

const SECONDARY_DEFAULT_MS = 60_000;

function header(headers: Record<string, string | number | undefined>, name: string): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return v === undefined ? undefined : String(v);
}

/** How long to wait before asking again, or undefined when the refusal is not a rate limit. */
export function rateLimitWait(
  status: number,
  headers: Record<string, string | number | undefined>,
  message: string,
  now: number,
): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  if (header(headers, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(headers, 'x-ratelimit-reset'));
    // One second past the reset: GitHub's clock and ours differ by that much.
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now) + 1000;
    return SECONDARY_DEFAULT_MS;
  }
  if (status === 429 || /rate limit/i.test(message)) return SECONDARY_DEFAULT_MS;
  return undefined;
}
