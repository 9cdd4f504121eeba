/** Check 5: the key the pipeline signs with is one the image trusts, and it is not the only one. */
import type { KeyObject } from 'node:crypto';
import { publicKeyId } from '../cosign/keys/public-key.js';
import type { ResolvedKey } from './key-check.js';
import { skipped, verdict, type CheckVerdict, type TrustFinding } from './verdicts.js';

export function signingKeyCheck(
  scopeKeys: ResolvedKey[],
  policyFile: string,
  scopeLabel: string,
  publicKeys?: readonly KeyObject[],
): CheckVerdict {
  const trusted = new Map<string, ResolvedKey>();
  for (const k of scopeKeys) if (k.ref.role === 'public-key') for (const fp of k.fingerprints) trusted.set(fp, k);
  const findings: TrustFinding[] = [];
  const given = (publicKeys ?? []).map(publicKeyId);
  // A .sig holds a layer per signing key and a host needs one of them to verify: one trusted key is enough.
  const accepted = given.filter((fp) => trusted.has(fp));
  if (given.length > 0 && accepted.length === 0) {
    const which =
      given.length === 1
        ? `the signing key (public-key sha256:${given[0]!.slice(0, 16)}) is not`
        : `none of the ${given.length} signing keys (public-key ${given.map((fp) => `sha256:${fp.slice(0, 16)}`).join(', ')}) is`;
    findings.push({
      status: 'fail',
      file: policyFile,
      field: scopeKeys.find((k) => k.ref.role === 'public-key')?.ref.field ?? scopeLabel,
      message: `${which} among the keys ${scopeLabel} trusts (${[...trusted.keys()].map((k) => `sha256:${k.slice(0, 16)}`).join(', ') || 'none'}): the next update signed with it is refused`,
      fix: 'install the public half of the key the pipeline signs with (cosign.pub) at the path the policy names, or sign with the key the image trusts',
    });
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
  if (trusted.size === 0 && given.length === 0) return skipped('signing-key', 'the scope trusts no public key');
  const summary =
    given.length === 0
      ? `${trusted.size} keys trusted`
      : given.length === 1
        ? `public-key sha256:${given[0]!.slice(0, 16)} is one of ${trusted.size} trusted keys`
        : `${accepted.length} of the ${given.length} signing keys are among the ${trusted.size} trusted keys`;
  return verdict('signing-key', findings, summary);
}
