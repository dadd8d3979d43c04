// After `vite build`: a brotli (.br) and a gzip (.gz) copy beside every text file of dist/, made
// once here so the server only picks the file the browser accepts (backend/api/static.py).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(html|js|mjs|css|svg|json|txt|map|ttf)$/;
const MIN_BYTES = 1024; // smaller files gain nothing worth a second request header

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let before = 0;
let afterBrotli = 0;
for (const path of files(DIST)) {
  if (!TEXT.test(path)) continue;
  const raw = readFileSync(path);
  if (raw.length < MIN_BYTES) continue;
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  before += raw.length;
  afterBrotli += br.length;
}
const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(`compressed dist/: ${kB(before)} -> ${kB(afterBrotli)} with brotli`);
