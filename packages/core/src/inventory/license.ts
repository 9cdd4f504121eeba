import parse from 'spdx-expression-parse';

/**
 * Fedora's legacy (pre-2022 "callaway") short names and the SPDX identifiers Fedora's own
 * conversion table gives them. Only unambiguous ones: "BSD" or "GPL+" stay LicenseRefs.
 */
const LEGACY: Record<string, string> = {
  GPLv1: 'GPL-1.0-only',
  GPLv2: 'GPL-2.0-only',
  'GPLv2+': 'GPL-2.0-or-later',
  GPLv3: 'GPL-3.0-only',
  'GPLv3+': 'GPL-3.0-or-later',
  LGPLv2: 'LGPL-2.0-only',
  'LGPLv2+': 'LGPL-2.0-or-later',
  'LGPLv2.1': 'LGPL-2.1-only',
  'LGPLv2.1+': 'LGPL-2.1-or-later',
  LGPLv3: 'LGPL-3.0-only',
  'LGPLv3+': 'LGPL-3.0-or-later',
  AGPLv3: 'AGPL-3.0-only',
  'AGPLv3+': 'AGPL-3.0-or-later',
  GFDL: 'GFDL-1.3-or-later',
  'MPLv1.0': 'MPL-1.0',
  'MPLv1.1': 'MPL-1.1',
  'MPLv2.0': 'MPL-2.0',
  'ASL 1.1': 'Apache-1.1',
  'ASL 2.0': 'Apache-2.0',
  Boost: 'BSL-1.0',
  zlib: 'Zlib',
  Python: 'Python-2.0.1',
  PSF: 'PSF-2.0',
  OpenSSL: 'OpenSSL',
  'Artistic 2.0': 'Artistic-2.0',
  'Public Domain': 'LicenseRef-Fedora-Public-Domain',
  'Copyright only': 'LicenseRef-Fedora-Copyright-Only',
  ISC: 'ISC',
  MIT: 'MIT',
  Vim: 'Vim',
  Ruby: 'Ruby',
  OFL: 'OFL-1.1',
  CC0: 'CC0-1.0',
  'EPL-1.0': 'EPL-1.0',
  UCD: 'Unicode-DFS-2016',
};

export interface DeclaredLicense {
  /** A valid SPDX license expression, or NOASSERTION when the database states none. */
  expression: string;
  /** The LicenseRef the expression uses for text that is no SPDX expression, with that text. */
  extracted?: { licenseId: string; extractedText: string };
}

function valid(expr: string): boolean {
  try {
    parse(expr);
    return true;
  } catch {
    return false;
  }
}

/** `LicenseRef-` + the text, reduced to the idstring SPDX allows (letters, digits, `.`, `-`). */
export function licenseRefFor(text: string): string {
  return `LicenseRef-${text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown'}`;
}

/**
 * The license a package database states, as a valid SPDX expression: taken as is when it
 * already is one; legacy Fedora names with `and`/`or` mapped term by term; otherwise a
 * LicenseRef carrying the text, so nothing is lost and nothing invalid is written.
 */
export function declaredLicense(text: string | undefined): DeclaredLicense {
  const t = text?.trim();
  if (!t) return { expression: 'NOASSERTION' };
  if (valid(t)) return { expression: t };
  const parts = t.split(/(\(|\)|\s+(?:and|or|AND|OR|with|WITH)\s+)/).filter((s) => s !== undefined && s.trim() !== '');
  const mapped = parts.map((p) => {
    const s = p.trim();
    if (s === '(' || s === ')') return s;
    if (/^(and|or|with)$/i.test(s)) return ` ${s.toUpperCase()} `;
    const legacy = LEGACY[s];
    if (legacy) return legacy;
    return valid(s) ? s : undefined;
  });
  if (mapped.every((m) => m !== undefined)) {
    const expr = mapped.join('').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
    if (valid(expr)) return { expression: expr };
  }
  const licenseId = licenseRefFor(t);
  return { expression: licenseId, extracted: { licenseId, extractedText: t } };
}
