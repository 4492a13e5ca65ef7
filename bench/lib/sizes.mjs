// Sizes of the built console: every file of dist/ raw, gzip and brotli (the levels the portal
// precompresses with: gzip 9, brotli 11 with a 4 MB window), and the initial wasm + JS.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const INITIAL_BUDGET = 120 * 1024;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

/** One row per file of `dist` ({ file, raw, gzip, brotli, initial }), largest first. */
export function measureDist(dist) {
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return files(dist)
    .map((full) => {
      const raw = fs.readFileSync(full);
      const file = path.relative(dist, full);
      const brotli = zlib.brotliCompressSync(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 },
      }).length;
      // What the page fetches before the console runs: the wasm and JS that index.html names.
      const initial = /\.(wasm|js)$/.test(file) && index.includes(path.basename(file));
      return { file, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length, brotli, initial };
    })
    .sort((a, b) => b.raw - a.raw);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

/** The size table in Markdown, with the initial total against the budget. */
export function sizeMarkdown(rows) {
  const lines = ['| file | raw KB | gzip KB | brotli KB | initial |', '|---|---:|---:|---:|---|'];
  for (const r of rows) lines.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${r.initial ? 'yes' : ''} |`);
  const sum = (key, only) => rows.filter((r) => !only || r.initial).reduce((s, r) => s + r[key], 0);
  lines.push(`| **all of dist/** | ${kb(sum('raw'))} | ${kb(sum('gzip'))} | ${kb(sum('brotli'))} | |`);
  const initial = sum('brotli', true);
  const verdict = initial <= INITIAL_BUDGET
    ? `met (${kb(INITIAL_BUDGET - initial)} KB to spare)`
    : `missed by ${kb(initial - INITIAL_BUDGET)} KB (${((initial / INITIAL_BUDGET - 1) * 100).toFixed(0)} %)`;
  lines.push(`| **initial wasm + JS** | ${kb(sum('raw', true))} | ${kb(sum('gzip', true))} | ${kb(initial)} | budget 120 KB brotli: ${verdict} |`);
  return lines.join('\n');
}
