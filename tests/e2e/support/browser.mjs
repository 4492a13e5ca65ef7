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
