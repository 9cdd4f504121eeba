/** Counts and path-only messages of a wipe; never any content. */
export interface WipeReport {
  /** Regular files zeroed, fsynced and removed. */
  files: number;
  /** Bytes overwritten with zeros. */
  bytes: number;
  /** Directories removed. */
  directories: number;
  /** Symbolic links removed without being followed. */
  links: number;
  /** FIFOs, sockets and device nodes removed. */
  other: number;
  /** Paths that were already gone. */
  absent: number;
  warnings: string[];
  errors: string[];
}

export function emptyWipeReport(): WipeReport {
  return { files: 0, bytes: 0, directories: 0, links: 0, other: 0, absent: 0, warnings: [], errors: [] };
}

export function mergeWipeReports(...reports: WipeReport[]): WipeReport {
  const out = emptyWipeReport();
  for (const r of reports) {
    out.files += r.files;
    out.bytes += r.bytes;
    out.directories += r.directories;
    out.links += r.links;
    out.other += r.other;
    out.absent += r.absent;
    out.warnings.push(...r.warnings);
    out.errors.push(...r.errors);
  }
  return out;
}
