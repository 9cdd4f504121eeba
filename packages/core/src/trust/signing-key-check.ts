/** Check 5: the key the pipeline signs with is one the image trusts, and it is not the only one. */
import type { KeyObject } from 'node:crypto';
import { publicKeyId } from '../cosign/keys/public-key.js';
import type { ResolvedKey } from './key-check.js';
import { skipped, verdict, type CheckVerdict, type TrustFinding } from './verdicts.js';

export function signingKeyCheck(scopeKeys: ResolvedKey[], policyFile: string, scopeLabel: string, publicKey?: KeyObject): CheckVerdict {
  const trusted = new Map<string, ResolvedKey>();
  for (const k of scopeKeys) if (k.ref.role === 'public-key') for (const fp of k.fingerprints) trusted.set(fp, k);
  const findings: TrustFinding[] = [];
  if (publicKey) {
    const fp = publicKeyId(publicKey);
    if (!trusted.has(fp)) {
      findings.push({
        status: 'fail',
        file: policyFile,
        field: scopeKeys.find((k) => k.ref.role === 'public-key')?.ref.field ?? scopeLabel,
        message: `the signing key (public-key sha256:${fp.slice(0, 16)}) is not among the keys ${scopeLabel} trusts (${[...trusted.keys()].map((k) => `sha256:${k.slice(0, 16)}`).join(', ') || 'none'}): the next update signed with it is refused`,
        fix: 'install the public half of the key the pipeline signs with (cosign.pub) at the path the policy names, or sign with the key the image trusts',
      });
    }
  }
  if (trusted.size === 1) {
    findings.push({
      status: 'warn',
      file: policyFile,
      field: [...trusted.values()][0]!.ref.field,
      message: `${scopeLabel} trusts one key only: losing or rotating it strands every host`,
      fix: 'use keyPaths with a second, offline backup key, so hosts keep updating across a rotation',
    });
  }
  if (trusted.size === 0 && !publicKey) return skipped('signing-key', 'the scope trusts no public key');
  return verdict('signing-key', findings, publicKey ? `public-key sha256:${publicKeyId(publicKey).slice(0, 16)} is one of ${trusted.size} trusted keys` : `${trusted.size} keys trusted`);
}
