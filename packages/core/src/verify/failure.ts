/** The failure verify-digest throws: one block per refused manifest, containers/image's message first, then why. */
import { BydigestError } from '../errors.js';
import { formatReference, withDigest } from '../oci/reference.js';
import type { SignatureJudgement } from '../policy/sigstore-signed.js';
import { claimsByLayer, describeRequirement, policyHints, type Claims } from './explain.js';
import type { ImageVerdict, TargetVerdict, VerifyImageRequest } from './verify-image.js';

export const short = (d: string) => (d.length > 19 ? `${d.slice(0, 19)}…` : d);

/** "ghcr.io/o/img@sha256:…", or "platform manifest linux/arm64 ghcr.io/o/img@sha256:…". */
export function targetName(verdict: ImageVerdict, r: TargetVerdict): string {
  const ref = formatReference(withDigest(verdict.image, r.target.digest));
  return r.target.platform ? `platform manifest ${r.target.platform} ${ref}` : ref;
}

/** The error for a verdict that did not pass: POLICY when a host policy was judged, else SIGNATURE. */
export function verificationFailure(request: VerifyImageRequest, verdict: ImageVerdict): BydigestError {
  return new BydigestError(request.host ? 'POLICY' : 'SIGNATURE', failureMessage(request, verdict), {
    hint: 'the job summary lists every signature found and the verdict on each',
  });
}

export function failureMessage(request: VerifyImageRequest, verdict: ImageVerdict): string {
  const blocks: string[] = [];
  for (const r of verdict.targets.filter((x) => !x.passed)) {
    const lines: string[] = [];
    if (r.key && r.key.valid === 0) lines.push(...keyFailure(verdict, r));
    if (r.keyless && r.keyless.valid.length === 0) lines.push(...keylessFailure(request, verdict, r));
    if (r.policy && !r.policy.evaluation.allowed) lines.push(...policyFailure(request, verdict, r));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n');
}

function keyFailure(verdict: ImageVerdict, r: TargetVerdict): string[] {
  const lines = [`no valid signature for ${targetName(verdict, r)} with the public key`];
  const legacy = r.key?.legacy;
  if (legacy) {
    if (!legacy.stored) {
      lines.push(
        `  legacy: no signature at ${legacy.signatureRef} (cosign 3 writes only a sigstore bundle by default; sign with sign-digest, format legacy)`,
      );
    } else if (legacy.verdicts.length === 0) {
      lines.push(`  legacy: ${legacy.signatureRef} holds no simple-signing layers`);
    } else {
      const claims = claimsByLayer(r.fetched?.layers ?? []);
      lines.push(`  legacy: ${legacy.signatureRef} holds ${legacy.verdicts.length} signature(s), none valid:`);
      for (const v of legacy.verdicts)
        lines.push(`    ${short(v.layerDigest)} ${claimText(claims.get(v.layerDigest))}: ${v.reason ?? 'valid'}`);
    }
  }
  const bundles = r.key?.bundle;
  if (bundles && bundles.every((v) => v.keyIndex === undefined)) {
    if (bundles.length === 0) lines.push('  bundle: no sigstore bundle refers to this digest');
    else {
      lines.push(`  bundle: ${bundles.length} sigstore bundle(s), none valid:`);
      for (const v of bundles) lines.push(`    ${short(v.referrerDigest)}: ${v.reason ?? 'valid'}`);
    }
  }
  return lines;
}

function keylessFailure(request: VerifyImageRequest, verdict: ImageVerdict, r: TargetVerdict): string[] {
  const { match } = request.keyless!;
  const wanted = `${match.identity !== undefined ? `identity ${JSON.stringify(match.identity)}` : `identity matching /${match.identityRegexp}/`}, issuer ${JSON.stringify(match.issuer)}`;
  const lines = [`no valid keyless signature for ${targetName(verdict, r)} with ${wanted}`];
  const k = r.keyless!;
  if (k.verdicts.length === 0 && !r.fetched?.stored) {
    lines.push(
      `  no keyless signature (no ${request.format === 'bundle' ? 'keyless sigstore bundle' : `.sig at ${k.signatureRef}`}): sign with sign-digest signer: keyless or both`,
    );
  } else if (k.verdicts.length === 0)
    lines.push(
      `  ${k.signatureRef} holds no keyless signature (no layer with a certificate): sign with sign-digest signer: keyless or both`,
    );
  else {
    lines.push(`  ${k.verdicts.length} keyless signature(s) (${k.signatureRef} and sigstore bundles), none valid:`);
    for (const v of k.verdicts)
      lines.push(
        `    ${short(v.layerDigest)} certificate for ${JSON.stringify(v.identity ?? '?')} (issuer ${JSON.stringify(v.issuer ?? '?')}): ${v.reason ?? 'valid'}`,
      );
  }
  return lines;
}

export function claimText(c: Claims | undefined): string {
  if (!c?.identity) return '(identity unreadable)';
  return `claims ${JSON.stringify(c.identity)}`;
}

function policyFailure(request: VerifyImageRequest, verdict: ImageVerdict, r: TargetVerdict): string[] {
  const host = request.host!;
  const { evaluation: e, fetched } = r.policy!;
  const lines = [`a host pulling ${formatReference(host.pullRef)} refuses ${targetName(verdict, r)}: ${e.message}`];
  lines.push(
    `  policy ${host.policyFile ?? 'policy.json'}: scope ${e.scope.label} → ${e.scope.requirements.map(describeRequirement).join(' + ')}`,
  );
  lines.push(
    `  registries.d ${host.registriesDir ?? 'registries.d'}: use-sigstore-attachments ${e.attachments.enabled ? 'true' : 'false'}${e.attachments.decidedBy ? ` (from ${e.attachments.decidedBy} in ${e.attachments.source})` : ' (not set for this image)'}`,
  );
  const claims = claimsByLayer(fetched.layers);
  for (const req of e.requirements.filter((x) => x.evaluated && x.signatures.length > 0)) {
    for (const s of req.signatures)
      lines.push(
        `    ${short(s.layerDigest)} ${judgementIdentity(s, claims.get(s.layerDigest))}: ${s.accepted ? 'accepted' : s.reason}`,
      );
  }
  const signatureLayers = fetched.stored ? fetched.layers.length : 0;
  for (const hint of policyHints(e, host.pullRef, fetched.signatureRef, signatureLayers)) lines.push(`  hint: ${hint}`);
  return lines;
}

function judgementIdentity(s: SignatureJudgement, c: Claims | undefined): string {
  if (s.cryptoVerified && s.identity !== undefined) return `signed for ${JSON.stringify(s.identity)}`;
  return `${claimText(c)} (unverified)`;
}
