import { MB, stats, type Stats } from './stats.js';
import type { Ctx, Row, Sample, Tool } from './types.js';

export interface Measured {
  rows: Row[];
  byTool: Record<string, Sample[]>;
}

/**
 * One untimed warm-up run of each tool (page cache, binaries), then `ctx.runs` timed rounds
 * interleaved A B C, A B C, … so that background load hits every tool alike, then one run of
 * each through the counting proxy (not timed: the proxy adds its own copying).
 */
export async function measureTools(
  ctx: Ctx,
  tools: Tool[],
  opts: { countRequests?: boolean; runs?: number; host?: string } = {},
): Promise<Measured> {
  const host = opts.host ?? ctx.reg.host;
  for (const t of tools) {
    ctx.log(`  warm-up ${t.name}`);
    await t.run('warm', host);
  }
  const byTool: Record<string, Sample[]> = Object.fromEntries(tools.map((t) => [t.name, []]));
  const runs = opts.runs ?? ctx.runs;
  for (let i = 0; i < runs; i++) {
    const line: string[] = [];
    for (const t of tools) {
      const s = await t.run(`r${i}`, host);
      byTool[t.name]!.push(s);
      line.push(`${t.name} ${s.ms.toFixed(0)} ms ${(s.peakRss / MB).toFixed(0)} MB`);
    }
    ctx.log(`  run ${i + 1}/${runs}: ${line.join(' | ')}`);
  }
  const rows: Row[] = [];
  for (const t of tools) {
    const samples = byTool[t.name]!;
    const row: Row = {
      tool: t.name,
      command: t.command,
      ms: stats(samples.map((s) => s.ms)),
      peakRssMB: stats(samples.map((s) => s.peakRss / MB)),
    };
    const stepNames = Object.keys(samples[0]?.steps ?? {});
    if (stepNames.length > 0) {
      const steps: Record<string, Stats> = {};
      for (const n of stepNames) steps[n] = stats(samples.map((s) => s.steps?.[n] ?? NaN));
      row.steps = steps;
    }
    if (opts.countRequests !== false) {
      ctx.proxy.reset();
      await t.run('count', ctx.proxy.host);
      row.requests = sortCounts(ctx.proxy.counts());
      row.requestsTotal = ctx.proxy.total();
      ctx.log(`  requests ${t.name}: ${row.requestsTotal} ${JSON.stringify(row.requests)}`);
    }
    rows.push(row);
  }
  return { rows, byTool };
}

function sortCounts(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)));
}

/** median(a) / median(b) for two rows' wall times. */
export function ratio(rows: Row[], a: string, b: string): number {
  const ra = rows.find((r) => r.tool === a);
  const rb = rows.find((r) => r.tool === b);
  if (!ra || !rb) throw new Error(`no row ${ra ? b : a}`);
  return ra.ms.median / rb.ms.median;
}

/** The median of per-round ratios a_i / b_i (less sensitive to drift between rounds). */
export function pairedRatio(m: Measured, a: string, b: string): number {
  const xs = m.byTool[a]!;
  const ys = m.byTool[b]!;
  const r = xs.map((x, i) => x.ms / ys[i]!.ms).sort((p, q) => p - q);
  const n = r.length;
  return n % 2 ? r[(n - 1) / 2]! : (r[n / 2 - 1]! + r[n / 2]!) / 2;
}
