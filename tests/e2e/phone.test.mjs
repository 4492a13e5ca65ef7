// The console on a phone: 390×844 with touch, in Japanese and in English, the whole lost-device
// flow (sign in, find the device by search, tick it, 紛失時対策 → 遠隔初期化, options on both tabs,
// password, 同意する, OK, the job in ジョブ管理 reached through the menu drawer). Then every screen
// at 360 px: the page never scrolls sideways and axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { apiCall, devices } from './jobs.support.mjs';
import {
  newPhonePage, signInByTouch, goByMenu, assertNoSidewaysScroll, axeViolations,
  walkPhoneScreens, PHONE_SCREENS,
} from './support/phone.mjs';

let portal;
let browser;
before(async () => { portal = await startPortal(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await portal?.stop(); });

const TEXT = {
  ja: { selected: '1台を選択中', wipe: '遠隔初期化', jobs: 'ジョブ管理', done: /(\d+)件登録しました/ },
  en: { selected: '1 device selected', wipe: 'Remote wipe', jobs: 'Jobs', done: /Registered (\d+) jobs?/ },
};

/** Whether the element is entirely inside the visible screen. */
async function onScreen(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return Boolean(box) && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

/** A wipeable company device that is neither Hybrid (one job) nor taken by an earlier test. */
async function wipeableDevice(page, skip) {
  const all = await devices(page, 'os=ios');
  const device = all.find((d) => d.ownership === 'company' && d.enrollment !== 'user'
    && d.management_method === 'apple_mdm' && !skip.includes(d.id));
  assert.ok(device, 'a wipeable iOS device');
  skip.push(device.id);
  return device;
}

const taken = [];

for (const lang of ['ja', 'en']) {
  test(`phone (${lang}): find a device, wipe it with options on both tabs, see the job`, async () => {
    const t = TEXT[lang];
    const page = await newPhonePage(browser, { locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
    await signInByTouch(page, portal.url, lang);
    await assertNoSidewaysScroll(page, 'devices');
    await screenshot(page, `phone-devices-${lang}`);

    // Find the device by its name.
    const device = await wipeableDevice(page, taken);
    await page.getByTestId('device-search').fill(device.name);
    await page.getByTestId('device-search-submit').tap();
    await page.waitForURL(/[?&]q=/);
    const checkbox = page.getByTestId(`select-device-${device.id}`);
    await checkbox.waitFor();

    // The whole checkbox cell down the card's side is the touch target, at least 44 px.
    const cell = page.getByTestId(`device-row-${device.id}`).locator('.col-check');
    const box = await cell.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `touch target ${box.width}×${box.height}`);
    await page.touchscreen.tap(box.x + 4, box.y + 4);
    assert.equal(await checkbox.isChecked(), true, 'a tap near the edge of the cell ticks the device');
    assert.equal(await page.getByTestId('selection-count').innerText(), t.selected);
    await assertNoSidewaysScroll(page, 'devices with a search');
    await screenshot(page, `phone-devices-selected-${lang}`);

    // 紛失時対策 → 遠隔初期化 → 次へ, in a sheet along the bottom.
    await page.getByTestId('measures-button').tap();
    await page.getByTestId('measures-dialog').waitFor();
    assert.ok(await onScreen(page, page.getByTestId('measures-next')), '次へ is on the screen');
    await screenshot(page, `phone-measures-${lang}`);
    await page.getByTestId('measure-wipe').tap();
    await page.getByTestId('measures-next').tap();
    await page.getByTestId('wipe-form').waitFor();
    assert.equal(await page.getByTestId('page-title').innerText(), t.wipe);
    await page.getByTestId('preview-summary').waitFor();
    await assertNoSidewaysScroll(page, 'wipe settings');
    // OK is held at the bottom of the screen, wherever the page is scrolled.
    assert.ok(await onScreen(page, page.getByTestId('wipe-ok')), 'OK on the screen at the top of the page');
    await screenshot(page, `phone-wipe-settings-${lang}`);

    // 遠隔初期化設定: keep the general info, no schedule (so Wi-Fi can be chosen).
    await page.getByTestId('wipe-delete-info').tap();
    assert.equal(await page.getByTestId('wipe-delete-info').isChecked(), false);
    await page.getByTestId('wipe-schedule').tap();
    assert.equal(await page.getByTestId('wipe-schedule').isChecked(), false);

    // 遠隔初期化後の設定: a Wi-Fi setting for re-enrollment, keep the eSIM plan.
    await page.getByTestId('tab-after').tap();
    await page.getByTestId('tabpanel-after').waitFor();
    const wifi = (await apiCall(page, 'GET', '/wifi-settings')).body.items.find((w) => w.name === '本社Wi-Fi');
    await page.getByTestId('wipe-wifi').selectOption(String(wifi.id));
    await page.getByTestId('wipe-esim').tap();
    assert.equal(await page.getByTestId('wipe-esim').isChecked(), true);
    await page.getByTestId('preview-updating').waitFor({ state: 'detached' });
    await assertNoSidewaysScroll(page, 'after-wipe settings');
    await screenshot(page, `phone-wipe-after-${lang}`);

    // Password and 同意する, then OK, with the bar still in reach at the end of the page.
    await page.getByTestId('tab-settings').tap();
    await page.getByTestId('wipe-password').fill('Demo#2026');
    assert.equal(await page.getByTestId('wipe-password').getAttribute('autocomplete'), 'current-password');
    await page.getByTestId('wipe-agree').tap();
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
    assert.ok(await onScreen(page, page.getByTestId('wipe-ok')), 'OK on the screen at the end of the page');
    await screenshot(page, `phone-wipe-ready-${lang}`);
    await page.getByTestId('wipe-ok').tap();
    await page.getByTestId('wipe-done').waitFor();
    const jobs = Number(t.done.exec(await page.getByTestId('wipe-done-body').innerText())[1]);
    assert.equal(jobs, 1);
    await screenshot(page, `phone-wipe-done-${lang}`);

    // ジョブ管理 through the menu drawer: the new job is the first card.
    await goByMenu(page, 'jobs');
    assert.equal(await page.getByTestId('page-title').innerText(), t.jobs);
    const first = page.locator('[data-testid="job-entry"]').first();
    await first.waitFor();
    assert.ok((await first.innerText()).includes(device.name), `${device.name} in ${t.jobs}`);
    await assertNoSidewaysScroll(page, 'jobs');
    await screenshot(page, `phone-jobs-${lang}`);
    // The browser logs nothing else.
    assert.deepEqual(page.errors, []);
  });
}

for (const lang of ['ja', 'en']) {
  test(`360 px (${lang}): no screen scrolls sideways, axe finds no violation`, async () => {
    const page = await newPhonePage(browser, { locale: lang === 'ja' ? 'ja-JP' : 'en-US', width: 360, height: 740 });
    const checked = [];
    const found = [];
    await walkPhoneScreens(page, portal.url, async (screen) => {
      await page.waitForTimeout(300);
      await assertNoSidewaysScroll(page, screen);
      for (const v of await axeViolations(page)) found.push({ screen, ...v });
      await screenshot(page, `phone-360-${screen}-${lang}`);
      checked.push(screen);
    }, { lang });
    assert.deepEqual(checked, PHONE_SCREENS);
    const report = found.map(({ screen, id, impact, help, nodes }) =>
      `[${screen}] ${id} (${impact}): ${help}\n    ${nodes.join('\n    ')}`).join('\n');
    assert.equal(found.length, 0, `axe violations at 360 px:\n${report}`);
  });
}
