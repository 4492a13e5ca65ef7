// The portal's CSV exports and dark mode end to end, on a tenant of 100,000 devices: the device
// table's export downloads completely with its progress shown and as many rows as the table's
// total; the theme chosen in the header survives a reload; screenshots at 1280×800 in ja and en,
// light and dark, and axe finds nothing to fix in the dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot, atPath } from './support/browser.mjs';
import { axeViolations } from './support/axe.mjs';

const FLEET = 100_000;

let portal;
let browser;
let page;
before(async () => {
  portal = await startPortal({ args: ['--seed-devices', String(FLEET)] });
  browser = await launchBrowser();
  page = await newPage(browser);
  await signIn(page, portal.url);
  await page.waitForURL(atPath('/devices'));
});
after(async () => { await browser?.close(); await portal?.stop(); });

test('the 100,000-device export downloads completely, its rows matching the table total', async () => {
  await page.getByTestId('device-pager-range').getByText('全100,000件').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('device-export').click(),
  ]);
  assert.match(download.suggestedFilename(), /^端末一覧_\d{8}-\d{4}\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.match(lines[0], /^端末ID,端末名,OS,.*,最終接続日時 \(Asia\/Tokyo\),端末タグ$/);
  assert.equal(lines.length - 1, FLEET, 'one row per device of the table');
  const toast = page.getByTestId('toast').filter({ hasText: 'CSV' });
  assert.match(await toast.innerText(), /100,000行のCSV/);
  assert.deepEqual(page.errors, []);
});

test('dark mode chosen in the header survives a reload; light and dark screenshots in ja and en', async () => {
  const root = page.locator('.mdm-console');
  await page.locator('[data-testid^="device-row-"]').first().waitFor();
  const background = () => root.evaluate((el) => getComputedStyle(el).backgroundColor);
  await screenshot(page, 'devices-light-ja-1280');
  const light = await background();
  await page.getByTestId('theme-switch').selectOption('dark');
  assert.equal(await root.getAttribute('data-theme'), 'dark');
  const dark = await background();
  assert.notEqual(dark, light);
  await page.reload();
  await page.locator('[data-testid^="device-row-"]').first().waitFor();
  assert.equal(await root.getAttribute('data-theme'), 'dark', 'kept in this browser');
  assert.equal(await background(), dark);
  assert.equal(await page.getByTestId('theme-switch').inputValue(), 'dark');
  await screenshot(page, 'devices-dark-ja-1280');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByTestId('lang-en').click();
  await screenshot(page, 'devices-dark-en-1280');
  await page.getByTestId('nav-jobs').click();
  await page.waitForURL(atPath('/jobs'));
  await page.getByTestId('job-list').waitFor();
  await screenshot(page, 'jobs-dark-en-1280');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByTestId('theme-switch').selectOption('light');
  await screenshot(page, 'jobs-light-en-1280');
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('device-table').waitFor();
  await screenshot(page, 'devices-light-en-1280');
  await page.getByTestId('theme-switch').selectOption('system');
  assert.deepEqual(page.errors, []);
});

test('at 1920×1080, devices and jobs in ja and en, light and dark: no sideways scroll, no axe violation', async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const theme of ['light', 'dark']) {
    await page.getByTestId('theme-switch').selectOption(theme);
    for (const lang of ['ja', 'en']) {
      await page.getByTestId(`lang-${lang}`).click();
      for (const [area, ready] of [['devices', 'device-table'], ['jobs', 'job-list']]) {
        await page.getByTestId(`nav-${area}`).click();
        await page.waitForURL(atPath(`/${area}`));
        await page.getByTestId(ready).waitFor();
        const sideways = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
        assert.ok(sideways <= 0, `${area} ${lang} ${theme} scrolls sideways by ${sideways} px`);
        assert.deepEqual(await axeViolations(page), [], `${area} ${lang} ${theme}`);
        await screenshot(page, `${area}-${theme}-${lang}-1920`);
      }
    }
  }
  await page.getByTestId('theme-switch').selectOption('system');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(page.errors, []);
});
