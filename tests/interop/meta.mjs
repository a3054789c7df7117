// Usage: node meta.mjs FILE.parquet
// Prints what DuckDB reads from the file's footer, as JSON:
// {"file":[parquet_file_metadata rows], "metadata":[parquet_metadata rows],
//  "schema":[parquet_schema rows], "kv":[parquet_kv_metadata rows]}.
// BIGINTs become decimal strings; BLOBs become text when they are valid UTF-8, else "0x" + hex.
import { openDuckDB, sqlString } from './lib/duckdb.mjs';

if (process.argv.length !== 3) {
  throw new Error('usage: node meta.mjs FILE.parquet');
}
const path = sqlString(process.argv[2]);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function toJson(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value;
  if (value.bytes instanceof Uint8Array) return blobText(value.bytes);
  if (Array.isArray(value.items)) return value.items.map(toJson);
  // MAP values: a list of key/value pairs keeps duplicate or non-text keys intact.
  if (Array.isArray(value.entries)) {
    return value.entries.map((e) => ('name' in e ? [e.name, toJson(e.value)] : [toJson(e.key), toJson(e.value)]));
  }
  return String(value);
}

function blobText(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return '0x' + Buffer.from(bytes).toString('hex');
  }
}

function rowObjects(reader) {
  const names = reader.columnNames();
  return reader.getRows().map((row) => Object.fromEntries(row.map((v, c) => [names[c], toJson(v)])));
}

const db = await openDuckDB();
try {
  const result = {};
  for (const [key, fn] of [['file', 'parquet_file_metadata'], ['metadata', 'parquet_metadata'],
    ['schema', 'parquet_schema'], ['kv', 'parquet_kv_metadata']]) {
    result[key] = rowObjects(await db.connection.runAndReadAll(`SELECT * FROM ${fn}(${path})`));
  }
  process.stdout.write(JSON.stringify(result, null, 1) + '\n');
} finally {
  db.close();
}
