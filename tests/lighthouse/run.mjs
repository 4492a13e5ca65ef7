// Lighthouse's accessibility and best-practices scores of the devices and jobs pages of the
// release-built console, on a desktop and on a phone, against a freshly seeded portal, signed in through the real login form.
// A report, not a test: it prints the scores and every audit that lost points, and exits 0.
//
// Run through scripts/lighthouse.sh (which builds what is missing and sets PORTAL_BIN and
// CONSOLE_DIST).
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { startPortal } from '../e2e/support/portal.mjs';

// The flags of the end-to-end tests (tests/e2e/support/browser.mjs): no background traffic on a closed network.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--lang=ja-JP',
];
const PAGES = ['/devices', '/jobs'];
// The desktop as before, and a phone (390×844, touch, the console's phone layout).
const PROFILES = [
  { name: 'desktop 1280×800', formFactor: 'desktop', screenEmulation: { disabled: true } },
  {
    name: 'phone 390×844',
    formFactor: 'mobile',
    screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 3, disabled: false },
  },
];

const portal = await startPortal();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: FLAGS,
  defaultViewport: { width: 1280, height: 800 },
});
const results = [];
try {
  const page = await browser.newPage();
  // The first load compiles the wasm; a busy machine needs more than the default 30 s.
  page.setDefaultTimeout(120_000);
  await page.goto(`${portal.url}/login`);
  await page.waitForSelector('[data-testid="login-username"]');
  await page.type('[data-testid="login-username"]', 'admin');
  await page.type('[data-testid="login-password"]', 'Demo#2026');
  await Promise.all([
    page.waitForFunction(() => location.pathname === '/devices'),
    page.click('[data-testid="login-submit"]'),
  ]);
  await registerHybridWipe(page);

  for (const profile of PROFILES) for (const path of PAGES) {
    const { lhr } = await lighthouse(`${portal.url}${path}`, {
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices'],
      formFactor: profile.formFactor,
      screenEmulation: profile.screenEmulation,
      throttlingMethod: 'provided',
      disableStorageReset: true,
    }, undefined, page);
    const scores = Object.fromEntries(Object.entries(lhr.categories)
      .map(([id, category]) => [id, Math.round(category.score * 100)]));
    results.version = lhr.lighthouseVersion;
    const lost = Object.values(lhr.categories).flatMap((category) => category.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${category.id}: ${ref.id} — ${lhr.audits[ref.id].title}`));
    // Signed in, the page stays where it was asked for (signed out it would be the login page).
    const shown = new URL(lhr.finalDisplayedUrl).pathname;
    if (shown !== path) throw new Error(`${path} showed ${shown}: not signed in?`);
    results.push({ profile: profile.name, path, scores, lost });
  }
} finally {
  await browser.close();
  await portal.stop();
}

console.log(`Lighthouse ${results.version} (no throttling), Chromium ${await chromiumVersion()}`);
for (const { profile, path, scores, lost } of results) {
  console.log(`${profile} ${path}: accessibility ${scores.accessibility}, best practices ${scores['best-practices']}`);
  for (const line of lost) console.log(`  lost: ${line}`);
}

/** Registers a wipe of one Hybrid device through the API, so the job list shows a pair. */
async function registerHybridWipe(page) {
  const answer = await page.evaluate(async () => {
    const session = await (await fetch('/api/session')).json();
    const list = await (await fetch('/api/devices?method=hybrid&per_page=100&page=1')).json();
    const device = list.items.find((d) => d.ownership === 'company' && d.enrollment !== 'user');
    const response = await fetch('/api/wipes', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': session.csrf_token,
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({
        selection: { kind: 'devices', device_ids: [device.id] },
        options: { delete_general_info: true, schedule_at: null, wifi_setting_id: null, keep_esim_data_plan: false },
        password: 'Demo#2026',
        agreed: true,
        skip_not_wipeable: false,
      }),
    });
    return response.status;
  });
  if (answer !== 201) throw new Error(`registering the example wipe answered ${answer}`);
}

async function chromiumVersion() {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(process.env.CHROMIUM_BIN || '/usr/bin/chromium', ['--version'], (_, out) =>
      resolve(String(out).match(/\d+\.\d+\.\d+\.\d+/)?.[0] ?? 'unknown'));
  });
}
