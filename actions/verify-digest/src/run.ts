import { BydigestError, formatReference, mapLimit, type ImageReference, type RegistryClient } from '@bydigest/core';
import { info, registryClient, warning } from '@bydigest/action-kit';
import { checkTarget, policyAccepted, type TargetResult } from './checks.js';
import type { VerifyOptions } from './inputs.js';
import { failureMessage, logResults, writeSummary } from './report.js';
import { verificationTargets } from './targets.js';

export interface Verified {
  results: TargetResult[];
  /** Valid signatures for the key, or those the policy accepted, on the image itself. */
  signatures: number;
}

/** Verifies every manifest of the image; throws, naming each rejection, unless all pass. */
export async function run(opts: VerifyOptions): Promise<Verified> {
  if (opts.host && !opts.host.registries.exists) {
    warning(
      `registries-d ${opts.host.registriesDir} does not exist; containers/image then uses an empty configuration, in which use-sigstore-attachments is off and no .sig signature is read`,
    );
  }
  if (opts.host && !opts.host.pullRefGiven) {
    info(`pull-ref not given: evaluating the policy for a pull of ${formatReference(opts.host.pullRef)} (by digest); give the tag hosts pull (…:stable) to judge signedIdentity as they do`);
  }
  const client = registryClient(opts.registry);
  let results: TargetResult[];
  try {
    const targets = await verificationTargets(client, opts.image);
    if (opts.host?.pullRefGiven && opts.host.pullRef.tag !== undefined) await notePullRefTarget(client, opts.host.pullRef, opts.image.digest);
    results = await mapLimit(targets, 4, (t) => checkTarget(client, t, opts));
  } finally {
    await client.close();
  }

  const passed = results.every((r) => r.passed);
  logResults(opts, results);
  await writeSummary(opts, results, passed);
  if (!passed) {
    throw new BydigestError(opts.host ? 'POLICY' : 'SIGNATURE', failureMessage(opts, results), {
      hint: 'the job summary lists every signature found and the verdict on each',
    });
  }
  const top = results[0]!;
  const signatures = top.key ? top.key.valid : top.keyless ? top.keyless.valid.length : top.policy ? policyAccepted(top.policy.evaluation) : 0;
  if (!top.key && !top.keyless && signatures === 0) warning('the policy accepts this image without any signature (insecureAcceptAnything for this scope)');
  return { results, signatures };
}

/** The verdict is about image-ref's digest; say so when the tag hosts pull points elsewhere (e.g. before promotion). */
async function notePullRefTarget(client: RegistryClient, pullRef: ImageReference, digest: string): Promise<void> {
  const head = await client.headManifest(pullRef).catch(() => undefined);
  const ref = formatReference(pullRef);
  if (!head) info(`pull-ref ${ref} does not resolve yet: judging ${digest} as hosts will see it once the tag points at it`);
  else if (head.digest !== digest) warning(`pull-ref ${ref} currently resolves to ${head.digest}, not ${digest}: hosts pulling it today get that other image; this verdict is for ${digest}`);
}
