/** What to do about each problem: the summary, the annotations and docs/actions/audit-tags.md say this. */
import type { ProblemCode } from './types.js';

export const PROBLEM_FIXES: Readonly<Record<ProblemCode, string>> = {
  unsigned: 'sign the digest (sign-digest with the key hosts trust), or delete the tag if hosts must not pull it',
  'bad-signature':
    'sign the digest again with a key the public-key input (or the policy) trusts; during a key rotation list both keys',
  'policy-rejected':
    "read containers/image's reason: re-sign for the identity hosts pull, or fix policy.json / registries.d",
  'no-sbom': 'attach the SBOM to this digest (generate-sbom, then attach-sbom with the signing key)',
  'sbom-unsigned': 'sign the SBOM referrer (attach-sbom with private-key), or attach it again signed',
  'not-same': 'move the tags together (promote-preserve-digest with every tag in one step)',
  stale: 'publish the channel again (the build that moves it is not running or failing), or retire the tag',
  unreadable: 'run the audit again; if it persists check the credentials (packages: read) and the registry',
};
