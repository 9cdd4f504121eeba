import {
  checkRotation,
  formatReference,
  isoDay,
  writeRecoveryFiles,
  type RegistryClient,
  type RotationReport,
} from '@bydigest/core';
import { info, registryClient, warning } from '@bydigest/action-kit';
import { join } from 'node:path';
import type { Candidate, RotationInputs } from './inputs.js';
import { writeSummary } from './summary.js';

export interface RotationResult {
  report: RotationReport;
  recoveryDir?: string;
}

/**
 * Gates each candidate (a variant in its own repository) in turn with one registry client, then
 * writes one summary over all of them.
 */
export async function run(
  inputs: RotationInputs,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<RotationResult[]> {
  const results: RotationResult[] = [];
  try {
    for (const candidate of inputs.candidates) {
      const report = await checkRotation({ client, ...inputs, candidate });
      const recoveryDir =
        inputs.recoveryDir && inputs.candidates.length > 1
          ? join(inputs.recoveryDir, candidate.repository.replaceAll('/', '_'))
          : inputs.recoveryDir;
      results.push(await logAndRecover(report, candidate, recoveryDir));
    }
  } finally {
    await client.close();
  }
  await writeSummary(results);
  return results;
}

async function logAndRecover(
  report: RotationReport,
  candidate: Candidate,
  recoveryDir: string | undefined,
): Promise<RotationResult> {
  info(`${formatReference(candidate)}:`);
  info(
    `phase ${report.phase} (${report.strategy}) as of ${isoDay(report.asOf)}: ${report.releases.length} live release(s), ${report.digestsRead} digest(s) read`,
  );
  for (const c of report.checks)
    (c.status === 'warn' ? warning : info)(`${c.status.toUpperCase().padEnd(4)} ${c.id}: ${c.message}`);
  for (const r of report.releases) {
    const line = `${r.status.toUpperCase().padEnd(4)} ${r.release.tags.join(', ')} (${r.release.digest.slice(0, 19)}…, trusts ${r.trusts}): ${r.message}`;
    if (r.status === 'warn') warning(line);
    else info(line);
  }
  const result: RotationResult = { report };
  if (recoveryDir && report.candidateTrust.policyBytes) {
    const written = await writeRecoveryFiles(recoveryDir, report.candidateTrust, candidate);
    info(
      `recovery for stranded hosts: ${written.files.length} file(s) and recover.sh in ${written.dir} (the trust files of ${formatReference(candidate)})`,
    );
    result.recoveryDir = written.dir;
  }
  return result;
}
