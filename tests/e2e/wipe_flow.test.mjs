// The heart of the product, end to end against a real portal: 端末管理 → pick a group, page
// through it, tick devices on two pages → 紛失時対策 → 遠隔初期化 → both tabs → per-device preview
// → a reload keeps devices and choices → a wrong password registers nothing → OK → the new jobs
// in ジョブ管理. Once in Japanese (Wi-Fi
// re-enrollment, keyboard only through the dialog), once in English (scheduled, double click).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot } from './support/browser.mjs';

let portal;
let browser;
before(async () => { portal = await startPortal(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await portal?.stop(); });

/** Calls the portal API with the page's session (what the console itself would see). */
async function api(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(`/api${p}`, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, path);
}

/** Second-level groups (visible without expanding anything) with at least `min` devices. */
async function groupsWithDevices(page, min) {
  const { body } = await api(page, '/groups');
  return body.roots.flatMap((root) => root.children).filter((g) => g.total_device_count >= min);
}

/** The first device of `items` that the first accepting predicate of `preds` accepts and that
 *  is not in `taken`. */
function pick(items, taken, ...preds) {
  for (const pred of preds) {
    const device = items.find((d) => !taken.includes(d) && pred(d));
    if (device) {
      taken.push(device);
      return device;
    }
  }
  assert.fail(`no suitable device among ${items.map((d) => `${d.name}/${d.os}/${d.ownership}`).join(', ')}`);
}

const wipeable = (d) => d.ownership === 'company' && d.enrollment !== 'user';

async function tick(page, device) {
  const box = page.getByTestId(`select-device-${device.id}`);
  await box.check();
  assert.equal(await box.isChecked(), true);
}

/** The first two pages (25 a page) of a group, through the API. */
async function twoPages(page, group) {
  const first = (await api(page, `/devices?group=${group.id}&per_page=25&page=1`)).body.items;
  const second = (await api(page, `/devices?group=${group.id}&per_page=25&page=2`)).body.items;
  return { first, second };
}

/** A group (not in `taken`) whose first page has a wipeable Hybrid and a wipeable iPhone and
 *  whose second page has a wipeable device and one that cannot be wiped: every step of the
 *  flow then happens, none is skipped for lack of a device. */
async function flowGroup(page, taken) {
  for (const group of await groupsWithDevices(page, 30)) {
    if (taken.includes(group.id)) continue;
    const { first, second } = await twoPages(page, group);
    const hybrid = first.some((d) => wipeable(d) && d.management_method === 'hybrid');
    const iphone = first.some((d) => wipeable(d) && d.os === 'ios' && d.management_method !== 'hybrid');
    if (hybrid && iphone && second.some(wipeable) && second.some((d) => !wipeable(d))) {
      taken.push(group.id);
      return group;
    }
  }
  return assert.fail('no group has every kind of device the flow needs');
}

/** Groups used by the tests of this file that register wipes (one open wipe per device). */
const usedGroups = [];

async function runFlow(page, { lang, group, t }) {
  await page.getByTestId('group-tree').waitFor();
  await page.getByTestId(`group-${group.id}`).click();
  await page.waitForURL(new RegExp(`group=${group.id}`));
  assert.equal(await page.getByTestId(`group-${group.id}`).getAttribute('aria-selected'), 'true');

  // Page size 25, second page, reload: the address keeps group, size and page.
  await page.getByTestId('device-pager-per-page').selectOption('25');
  await page.waitForURL(/per_page=25/);
  await page.getByTestId('device-pager-next').click();
  await page.waitForURL(/page=2/);
  await page.reload();
  await page.getByTestId('device-table').waitFor();
  assert.equal(await page.getByTestId('device-pager-page').inputValue(), '2');
  assert.equal(await page.getByTestId(`group-${group.id}`).getAttribute('aria-selected'), 'true');
  const rows = page.locator('[data-testid="device-table"] tbody tr[data-testid^="device-row-"]');
  await rows.first().waitFor();
  assert.ok((await rows.count()) <= 25, 'never more rows than the page');
  await screenshot(page, `devices-${lang}`);

  // The same pages through the API, to choose devices with known properties (the group was
  // chosen so that each exists: see flowGroup).
  const { first, second } = await twoPages(page, group);
  const chosen = [];
  pick(first, chosen, (d) => wipeable(d) && d.management_method === 'hybrid');
  pick(first, chosen, (d) => wipeable(d) && d.os === 'ios' && d.management_method !== 'hybrid');
  const onPageTwo = pick(second, chosen, wipeable);
  const byod = second.find((d) => !wipeable(d));
  assert.ok(byod, 'page two has a device that cannot be wiped');

  await page.getByTestId('device-pager-previous').click();
  await page.waitForURL((url) => !/[?&]page=/.test(url.search));
  for (const device of chosen.filter((d) => first.includes(d))) await tick(page, device);
  await page.getByTestId('device-pager-next').click();
  await page.waitForURL(/page=2/);
  await page.getByTestId(`select-device-${onPageTwo.id}`).waitFor();
  await tick(page, onPageTwo);
  await tick(page, byod);
  const count = chosen.length + 1;
  assert.equal(await page.getByTestId('selection-count').innerText(), t.selected(count));
  // Back on page 1 the earlier ticks are still there.
  await page.getByTestId('device-pager-previous').click();
  await page.getByTestId(`select-device-${chosen[0].id}`).waitFor();
  assert.equal(await page.getByTestId(`select-device-${chosen[0].id}`).isChecked(), true);
  return { chosen, byod, count };
}

async function openWipe(page, { keyboard }) {
  const button = page.getByTestId('measures-button');
  assert.equal(await button.isEnabled(), true);
  await button.click();
  const dialog = page.getByTestId('measures-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  await screenshot(page, `measures-dialog-${keyboard ? 'ja' : 'en'}`);
  if (keyboard) {
    // Focus starts on the first measure that can be chosen once the counts are in; in a radio
    // group ArrowUp wraps to the last one, 遠隔初期化, and chooses it; Tab Tab reaches 次へ.
    await page.getByTestId('measure-list').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'measure');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getByTestId('measure-wipe').isChecked(), true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  } else {
    await page.getByTestId('measure-wipe').check();
    await page.getByTestId('measures-next').click();
  }
  await page.waitForURL(/\/devices\/wipe/);
  await page.getByTestId('wipe-form').waitFor();
}

/** Presses Tab (Shift+Tab when `back`) until the element with `testId` has focus. */
async function tabTo(page, testId, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i += 1) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${testId} cannot be reached with the keyboard`);
}

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

async function previewReady(page) {
  await page.getByTestId('preview-summary').waitFor();
  await page.getByTestId('preview-updating').waitFor({ state: 'detached' });
}

async function registeredJobs(page, device) {
  return (await api(page, `/jobs?device=${device.id}`)).body.total;
}

test('ja: wipe with Wi-Fi re-enrollment, keyboard through the dialog, jobs in ジョブ管理', async () => {
  const page = await newPage(browser, { locale: 'ja-JP' });
  await signIn(page, portal.url);
  await page.waitForURL(/\/devices/);
  const group = await flowGroup(page, usedGroups);
  const t = { selected: (n) => `${n}台を選択中` };
  const { chosen, byod, count } = await runFlow(page, { lang: 'ja', group, t });
  await screenshot(page, 'devices-selected-ja');

  await openWipe(page, { keyboard: true });
  assert.equal(await page.getByTestId('page-title').innerText(), '遠隔初期化');
  assert.match(await page.getByTestId('wipe-lead').innerText(), new RegExp(`選択した${count}台の端末を遠隔初期化します`));
  assert.equal(await page.getByTestId('tab-settings').innerText(), '遠隔初期化設定');
  assert.equal(await page.getByTestId('wipe-delete-info').isChecked(), true);
  assert.equal(await page.getByTestId('wipe-schedule').isChecked(), true);
  assert.match(await page.getByTestId('wipe-schedule-at').inputValue(), /^\d{4}-\d\d-\d\dT\d\d:00$/);
  assert.match(await page.getByTestId('wipe-schedule-echo').innerText(), /^\d{4}\/\d\d\/\d\d \d\d:00\(Asia\/Tokyo, JST\)に実行します。$/);
  await previewReady(page);
  assert.match(await page.getByTestId('preview-summary').innerText(), new RegExp(`^${count}台の端末、\\d+件のジョブ`));
  await screenshot(page, 'wipe-settings-ja');

  // The after-wipe tab: the Wi-Fi setting waits for the schedule to be unticked.
  await page.getByTestId('tab-after').click();
  assert.equal(await page.getByTestId('wipe-wifi').isDisabled(), true);
  await page.getByTestId('wipe-wifi-blocked').waitFor();
  await screenshot(page, 'wipe-after-blocked-ja');
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('wipe-schedule').uncheck();
  await page.getByTestId('tab-after').click();
  const offered = await page.locator('[data-testid="wipe-wifi"] option').allInnerTexts();
  assert.ok(offered.every((o) => !o.includes('ゲストWi-Fi') && !o.includes('検証用Wi-Fi')), offered.join(' | '));
  const wifi = (await api(page, '/wifi-settings')).body.items.find((w) => w.name === '本社Wi-Fi');
  await page.getByTestId('wipe-wifi').selectOption(String(wifi.id));
  await previewReady(page);
  await page.locator('[data-testid^="plan-reenroll-"], [data-testid^="plan-not-reenrolled-"]').first().waitFor();
  await screenshot(page, 'wipe-after-ja');
  await page.getByTestId('tab-settings').click();
  assert.equal(await page.getByTestId('wipe-schedule').isDisabled(), true);
  await page.getByTestId('wipe-schedule-blocked').waitFor();

  await page.getByTestId(`plan-not-wipeable-${byod.id}`).waitFor();
  assert.equal(await page.getByTestId('wipe-ok').isDisabled(), true);
  await page.getByTestId('wipe-skip-not-wipeable').check();

  // A reload keeps the devices and every choice made; the password and the agreement are given
  // again (a password typed before the reload is gone).
  await page.getByTestId('wipe-password').fill('typed-before-reload');
  await page.reload();
  await page.getByTestId('wipe-form').waitFor();
  assert.match(await page.getByTestId('wipe-lead').innerText(), new RegExp(`選択した${count}台の端末を遠隔初期化します`));
  await previewReady(page);
  assert.match(await page.getByTestId('preview-summary').innerText(), new RegExp(`^${count}台の端末、\\d+件のジョブ`));
  assert.equal(await page.getByTestId('wipe-schedule').isChecked(), false);
  assert.equal(await page.getByTestId('wipe-skip-not-wipeable').isChecked(), true);
  assert.equal(await page.getByTestId('wipe-password').inputValue(), '');
  assert.equal(await page.getByTestId('wipe-agree').isChecked(), false);
  await page.getByTestId('tab-after').click();
  assert.equal(await page.getByTestId('wipe-wifi').inputValue(), String(wifi.id));
  await page.getByTestId('tab-settings').click();
  const kept = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  assert.ok(!kept.includes('typed-before-reload'), 'no password kept for the tab');
  const back = await page.getByTestId('wipe-back').getAttribute('href');
  assert.match(back, new RegExp(`group=${group.id}`), 'the way back to 端末管理 survives too');

  // A wrong password is explained next to the field, and nothing is registered.
  await page.getByTestId('wipe-password').fill('not-my-password');
  await page.getByTestId('wipe-agree').check();
  await page.getByTestId('wipe-ok').click();
  await page.getByTestId('wipe-error-password').waitFor();
  assert.equal(await page.getByTestId('wipe-error-password').innerText(), 'パスワードが正しくありません。');
  for (const device of chosen) assert.equal(await registeredJobs(page, device), 0);
  await screenshot(page, 'wipe-wrong-password-ja');

  await page.getByTestId('wipe-password').fill('Demo#2026');
  await page.getByTestId('wipe-ok').click();
  await page.getByTestId('wipe-done').waitFor();
  const done = await page.getByTestId('wipe-done-body').innerText();
  const jobs = Number(/(\d+)件登録しました/.exec(done)[1]);
  assert.ok(jobs >= chosen.length, done);
  assert.equal(await page.getByTestId('wipe-done-title').evaluate((el) => el === document.activeElement), true);
  await screenshot(page, 'wipe-done-ja');

  await page.getByTestId('wipe-done-jobs').click();
  await page.waitForURL(/\/jobs\?wipe=\d+/);
  await page.getByTestId('job-table').waitFor();
  await page.locator('[data-testid="job-row"]').nth(jobs - 1).waitFor();
  assert.equal(await page.locator('[data-testid="job-row"]').count(), jobs);
  const listed = await page.getByTestId('job-table').innerText();
  for (const device of chosen) assert.ok(listed.includes(device.name), `${device.name} in ジョブ管理`);
  assert.ok(!listed.includes(byod.name), 'the device that cannot be wiped was left out');
  await screenshot(page, 'jobs-after-wipe-ja');
  // The browser logs the refused wrong-password request (403) itself; nothing else may fail.
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 403')), []);
});

test('en: scheduled wipe, a double click registers once, jobs in Jobs', async () => {
  const page = await newPage(browser, { locale: 'en-US' });
  await page.goto(`${portal.url}/login`);
  await page.getByTestId('lang-en').click();
  await signIn(page, portal.url);
  await page.waitForURL(/\/devices/);
  const group = await flowGroup(page, usedGroups);
  const t = { selected: (n) => (n === 1 ? '1 device selected' : `${n} devices selected`) };
  const { chosen, byod, count } = await runFlow(page, { lang: 'en', group, t });

  await openWipe(page, { keyboard: false });
  assert.equal(await page.getByTestId('page-title').innerText(), 'Remote wipe');
  assert.equal(await page.getByTestId('tab-after').innerText(), 'After-wipe settings');
  await previewReady(page);
  assert.match(await page.getByTestId('preview-summary').innerText(), new RegExp(`^${count} devices, \\d+ jobs?`));
  await screenshot(page, 'wipe-settings-en');
  await page.getByTestId('tab-after').click();
  await page.getByTestId('wipe-wifi-blocked').waitFor();
  await screenshot(page, 'wipe-after-en');
  await page.getByTestId('tab-settings').click();

  await page.getByTestId('wipe-skip-not-wipeable').check();
  await page.getByTestId('wipe-password').fill('Demo#2026');
  await page.getByTestId('wipe-agree').check();
  await page.getByTestId('wipe-ok').dblclick();
  await page.getByTestId('wipe-done').waitFor();
  const done = await page.getByTestId('wipe-done-body').innerText();
  const jobs = Number(/Registered (\d+) jobs?/.exec(done)[1]);
  const wipe = /wipe=(\d+)/.exec(await page.getByTestId('wipe-done-jobs').getAttribute('href'))[1];
  const listedByApi = (await api(page, `/jobs?wipe=${wipe}&per_page=100`)).body;
  const apiJobs = listedByApi.items.reduce((n, entry) => n + (entry.partner ? 2 : 1), 0);
  assert.equal(apiJobs, jobs, 'one registration for two clicks');
  for (const device of chosen) {
    const perDevice = await registeredJobs(page, device);
    assert.equal(perDevice, 1, `${device.name}: one job entry`);
  }
  await screenshot(page, 'wipe-done-en');

  await page.getByTestId('wipe-done-jobs').click();
  await page.waitForURL(/\/jobs\?wipe=\d+/);
  await page.locator('[data-testid="job-row"]').nth(jobs - 1).waitFor();
  const listed = await page.getByTestId('job-table').innerText();
  for (const device of chosen) assert.ok(listed.includes(device.name), `${device.name} in Jobs`);
  await screenshot(page, 'jobs-after-wipe-en');
  assert.deepEqual(page.errors, []);
});

test('keyboard only: from the group tree to the registered jobs', async () => {
  const page = await newPage(browser, { locale: 'ja-JP' });
  await page.goto(`${portal.url}/login`);
  await page.getByTestId('login-username').focus();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Demo#2026');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/devices/);
  const group = (await groupsWithDevices(page, 30)).find((g) => !usedGroups.includes(g.id));
  usedGroups.push(group.id);
  await page.getByTestId('group-tree').waitFor();

  // The tree: one Tab stop, arrows to the group, Enter to choose it.
  await tabTo(page, 'group-all');
  for (let i = 0; i < 40 && (await focusedTestId(page)) !== `group-${group.id}`; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await focusedTestId(page), `group-${group.id}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`group=${group.id}`));
  const items = (await api(page, `/devices?group=${group.id}`)).body.items;
  const target = items.find(wipeable);
  await page.getByTestId(`select-device-${target.id}`).waitFor();

  await tabTo(page, `select-device-${target.id}`);
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('selection-count').innerText(), '1台を選択中');
  await tabTo(page, 'measures-button', { back: true });
  await page.keyboard.press('Enter');
  await page.getByTestId('measures-dialog').waitFor();
  // The counts arrive, focus moves to the first measure that can be chosen; ArrowUp wraps to
  // the last of the radio group, 遠隔初期化, and chooses it.
  await page.getByTestId('measure-list').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'measure');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedTestId(page), 'measure-wipe');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focusedTestId(page), 'measures-next');
  await page.keyboard.press('Enter');

  // The wipe screen starts on what is about to happen.
  await page.getByTestId('wipe-form').waitFor();
  assert.equal(await focusedTestId(page), 'wipe-lead');
  await tabTo(page, 'tab-settings');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByTestId('tab-after').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  await tabTo(page, 'wipe-password');
  await page.keyboard.type('Demo#2026');
  await tabTo(page, 'wipe-agree');
  await page.keyboard.press('Space');
  await previewReady(page);
  await tabTo(page, 'wipe-ok');
  await page.keyboard.press('Enter');
  await page.getByTestId('wipe-done').waitFor();
  assert.equal(await focusedTestId(page), 'wipe-done-title');
  await tabTo(page, 'wipe-done-jobs');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/jobs\?wipe=\d+/);
  await page.locator('[data-testid="job-row"]').first().waitFor();
  assert.ok((await page.getByTestId('job-table').innerText()).includes(target.name));
});

