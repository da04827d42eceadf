#!/usr/bin/env node
/**
 * Writes a gzip (.gz) and a brotli (.br) copy beside every compressible file of the build, which
 * the server's static handler (sirv, `gzip: true, brotli: true`) sends to browsers that accept
 * them: a cold profile page was 652 KiB on the wire uncompressed. Compressed once at build time,
 * at the highest levels, instead of on every request. A copy that would not be smaller is not written.
 *
 *   node scripts/compress.mjs        (after vite build; part of `npm run build`)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

let original = 0;
let brotli = 0;
let files = 0;
for (const name of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort()) {
  const file = path.join(dist, name);
  // Not .vite/ (the build manifest): the server never sends dot-directories.
  if (!COMPRESSIBLE.test(name) || name.startsWith('.') || !fs.statSync(file).isFile()) continue;
  const bytes = fs.readFileSync(file);
  if (bytes.length < MIN_BYTES) continue;
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  if (gz.length < bytes.length) fs.writeFileSync(`${file}.gz`, gz);
  if (br.length < bytes.length) fs.writeFileSync(`${file}.br`, br);
  original += bytes.length;
  brotli += Math.min(br.length, bytes.length);
  files += 1;
}
console.log(`compressed ${files} files: ${(original / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB with brotli (gzip copies beside them)`);
