// First use over a phone's network (not a test: it prints figures). Headless Chromium with an
// empty cache opens the portal's sign-in page under three network profiles and measures, from
// the start of the navigation:
//   first paint            the browser's first contentful paint
//   sign-in form usable    the sign-in button is drawn and enabled (the console has started)
// and, after the sign-in button is pressed:
//   device list shown      the first device row is drawn
// Usage: node bench/first-use.mjs <portal url> [--rounds 3] [--label after] [--out file.md]
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const PROFILES = [
  // A slow 4G line and a mid-range phone's CPU.
  { name: 'slow 4G: 1.6 Mbps, 150 ms, 4× CPU', latency: 150, down: 1.6e6, up: 0.75e6, cpu: 4 },
  { name: 'office: 20 Mbps, 20 ms', latency: 20, down: 20e6, up: 5e6, cpu: 1 },
  { name: 'unthrottled (loopback)', cpu: 1 },
];

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--') && /^https?:/.test(a));
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option('rounds', '3'));
const label = option('label', 'run');
const out = option('out', null);
if (!url) {
  console.error('usage: node bench/first-use.mjs <portal url> [--rounds 3] [--label after] [--out file.md]');
  process.exit(2);
}

// Installed before any script of the page: notes when the sign-in button becomes usable, when
// it is pressed and when the first device row appears, on the page's own clock.
const WATCH = `(() => {
  const marks = (window.__firstUse = {});
  const check = () => {
    const submit = document.querySelector('[data-testid="login-submit"]');
    if (!marks.form && submit && !submit.disabled && submit.getClientRects().length) {
      marks.form = performance.now();
      submit.addEventListener('click', () => { marks.submitted = performance.now(); }, { capture: true });
    }
    if (!marks.list && document.querySelector('[data-testid^="device-row-"]')) marks.list = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function once(browser, profile) {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.addInitScript(WATCH);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.latency !== undefined) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down / 8,
      uploadThroughput: profile.up / 8,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });

  await page.goto(`${url}/login`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstUse && window.__firstUse.form, null, { polling: 50, timeout: 120_000 });
  const signInBytes = bytes;
  const paint = await page.evaluate(() =>
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo#2026');
  await page.getByTestId('login-submit').click();
  await page.waitForFunction(() => window.__firstUse.list, null, { polling: 50, timeout: 120_000 });
  const marks = await page.evaluate(() => window.__firstUse);
  await context.close();
  return { paint, form: marks.form, list: marks.list - marks.submitted, signInBytes };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const seconds = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: FLAGS,
});
const rows = [];
for (const profile of PROFILES) {
  const runs = [];
  for (let i = 0; i < rounds; i += 1) runs.push(await once(browser, profile));
  const row = {
    profile: profile.name,
    paint: median(runs.map((r) => r.paint ?? Infinity)),
    form: median(runs.map((r) => r.form)),
    list: median(runs.map((r) => r.list)),
    kb: Math.round(median(runs.map((r) => r.signInBytes)) / 1024),
  };
  rows.push(row);
  console.log(`${label} | ${row.profile}: first paint ${seconds(row.paint)}, sign-in form usable ${seconds(row.form)}, device list ${seconds(row.list)} after sign-in, ${row.kb} KB to the form`);
}
await browser.close();

const table = [
  `First use (${label}), median of ${rounds} rounds, no cache, 390×844 touch, Japanese:`,
  '',
  '| network | first paint | sign-in form usable | device list after sign-in | bytes to the form (KiB) |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.profile} | ${seconds(r.paint)} | ${seconds(r.form)} | ${seconds(r.list)} | ${r.kb} |`),
  '',
].join('\n');
console.log(`\n${table}`);
if (out) writeFileSync(out, table);
