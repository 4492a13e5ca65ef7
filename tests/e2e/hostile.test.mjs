// Hostile data against a real portal seeded with `--seed-hostile`: device names, notes, tags,
// owners, a group name and Wi-Fi names and SSIDs carrying markup, script, bidi controls and very
// long strings. On every screen that shows them they are the exact text, nothing from them runs
// or becomes an element, and the page keeps its layout (no sideways scrolling, bounded rows).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot, atPath } from './support/browser.mjs';
import { registerWipe } from './jobs.support.mjs';

// The strings of portal/src/store/seed/hostile.rs.
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror=window.__pwned=1>';
const SVG = '"><svg onload=window.__pwned=1>';
const RTL = '\u202Egpj.exe 山田の端末\u200F';
const LONG = `LONG${'W'.repeat(316)}`;
const GROUP = '<b>検証</b><img src=x onerror=window.__pwned=1>';
const NAMES = [SCRIPT, IMG, SVG, RTL, LONG];

let portal;
let browser;
let page;
let dialogs = 0;
let hostile;
before(async () => {
  portal = await startPortal({ args: ['--seed-hostile', '--seed-devices', '200'] });
  browser = await launchBrowser();
  page = await newPage(browser);
  page.on('dialog', async (dialog) => { dialogs += 1; await dialog.dismiss(); });
  await signIn(page, portal.url);
  await page.waitForURL(atPath('/devices'));
  hostile = await hostileGroup();
});
after(async () => { await browser?.close(); await portal?.stop(); });

async function api(path) {
  return page.evaluate(async (p) => (await fetch(`/api${p}`, { headers: { Accept: 'application/json' } })).json(), path);
}

/** The hostile group and its devices, as the API gives them. */
async function hostileGroup() {
  const { roots } = await api('/groups');
  const group = roots.find((g) => g.name === GROUP);
  assert.ok(group, `no group named ${GROUP}`);
  const { items } = await api(`/devices?group=${group.id}&per_page=25&page=1`);
  assert.deepEqual(items.map((d) => d.name).sort(), [...NAMES].sort());
  return { group, devices: items, byName: (name) => items.find((d) => d.name === name) };
}

/** Nothing ran, no dialog opened, no element came from the payloads, no sideways scrolling. */
async function assertInert(where) {
  const found = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: [...document.querySelectorAll('svg[onload]')].length,
    handlers: [...document.querySelectorAll('[onerror],[onload]')].length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === '検証').length,
    overflow: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
  }));
  assert.deepEqual(found, { pwned: 'undefined', images: 0, svgs: 0, handlers: 0, scripts: 0, bold: 0, overflow: 0 }, where);
  assert.equal(dialogs, 0, `${where}: a dialog opened`);
  assert.deepEqual(page.errors, [], where);
}

test('the device list shows every hostile value as text, truncated with a tooltip, rows bounded', async () => {
  await page.getByTestId(`group-${hostile.group.id}`).click();
  assert.equal(await page.getByTestId(`group-${hostile.group.id}`).textContent().then((t) => t.includes(GROUP)), true);
  for (const name of NAMES) {
    const device = hostile.byName(name);
    const cell = page.getByTestId(`device-row-${device.id}`).locator('.col-name .cell-text');
    await cell.waitFor();
    assert.equal(await cell.textContent(), name);
    assert.equal(await cell.getAttribute('title'), name);
  }
  const long = page.getByTestId(`device-row-${hostile.byName(LONG).id}`);
  const geometry = await long.evaluate((row) => {
    const name = row.querySelector('.col-name .cell-text');
    return { height: row.getBoundingClientRect().height, truncated: name.scrollWidth > name.clientWidth };
  });
  assert.ok(geometry.height < 80, `the long row is ${geometry.height}px high`);
  assert.ok(geometry.truncated, 'the long name is cut with an ellipsis');
  // The override mark does not turn the row around: the name cell stays left of the others.
  const rtl = page.getByTestId(`device-row-${hostile.byName(RTL).id}`);
  const [nameX, osX] = await Promise.all([
    rtl.locator('.col-name').boundingBox().then((b) => b.x),
    rtl.locator('.col-os').boundingBox().then((b) => b.x),
  ]);
  assert.ok(nameX < osX, 'the name cell stays before the OS cell');
  await screenshot(page, 'hostile-devices');
  await assertInert('device list');
});

