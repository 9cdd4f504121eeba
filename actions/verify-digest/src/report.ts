import { code, html, info, jobSummary, type SummaryCell } from '@bydigest/action-kit';
import { formatReference, withDigest, type ImageReference, type SignatureJudgement } from '@bydigest/core';
import { policyAccepted, type TargetResult } from './checks.js';
import { claimsByLayer, describeRequirement, policyHints, type Claims } from './explain.js';
import type { VerifyOptions } from './inputs.js';

type SummaryTableRow = SummaryCell[];

const short = (d: string) => (d.length > 19 ? `${d.slice(0, 19)}…` : d);

function targetName(opts: VerifyOptions, r: TargetResult): string {
  const ref = formatReference(withDigest(opts.image, r.target.digest));
  return r.target.platform ? `platform manifest ${r.target.platform} ${ref}` : ref;
}

function pulledName(ref: ImageReference): string {
  return formatReference(ref);
}

/** The failure, one block per refused manifest: containers/image's message first, then why. */
export function failureMessage(opts: VerifyOptions, results: TargetResult[]): string {
  const blocks: string[] = [];
  for (const r of results.filter((x) => !x.passed)) {
    const lines: string[] = [];
    if (r.key && r.key.valid === 0) lines.push(...keyFailure(opts, r));
    if (r.keyless && r.keyless.valid.length === 0) lines.push(...keylessFailure(opts, r));
    if (r.policy && !r.policy.evaluation.allowed) lines.push(...policyFailure(opts, r));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n');
}

function keyFailure(opts: VerifyOptions, r: TargetResult): string[] {
  const lines = [`no valid signature for ${targetName(opts, r)} with the public key`];
  const legacy = r.key?.legacy;
  if (legacy) {
    if (!legacy.stored) {
      lines.push(`  legacy: no signature at ${legacy.signatureRef} (cosign 3 writes only a sigstore bundle by default; sign with sign-digest, format legacy)`);
    } else if (legacy.verdicts.length === 0) {
      lines.push(`  legacy: ${legacy.signatureRef} holds no simple-signing layers`);
    } else {
      const claims = claimsByLayer(r.fetched?.layers ?? []);
      lines.push(`  legacy: ${legacy.signatureRef} holds ${legacy.verdicts.length} signature(s), none valid:`);
      for (const v of legacy.verdicts) lines.push(`    ${short(v.layerDigest)} ${claimText(claims.get(v.layerDigest))}: ${v.reason ?? 'valid'}`);
    }
  }
  const bundles = r.key?.bundle?.verdicts;
  if (bundles && bundles.every((v) => v.keyIndex === undefined)) {
    if (bundles.length === 0) lines.push('  bundle: no sigstore bundle refers to this digest');
    else {
      lines.push(`  bundle: ${bundles.length} sigstore bundle(s), none valid:`);
      for (const v of bundles) lines.push(`    ${short(v.referrerDigest)}: ${v.reason ?? 'valid'}`);
    }
  }
  return lines;
}

function keylessFailure(opts: VerifyOptions, r: TargetResult): string[] {
  const { match } = opts.keyless!;
  const wanted = `${match.identity !== undefined ? `identity ${JSON.stringify(match.identity)}` : `identity matching /${match.identityRegexp}/`}, issuer ${JSON.stringify(match.issuer)}`;
  const lines = [`no valid keyless signature for ${targetName(opts, r)} with ${wanted}`];
  const k = r.keyless!;
  if (k.verdicts.length === 0 && !r.fetched?.stored) lines.push(`  no keyless signature (no ${opts.format === 'bundle' ? 'keyless sigstore bundle' : `.sig at ${k.signatureRef}`}): sign with sign-digest signer: keyless or both`);
  else if (k.verdicts.length === 0) lines.push(`  ${k.signatureRef} holds no keyless signature (no layer with a certificate): sign with sign-digest signer: keyless or both`);
  else {
    lines.push(`  ${k.verdicts.length} keyless signature(s) (${k.signatureRef} and sigstore bundles), none valid:`);
    for (const v of k.verdicts) lines.push(`    ${short(v.layerDigest)} certificate for ${JSON.stringify(v.identity ?? '?')} (issuer ${JSON.stringify(v.issuer ?? '?')}): ${v.reason ?? 'valid'}`);
  }
  return lines;
}

function claimText(c: Claims | undefined): string {
  if (!c?.identity) return '(identity unreadable)';
  return `claims ${JSON.stringify(c.identity)}`;
}

function policyFailure(opts: VerifyOptions, r: TargetResult): string[] {
  const host = opts.host!;
  const { evaluation: e, fetched } = r.policy!;
  const pulled = pulledName(host.pullRef);
  const lines = [`a host pulling ${pulled} refuses ${targetName(opts, r)}: ${e.message}`];
  lines.push(`  policy ${host.path}: scope ${e.scope.label} → ${e.scope.requirements.map(describeRequirement).join(' + ')}`);
  lines.push(`  registries.d ${host.registriesDir}: use-sigstore-attachments ${e.attachments.enabled ? 'true' : 'false'}${e.attachments.decidedBy ? ` (from ${e.attachments.decidedBy} in ${e.attachments.source})` : ' (not set for this image)'}`);
  const claims = claimsByLayer(fetched.layers);
  for (const req of e.requirements.filter((x) => x.evaluated && x.signatures.length > 0)) {
    for (const s of req.signatures) lines.push(`    ${short(s.layerDigest)} ${judgementIdentity(s, claims.get(s.layerDigest))}: ${s.accepted ? 'accepted' : s.reason}`);
  }
  const signatureLayers = fetched.stored ? fetched.layers.length : 0;
  for (const hint of policyHints(e, host.pullRef, fetched.signatureRef, signatureLayers)) lines.push(`  hint: ${hint}`);
  return lines;
}

function judgementIdentity(s: SignatureJudgement, c: Claims | undefined): string {
  if (s.cryptoVerified && s.identity !== undefined) return `signed for ${JSON.stringify(s.identity)}`;
  return `${claimText(c)} (unverified)`;
}


/** The job summary: for each manifest, every signature found and the verdict on it. */
export async function writeSummary(opts: VerifyOptions, results: TargetResult[], passed: boolean): Promise<void> {
  const s = jobSummary().heading('verify-digest');
  s.paragraph(html`${passed ? '✅ verified' : '❌ refused'}: ${code(formatReference(opts.image))}`);
  if (opts.host) {
    const top = results[0]?.policy?.evaluation;
    s.paragraph([
      html`As a host pulling ${code(pulledName(opts.host.pullRef))}: policy ${code(opts.host.path)}, scope ${code(top?.scope.label ?? '?')}; `,
      html`use-sigstore-attachments <b>${top?.attachments.enabled ? 'true' : 'false'}</b>${top?.attachments.decidedBy ? ` (${top.attachments.decidedBy})` : ''}.`,
    ]);
  }
  for (const r of results) {
    s.heading(r.target.platform ? `${r.target.platform} ${r.target.digest}` : r.target.digest, 4);
    const rows: SummaryTableRow[] = [
      [{ header: 'check' }, { header: 'signature layer' }, { header: 'identity' }, { header: 'verdict' }],
    ];
    const claims = claimsByLayer([...(r.fetched?.layers ?? []), ...(r.policy?.fetched.layers ?? [])]);
    // An unverified claim is shown as such: it is what the layer says, not what a key vouches for.
    const claimed = (layer: string, verified: boolean, signed?: string) => {
      const id = signed ?? claims.get(layer)?.identity;
      return id === undefined ? '?' : verified ? id : `${id} (unverified)`;
    };
    if (r.key?.legacy) {
      for (const v of r.key.legacy.verdicts) {
        const ok = v.keyIndex !== undefined;
        rows.push(['public key', code(v.layerDigest), claimed(v.layerDigest, v.payload !== undefined), ok ? '✅ valid' : `❌ ${v.reason}`]);
      }
      if (r.key.legacy.verdicts.length === 0) rows.push(['public key', r.key.legacy.signatureRef, '—', r.key.legacy.stored ? '❌ no simple-signing layer' : '❌ no .sig']);
    }
    for (const v of r.keyless?.verdicts ?? []) {
      rows.push(['certificate identity', code(v.layerDigest), v.identity ?? '?', v.valid ? `✅ valid (Rekor log index ${v.logIndex})` : `❌ ${v.reason}`]);
    }
    if (r.keyless && r.keyless.verdicts.length === 0) rows.push(['certificate identity', r.keyless.signatureRef, '—', '❌ no keyless signature']);
    for (const v of r.key?.bundle?.verdicts ?? []) {
      rows.push(['public key (bundle)', code(v.referrerDigest), v.identity ?? '—', v.keyIndex !== undefined ? '✅ valid' : `❌ ${v.reason}`]);
    }
    if (r.key?.bundle && r.key.bundle.verdicts.length === 0) rows.push(['public key (bundle)', 'sigstore bundle', '—', '❌ none found']);
    if (r.policy) {
      const e = r.policy.evaluation;
      for (const [i, req] of e.requirements.entries()) {
        const label = `policy #${i + 1} ${describeRequirement(req.requirement)}`;
        if (!req.evaluated) rows.push([label, '—', '—', 'not evaluated (an earlier requirement refused)']);
        else if (req.signatures.length === 0) rows.push([label, '—', '—', req.allowed ? '✅ allowed' : `❌ ${req.message}`]);
        for (const sig of req.signatures) rows.push([label, code(sig.layerDigest), claimed(sig.layerDigest, sig.cryptoVerified, sig.identity), sig.accepted ? '✅ accepted' : `❌ ${sig.reason}`]);
      }
      if (e.ignoredSignatures > 0) rows.push(['registries.d', r.policy.fetched.signatureRef, '—', `${e.ignoredSignatures} signature(s) never read: use-sigstore-attachments is off`]);
    }
    s.table(rows);
  }
  await s.write();
}

/** Log lines, one per manifest, so the run log alone tells the story. */
export function logResults(opts: VerifyOptions, results: TargetResult[]): void {
  for (const r of results) {
    const parts: string[] = [];
    if (r.key) parts.push(`${r.key.valid} valid signature(s) for the public key`);
    if (r.keyless) parts.push(`${r.keyless.valid.length} valid keyless signature(s) for the certificate identity`);
    if (r.policy) {
      const e = r.policy.evaluation;
      parts.push(e.allowed ? `policy allows it (scope ${e.scope.label}, ${policyAccepted(e)} signature(s) accepted)` : `policy refuses it: ${e.message}`);
    }
    info(`${r.passed ? 'ok' : 'REFUSED'} ${targetName(opts, r)}: ${parts.join('; ')}`);
  }
}