test('every device matching: the preview groups thousands by outcome and lists them a page at a time', async () => {
  const page = await newPage(browser, { locale: 'en-US' });
  await page.goto(`${portal.url}/login`);
  await page.getByTestId('lang-en').click();
  await signIn(page, portal.url);
  await page.waitForURL(/\/devices/);
  const group = (await groupsWithDevices(page, 30))[3];
  // Twenty a page, so the group spans several pages and "select all matching" is offered.
  await page.goto(`${portal.url}/devices?group=${group.id}&per_page=20`);
  await page.locator('[data-testid^="device-row-"]').first().waitFor();
  await page.getByTestId('select-page').check();
  await page.getByTestId('select-all-matching').click();
  const total = group.total_device_count;
  assert.equal(await page.getByTestId('selection-count').innerText(), `${total} devices selected`);
  await screenshot(page, 'devices-all-matching-en');

  await openWipe(page, { keyboard: false });
  await previewReady(page);
  assert.match(await page.getByTestId('preview-summary').innerText(), new RegExp(`^${total} devices, \\d+ jobs`));
  const wipe = page.getByTestId('preview-toggle-wipe');
  assert.equal(await wipe.getAttribute('aria-expanded'), 'false', 'a large group starts closed');
  await wipe.click();
  const listed = page.locator('[data-testid="preview-devices-wipe"] > li');
  await listed.first().waitFor();
  assert.equal(await listed.count(), 10, 'one page of the group');
  await page.getByTestId('preview-next-wipe').click();
  await page.getByTestId('preview-pager-wipe').getByText(/^11–20 of/).waitFor();
  assert.equal(await listed.count(), 10);
  await screenshot(page, 'wipe-large-selection-en');
  assert.deepEqual(page.errors, []);
});

