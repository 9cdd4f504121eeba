import { generateSbom, type GeneratedSbom, type RegistryClient } from '@bydigest/core';
import { code, info, jobSummary, joinHtml, registryClient } from '@bydigest/action-kit';
import type { GenerateInputs } from './inputs.js';

export const TOOL = { name: 'bydigest-generate-sbom', version: '0.1.0' };

/** Reads the image's package database and writes the SBOM file(s); the client only for docker://. */
export async function run(
  inputs: GenerateInputs,
  client: RegistryClient | undefined = inputs.remote ? registryClient(inputs.registry) : undefined,
): Promise<GeneratedSbom> {
  try {
    const started = Date.now();
    const r = await generateSbom({
      source: inputs.source,
      platform: inputs.platform,
      ...(client ? { client } : {}),
      ...(inputs.distro ? { distro: inputs.distro } : {}),
      allowEmpty: inputs.allowEmpty,
      outputs: inputs.outputs,
      tool: TOOL,
    });
    const where = r.db
      ? `${r.db.path}${r.db.layer ? ` (layer ${r.db.layer})` : ''}`
      : 'no package database (allow-empty)';
    info(
      `${r.packages} packages from ${where}; distro ${r.distro}; read ${r.layersRead} of ${r.layersTotal} layers in ${Date.now() - started} ms`,
    );
    for (const f of r.files) info(`wrote ${f.format} to ${f.path}`);
    await jobSummary()
      .heading('generate-sbom')
      .table([
        [{ header: 'source' }, { header: 'database' }, { header: 'packages' }, { header: 'SBOM' }],
        [code(inputs.source), r.db ? code(r.db.path) : 'none', r.packages, joinHtml(r.files.map((f) => code(f.path)))],
      ])
      .write();
    return r;
  } finally {
    await client?.close();
  }
}
