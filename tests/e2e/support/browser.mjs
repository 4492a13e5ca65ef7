// Headless Chromium from Debian, driven by playwright-core (which never downloads a browser).
import { chromium } from 'playwright-core';

// Without the background-networking flags Chromium floods the closed network with requests.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}

/** A fresh page whose browser language is `locale`; console errors are collected on `page.errors`. */
export async function newPage(browser, { locale = 'ja-JP', width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  trackRequests(page);
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  return page;
}

/** Signs in through the real login form. */
export async function signIn(page, baseUrl, { username = 'admin', password = 'Demo#2026' } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Saves a screenshot under artifacts/screenshots when SCREENSHOTS is set (for looking, not asserting). */
export async function screenshot(page, name) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: false });
}

/** A URL predicate for `waitForURL`: true when the path (not the query) is exactly `path`. */
export function atPath(path) {
  return (url) => new URL(url).pathname === path;
}

const inFlight = new WeakMap();

/** Counts the page's requests in flight, for `pageIdle` (call it right after opening the page). */
export function trackRequests(page) {
  if (inFlight.has(page)) return;
  const open = new Set();
  inFlight.set(page, open);
  page.on('request', (request) => open.add(request));
  for (const done of ['requestfinished', 'requestfailed']) page.on(done, (request) => open.delete(request));
}

/**
 * Resolves once the page has nothing left to do: no request in flight, two frames drawn, and
 * the browser's idle callback run (so events a screen queues, such as policy violation reports,
 * have been dispatched). Bounded at 30 s; never a fixed pause.
 */
export async function pageIdle(page) {
  const open = inFlight.get(page);
  if (!open) throw new Error('pageIdle needs trackRequests(page) when the page is opened');
  const until = Date.now() + 30_000;
  for (;;) {
    while (open.size > 0) {
      if (Date.now() > until) throw new Error(`still loading: ${[...open].map((r) => r.url()).join(', ')}`);
      await new Promise((resolve) => { page.once('requestfinished', resolve); page.once('requestfailed', resolve); });
    }
    await page.evaluate(() => new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(resolve, { timeout: 5_000 })));
    }));
    // A frame can start a request (a screen loading its data): idle only when none did.
    if (open.size === 0) return;
  }
}