// The administrator selects every device matching, then unticks two: those two must be left
// out of the preview's count and get no job, whatever the language.
for (const { lang, locale, t } of [
  { lang: 'ja', locale: 'ja-JP', t: { selected: (n) => `${n}台を選択中`, summary: (n) => `^${n}台の端末、` } },
  { lang: 'en', locale: 'en-US', t: { selected: (n) => `${n} devices selected`, summary: (n) => `^${n} devices, ` } },
]) {
  test(`${lang}: every device matching minus two unticked: the two are neither counted nor wiped`, async () => {
    const page = await newPage(browser, { locale });
    await page.goto(`${portal.url}/login`);
    await page.getByTestId(`lang-${lang}`).click();
    await signIn(page, portal.url);
    await page.waitForURL(/\/devices/);
    const group = (await groupsWithDevices(page, 30)).find((g) => !usedGroups.includes(g.id));
    assert.ok(group, 'a group no other test of this file wipes');
    usedGroups.push(group.id);
    await page.goto(`${portal.url}/devices?group=${group.id}&per_page=20`);
    await page.locator('[data-testid^="device-row-"]').first().waitFor();
    await page.getByTestId('select-page').check();
    await page.getByTestId('select-all-matching').click();
    const total = group.total_device_count;
    assert.equal(await page.getByTestId('selection-count').innerText(), t.selected(total));

    const all = [];
    for (let n = 1; all.length < total; n += 1) {
      all.push(...(await api(page, `/devices?group=${group.id}&per_page=100&page=${n}`)).body.items);
    }
    assert.ok(all.some((d) => !wipeable(d)), 'the group has a device that cannot be wiped as well');
    const shown = (await api(page, `/devices?group=${group.id}&per_page=20`)).body.items;
    const unticked = shown.filter(wipeable).slice(0, 2);
    assert.equal(unticked.length, 2, 'two wipeable devices on the first page');
    for (const device of unticked) {
      const box = page.getByTestId(`select-device-${device.id}`);
      await box.uncheck();
      assert.equal(await box.isChecked(), false);
    }
    assert.equal(await page.getByTestId('selection-count').innerText(), t.selected(total - 2));

    await openWipe(page, { keyboard: false });
    await previewReady(page);
    assert.match(await page.getByTestId('preview-summary').innerText(), new RegExp(t.summary(total - 2)));
    await page.getByTestId('wipe-skip-not-wipeable').check();
    // Every device matching lives in the address: a reload finds the same selection there.
    assert.match(page.url(), /\/devices\/wipe\?select=all&/);
    await page.reload();
    await page.getByTestId('wipe-form').waitFor();
    await previewReady(page);
    assert.match(await page.getByTestId('preview-summary').innerText(), new RegExp(t.summary(total - 2)));
    assert.equal(await page.getByTestId('wipe-skip-not-wipeable').isChecked(), true, 'the choice survived');
    // A group may hold an Intel Mac, whose erase needs the Find My PIN.
    if (await page.getByTestId('wipe-mac-pin').isVisible()) await page.getByTestId('wipe-mac-pin').fill('135790');
    await page.getByTestId('wipe-password').fill('Demo#2026');
    await page.getByTestId('wipe-agree').check();
    await page.getByTestId('wipe-ok').click();
    await page.getByTestId('wipe-done').waitFor();
    // Registered: the address no longer offers the same devices to a reload.
    await page.waitForURL((url) => !url.search.includes('select=all'));
    await page.getByTestId('wipe-done').waitFor();
    const wipe = /wipe=(\d+)/.exec(await page.getByTestId('wipe-done-jobs').getAttribute('href'))[1];
    const wiped = new Set();
    for (let n = 1; ; n += 1) {
      const { items, total: entries } = (await api(page, `/jobs?wipe=${wipe}&per_page=100&page=${n}`)).body;
      for (const entry of items) wiped.add(entry.job.device.id);
      if (wiped.size >= entries || items.length === 0) break;
    }
    const expected = all.filter((d) => wipeable(d) && !unticked.some((u) => u.id === d.id));
    assert.equal(wiped.size, expected.length, 'every other wipeable device of the group is wiped');
    for (const device of unticked) {
      assert.ok(!wiped.has(device.id), `${device.name} was unticked but wiped`);
      assert.equal(await registeredJobs(page, device), 0, `${device.name} has a job`);
    }
    await screenshot(page, `wipe-all-matching-minus-two-${lang}`);
    assert.deepEqual(page.errors, []);
  });
}
