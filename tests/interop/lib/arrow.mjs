// arrow-rs (compiled to WebAssembly as parquet-wasm) as a second independent Parquet reader.
// Its Arrow table crosses into JS as an IPC stream that apache-arrow decodes.
import { readFile } from 'node:fs/promises';
import { DataType, tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { BINARY, BOOL, FLOAT, INT, STRING, listOf } from './canonical.mjs';

function kindOf(type) {
  if (DataType.isBool(type)) return BOOL;
  if (DataType.isInt(type)) return INT;
  if (DataType.isFloat(type)) return FLOAT;
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return STRING;
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return BINARY;
  if (DataType.isList(type)) return listOf(kindOf(type.children[0].type));
  throw new Error(`Arrow type ${String(type)} has no canonical encoding`);
}

// List slots come back as Arrow vectors; turn them into arrays (recursively for nested lists).
function plain(kind, value) {
  if (value === null || value === undefined || kind.kind !== 'list') return value ?? null;
  const items = [];
  for (const item of value) {
    items.push(plain(kind.element, item));
  }
  return items;
}

export async function readParquetFile(path) {
  const bytes = await readFile(path);
  const wasmTable = readParquet(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const table = tableFromIPC(wasmTable.intoIPCStream());
  const fields = table.schema.fields;
  const types = fields.map((f) => kindOf(f.type));
  const vectors = fields.map((_, c) => table.getChildAt(c));
  const rows = [];
  for (let r = 0; r < table.numRows; r++) {
    rows.push(vectors.map((vector, c) => plain(types[c], vector.get(r))));
  }
  return { columns: fields.map((f) => f.name), types, rows };
}
