import { checkHostTrust, hostTrustFailure, type HostTrustReport, type RegistryClient } from '@bydigest/core';
import { info, registryClient, warning } from '@bydigest/action-kit';
import type { CheckInputs } from './inputs.js';
import { writeSummary } from './summary.js';

/** Reads the image's trust files, judges them, writes the summary; throws naming every failure. */
export async function run(
  inputs: CheckInputs,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<HostTrustReport> {
  let report: HostTrustReport;
  try {
    report = await checkHostTrust({
      source: inputs.source,
      platform: inputs.platform,
      pullRef: inputs.pullRef,
      client,
      ...(inputs.publicKeys ? { publicKeys: inputs.publicKeys } : {}),
      ...(inputs.imageDigest ? { digest: inputs.imageDigest } : {}),
    });
  } finally {
    await client.close();
  }
  for (const c of report.checks) {
    info(`${c.status.toUpperCase().padEnd(4)} ${c.title}: ${c.summary}`);
    for (const f of c.findings.filter((x) => x.status === 'warn'))
      warning(`${f.file}${f.field ? ` ${f.field}` : ''}: ${f.message}. Fix: ${f.fix}`);
  }
  await writeSummary(report);
  if (!report.passed) throw hostTrustFailure(report);
  return report;
}
