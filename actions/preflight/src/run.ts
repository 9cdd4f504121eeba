import { preflight, preflightFailure, type PreflightReport, type RegistryClient } from '@bydigest/core';
import { code, html, info, jobSummary, notice, registryClient, warning } from '@bydigest/action-kit';
import type { PreflightInputs } from './inputs.js';

/** Seconds, not minutes: the whole preflight is a handful of requests and one scrypt. */
const TIMEOUT_MS = 4000;

export async function run(
  inputs: PreflightInputs,
  client: RegistryClient = registryClient(
    { ...inputs.registry, retries: Math.min(inputs.registry.retries, 1) },
    { timeoutMs: TIMEOUT_MS },
  ),
  anonymous?: RegistryClient,
): Promise<PreflightReport> {
  let report: PreflightReport;
  try {
    report = await preflight({
      image: inputs.image,
      client,
      publicKeys: inputs.publicKeys,
      env: process.env,
      insecure: inputs.registry.insecure,
      timeoutMs: TIMEOUT_MS,
      ...(inputs.keySecrets ? { keySecrets: inputs.keySecrets } : {}),
      ...(anonymous ? { anonymous } : {}),
    });
  } finally {
    await client.close();
  }
  if (report.signing === 'off') {
    notice(
      `signing is off: no key secret (${process.env.INPUT_KEY || 'env://COSIGN_PRIVATE_KEY'} is unset or empty), so nothing is signed or promoted to a signed channel. To turn it on: pnpm keygen, commit cosign.pub, gh secret set COSIGN_PRIVATE_KEY < cosign.key and gh secret set COSIGN_PASSWORD.`,
    );
    if (inputs.publicKeyMissing) info(`public-key: ${inputs.publicKeyMissing} (no failure while signing is off)`);
  }
  for (const w of report.warnings) warning(`${w.message}. Fix: ${w.fix}`);
  if (report.problems.length === 0)
    info(
      `preflight passed: ${report.repo.registry}/${report.repo.repository} is writable${report.signing === 'on' ? ', the key decrypts and matches cosign.pub' : ''}`,
    );
  await writeSummary(report);
  if (report.problems.length > 0) throw preflightFailure(report);
  return report;
}

async function writeSummary(r: PreflightReport): Promise<void> {
  const s = jobSummary().heading(`preflight: ${r.problems.length === 0 ? 'ready' : `${r.problems.length} problem(s)`}`);
  s.paragraph(
    html`${code(`${r.repo.registry}/${r.repo.repository}`)}: signing is ${r.signing}; push ${r.writable ? 'allowed' : 'refused'}; anonymous pull ${r.anonymous ?? 'not checked'}.`,
  );
  const rows = [
    ...r.problems.map((p) => ['❌ ' + p.input, `${p.message}. Fix: ${p.fix}`]),
    ...r.warnings.map((w) => ['⚠️ warning', `${w.message}. Fix: ${w.fix}`]),
  ];
  if (rows.length > 0) s.table([[{ header: 'what' }, { header: 'detail' }], ...rows]);
  await s.write();
}
