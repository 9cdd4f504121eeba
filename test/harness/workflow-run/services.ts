// `services:` stand-ins. A `registry:2` service is Debian's docker-registry (distribution 2.8, the
// one test/harness/registry.ts runs) on the host port the service maps, for as long as the job; the
// docker shim (bin/docker) copies its storage in and out as `docker cp` does a container's.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type RunningRegistry } from '../registry.js';

export interface Service {
  name: string;
  id: string;
  ports: Record<string, string>;
  registry: RunningRegistry;
}

interface ServiceSpec {
  image?: string;
  ports?: Array<string | number>;
}

export async function startServices(
  specs: Record<string, ServiceSpec> | undefined,
  containersDir: string,
): Promise<Service[]> {
  const started: Service[] = [];
  try {
    for (const [name, spec] of Object.entries(specs ?? {})) {
      if (!/^registry:2(\.|@|$)/.test(spec.image ?? ''))
        throw new Error(`services.${name}: no stand-in for image ${spec.image} (only registry:2)`);
      const mapping = (spec.ports ?? []).map(String);
      const five = mapping.find((p) => p.endsWith(':5000'));
      if (mapping.length !== 1 || five === undefined)
        throw new Error(`services.${name}: the registry stand-in maps one port, HOST:5000 (got ${mapping.join(', ')})`);
      const hostPort = Number(five.split(':')[0]);
      const registry = await startRegistry({ port: hostPort });
      const id = randomBytes(12).toString('hex');
      writeFileSync(join(containersDir, id), registry.dataDir);
      started.push({ name, id, ports: { '5000': String(hostPort) }, registry });
    }
    return started;
  } catch (e) {
    await stopServices(started);
    throw e;
  }
}

export async function stopServices(services: Service[]): Promise<void> {
  for (const s of services) await s.registry.stop();
}

/** `job.services` as the expression context shows it. */
export function servicesContext(services: Service[]): Record<string, unknown> {
  return Object.fromEntries(services.map((s) => [s.name, { id: s.id, network: 'bridge', ports: s.ports }]));
}
