// Tokenizes plans with the TextMate engine VS Code uses and fails when a
// non-blank piece of text gets no scope beyond the root one, or is marked
// invalid: every character of a valid plan must be highlighted as something.
//
// usage: node check.mjs GRAMMAR PLAN...

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const textmate = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const [grammarPath, ...plans] = process.argv.slice(2);
if (!grammarPath || plans.length === 0) {
  console.error("usage: node check.mjs GRAMMAR PLAN...");
  process.exit(2);
}

const wasm = fs.readFileSync(path.join(here, "node_modules/vscode-oniguruma/release/onig.wasm"));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async (scopeName) => {
    if (scopeName !== "source.stride") return null;
    const text = fs.readFileSync(grammarPath, "utf8");
    return textmate.parseRawGrammar(text, grammarPath);
  },
});

const grammar = await registry.loadGrammar("source.stride");
if (!grammar) {
  console.error(`${grammarPath}: no grammar for source.stride`);
  process.exit(1);
}

let problems = 0;
let tokens = 0;
for (const plan of plans) {
  const lines = fs.readFileSync(plan, "utf8").split(/\r\n|\r|\n/);
  let state = textmate.INITIAL;
  lines.forEach((line, i) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const text = line.slice(token.startIndex, token.endIndex);
      tokens += 1;
      if (text.trim() === "") continue;
      const unscoped = token.scopes.length < 2;
      const invalid = token.scopes.some((s) => s.startsWith("invalid"));
      if (unscoped || invalid) {
        problems += 1;
        const what = unscoped ? "no scope" : token.scopes.join(" ");
        console.error(`${plan}:${i + 1}:${token.startIndex + 1}: ${JSON.stringify(text)}: ${what}`);
      }
    }
    state = result.ruleStack;
  });
}
console.log(`${plans.length} plans, ${tokens} tokens, ${problems} unscoped or invalid`);
process.exit(problems === 0 ? 0 : 1);
