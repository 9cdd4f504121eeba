import type { RunningRegistry } from './registry.js';

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses one WWW-Authenticate challenge, e.g. `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string): Challenge {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (m === null) throw new Error(`unparseable WWW-Authenticate: ${header}`);
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)="([^"]*)"/g)) params[p[1]!.toLowerCase()] = p[2]!;
  return { scheme: m[1]!.toLowerCase(), params };
}

/** fetch with the registry's TLS trust, and nothing else added. */
export function rawFetch(reg: RunningRegistry, pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
  const url = pathOrUrl.startsWith('/') ? reg.url + pathOrUrl : pathOrUrl;
  // Node's fetch takes an undici dispatcher; the DOM RequestInit type does not declare it.
  const withTls = reg.dispatcher === undefined ? init : ({ ...init, dispatcher: reg.dispatcher } as RequestInit);
  return fetch(url, withTls);
}

function basic(reg: RunningRegistry): string {
  if (reg.username === undefined || reg.password === undefined) {
    throw new Error(`registry in ${reg.mode} mode has no credentials`);
  }
  return 'Basic ' + Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
}

/** Asks the challenge's realm for a token, with the registry's credentials, as docker clients do. */
export async function fetchToken(reg: RunningRegistry, challenge: Challenge): Promise<string> {
  const realm = challenge.params.realm;
  if (realm === undefined) throw new Error('Bearer challenge without realm');
  const u = new URL(realm);
  if (challenge.params.service !== undefined) u.searchParams.set('service', challenge.params.service);
  if (challenge.params.scope !== undefined) {
    for (const s of challenge.params.scope.split(' ')) u.searchParams.append('scope', s);
  }
  const res = await rawFetch(reg, u.toString(), { headers: { authorization: basic(reg) } });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  if (!token) throw new Error('token endpoint answered without token');
  return token;
}

/**
 * fetch that answers a 401 the way a registry client does: Basic credentials, or the Bearer
 * dance (challenge → token for the advertised scope → retry). No caching: each call dances
 * again, which keeps test fixtures independent. The body must be replayable (string/Buffer).
 */
export async function registryFetch(
  reg: RunningRegistry,
  pathOrUrl: string,
  init: RequestInit = {},
): Promise<Response> {
  const first = await rawFetch(reg, pathOrUrl, init);
  if (first.status !== 401 || reg.username === undefined) return first;
  const header = first.headers.get('www-authenticate');
  await first.body?.cancel();
  if (header === null) throw new Error(`401 without WWW-Authenticate from ${pathOrUrl}`);
  const challenge = parseChallenge(header);
  const headers = new Headers(init.headers);
  if (challenge.scheme === 'basic') headers.set('authorization', basic(reg));
  else if (challenge.scheme === 'bearer') headers.set('authorization', `Bearer ${await fetchToken(reg, challenge)}`);
  else throw new Error(`unsupported auth scheme ${challenge.scheme}`);
  return rawFetch(reg, pathOrUrl, { ...init, headers });
}
