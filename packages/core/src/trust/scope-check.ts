/**
 * Check 4: the reference hosts pull lands in a scope that verifies signatures (not a fall-through
 * to insecureAcceptAnything), and registries.d turns on use-sigstore-attachments for it —
 * otherwise containers/image never fetches the `.sig` and refuses every signed update.
 */
import { formatReference, repositoryName, type ImageReference } from '../oci/reference.js';
import { sigstoreAttachmentsFor, type AttachmentsLookup, type RegistriesConfig } from '../policy/registries-d.js';
import { requirementsForImage, type ScopeChoice } from '../policy/scope.js';
import type { Policy } from '../policy/types.js';
import { REGISTRIES_D } from './image-files.js';
import { verdict, type CheckVerdict, type TrustFinding } from './verdicts.js';

export interface ScopeResult {
  verdict: CheckVerdict;
  scope: ScopeChoice;
  attachments: AttachmentsLookup;
}

export function scopeCheck(
  policy: Policy,
  registries: RegistriesConfig,
  pullRef: ImageReference,
  policyFile: string,
): ScopeResult {
  const scope = requirementsForImage(policy, pullRef);
  const attachments = sigstoreAttachmentsFor(registries, pullRef);
  const ref = formatReference(pullRef);
  const repo = repositoryName(pullRef);
  const findings: TrustFinding[] = [];
  const types = scope.requirements.map((r) => r.type);
  const field = scope.label;
  if (types.includes('reject')) {
    findings.push({
      status: 'fail',
      file: policyFile,
      field,
      message: `${ref} falls in ${scope.label}, which rejects it: hosts refuse every update`,
      fix: `add transports.docker[${JSON.stringify(repo)}] with a sigstoreSigned requirement for the key you sign with`,
    });
  } else if (types.every((t) => t === 'insecureAcceptAnything')) {
    findings.push({
      status: 'fail',
      file: policyFile,
      field,
      message: `${ref} falls through to ${scope.label}, which is insecureAcceptAnything: hosts verify nothing (no scope among ${scope.candidates
        .filter(Boolean)
        .map((c) => JSON.stringify(c))
        .join(', ')} is configured)`,
      fix: `add transports.docker[${JSON.stringify(repo)}] with a sigstoreSigned requirement (a scope must match pull-ref ${ref} exactly or be one of its parent namespaces)`,
    });
  }
  const needsSignatures = types.includes('sigstoreSigned');
  if (needsSignatures && !attachments.enabled) {
    const why = attachments.decidedBy
      ? `${attachments.decidedBy} in ${attachments.source} sets use-sigstore-attachments: false`
      : `no registries.d entry sets use-sigstore-attachments for ${repo} or a parent namespace`;
    findings.push({
      status: 'fail',
      file: attachments.source ?? REGISTRIES_D,
      field: attachments.decidedBy ?? `docker[${JSON.stringify(repo)}].use-sigstore-attachments`,
      message: `${why}: hosts never read the .sig, so every update is refused ("A signature was required, but no signature exists")`,
      fix: `install ${REGISTRIES_D}/<name>.yaml with:  docker: { ${repo}: { use-sigstore-attachments: true } }`,
    });
  }
  const ok = `${ref} → ${scope.label} (${types.join(', ')})${needsSignatures ? `; use-sigstore-attachments on via ${attachments.decidedBy} in ${attachments.source}` : ''}`;
  return { verdict: verdict('scope-and-attachments', findings, ok), scope, attachments };
}
