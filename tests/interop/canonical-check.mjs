// Usage: node canonical-check.mjs FILE.json
// FILE holds {"doubles":["<16 hex digits: IEEE-754 bits>",…],"strings":["…",…]}. Prints, as canonical JSON,
// {"doubles":[…],"strings":[…]} so the C# tests can check that they print numbers and escape strings
// exactly as dump.mjs does.
import { readFileSync } from 'node:fs';
import { FLOAT, STRING, canonical } from './lib/canonical.mjs';

if (process.argv.length !== 3) {
  throw new Error('usage: node canonical-check.mjs FILE.json');
}
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const view = new DataView(new ArrayBuffer(8));
const doubles = input.doubles.map((bits) => {
  view.setBigUint64(0, BigInt('0x' + bits));
  return canonical(FLOAT, view.getFloat64(0));
});
const strings = input.strings.map((s) => canonical(STRING, s));
process.stdout.write(JSON.stringify({ doubles, strings }) + '\n');
