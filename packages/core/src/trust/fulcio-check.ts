/**
 * Check 6: a fulcio requirement matches certificates by e-mail SAN only (containers/image
 * fulcio_cert.go). GitHub Actions certificates name the workflow in a URI SAN and carry no
 * e-mail, so a fulcio requirement can never accept a workflow-signed image.
 */
import { scopedRequirements } from './key-references.js';
import type { Policy } from '../policy/types.js';
import { verdict, type CheckVerdict, type TrustFinding } from './verdicts.js';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export function fulcioCheck(policy: Policy, policyFile: string, inScope: (scope: string) => boolean): CheckVerdict {
  const findings: TrustFinding[] = [];
  let count = 0;
  for (const { scope, field, requirement: r } of scopedRequirements(policy)) {
    if (r.type !== 'sigstoreSigned' || !r.fulcio) continue;
    count++;
    const { oidcIssuer, subjectEmail } = r.fulcio;
    const github = oidcIssuer === GITHUB_ISSUER || /(^|[@.])github\.com$/i.test(subjectEmail);
    findings.push({
      status: github && inScope(scope) ? 'fail' : 'warn',
      file: policyFile,
      field: `${field}.fulcio.subjectEmail`,
      message: github
        ? `${field}.fulcio wants subjectEmail ${JSON.stringify(subjectEmail)} from ${oidcIssuer}, but containers/image matches e-mail SANs only and a GitHub Actions certificate carries the workflow as a URI SAN and no e-mail: no workflow-signed image is ever accepted`
        : `${field}.fulcio accepts only a certificate with the e-mail SAN ${JSON.stringify(subjectEmail)} from ${oidcIssuer}: a GitHub workflow identity (a URI SAN) can never match it`,
      fix: "trust the pipeline's public key instead (sigstoreSigned with keyPath/keyPaths) and sign with sign-digest's key; containers/image has no way to match a workflow identity yet (container-libs#34)",
    });
  }
  return verdict('fulcio-identity', findings, count === 0 ? 'no fulcio requirement' : `${count} fulcio requirement(s)`);
}
