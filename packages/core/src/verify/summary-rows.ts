/** The verdict as rows and lines a caller prints: every signature found and the verdict on it. */
import { claimsByLayer, describeRequirement } from './explain.js';
import { targetName } from './failure.js';
import { policyAccepted } from './policy-mode.js';
import type { ImageVerdict, TargetVerdict } from './verify-image.js';

export interface SummaryRow {
  check: string;
  /** A layer or referrer digest (`isDigest`), or where signatures were looked for. */
  layer: string;
  isDigest: boolean;
  identity: string;
  verdict: string;
}

export function summaryRows(r: TargetVerdict): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const row = (check: string, layer: string, isDigest: boolean, identity: string, verdict: string) =>
    rows.push({ check, layer, isDigest, identity, verdict });
  const claims = claimsByLayer([...(r.fetched?.layers ?? []), ...(r.policy?.fetched.layers ?? [])]);
  // An unverified claim is shown as such: it is what the layer says, not what a key vouches for.
  const claimed = (layer: string, verified: boolean, signed?: string) => {
    const id = signed ?? claims.get(layer)?.identity;
    return id === undefined ? '?' : verified ? id : `${id} (unverified)`;
  };
  if (r.key?.legacy) {
    for (const v of r.key.legacy.verdicts)
      row(
        'public key',
        v.layerDigest,
        true,
        claimed(v.layerDigest, v.payload !== undefined),
        v.keyIndex !== undefined ? '✅ valid' : `❌ ${v.reason}`,
      );
    if (r.key.legacy.verdicts.length === 0)
      row(
        'public key',
        r.key.legacy.signatureRef,
        false,
        '—',
        r.key.legacy.stored ? '❌ no simple-signing layer' : '❌ no .sig',
      );
  }
  for (const v of r.keyless?.verdicts ?? []) {
    row(
      'certificate identity',
      v.layerDigest,
      true,
      v.identity ?? '?',
      v.valid ? `✅ valid (Rekor log index ${v.logIndex})` : `❌ ${v.reason}`,
    );
  }
  if (r.keyless && r.keyless.verdicts.length === 0)
    row('certificate identity', r.keyless.signatureRef, false, '—', '❌ no keyless signature');
  for (const v of r.key?.bundle ?? [])
    row(
      'public key (bundle)',
      v.referrerDigest,
      true,
      v.identity ?? '—',
      v.keyIndex !== undefined ? '✅ valid' : `❌ ${v.reason}`,
    );
  if (r.key?.bundle && r.key.bundle.length === 0)
    row('public key (bundle)', 'sigstore bundle', false, '—', '❌ none found');
  if (r.policy) {
    const e = r.policy.evaluation;
    for (const [i, req] of e.requirements.entries()) {
      const label = `policy #${i + 1} ${describeRequirement(req.requirement)}`;
      if (!req.evaluated) row(label, '—', false, '—', 'not evaluated (an earlier requirement refused)');
      else if (req.signatures.length === 0)
        row(label, '—', false, '—', req.allowed ? '✅ allowed' : `❌ ${req.message}`);
      for (const sig of req.signatures)
        row(
          label,
          sig.layerDigest,
          true,
          claimed(sig.layerDigest, sig.cryptoVerified, sig.identity),
          sig.accepted ? '✅ accepted' : `❌ ${sig.reason}`,
        );
    }
    if (e.ignoredSignatures > 0)
      row(
        'registries.d',
        r.policy.fetched.signatureRef,
        false,
        '—',
        `${e.ignoredSignatures} signature(s) never read: use-sigstore-attachments is off`,
      );
  }
  return rows;
}

/** One line per manifest, so the run log alone tells the story. */
export function verdictLines(verdict: ImageVerdict): string[] {
  return verdict.targets.map((r) => {
    const parts: string[] = [];
    if (r.key) parts.push(`${r.key.valid} valid signature(s) for the public key`);
    if (r.keyless) parts.push(`${r.keyless.valid.length} valid keyless signature(s) for the certificate identity`);
    if (r.policy) {
      const e = r.policy.evaluation;
      parts.push(
        e.allowed
          ? `policy allows it (scope ${e.scope.label}, ${policyAccepted(e)} signature(s) accepted)`
          : `policy refuses it: ${e.message}`,
      );
    }
    return `${r.passed ? 'ok' : 'REFUSED'} ${targetName(verdict, r)}: ${parts.join('; ')}`;
  });
}
