// Usage: node dump.mjs --reader duckdb|arrow FILE.parquet
// Prints the file's columns and rows as canonical JSON (see lib/canonical.mjs).
import { renderDump } from './lib/canonical.mjs';

const usage = 'usage: node dump.mjs --reader duckdb|arrow FILE.parquet';
const args = process.argv.slice(2);
if (args.length !== 3 || args[0] !== '--reader') {
  throw new Error(usage);
}
const [, readerName, path] = args;
const readers = {
  duckdb: () => import('./lib/duckdb.mjs'),
  arrow: () => import('./lib/arrow.mjs'),
};
if (!(readerName in readers)) {
  throw new Error(usage);
}

const { readParquetFile } = await readers[readerName]();
const { columns, types, rows } = await readParquetFile(path);
process.stdout.write(renderDump(columns, types, rows));
