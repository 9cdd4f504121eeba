import {
  formatReference,
  summaryRows,
  verdictLines,
  verificationFailure,
  verifyImage,
  type ImageVerdict,
  type RegistryClient,
  type VerifyImageRequest,
} from '@bydigest/core';
import { code, html, info, jobSummary, registryClient, warning } from '@bydigest/action-kit';
import type { VerifyOptions } from './inputs.js';

/** Verifies every manifest of the image (core's verifyImage); throws, naming each rejection, unless all pass. */
export async function run(
  opts: VerifyOptions,
  client: RegistryClient = registryClient(opts.registry),
): Promise<ImageVerdict> {
  const { host } = opts;
  if (host && !host.registries.exists) {
    warning(
      `registries-d ${host.registriesDir} does not exist; containers/image then uses an empty configuration, in which use-sigstore-attachments is off and no .sig signature is read`,
    );
  }
  if (host && !host.pullRefGiven) {
    info(
      `pull-ref not given: evaluating the policy for a pull of ${formatReference(host.pullRef)} (by digest); give the tag hosts pull (…:stable) to judge signedIdentity as they do`,
    );
  }
  const request: VerifyImageRequest = {
    image: opts.image,
    format: opts.format,
    ...(opts.publicKeys ? { publicKeys: opts.publicKeys } : {}),
    ...(opts.keyless ? { keyless: opts.keyless } : {}),
    ...(host
      ? {
          host: {
            policy: host.policy,
            registries: host.registries.config,
            pullRef: host.pullRef,
            policyFile: host.path,
            registriesDir: host.registriesDir,
          },
        }
      : {}),
  };
  let verdict: ImageVerdict;
  try {
    verdict = await verifyImage(client, request);
  } finally {
    await client.close();
  }
  if (host && verdict.pullRefNow)
    notePullRef(formatReference(host.pullRef), opts.image.digest, verdict.pullRefNow.digest);
  for (const line of verdictLines(verdict)) info(line);
  await writeSummary(opts, verdict);
  if (!verdict.passed) throw verificationFailure(request, verdict);
  if (!request.publicKeys && !request.keyless && verdict.signatures === 0)
    warning('the policy accepts this image without any signature (insecureAcceptAnything for this scope)');
  return verdict;
}

/** The verdict is about image-ref's digest; say so when the tag hosts pull points elsewhere (e.g. before promotion). */
function notePullRef(ref: string, digest: string, now: string | undefined): void {
  if (now === undefined)
    info(`pull-ref ${ref} does not resolve yet: judging ${digest} as hosts will see it once the tag points at it`);
  else if (now !== digest)
    warning(
      `pull-ref ${ref} currently resolves to ${now}, not ${digest}: hosts pulling it today get that other image; this verdict is for ${digest}`,
    );
}

/** The job summary: for each manifest, every signature found and the verdict on it. */
async function writeSummary(opts: VerifyOptions, verdict: ImageVerdict): Promise<void> {
  const s = jobSummary().heading('verify-digest');
  s.paragraph(html`${verdict.passed ? '✅ verified' : '❌ refused'}: ${code(formatReference(opts.image))}`);
  if (opts.host) {
    const top = verdict.targets[0]?.policy?.evaluation;
    s.paragraph([
      html`As a host pulling ${code(formatReference(opts.host.pullRef))}: policy ${code(opts.host.path)}, scope ${code(top?.scope.label ?? '?')}; `,
      html`use-sigstore-attachments <b>${top?.attachments.enabled ? 'true' : 'false'}</b>${top?.attachments.decidedBy ? ` (${top.attachments.decidedBy})` : ''}.`,
    ]);
  }
  for (const r of verdict.targets) {
    s.heading(r.target.platform ? `${r.target.platform} ${r.target.digest}` : r.target.digest, 4);
    const header = [{ header: 'check' }, { header: 'signature layer' }, { header: 'identity' }, { header: 'verdict' }];
    s.table([
      header,
      ...summaryRows(r).map((row) => [
        row.check,
        row.isDigest ? code(row.layer) : row.layer,
        row.identity,
        row.verdict,
      ]),
    ]);
  }
  await s.write();
}
