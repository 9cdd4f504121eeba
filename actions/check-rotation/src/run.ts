import { checkRotation, formatReference, isoDay, writeRecoveryFiles, type RotationReport } from '@bydigest/core';
import { info, registryClient, warning } from '@bydigest/action-kit';
import type { RotationInputs } from './inputs.js';
import { writeSummary } from './summary.js';

export interface RotationResult {
  report: RotationReport;
  recoveryDir?: string;
}

/** Reads every live release's trust files, judges the candidate, writes the summary and the recovery files. */
export async function run(inputs: RotationInputs): Promise<RotationResult> {
  const client = registryClient(inputs.registry);
  let report: RotationReport;
  try {
    report = await checkRotation({ client, ...inputs });
  } finally {
    await client.close();
  }
  info(`phase ${report.phase} (${report.strategy}) as of ${isoDay(report.asOf)}: ${report.releases.length} live release(s), ${report.digestsRead} digest(s) read`);
  for (const c of report.checks) info(`${c.status.toUpperCase().padEnd(4)} ${c.id}: ${c.message}`);
  for (const r of report.releases) {
    const line = `${r.status.toUpperCase().padEnd(4)} ${r.release.tags.join(', ')} (${r.release.digest.slice(0, 19)}…, trusts ${r.trusts}): ${r.message}`;
    if (r.status === 'warn') warning(line);
    else info(line);
  }
  const result: RotationResult = { report };
  if (inputs.recoveryDir && report.candidateTrust.policyBytes) {
    const written = await writeRecoveryFiles(inputs.recoveryDir, report.candidateTrust, inputs.candidate);
    info(`recovery for stranded hosts: ${written.files.length} file(s) and recover.sh in ${written.dir} (the trust files of ${formatReference(inputs.candidate)})`);
    result.recoveryDir = written.dir;
  }
  await writeSummary(report, result.recoveryDir);
  return result;
}
