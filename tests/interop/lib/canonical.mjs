// The canonical value encoding shared by every reader, so that two readers of the same file
// print byte-identical JSON and the C# tests can build the same text from the arrays they wrote.
//
// A reader first maps each column type to a "kind" and each value to a plain JS value
// (lists as arrays, binary as Uint8Array, integers as number or bigint, floats as number).
// Kinds: { kind: 'bool' | 'int' | 'float' | 'string' | 'binary' } or { kind: 'list', element }.

export const BOOL = Object.freeze({ kind: 'bool' });
export const INT = Object.freeze({ kind: 'int' });
export const FLOAT = Object.freeze({ kind: 'float' });
export const STRING = Object.freeze({ kind: 'string' });
export const BINARY = Object.freeze({ kind: 'binary' });
export const listOf = (element) => Object.freeze({ kind: 'list', element });

// Integers of any width become decimal strings: JSON numbers would lose 64-bit precision.
// Floats stay numbers; a float32 arrives already widened to the exact double it denotes, so
// JSON.stringify prints that double's shortest round-trip form and it compares exactly.
// Values JSON cannot hold become the strings "NaN", "Infinity", "-Infinity".
export function canonical(type, value) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (type.kind) {
    case 'bool':
      return expect(typeof value === 'boolean', type, value) && value;
    case 'int':
      expect(typeof value === 'bigint' || Number.isInteger(value), type, value);
      return BigInt(value).toString();
    case 'float':
      expect(typeof value === 'number', type, value);
      return Number.isFinite(value) ? value : String(value);
    case 'string':
      return expect(typeof value === 'string', type, value) && value;
    case 'binary':
      expect(value instanceof Uint8Array, type, value);
      return '0x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    case 'list':
      expect(Array.isArray(value), type, value);
      return value.map((item) => canonical(type.element, item));
    default:
      throw new Error(`unknown canonical kind ${JSON.stringify(type)}`);
  }
}

function expect(ok, type, value) {
  if (!ok) {
    throw new Error(`reader produced ${typeof value} ${String(value)} for a ${type.kind} column`);
  }
  return true;
}

// One document for a whole file: column names, then rows in file order.
export function renderDump(columns, types, rows) {
  const out = rows.map((row) => row.map((value, c) => canonical(types[c], value)));
  return JSON.stringify({ columns, rows: out }) + '\n';
}
