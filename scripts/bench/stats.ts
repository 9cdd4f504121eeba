export interface Stats {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
}

export function stats(values: number[]): Stats {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
}

export const MB = 1e6;
export const MiB = 1 << 20;
