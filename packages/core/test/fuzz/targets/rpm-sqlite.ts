/**
 * rpmdb.sqlite through node:sqlite (rpm-sqlite.ts). Byte mutations mostly meet SQLite's own
 * corruption checks; the generated databases are valid SQLite files whose `Packages` is hostile:
 * rows of the wrong types, a view that never ends, generated columns that allocate.
 */
import fc from 'fast-check';
import { readFileSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { readRpmSqlite } from '../../../src/pkgdb/rpm-sqlite.js';
import type { FuzzTarget } from '../contract.js';
import { asFile, fixture } from '../inputs.js';
import { headerArb, simpleHeader } from './rpm-header.js';

export const SCHEMAS = {
  rpm: 'CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)',
  loose: 'CREATE TABLE Packages (hnum, blob)',
  endlessView:
    "CREATE VIEW Packages AS WITH RECURSIVE c(hnum, blob) AS (SELECT 1, x'00' UNION ALL SELECT hnum + 1, blob FROM c) SELECT hnum, blob FROM c",
  generated:
    'CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, seed BLOB, blob BLOB GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL)',
  withoutRowid: 'CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob BLOB) WITHOUT ROWID',
  missing: 'CREATE TABLE Other (x)',
} as const;

export type Cell = Buffer | string | number | bigint | null;

/** A real SQLite file with the schema and rows given (rows the schema refuses are left out). */
export function sqliteFile(schema: keyof typeof SCHEMAS, rows: [Cell, Cell][]): Buffer {
  return asFileSync((path) => {
    const db = new DatabaseSync(path);
    try {
      db.exec(SCHEMAS[schema]);
      if (schema === 'rpm' || schema === 'loose' || schema === 'withoutRowid' || schema === 'generated') {
        const insert = db.prepare(
          schema === 'generated'
            ? 'INSERT INTO Packages (hnum, seed) VALUES (?, ?)'
            : 'INSERT INTO Packages (hnum, blob) VALUES (?, ?)',
        );
        for (const [h, b] of rows) {
          try {
            insert.run(h, b);
          } catch {
            // a constraint refused it: the file holds what SQLite accepts
          }
        }
      }
    } finally {
      db.close();
    }
    return readFileSync(path);
  });
}

let n = 0;
function asFileSync<T>(fn: (path: string) => T): T {
  const path = `${process.env.RUNNER_TEMP || '/tmp'}/bydigest-fuzz-sqlite-${process.pid}-${n++}`;
  try {
    return fn(path);
  } finally {
    for (const s of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  }
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  headerArb,
  fc.constant(simpleHeader('bash')),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constant(null),
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
);

const generated: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.constantFrom(...(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])),
    fc.array(fc.tuple(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)), cell), { maxLength: 6 }),
  )
  .map(([schema, rows]) => sqliteFile(schema, rows));

export const rpmSqlite: FuzzTarget = {
  name: 'rpm-sqlite',
  parser: 'pkgdb/rpm-sqlite.ts (node:sqlite)',
  promise:
    "Opened read-only from a private copy (immutable when there is no WAL). Packages must be a plain table: a view, a virtual table or computed columns run code on every read (an endless recursive view hung; a generated column allocated 900 MB a row) and are refused; a row whose blob is not a BLOB, a 64-bit hnum and SQLite's own corruption errors are PKGDB errors; rows are read one at a time.",
  run: (input) => asFile(input, (f) => readRpmSqlite(f, 'fuzz', { inPlace: true, wal: '/nonexistent' })),
  seeds: () => [fixture('rpmdb/rpmdb.sqlite'), sqliteFile('rpm', [[1, simpleHeader('bash')]])],
  generate: () => generated,
};
