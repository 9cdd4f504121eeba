import { BydigestError } from '../errors.js';

export interface SigstoreHttpOptions {
  /** Retries on 408, 429, 5xx and connection errors (sigstore-js's own retry loop). */
  retries?: number;
  timeoutMs?: number;
}

/** The HTTP status inside a sigstore-js error (its InternalError wraps an HTTPError as cause). */
function statusOf(e: unknown): number | undefined {
  for (
    let cur = e as { statusCode?: unknown; cause?: unknown } | undefined, depth = 0;
    cur && depth < 5;
    cur = cur.cause as typeof cur, depth++
  ) {
    if (typeof cur.statusCode === 'number') return cur.statusCode;
  }
  return undefined;
}

/** A Fulcio or Rekor failure as a KEYLESS error naming the service, the URL and the status. */
export function sigstoreFailure(
  e: unknown,
  where: { operation: string; url: string; service: 'Fulcio' | 'Rekor' },
): BydigestError {
  const status = statusOf(e);
  const detail = (e as Error)?.message ?? String(e);
  const hint = hintFor(where.service, status, where.url);
  return new BydigestError('KEYLESS', `keyless signing failed at ${where.service}: ${detail}`, {
    operation: where.operation,
    reference: where.url,
    ...(status === undefined ? {} : { status }),
    hint,
    cause: e,
  });
}

function hintFor(service: 'Fulcio' | 'Rekor', status: number | undefined, url: string): string {
  const input = `${service.toLowerCase()}-url`;
  if (status === undefined)
    return `check that ${service} is reachable at ${new URL(url).origin} (the ${input} input); nothing was written to the registry`;
  if (status >= 500 || status === 429 || status === 408)
    return `${service} failed or is overloaded; re-run the job (nothing was written to the registry)`;
  if (service === 'Rekor' && status === 409)
    return 'Rekor says the entry exists but gave no Location to fetch it from; re-run the job (a new certificate makes a new entry)';
  if (service === 'Fulcio' && (status === 401 || status === 403))
    return 'Fulcio did not accept the OIDC token: it must be issued for the audience sigstore by an issuer this Fulcio trusts';
  return `${service} refused the request; check the ${input} input`;
}
