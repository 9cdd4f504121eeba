/** What check-host-trust says about an image's own trust files: one verdict per check. */

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type CheckId =
  'policy-loads' | 'key-files' | 'signatures' | 'scope-and-attachments' | 'signing-key' | 'fulcio-identity';

/** One problem, precise enough to fix without reading code: which file, which field, what to do. */
export interface TrustFinding {
  status: 'warn' | 'fail';
  /** The file in the image, e.g. /etc/containers/policy.json. */
  file: string;
  /** Where in it, e.g. transports.docker["ghcr.io/o/os"][0].keyPath; empty for the whole file. */
  field: string;
  message: string;
  fix: string;
}

export interface CheckVerdict {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** One line for the summary table. */
  summary: string;
  findings: TrustFinding[];
}

export const CHECK_TITLES: Record<CheckId, string> = {
  'policy-loads': 'policy.json and registries.d load',
  'key-files': 'key files exist and parse',
  signatures: 'signatures verify under the image policy',
  'scope-and-attachments': 'scope and use-sigstore-attachments',
  'signing-key': 'signing key trusted, with a backup',
  'fulcio-identity': 'fulcio identity can match a workflow',
};

/** The worst status wins: one failing finding fails the check. */
export function verdict(id: CheckId, findings: TrustFinding[], passSummary: string): CheckVerdict {
  const status: CheckStatus = findings.some((f) => f.status === 'fail')
    ? 'fail'
    : findings.length > 0
      ? 'warn'
      : 'pass';
  const summary = status === 'pass' ? passSummary : findings.map((f) => f.message).join('; ');
  return { id, title: CHECK_TITLES[id], status, summary, findings };
}

export function skipped(id: CheckId, why: string): CheckVerdict {
  return { id, title: CHECK_TITLES[id], status: 'skip', summary: why, findings: [] };
}
