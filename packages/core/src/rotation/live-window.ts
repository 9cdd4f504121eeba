/**
 * Which releases hosts may still run: each channel tag's current image, and the dated tags
 * (`stable-20261101`, `41-20261101`) within the window the maintainer sets, or the tags a
 * pattern names.
 */
import { BydigestError } from '../errors.js';

export type LiveWindow =
  { kind: 'days'; days: number; text: string } | { kind: 'pattern'; pattern: RegExp; text: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** `90d`, `12w`, or a tag pattern with `*` and `?` (e.g. `stable-2026*`). */
export function parseLiveWindow(text: string): LiveWindow {
  const value = text.trim();
  const span = /^(\d{1,4})([dw])$/.exec(value);
  if (span) {
    const days = Number(span[1]) * (span[2] === 'w' ? 7 : 1);
    if (days === 0)
      throw new BydigestError('INVALID_ARGUMENT', 'is 0 days: no dated release would be live', {
        hint: 'e.g. 90d, the longest a host may go without updating',
      });
    return { kind: 'days', days, text: value };
  }
  if (/[*?]/.test(value) && /^[A-Za-z0-9_.*?-]{1,128}$/.test(value)) {
    const source = value.replace(/[.]/g, '\\.').replace(/\*/g, '[A-Za-z0-9_.-]*').replace(/\?/g, '[A-Za-z0-9_.-]');
    return { kind: 'pattern', pattern: new RegExp(`^${source}$`), text: value };
  }
  throw new BydigestError(
    'INVALID_ARGUMENT',
    `${JSON.stringify(value.slice(0, 80))} is neither a span of days (90d, 12w) nor a tag pattern with * or ?`,
    { hint: 'e.g. 90d' },
  );
}

/** The date a dated tag carries (`…-YYYYMMDD`, `….YYYYMMDD` or `YYYYMMDD`), at 00:00 UTC. */
export function tagDate(tag: string): Date | undefined {
  const m = /(?:^|[-._])(\d{4})(\d{2})(\d{2})$/.exec(tag);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // 20261341 is not a date: Date.UTC would roll it over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}

/** When a release dated `date` leaves the window (undefined for a pattern: it stays while its tag does). */
export function leavesWindow(window: LiveWindow, date: Date): Date | undefined {
  return window.kind === 'days' ? new Date(date.getTime() + window.days * DAY_MS) : undefined;
}

/** Whether a tag is a live release at `asOf`; releases dated after `asOf` were not published yet. */
export function isLiveTag(window: LiveWindow, tag: string, asOf: Date): boolean {
  if (window.kind === 'pattern') return window.pattern.test(tag);
  const date = tagDate(tag);
  if (!date || date.getTime() > asOf.getTime()) return false;
  return asOf.getTime() < leavesWindow(window, date)!.getTime();
}

/** `2026-11-01` */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
