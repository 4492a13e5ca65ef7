// The lost-device measures beside the wipe, end to end against a real portal on a manual clock
// with scripted devices (nothing moves until the test advances the clock, and every device
// answers as scripted), once in Japanese and once in English: lock two devices; start lost mode
// on a supervised iPhone and a company Android phone with a message; ask for the location and
// see it on the job and on the device; play a sound; end lost mode; remove the company data of
// a personal phone; wipe a device in lost mode; and find each kind of job under ジョブ管理
// through the address (`?kind=`). axe reports nothing on each new screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { atPath, screenshot } from './support/browser.mjs';
import { axeViolations } from './support/axe.mjs';
import { advanceClock, apiCall, devices, openScriptedFleet, tickDevices } from './jobs.support.mjs';

let portal;
let browser;
let page;
before(async () => { ({ portal, browser, page } = await openScriptedFleet()); });
after(async () => { await browser?.close(); await portal?.stop(); });

const WORDS = {
  ja: {
    lock: '遠隔ロック', lostOn: '紛失モードを開始', locked: 'ロック中', lostMode: '紛失モード',
    messageOrPhone: '紛失モードには、メッセージと電話番号の少なくとも一方を入力してください。',
    message: '拾われた方は下記までご連絡ください', footnote: '株式会社サンプル 情報システム部',
    reason: '退職に伴い会社のデータを削除します', companyData: '企業データの削除',
    lostModeNotice: '紛失モードは終了します',
  },
  en: {
    lock: 'Remote lock', lostOn: 'Start lost mode', locked: 'Locked', lostMode: 'Lost mode',
    messageOrPhone: 'Lost mode needs a message, a phone number, or both.',
    message: 'If found, please call the number below', footnote: 'Example Corp. IT department',
    reason: 'Your work profile is removed as you leave the company', companyData: 'Remove company data',
    lostModeNotice: 'Lost mode ends when the wipe runs',
  },
};

const used = new Set();
const major = (d) => Number(String(d.os_version).split('.')[0]);

/** An online device matching `filter` and `ok` that no earlier step used. */
async function pick(filter, ok, what) {
  const found = (await devices(page, `${filter}&status=online`)).find((d) => !used.has(d.id) && ok(d));
  assert.ok(found, `the demo fleet has ${what}`);
  used.add(found.id);
  return found;
}

/** Fails with axe's findings on the page as it is now. */
async function noAxeViolations(what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
}

/** Ticks `chosen` on 端末管理 (found one by one by serial number) and opens 紛失時対策. */
async function openMeasures(lang, chosen) {
  await tickDevices(page, portal.url, lang, chosen);
  await page.getByTestId('measures-button').click();
  await page.getByTestId('measure-list').waitFor();
}

/** Chooses `measure` in the open dialog and goes on to its screen. */
async function chooseMeasure(measure) {
  await page.getByTestId(`measure-${measure}`).check();
  await page.getByTestId('measures-next').click();
  await page.waitForURL(atPath(`/devices/measures/${measure}`));
  await page.getByTestId('measure-preview-summary').waitFor();
}

/** Password, 同意する when the measure asks for it, OK; resolves to the registration's id. */
async function confirm({ agree = true } = {}) {
  await page.getByTestId('measure-password').fill('Demo#2026');
  if (agree) await page.getByTestId('measure-agree').check();
  await page.getByTestId('measure-ok').click();
  await page.getByTestId('measure-done').waitFor();
  const href = await page.getByTestId('measure-done-jobs').getAttribute('href');
  return new URL(href, portal.url).searchParams.get('wipe');
}

/** Sends what is due, then lets the scripted devices answer (30 simulated seconds later). */
async function letDevicesAnswer() {
  await advanceClock(page, 0);
  await advanceClock(page, 60);
}

/** The jobs of one registration, through the API. */
async function jobsOf(registration) {
  return (await apiCall(page, 'GET', `/jobs?wipe=${registration}`)).body.items.map((e) => e.job);
}

async function device(id) {
  return (await apiCall(page, 'GET', `/devices?q=${encodeURIComponent(id.serial_number)}`)).body.items[0];
}

