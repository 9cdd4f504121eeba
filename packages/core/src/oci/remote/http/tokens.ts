export interface Scope {
  repository: string;
  actions: ('pull' | 'push')[];
}

export function scopeString(s: Scope): string {
  return `repository:${s.repository}:${[...s.actions].sort().join(',')}`;
}

interface Entry {
  token: Promise<{ token: string; expiresInSec: number } | undefined>;
  expiresAt: number;
}

/**
 * Bearer tokens keyed by the exact scope set, so a push token is reused for every blob
 * of a repository and a concurrent burst of requests fetches it once.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly fetch: (scopes: string[]) => Promise<{ token: string; expiresInSec: number } | undefined>,
  ) {}

  clear(): void {
    this.entries.clear();
  }

  async get(scopes: Scope[], challengeScope?: string): Promise<string | undefined> {
    const wanted = new Set(scopes.map(scopeString));
    // The registry may ask for a scope we did not predict (e.g. a mount source).
    for (const s of (challengeScope ?? '').split(' ')) if (s) wanted.add(s);
    const list = [...wanted].sort();
    const key = list.join(' ');
    const now = Date.now();
    let entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      const token = this.fetch(list);
      entry = { token, expiresAt: Number.POSITIVE_INFINITY };
      this.entries.set(key, entry);
      const e = entry;
      token.then(
        (t) => {
          // Renew ten seconds early: a token that expires mid-upload costs a 401 round trip.
          e.expiresAt = now + Math.max(5, (t?.expiresInSec ?? 60) - 10) * 1000;
        },
        () => this.entries.delete(key),
      );
    }
    return (await entry.token)?.token;
  }
}
