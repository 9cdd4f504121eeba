import { BydigestError } from '../errors.js';

export interface SigstoreHttpOptions {
  /** Retries on 408, 429, 5xx and connection errors (sigstore-js's own retry loop). */
  retries?: number;
  timeoutMs?: number;
}

/** The HTTP status inside a sigstore-js error (its InternalError wraps an HTTPError as cause). */
function statusOf(e: unknown): number | undefined {
  for (let cur = e as { statusCode?: unknown; cause?: unknown } | undefined, depth = 0; cur && depth < 5; cur = cur.cause as typeof cur, depth++) {
    if (typeof cur.statusCode === 'number') return cur.statusCode;
  }
  return undefined;
}

/** A Fulcio or Rekor failure as a KEYLESS error naming the service, the URL and the status. */
export function sigstoreFailure(e: unknown, where: { operation: string; url: string; service: 'Fulcio' | 'Rekor' }): BydigestError {
  const status = statusOf(e);
  const detail = (e as Error)?.message ?? String(e);
  const hint =
    status === undefined
      ? `check that ${where.service} is reachable at ${new URL(where.url).origin} (the ${where.service.toLowerCase()}-url input)`
      : status >= 500 || status === 429
        ? `${where.service} failed or is overloaded; re-run the job (nothing was written to the registry)`
        : `${where.service} refused the request; check the ${where.service.toLowerCase()}-url input and the OIDC token's audience (sigstore)`;
  return new BydigestError('KEYLESS', `${where.service} failed to ${where.operation}: ${detail}`, {
    operation: where.operation,
    reference: where.url,
    ...(status === undefined ? {} : { status }),
    hint,
    cause: e,
  });
}
