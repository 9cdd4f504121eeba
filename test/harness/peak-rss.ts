import { readFileSync } from 'node:fs';

/**
 * Polls a process's peak resident set (VmHWM, kB) every 20 ms until `stop()`; for runAction's
 * `onSpawn`. The kernel keeps the high-water mark, so a short spike between polls still counts.
 */
export function watchPeakRss(): { onSpawn: (pid: number) => void; stop: () => number } {
  let peakKb = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    onSpawn: (pid) => {
      timer = setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
          if (m) peakKb = Math.max(peakKb, Number(m[1]));
        } catch {
          // The process has exited; the last reading stands.
        }
      }, 20);
    },
    stop: () => {
      clearInterval(timer);
      return peakKb;
    },
  };
}