test('searching for the script name finds its device and the one it owns, the term shown as typed', async () => {
  await page.getByTestId('device-search').fill(SCRIPT);
  await page.getByTestId('device-search-submit').click();
  await page.waitForURL((url) => new URL(url).searchParams.get('q') === SCRIPT);
  const rows = page.locator('[data-testid="device-table"] tbody tr[data-testid^="device-row-"]');
  await page.waitForFunction(() =>
    document.querySelectorAll('[data-testid="device-table"] tbody tr[data-testid^="device-row-"]').length === 2);
  // The search covers names and owners: the device named so, and the one whose owner it is.
  const found = await rows.locator('.col-name .cell-text').allTextContents();
  assert.deepEqual(found.sort(), [SCRIPT, SVG].sort());
  assert.equal(await page.getByTestId('device-search').inputValue(), SCRIPT);
  await assertInert('search');
  await page.getByTestId('device-search').fill('');
  await page.getByTestId('device-search-submit').click();
  await page.waitForURL((url) => !new URL(url).searchParams.get('q'));
});

test('the measures dialog, the wizard with its hostile Wi-Fi choices and the preview stay inert', async () => {
  await page.goto(`${portal.url}/devices?group=${hostile.group.id}`);
  await page.getByTestId('select-page').check();
  await page.getByTestId('measures-button').click();
  await page.getByTestId('measures-dialog').waitFor();
  await assertInert('measures dialog');
  await page.getByTestId('measure-wipe').check();
  await page.getByTestId('measures-next').click();
  await page.getByTestId('wipe-form').waitFor();

  await page.getByTestId('tab-after').click();
  const options = await page.getByTestId('wipe-wifi').locator('option').allTextContents();
  // Name and SSID are isolated (U+2068 … U+2069) so an override in one cannot flip the option.
  const isolated = (text) => `\u2068${text}\u2069`;
  assert.ok(options.some((o) => o.startsWith(`${isolated(SCRIPT)}(${isolated(SVG)} / `)), options.join('\n'));
  assert.ok(options.some((o) => o.startsWith(`${isolated(`${RTL}Wi-Fi`)}(${isolated(`${IMG}${'S'.repeat(300)}`)} / `)), options.join('\n'));
  await screenshot(page, 'hostile-wizard');
  await assertInert('wizard');

  const toggle = page.locator('[data-testid^="preview-toggle-"]').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const plans = page.locator('[data-testid^="preview-devices-"] .plan__name');
  await plans.first().waitFor();
  const shown = await plans.allTextContents();
  for (const name of shown) assert.ok(NAMES.includes(name), `unexpected plan name ${name}`);
  assert.ok(shown.length > 0);
  const width = await page.locator('[data-testid^="preview-devices-"]').first().evaluate((list) => list.scrollWidth - list.clientWidth);
  assert.equal(width, 0, 'the preview list does not scroll sideways');
  await screenshot(page, 'hostile-preview');
  await assertInert('preview');
});

test('the job list and the job detail of a hostile device show its name as text', async () => {
  for (const name of [SCRIPT, LONG]) {
    const device = hostile.byName(name);
    await registerWipe(page, [device.id]);
  }
  await page.goto(`${portal.url}/jobs`);
  const names = page.getByTestId('job-device');
  await names.first().waitFor();
  const listed = await names.allTextContents();
  assert.ok(listed.includes(SCRIPT) && listed.includes(LONG), listed.join('\n'));
  await screenshot(page, 'hostile-jobs');
  await assertInert('job list');

  const entry = page.locator('[data-testid="job-entry"]', { has: page.getByTestId('job-device').getByText(SCRIPT, { exact: true }) }).first();
  await entry.locator('[data-job-link]').first().click();
  const detail = page.getByTestId('job-drawer').getByTestId('job-detail');
  await detail.waitFor();
  assert.equal(await detail.getByTestId('detail-device').textContent(), SCRIPT);
  await screenshot(page, 'hostile-job-detail');
  await assertInert('job detail');
});
