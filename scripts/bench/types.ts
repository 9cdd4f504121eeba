import type { FaultProxy } from '../../test/harness/fault-proxy.js';
import type { RunningRegistry } from '../../test/harness/registry.js';
import type { KeyFixture } from './fixtures.js';
import type { SkopeoJail } from './peers.js';
import type { Stats } from './stats.js';

export interface Ctx {
  reg: RunningRegistry;
  /** A counting proxy in front of reg (no faults); only the request-count runs go through it. */
  proxy: FaultProxy;
  fixtures: string;
  quick: boolean;
  /** Timed runs per tool for the 1 GiB push (the others get lightRuns). */
  runs: number;
  /** Timed runs per tool for the benchmarks that take a second or less per run. */
  lightRuns: number;
  key: KeyFixture;
  skopeo: SkopeoJail;
  /** Environment for peers: this process's, plus the registry's DOCKER_CONFIG / REGISTRY_AUTH_FILE. */
  peerEnv: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/** One timed run of a tool (setup such as pushing a fresh image is not included). */
export interface Sample {
  ms: number;
  peakRss: number;
  /** Wall time of each command of a multi-command pipeline. */
  steps?: Record<string, number>;
}

export interface Tool {
  name: string;
  /** The command(s), as shown in the report. */
  command: string;
  /** Runs once. `label` names fresh repositories/tags; `host` is the registry or the counting proxy. */
  run: (label: string, host: string) => Promise<Sample>;
}

export interface Row {
  tool: string;
  command: string;
  ms: Stats;
  peakRssMB: Stats;
  steps?: Record<string, Stats>;
  requests?: Record<string, number>;
  requestsTotal?: number;
}

export interface Target {
  what: string;
  /** The measured value (a ratio, MB, or a count). */
  value: number;
  op: '<=' | '<' | '==';
  limit: number;
  unit: 'x' | 'MB' | 'requests';
  met: boolean;
}

export interface BenchResult {
  id: string;
  title: string;
  setup: string;
  rows: Row[];
  targets: Target[];
  notes: string[];
  skipped?: string;
  /** 1-minute load average before and after (other jobs on the machine add noise). */
  load?: [number, number];
}

export function target(what: string, value: number, op: Target['op'], limit: number, unit: Target['unit']): Target {
  const met = op === '<=' ? value <= limit : op === '<' ? value < limit : value === limit;
  return { what, value, op, limit, unit, met };
}
