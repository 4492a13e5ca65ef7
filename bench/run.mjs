// The browser benchmark: the console's real device table (bench/table, built by Trunk) against
// a vanilla-JS table with the same markup (bench/vanilla), in one headless Chromium run.
// Started by `bash scripts/bench.sh`; BENCHMARKS.md explains the method.
//
//   node bench/run.mjs [--rounds 10] [--warmup 2] [--trace-rounds 5] [--out bench/results]
//   env: CHROMIUM (default /usr/bin/chromium), CONSOLE_DIST (the real console's dist/, for sizes)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './lib/server.mjs';
import { measureDist, sizeMarkdown } from './lib/sizes.mjs';
import { OPERATIONS, canonical, clickAndSettle } from './lib/operations.mjs';
import { longestTask } from './lib/trace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', 10));
const WARMUP = Number(arg('warmup', 2));
const TRACE_ROUNDS = Number(arg('trace-rounds', 5));
const OUT = path.resolve(arg('out', path.join(here, 'results')));
const SIDES = ['console', 'vanilla'];

const server = await serve({
  '/console/': path.join(here, 'dist', 'table'),
  '/vanilla/': path.join(here, 'vanilla'),
  '/style/': path.join(root, 'style'),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-extensions'],
});
let wizardHtml = '';

