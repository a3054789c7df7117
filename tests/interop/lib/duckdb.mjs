// DuckDB as an independent Parquet reader (and, for duckdb-write.mjs, writer).
import { DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';
import { BINARY, BOOL, FLOAT, INT, STRING, listOf } from './canonical.mjs';

const INTEGER_TYPES = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT,
]);

// One thread keeps row order and row-group layout deterministic; these files are small.
export async function openDuckDB() {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export function sqlString(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

function kindOf(type) {
  if (type.typeId === DuckDBTypeId.BOOLEAN) return BOOL;
  if (INTEGER_TYPES.has(type.typeId)) return INT;
  if (type.typeId === DuckDBTypeId.FLOAT || type.typeId === DuckDBTypeId.DOUBLE) return FLOAT;
  if (type.typeId === DuckDBTypeId.VARCHAR) return STRING;
  if (type.typeId === DuckDBTypeId.BLOB) return BINARY;
  if (type.typeId === DuckDBTypeId.LIST) return listOf(kindOf(type.valueType));
  throw new Error(`DuckDB type ${type.toString()} has no canonical encoding`);
}

// DuckDB wraps lists and blobs in value classes; unwrap them into plain JS values.
function plain(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value.items)) return value.items.map(plain);
  if (value.bytes instanceof Uint8Array) return value.bytes;
  throw new Error(`DuckDB value ${String(value)} has no canonical encoding`);
}

// Runs a query and returns its columns, canonical kinds and plain rows.
export async function readQuery(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  return {
    columns: reader.columnNames(),
    types: reader.columnTypes().map(kindOf),
    rows: reader.getRows().map((row) => row.map(plain)),
  };
}

export async function readParquetFile(path) {
  const db = await openDuckDB();
  try {
    return await readQuery(db.connection, `SELECT * FROM read_parquet(${sqlString(path)})`);
  } finally {
    db.close();
  }
}
