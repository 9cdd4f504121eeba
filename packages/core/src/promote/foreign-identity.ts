import { repositoryName, type ImageReference } from '../oci/reference.js';
import type { RepoRef } from '../oci/remote/registry.js';
import type { PromoteRefusal } from './refusal.js';

/**
 * A cosign signature names the repository it was made for (its docker-reference). Copied into
 * another repository it still names the source, and a host whose policy for the target uses
 * matchRepository (or the default matchRepoDigestOrExact) refuses it: containers/image says
 * `Signature for identity "<source>" is not accepted`. So, unless told the hosts remap the
 * identity, refuse before writing and say which inputs get a signature the target's hosts accept.
 */
export function foreignIdentityRefusal(
  source: ImageReference & { digest: string },
  targets: RepoRef[],
  sigRefs: string[],
): PromoteRefusal {
  const from = repositoryName(source);
  const to = targets.map(repositoryName).join(', ');
  const what =
    sigRefs.length > 0 ? `the signatures at ${sigRefs.join(', ')} name ${from}` : `the digest is signed for ${from}`;
  return {
    code: 'FOREIGN_IDENTITY',
    message: `${to} is another repository than ${from}, and ${what}: hosts pulling ${to} with a policy whose signedIdentity is matchRepository refuse them (containers/image: Signature for identity "${from}" is not accepted); nothing was promoted`,
    hint: [
      `give the key input (and password-env) to sign the digest in ${to} with that repository's identity during the promotion;`,
      `or, if every host pulling ${to} trusts ${from}'s signatures (signedIdentity exactRepository with dockerRepository "${from}", or remapIdentity with signedPrefix "${from}"), set allow-foreign-identity: true to copy them unchanged;`,
      'or set copy-signatures: false to promote without signatures.',
    ].join(' '),
  };
}
