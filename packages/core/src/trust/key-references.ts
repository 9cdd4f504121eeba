/**
 * Every file or inline key a policy names, with where it is named: the key files a host opens
 * when it checks a signature (keyPath(s), keyData(s)), the Fulcio CA and the Rekor keys.
 */
import type { KeySource, Policy, PolicyRequirement } from '../policy/types.js';

export type KeyRole = 'public-key' | 'fulcio-ca' | 'rekor-key';

export interface KeyReference {
  role: KeyRole;
  /** JSON location, e.g. transports.docker["ghcr.io/o/os"][0].keyPaths[1]. */
  field: string;
  /** The scope label (as ScopeChoice.label spells it) the requirement belongs to. */
  scope: string;
  /** As written in policy.json; relative paths are kept as written. */
  path?: string;
  data?: Buffer;
}

export interface ScopedRequirement {
  scope: string;
  /** JSON location of the requirement, e.g. default[0]. */
  field: string;
  requirement: PolicyRequirement;
}

/** Every requirement of the policy with its scope label and JSON location. */
export function scopedRequirements(policy: Policy): ScopedRequirement[] {
  const out: ScopedRequirement[] = policy.default.map((requirement, i) => ({
    scope: 'default',
    field: `default[${i}]`,
    requirement,
  }));
  for (const [transport, scopes] of policy.transports) {
    for (const [scope, reqs] of scopes) {
      const at = `transports.${transport}[${JSON.stringify(scope)}]`;
      // Only the docker transport is pulled by hosts; other transports' labels are still named.
      const label = transport === 'docker' ? `transports.docker[${JSON.stringify(scope)}]` : at;
      reqs.forEach((requirement, i) => out.push({ scope: label, field: `${at}[${i}]`, requirement }));
    }
  }
  return out;
}

function fromSource(
  source: KeySource,
  role: KeyRole,
  base: string,
  names: Record<KeySource['kind'], string>,
  scope: string,
): KeyReference[] {
  const name = names[source.kind];
  if (source.kind === 'keyPath') return [{ role, field: `${base}.${name}`, scope, path: source.paths[0] }];
  if (source.kind === 'keyPaths')
    return source.paths.map((path, i) => ({ role, field: `${base}.${name}[${i}]`, scope, path }));
  if (source.kind === 'keyData') return [{ role, field: `${base}.${name}`, scope, data: source.datas[0] }];
  return source.datas.map((data, i) => ({ role, field: `${base}.${name}[${i}]`, scope, data }));
}

const KEY_NAMES = { keyPath: 'keyPath', keyPaths: 'keyPaths', keyData: 'keyData', keyDatas: 'keyDatas' } as const;
const REKOR_NAMES = {
  keyPath: 'rekorPublicKeyPath',
  keyPaths: 'rekorPublicKeyPaths',
  keyData: 'rekorPublicKeyData',
  keyDatas: 'rekorPublicKeyDatas',
} as const;

export function keyReferences(policy: Policy): KeyReference[] {
  const out: KeyReference[] = [];
  for (const { scope, field, requirement: r } of scopedRequirements(policy)) {
    if (r.type !== 'sigstoreSigned') continue;
    if (r.keys) out.push(...fromSource(r.keys, 'public-key', field, KEY_NAMES, scope));
    if (r.fulcio?.caPath !== undefined)
      out.push({ role: 'fulcio-ca', field: `${field}.fulcio.caPath`, scope, path: r.fulcio.caPath });
    if (r.fulcio?.caData !== undefined)
      out.push({ role: 'fulcio-ca', field: `${field}.fulcio.caData`, scope, data: r.fulcio.caData });
    if (r.rekorKeys) out.push(...fromSource(r.rekorKeys, 'rekor-key', field, REKOR_NAMES, scope));
  }
  return out;
}
