// Usage: node duckdb-write.mjs OUTDIR
// Writes one deterministic table with DuckDB to OUTDIR/duckdb_{codec}_{v1,v2}.parquet and, next to each
// file, the canonical dump of the table (FILE.json) that any correct reader of the file must reproduce.
// The expected dump comes from the in-memory table, not from reading the file back.
// Also writes OUTDIR/duckdb_wide_int32_deltas_v2.parquet (+ .json), which arrow-rs cannot read.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderDump } from './lib/canonical.mjs';
import { openDuckDB, readQuery, sqlString } from './lib/duckdb.mjs';

if (process.argv.length !== 3) {
  throw new Error('usage: node duckdb-write.mjs OUTDIR');
}
const outDir = resolve(process.argv[2]);
await mkdir(outDir, { recursive: true });

// Every column has nulls; the integer columns reach their type's extremes; the float columns hold
// NaN and infinities; strings include empty and non-ASCII text; lists include empty lists, null
// lists and null elements; the few distinct strings make DuckDB use dictionaries.
// Consecutive INTEGER values stay less than 2^31 apart: DuckDB computes V2's DELTA_BINARY_PACKED
// deltas in 64 bits and arrow-rs rejects a 32-bit column whose deltas do not fit in 32 bits
// ("min_delta too large"), so wider jumps would leave one reader out.
const rowCount = 3000;
const table = `
CREATE TABLE t AS
SELECT
  i AS ord,
  CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END AS b,
  CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37 % 256 - 128)::TINYINT END AS i8,
  CASE WHEN i % 13 = 0 THEN NULL
       WHEN i = 1 THEN -32768
       WHEN i = 2 THEN 32767
       ELSE i * 7919 % 65536 - 32768 END::SMALLINT AS i16,
  CASE WHEN i % 17 = 0 THEN NULL
       WHEN i = 1 THEN -2147483648
       WHEN i = 2 THEN -1200000000
       WHEN i = 3 THEN 0
       WHEN i = 4 THEN 1200000000
       WHEN i = 5 THEN 2147483647
       WHEN i = 6 THEN 1200000000
       ELSE i * 2654435761 % 1800000001 - 900000000 END::INTEGER AS i32,
  CASE WHEN i % 19 = 0 THEN NULL
       WHEN i = 1 THEN -9223372036854775808
       WHEN i = 2 THEN 9223372036854775807
       ELSE (i - 1500) * 3074457345618258 + i END::BIGINT AS i64,
  CASE WHEN i % 23 = 0 THEN NULL
       WHEN i = 3 THEN 'NaN'::FLOAT
       WHEN i = 4 THEN 'Infinity'::FLOAT
       WHEN i = 5 THEN '-Infinity'::FLOAT
       ELSE ((i - 1500) / 7.0)::FLOAT END AS f32,
  CASE WHEN i % 29 = 0 THEN NULL
       WHEN i = 3 THEN 'NaN'::DOUBLE
       WHEN i = 4 THEN 'Infinity'::DOUBLE
       WHEN i = 5 THEN '-Infinity'::DOUBLE
       WHEN i = 6 THEN 1e300
       WHEN i = 8 THEN 5e-324
       ELSE (i - 1500) * 1e10 / 3 END::DOUBLE AS f64,
  CASE WHEN i % 31 = 0 THEN NULL
       WHEN i % 10 = 1 THEN ''
       WHEN i % 5 = 2 THEN 'héllo-ünïcødé-' || i % 7 || '-🧬'
       ELSE 'row-' || i % 40 END AS s,
  CASE WHEN i % 37 = 0 THEN NULL
       WHEN i % 9 = 4 THEN []::INTEGER[]
       ELSE list_transform(range(i % 6), x -> CASE WHEN (x + i) % 4 = 0 THEN NULL ELSE (x * i - 7000)::INTEGER END) END AS li,
  CASE WHEN i % 41 = 0 THEN NULL
       WHEN i % 8 = 3 THEN []::VARCHAR[]
       ELSE list_transform(range(i % 4), x -> CASE WHEN x = 1 THEN NULL WHEN x = 2 THEN '' ELSE 'é' || (i + x) % 30 END) END AS ls,
  CASE WHEN i % 43 = 0 THEN NULL
       ELSE list_transform(range(i % 4), y ->
         CASE WHEN (i + y) % 5 = 0 THEN NULL
              ELSE list_transform(range((i + y) % 4), x -> CASE WHEN x = 2 THEN NULL ELSE (x - y * i)::INTEGER END) END) END AS lli
FROM range(${rowCount}) r(i)
ORDER BY i`;

// ord only fixes the row order; it is not written.
const ordered = 'SELECT * EXCLUDE (ord) FROM t ORDER BY ord';
// DuckDB cuts row groups only between the chunks its query yields (2048 rows from one scan), so the
// file is fed as a UNION ALL of 500-row slices, which with one thread arrive in order, one chunk each.
const rowGroupRows = 500;
const slices = [];
for (let start = 0; start < rowCount; start += rowGroupRows) {
  slices.push(`(SELECT * EXCLUDE (ord) FROM t WHERE ord >= ${start} AND ord < ${start + rowGroupRows} ORDER BY ord)`);
}
const sliced = slices.join(' UNION ALL ');
const codecs = ['uncompressed', 'snappy', 'gzip', 'zstd'];
const versions = ['v1', 'v2'];

const db = await openDuckDB();
try {
  await db.connection.run(table);
  const { columns, types, rows } = await readQuery(db.connection, ordered);
  const expected = renderDump(columns, types, rows);
  for (const codec of codecs) {
    for (const version of versions) {
      const file = join(outDir, `duckdb_${codec}_${version}.parquet`);
      await db.connection.run(
        `COPY (${sliced}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION ${codec}, ` +
        `PARQUET_VERSION ${version.toUpperCase()}, ROW_GROUP_SIZE ${rowGroupRows})`);
      await writeFile(`${file}.json`, expected);
      process.stdout.write(`${file}\n`);
    }
  }

  // One more file, for our reader only: INTEGER values jumping across the whole 32-bit range, whose V2
  // DELTA_BINARY_PACKED deltas DuckDB stores in 64 bits (arrow-rs refuses them; see above).
  const wide = 'SELECT CASE WHEN i % 10 = 9 THEN NULL WHEN i % 2 = 0 THEN -2147483648 + i ELSE 2147483647 - i END::INTEGER AS x ' +
    'FROM range(1000) r(i) ORDER BY i';
  const wideFile = join(outDir, 'duckdb_wide_int32_deltas_v2.parquet');
  await db.connection.run(`COPY (${wide}) TO ${sqlString(wideFile)} (FORMAT parquet, PARQUET_VERSION V2)`);
  const wideRows = await readQuery(db.connection, wide);
  await writeFile(`${wideFile}.json`, renderDump(wideRows.columns, wideRows.types, wideRows.rows));
  process.stdout.write(`${wideFile}\n`);
} finally {
  db.close();
}
