// node scripts/compile_wasm.js SOURCE.wat OUT.wasm: WebAssembly text to binary with wabt (package.json,
// pinned), SIMD on. `make wasm` runs it for search by meaning's dense layers; a test runs it again and
// compares the bytes with the committed binary, so the binary is always its source's.
"use strict";
const fs = require("fs");

async function main([source, out]) {
  if (!source || !out) throw new Error("usage: node scripts/compile_wasm.js SOURCE.wat OUT.wasm");
  const wabt = await require("wabt")();
  const module = wabt.parseWat(source, fs.readFileSync(source, "utf8"), { simd: true });
  module.validate();
  fs.writeFileSync(out, Buffer.from(module.toBinary({ log: false, write_debug_names: false }).buffer));
}

main(process.argv.slice(2)).catch(error => { console.error(`${process.argv[2]}: ${error.message}`); process.exit(1); });
