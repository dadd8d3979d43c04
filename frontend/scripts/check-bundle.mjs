// The dashboard's first screen must stay light: the JS that dist/index.html loads before the
// first render (its entry script, module preloads and their static imports, never a dynamic
// import) is at most LIMIT_KB gzip. Run after `npm run build` (make check does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 100;
const DIST = new URL('../dist/', import.meta.url).pathname;

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const pending = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map(
  (match) => match[1],
);
const seen = new Set();
let total = 0;
while (pending.length > 0) {
  const file = pending.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(DIST, file));
  total += gzipSync(code, { level: 9 }).length;
  // Static imports only: `import ... from "./x.js"` and `import "./x.js"` (not `import("./x.js")`).
  const text = code.toString('utf8');
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
    pending.push(join(file, '..', match[1]));
  }
}
const kB = (total / 1024).toFixed(1);
const files = [...seen].map((file) => file.replace('assets/', '')).join(', ');
if (seen.size === 0) {
  console.error('check-bundle: no script found in dist/index.html');
  process.exit(1);
}
if (total > LIMIT_KB * 1024) {
  console.error(`check-bundle: first screen JS is ${kB} kB gzip (> ${LIMIT_KB} kB): ${files}`);
  process.exit(1);
}
console.log(`check-bundle: first screen JS ${kB} kB gzip (limit ${LIMIT_KB} kB): ${files}`);