/** A fresh context and page on `side`, ready to take clicks. */
async function open(side) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/${side}/`);
  await page.waitForSelector('#run');
  await page.waitForSelector('[data-testid="device-table"]');
  if (side === 'vanilla') await page.evaluate((html) => { window.WIZARD_HTML = html; }, wizardHtml);
  const cdp = await context.newCDPSession(page);
  // Thread time, not wall time: the time the OS gives the CPU to other processes is left out.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp, errors, close: () => context.close() };
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

async function rowCount(page) {
  return page.evaluate(() => document.querySelectorAll('tbody tr').length);
}

/** Runs every operation once on a fresh page; answers { key: ms of main-thread tasks }. */
async function round(side, { trace = false } = {}) {
  const tab = await open(side);
  const figures = {};
  for (const op of OPERATIONS) {
    for (const step of op.setup) await clickAndSettle(tab.page, step);
    await tab.cdp.send('HeapProfiler.collectGarbage');
    if (trace && op.task) {
      await browser.startTracing(tab.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await clickAndSettle(tab.page, op.act);
      figures[op.key] = longestTask(await browser.stopTracing());
    } else if (!trace) {
      const before = await taskSeconds(tab.cdp);
      await clickAndSettle(tab.page, op.act);
      figures[op.key] = (await taskSeconds(tab.cdp) - before) * 1000;
    } else {
      await clickAndSettle(tab.page, op.act);
    }
    if (op.rows !== null && await rowCount(tab.page) !== op.rows) {
      throw new Error(`${side}: after "${op.name}" the table has ${await rowCount(tab.page)} rows, not ${op.rows}`);
    }
  }
  if (tab.errors.length) throw new Error(`${side}: page errors: ${tab.errors.join('; ')}`);
  await tab.close();
  return figures;
}

/** Runs the operations on both sides side by side and fails loudly when the markup differs. */
async function checkSameMarkup() {
  const tabs = { console: await open('console'), vanilla: await open('vanilla') };
  const compare = async (what, selector) => {
    const [a, b] = [await canonical(tabs.console.page, selector), await canonical(tabs.vanilla.page, selector)];
    if (a !== b) {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      throw new Error(`markup differs ${what} (${selector}) at character ${i}:\n  console: …${(a || '').slice(Math.max(0, i - 200), i + 200)}\n  vanilla: …${(b || '').slice(Math.max(0, i - 200), i + 200)}`);
    }
  };
  await compare('before any operation', '.table-frame');
  for (const op of OPERATIONS) {
    for (const side of SIDES) {
      for (const step of op.setup) await clickAndSettle(tabs[side].page, step);
      if (op.key === 'wizard' && side === 'console') {
        await clickAndSettle(tabs.console.page, op.act);
        await tabs.console.page.waitForSelector('#wizard-host [data-testid]');
        wizardHtml = await tabs.console.page.evaluate(() => document.getElementById('wizard-host').innerHTML);
        await tabs.vanilla.page.evaluate((html) => { window.WIZARD_HTML = html; }, wizardHtml);
        continue;
      }
      await clickAndSettle(tabs[side].page, op.act);
    }
    if (op.key !== 'wizard') await compare(`after "${op.name}"`, '.table-frame');
  }
  for (const side of SIDES) {
    if (tabs[side].errors.length) throw new Error(`${side}: page errors: ${tabs[side].errors.join('; ')}`);
    await tabs[side].close();
  }
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function machine() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0]?.model;
  let chromiumVersion = browser.version();
  try { chromiumVersion = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* keep the CDP version */ }
  return {
    cores: os.cpus().length, cpu, ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: os.release(), chromium: chromiumVersion, node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}

const started = Date.now();
const info = machine();
console.log(`[bench] ${info.cpu}, ${info.cores} cores, ${info.ram}; ${info.chromium}; load ${info.load}`);
console.log('[bench] checking that both pages draw the same markup');
await checkSameMarkup();
const samples = Object.fromEntries(SIDES.map((s) => [s, Object.fromEntries(OPERATIONS.map((o) => [o.key, []]))]));
for (let r = 0; r < WARMUP + ROUNDS; r++) {
  // Interleaved, and the side that goes first alternates.
  for (const side of r % 2 ? [...SIDES].reverse() : SIDES) {
    const figures = await round(side);
    if (r >= WARMUP) for (const [key, ms] of Object.entries(figures)) samples[side][key].push(ms);
  }
  console.log(`[bench] round ${r + 1}/${WARMUP + ROUNDS}${r < WARMUP ? ' (warm-up)' : ''}`);
}
const longest = Object.fromEntries(SIDES.map((s) => [s, {}]));
for (let r = 0; r < TRACE_ROUNDS; r++) {
  for (const side of r % 2 ? [...SIDES].reverse() : SIDES) {
    const figures = await round(side, { trace: true });
    for (const [key, ms] of Object.entries(figures)) (longest[side][key] ||= []).push(ms);
  }
  console.log(`[bench] traced round ${r + 1}/${TRACE_ROUNDS}`);
}
const finishedLoad = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
await browser.close();
server.close();

// The report.
const fmt = (ms) => (ms === undefined ? '—' : ms.toFixed(1));
const lines = [
  '| operation | console ms | vanilla ms | ratio | target | | longest task, console ms (≤ 16) |',
  '|---|---:|---:|---:|---:|---|---:|',
];
let logSum = 0;
let weightSum = 0;
const results = [];
for (const op of OPERATIONS) {
  const c = median(samples.console[op.key]);
  const v = median(samples.vanilla[op.key]);
  const ratio = c / v;
  const task = longest.console[op.key] ? median(longest.console[op.key]) : undefined;
  const ratioOk = op.target === null || ratio <= op.target;
  const taskOk = !op.task || (task !== undefined && task <= op.task);
  if (op.weight) { logSum += op.weight * Math.log(ratio); weightSum += op.weight; }
  const verdict = ratioOk && taskOk ? 'pass' : `**miss**${!ratioOk ? ` (+${((ratio / op.target - 1) * 100).toFixed(0)} % over ratio)` : ''}${!taskOk ? (task === undefined ? ' (task not traced)' : ` (task +${(task - op.task).toFixed(1)} ms)`) : ''}`;
  lines.push(`| ${op.name} | ${fmt(c)} | ${fmt(v)} | ${ratio.toFixed(2)}× | ${op.target === null ? 'task ≤ 16 ms' : `≤ ${op.target}×`} | ${verdict} | ${task === undefined ? '' : fmt(task)} |`);
  results.push({ key: op.key, name: op.name, console: c, vanilla: v, ratio, task, samples: { console: samples.console[op.key], vanilla: samples.vanilla[op.key] }, longest: { console: longest.console[op.key], vanilla: longest.vanilla[op.key] } });
}
const geomean = Math.exp(logSum / weightSum);
lines.push(`| **weighted geometric mean** (equal weights, wizard excluded) | | | **${geomean.toFixed(2)}×** | ≤ 1.15× | ${geomean <= 1.15 ? 'pass' : `**miss** (+${((geomean / 1.15 - 1) * 100).toFixed(0)} %)`} | |`);
const wizardVanilla = longest.vanilla.wizard ? median(longest.vanilla.wizard) : undefined;
const table = lines.join('\n');

let sizes = '';
const consoleDist = process.env.CONSOLE_DIST || path.join(root, 'dist');
if (fs.existsSync(path.join(consoleDist, 'index.html'))) sizes = sizeMarkdown(measureDist(consoleDist));

const minutes = ((Date.now() - started) / 60000).toFixed(1);
const report = [
  `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${ROUNDS} rounds per side after ${WARMUP} warm-up rounds, ${TRACE_ROUNDS} traced rounds; ${minutes} min.`,
  '',
  `- machine: ${info.cpu}, ${info.cores} cores, ${info.ram} RAM, Linux ${info.kernel}`,
  `- browser: ${info.chromium} (headless), driven by playwright-core over CDP; Node ${info.node}`,
  `- load average (1/5/15 min): ${info.load} at the start, ${finishedLoad} at the end`,
  '',
  '### Main-thread task time per operation (median, Performance.getMetrics TaskDuration)',
  '',
  table,
  '',
  `Longest single task of the vanilla page for the same three: sort ${fmt(longest.vanilla.sort && median(longest.vanilla.sort))} ms, filter ${fmt(longest.vanilla.filter && median(longest.vanilla.filter))} ms, wizard (markup insertion only) ${fmt(wizardVanilla)} ms.`,
  '',
  '### Bundle size of the console (`trunk build --release`, dist/)',
  '',
  sizes || '(no dist/ found: build the console first)',
  '',
].join('\n');
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'latest.md'), report);
fs.writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify({ machine: info, rounds: ROUNDS, warmup: WARMUP, geomean, results }, null, 2));
console.log(`\n${report}`);
console.log(`[bench] written to ${path.relative(root, path.join(OUT, 'latest.md'))}`);
