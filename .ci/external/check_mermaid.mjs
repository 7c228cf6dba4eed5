// Parses every Mermaid chart of the given Markdown files with mermaid.parse,
// under jsdom (mermaid needs a DOM even to parse).
//
//   node check_mermaid.mjs TOOLS_DIR FILE.md...

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, ...files] = process.argv.slice(2);
const require = createRequire(join(tools, 'package.json'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
globalThis.HTMLElement = dom.window.HTMLElement;

const mermaid = (await import(pathToFileURL(join(tools, 'node_modules/mermaid/dist/mermaid.core.mjs')).href)).default;
mermaid.initialize({ startOnLoad: false });

const problems = [];
let charts = 0;
const fence = /^```mermaid\n([\s\S]*?)^```$/gm;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let found = 0;
  for (const match of text.matchAll(fence)) {
    found += 1;
    charts += 1;
    try {
      const result = await mermaid.parse(match[1]);
      if (!result || result.diagramType !== 'xychart') {
        problems.push(`${file}: chart ${found} parsed as ${result && result.diagramType}`);
      }
    } catch (e) {
      problems.push(`${file}: chart ${found}: ${e.message || e}`);
    }
  }
  if (found === 0) problems.push(`${file}: no mermaid chart`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`mermaid: ${charts} charts in ${files.length} files parse`);