for (const lang of ['ja', 'en']) {
  test(`lock, lost mode, location, sound, company data and a wipe in lost mode (${lang})`, async () => {
    const words = WORDS[lang];
    const iphone = await pick('os=ios&method=apple_mdm&ownership=company',
      (d) => d.supervised && major(d) >= 11, 'a supervised iPhone');
    const android = await pick('os=android&method=android_fully_managed&ownership=company',
      (d) => major(d) >= 11, 'a company Android phone on Android 11 or later');
    const lockIphone = await pick('os=ios&method=apple_mdm&ownership=company', () => true, 'an iPhone to lock');
    const lockAndroid = await pick('os=android&method=android_fully_managed&ownership=company', () => true, 'an Android phone to lock');
    const personal = await pick('method=android_work_profile', () => true, 'a personal Android phone');

    // 遠隔ロック of two devices: the dialog counts them, the screen sends message and phone.
    await openMeasures(lang, [lockIphone, lockAndroid]);
    assert.equal(await page.getByTestId('measure-count-lock').innerText(),
      lang === 'ja' ? '2台中2台に適用' : 'Applies to 2 of 2 devices');
    assert.equal(await page.getByTestId('measure-locate').isDisabled(), true, 'nothing is in lost mode yet');
    await screenshot(page, `measures-dialog-${lang}`);
    await noAxeViolations('the measures dialog');
    await chooseMeasure('lock');
    assert.equal(await page.getByTestId('page-title').innerText(), words.lock);
    await page.getByTestId('measure-message').fill(words.message);
    await page.getByTestId('measure-phone_number').fill('03-1234-5678');
    await screenshot(page, `measure-lock-${lang}`);
    await noAxeViolations('the lock screen');
    const lock = await confirm();
    await screenshot(page, `measure-lock-done-${lang}`);
    await noAxeViolations('the registration message');
    await page.getByTestId('measure-done-jobs').click();
    await page.waitForURL((url) => new URL(url).pathname === '/jobs' && new URL(url).searchParams.get('wipe') === lock);
    await page.getByTestId('job-entry').first().waitFor();
    assert.equal(await page.getByTestId('job-entry').count(), 2);
    await letDevicesAnswer();
    assert.deepEqual((await jobsOf(lock)).map((j) => [j.kind, j.status]), [['lock', 'succeeded'], ['lock', 'succeeded']]);
    await page.goto(`${portal.url}/devices?mark=locked&q=${lockIphone.serial_number}`);
    await page.getByTestId(`mark-locked-${lockIphone.id}`).waitFor();
    assert.equal(await page.getByTestId(`mark-locked-${lockIphone.id}`).innerText(), words.locked);
    assert.equal(await page.getByTestId('filter-mark').inputValue(), 'locked');

    // 紛失モードを開始 on a supervised iPhone and a company Android phone: nothing entered is refused.
    await openMeasures(lang, [iphone, android]);
    await chooseMeasure('lost_mode_on');
    await page.getByTestId('measure-password').fill('Demo#2026');
    await page.getByTestId('measure-agree').check();
    await page.getByTestId('measure-ok').click();
    assert.equal(await page.getByTestId('measure-error-message').innerText(), words.messageOrPhone);
    await page.getByTestId('measure-message').fill(words.message);
    await page.getByTestId('measure-footnote').fill(words.footnote);
    await screenshot(page, `measure-lost-mode-${lang}`);
    await noAxeViolations('the lost mode screen');
    await page.getByTestId('measure-ok').click();
    await page.getByTestId('measure-done').waitFor();
    await letDevicesAnswer();
    await page.goto(`${portal.url}/devices?mark=lost_mode&q=${iphone.serial_number}`);
    await page.getByTestId(`mark-lost_mode-${iphone.id}`).waitFor();
    assert.equal(await page.getByTestId(`mark-lost_mode-${iphone.id}`).innerText(), words.lostMode);
    await screenshot(page, `devices-lost-mode-${lang}`);
    await noAxeViolations('the devices table with marks');

    // 位置情報を取得: the iPhone answers; Android reports by itself, so it is left out explicitly.
    await openMeasures(lang, [iphone, android]);
    assert.equal(await page.getByTestId('measure-count-locate').innerText(),
      lang === 'ja' ? '2台中1台に適用' : 'Applies to 1 of 2 devices');
    await chooseMeasure('locate');
    await page.getByTestId(`measure-plan-reason-${android.id}`).waitFor();
    assert.equal(await page.getByTestId('measure-ok').isDisabled(), true, 'the left-out device needs a decision');
    await page.getByTestId('measure-skip-not-applicable').check();
    assert.equal(await page.getByTestId('measure-agree').count(), 0, 'asking for a location needs no agreement');
    await screenshot(page, `measure-locate-${lang}`);
    await noAxeViolations('the location screen');
    const locate = await confirm({ agree: false });
    await letDevicesAnswer();
    const [locateJob] = await jobsOf(locate);
    assert.equal(locateJob.status, 'succeeded');
    await page.goto(`${portal.url}/jobs/${locateJob.id}?wipe=${locate}`);
    const location = page.getByTestId('job-drawer').getByTestId('job-location-section');
    await location.waitFor();
    const latitude = Number(await location.getByTestId('job-location-latitude').innerText());
    assert.ok(latitude > 30 && latitude < 46, `a Japanese latitude: ${latitude}`);
    assert.match(await location.getByTestId('job-location-map').getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\/\?mlat=/);
    assert.equal(await location.getByTestId('job-location-map').getAttribute('target'), '_blank');
    await location.scrollIntoViewIfNeeded();
    await screenshot(page, `job-location-${lang}`);
    await noAxeViolations('the job detail with a location');
    await page.goto(`${portal.url}/devices?q=${iphone.serial_number}`);
    await page.getByTestId(`locations-${iphone.id}`).click();
    await page.getByTestId('locations-dialog').getByTestId('location-1').waitFor();
    assert.equal(Number(await page.getByTestId('location-1-latitude').innerText()), latitude);
    await screenshot(page, `device-locations-${lang}`);
    await noAxeViolations('the location history');
    await page.keyboard.press('Escape');

    // サウンドを再生 on the iPhone.
    await openMeasures(lang, [iphone]);
    await chooseMeasure('play_sound');
    const sound = await confirm();
    await letDevicesAnswer();
    assert.equal((await jobsOf(sound))[0].kind, 'play_sound');

    // 紛失モードを解除 on the iPhone (found); the Android phone stays lost and is wiped.
    await openMeasures(lang, [iphone]);
    await chooseMeasure('lost_mode_off');
    const off = await confirm();
    await letDevicesAnswer();
    assert.equal((await jobsOf(off))[0].status, 'succeeded');
    assert.equal((await device(iphone)).lost_mode, false);

    await openMeasures(lang, [android]);
    await page.getByTestId('measure-wipe').check();
    await page.getByTestId('measures-next').click();
    await page.getByTestId('wipe-form').waitFor();
    const notice = page.getByTestId('wipe-lost-mode-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), new RegExp(words.lostModeNotice));
    await screenshot(page, `wipe-lost-mode-notice-${lang}`);
    await page.getByTestId('wipe-schedule').uncheck();
    await page.getByTestId('wipe-password').fill('Demo#2026');
    await page.getByTestId('wipe-agree').check();
    await page.getByTestId('wipe-ok').click();
    await page.getByTestId('wipe-done').waitFor();
    await letDevicesAnswer();
    assert.equal((await device(android)).lost_mode, false, 'the wipe ended lost mode');

    // 企業データの削除 of a personal phone, which the wipe refuses and names this measure for.
    await openMeasures(lang, [personal]);
    assert.equal(await page.getByTestId('measure-wipe').isDisabled(), true);
    assert.match(await page.getByTestId('measure-reason-wipe').innerText(), new RegExp(words.companyData));
    await chooseMeasure('remove_company_data');
    await page.getByTestId('measure-reason_message').fill(words.reason);
    await screenshot(page, `measure-company-data-${lang}`);
    await noAxeViolations('the company data screen');
    const removal = await confirm();
    await letDevicesAnswer();
    assert.equal((await jobsOf(removal))[0].kind, 'remove_company_data');

    // ジョブ管理 by kind, through the address.
    for (const [kind, registration] of [['lock', lock], ['locate', locate], ['play_sound', sound],
      ['lost_mode_off', off], ['remove_company_data', removal]]) {
      await page.goto(`${portal.url}/jobs?kind=${kind}&wipe=${registration}`);
      await page.getByTestId('job-entry').first().waitFor();
      const listed = (await apiCall(page, 'GET', `/jobs?kind=${kind}`)).body.items;
      assert.ok(listed.length > 0 && listed.every((e) => e.job.kind === kind), kind);
    }
    await page.goto(`${portal.url}/jobs?kind=lost_mode_on`);
    await page.getByTestId('job-entry').first().waitFor();
    const names = await page.getByTestId('job-device').allInnerTexts();
    assert.ok(names.includes(iphone.name) && names.includes(android.name), names.join(', '));
    await screenshot(page, `jobs-lost-mode-on-${lang}`);
    assert.deepEqual(page.errors, []);
  });
}
