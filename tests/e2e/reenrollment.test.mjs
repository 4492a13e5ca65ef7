// Re-enrollment is observed, end to end, in Japanese and in English: a Return-to-Service wipe is
// 成功 when the device acknowledges the erase, then 再登録待ち until the device checks in again
// (再登録済み, in its DEP profile's enrollment group) or the 24-hour window closes
// (再登録を確認できません, with the likely reason). An Activation-Locked device is warned about in
// the wizard before OK, and never comes back on its own. A manual clock and scripted devices
// make every step certain: the erase is acknowledged 30 s after sending, an unlocked device
// checks in 10 minutes later.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './support/browser.mjs';
import { advanceClock, apiCall, devices, registerWipe, openScriptedFleet } from './jobs.support.mjs';

let portal;
let browser;
let page;
before(async () => { ({ portal, browser, page } = await openScriptedFleet()); });
after(async () => { await browser?.close(); await portal?.stop(); });

const WORDS = {
  ja: {
    succeeded: '成功', awaiting: '再登録待ち', back: '再登録済み', notConfirmed: '再登録を確認できません',
    reason: 'アクティベーションロックが有効なため、初期設定が途中で止まっている可能性があります',
    warning: 'アクティベーションロックが有効です。',
  },
  en: {
    succeeded: 'Succeeded', awaiting: 'Awaiting re-enrollment', back: 'Re-enrolled', notConfirmed: 'Re-enrollment not confirmed',
    reason: 'Activation Lock is on: setup has probably stopped on the device',
    warning: 'Activation Lock is on:',
  },
};

const used = new Set();

/** A company iPhone or iPad that qualifies for unattended Return to Service (iOS 17+, DEP, a
 *  profile that skips authentication, Apple MDM, online), with Activation Lock as asked. */
async function eligible(locked) {
  const profiles = (await apiCall(page, 'GET', '/dep-profiles')).body.items;
  const silent = new Set(profiles.filter((p) => p.skip_authentication_screen).map((p) => p.id));
  const found = (await devices(page, 'method=apple_mdm&ownership=company&status=online')).find((d) =>
    !used.has(d.id) && ['ios', 'ipados'].includes(d.os) && Number(d.os_version.split('.')[0]) >= 17
    && d.enrollment === 'dep' && silent.has(d.dep_profile_id) && d.activation_lock_enabled === locked);
  assert.ok(found, `the demo fleet has an eligible device with Activation Lock ${locked ? 'on' : 'off'}`);
  used.add(found.id);
  return found;
}

async function officeWifi() {
  return (await apiCall(page, 'GET', '/wifi-settings')).body.items.find((w) => w.name === '本社Wi-Fi');
}

/** Through the console: search the device, tick it, 紛失時対策 → 遠隔初期化, re-enroll over the
 *  office Wi-Fi; the preview must warn about Activation Lock before OK is pressed. */
async function wipeLockedThroughTheWizard(device, lang) {
  await page.goto(`${portal.url}/devices`);
  await page.getByTestId(`lang-${lang}`).click();
  await page.getByTestId('device-search').fill(device.serial_number);
  await page.getByTestId('device-search-submit').click();
  await page.waitForURL((url) => new URL(url).searchParams.get('q') === device.serial_number);
  await page.getByTestId(`select-device-${device.id}`).check();
  await page.getByTestId('measures-button').click();
  await page.getByTestId('measure-wipe').check();
  await page.getByTestId('measures-next').click();
  await page.getByTestId('wipe-form').waitFor();
  await page.getByTestId('wipe-schedule').uncheck();
  await page.getByTestId('tab-after').click();
  await page.getByTestId('wipe-wifi').selectOption(String((await officeWifi()).id));
  const warning = page.getByTestId(`plan-activation-lock-${device.id}`);
  await warning.waitFor();
  assert.ok((await warning.innerText()).startsWith(WORDS[lang].warning), await warning.innerText());
  await screenshot(page, `wipe-activation-lock-warning-${lang}`);
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('wipe-password').fill('Demo#2026');
  await page.getByTestId('wipe-agree').check();
  await page.getByTestId('wipe-ok').click();
  await page.getByTestId('wipe-done').waitFor();
}

/** The job of the device's latest wipe, as the API answers it. */
async function jobOf(device) {
  const { body } = await apiCall(page, 'GET', `/jobs?device=${device.id}`);
  assert.equal(body.total, 1, `one wipe of ${device.name}`);
  return body.items[0].job;
}

/** The device's row in ジョブ管理: its status badge and re-enrollment badge as a user reads them. */
async function listed(device, lang) {
  await page.goto(`${portal.url}/jobs?device=${device.id}`);
  await page.getByTestId(`lang-${lang}`).click();
  const row = page.locator('[data-testid="job-row"]').first();
  await row.waitFor();
  return {
    status: (await row.getByTestId('job-status').innerText()).trim(),
    reenrollment: (await row.getByTestId('job-reenrollment').innerText()).trim(),
  };
}

for (const lang of ['ja', 'en']) {
  test(`a Return-to-Service wipe is 成功, then re-enrolled or not confirmed with its reason (${lang})`, async () => {
    const words = WORDS[lang];
    const locked = await eligible(true);
    const unlocked = await eligible(false);
    await wipeLockedThroughTheWizard(locked, lang);
    await registerWipe(page, [unlocked.id], { wifi_setting_id: (await officeWifi()).id });

    // Sent at once, acknowledged 30 s later: both succeeded, both awaited back.
    await advanceClock(page, 0);
    await advanceClock(page, 60);
    for (const device of [locked, unlocked]) {
      assert.deepEqual(await listed(device, lang), { status: words.succeeded, reenrollment: words.awaiting });
    }

    // Ten minutes on, the unlocked device checked in and moved to the enrollment group.
    await advanceClock(page, 10 * 60);
    assert.deepEqual(await listed(unlocked, lang), { status: words.succeeded, reenrollment: words.back });
    const plan = (await jobOf(unlocked)).options.return_to_service;
    const [backNow] = (await devices(page, `q=${encodeURIComponent(unlocked.serial_number)}`)).filter((d) => d.id === unlocked.id);
    assert.equal(backNow.group_id, plan.enrollment_group_id, 'in the DEP profile’s enrollment group');
    assert.equal(backNow.state.mdm_profile_installed, true);
    assert.deepEqual(await listed(locked, lang), { status: words.succeeded, reenrollment: words.awaiting });

    // A day later the locked device is still not back: not confirmed, with the likely reason.
    await advanceClock(page, 24 * 3600);
    assert.deepEqual(await listed(locked, lang), { status: words.succeeded, reenrollment: words.notConfirmed });
    const job = await jobOf(locked);
    await page.goto(`${portal.url}/jobs/${job.id}?device=${locked.id}`);
    await page.getByTestId(`lang-${lang}`).click();
    const reason = page.getByTestId('reenrollment-reason');
    await reason.waitFor();
    assert.equal(await page.getByTestId('detail-status').innerText(), words.succeeded);
    assert.equal(await page.getByTestId('detail-reenrollment').innerText(), words.notConfirmed);
    assert.equal((await reason.innerText()).trim(), words.reason);
    await screenshot(page, `job-reenrollment-not-confirmed-${lang}`);
    const [lockedNow] = (await devices(page, `q=${encodeURIComponent(locked.serial_number)}`)).filter((d) => d.id === locked.id);
    assert.equal(lockedNow.group_id, locked.group_id, 'never moved: it never came back');
    assert.deepEqual(page.errors, []);
  });
}
