// Any time zone, end to end: an administrator in New York chooses America/New_York in the header,
// schedules a wipe across the March 2027 change to daylight saving time (Sunday 2027-03-14,
// 02:00 EST → 03:00 EDT) and sees the right local times, with the zone, in the wizard's echo, the
// job list and the job detail. A time the change skips is refused, by the console and by the
// portal, in Japanese and in English; an unknown zone name changes nothing. The portal's clock
// and the browser's both stand still on Saturday 2027-03-13 at 12:00 EST.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot } from './support/browser.mjs';
import { apiCall, devices, eventually } from './jobs.support.mjs';

const SATURDAY_NOON_EST = '2027-03-13T17:00:00Z';

let portal;
let browser;
before(async () => {
  portal = await startPortal({ args: ['--clock', 'manual', '--clock-start', SATURDAY_NOON_EST, '--simulator', 'scripted'] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await portal?.stop(); });

const words = {
  ja: {
    unknownZone: 'タイムゾーン名が正しくありません。Asia/Tokyo や America/New_York のようなIANAのタイムゾーン名を指定してください。',
    saved: '表示タイムゾーンを America/New_York に変更しました。',
    echo: (at, zone) => `${at}(${zone})に実行します。`,
    enteredIn: 'America/New_York の日時で入力します。',
    skipped: 'この日時は夏時間の切り替えにより存在しません。別の日時を指定してください。',
    listZone: '日時は表示タイムゾーン(America/New_York)の時刻です。',
  },
  en: {
    unknownZone: 'This is not a known time zone. Use an IANA time zone name such as Asia/Tokyo or America/New_York.',
    saved: 'Time zone set to America/New_York.',
    echo: (at, zone) => `Runs at ${at} (${zone}).`,
    enteredIn: 'Entered in America/New_York time.',
    skipped: 'This date and time does not exist because of the daylight saving time change. Choose another time.',
    listZone: 'Times are shown in your time zone (America/New_York).',
  },
};

const sessionZone = async (page) => (await apiCall(page, 'GET', '/session')).body.administrator.time_zone;

/** Signs in `username` in `lang`, with the browser's clock standing at the portal's. */
async function open(lang, username, password) {
  const page = await newPage(browser, { locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
  await page.clock.setFixedTime(new Date(SATURDAY_NOON_EST));
  await page.goto(`${portal.url}/login`);
  if (lang === 'en') await page.getByTestId('lang-en').click();
  await signIn(page, portal.url, { username, password });
  await page.waitForURL((url) => new URL(url).pathname === '/devices');
  return page;
}

/** Types a zone name into the header's field and commits it (Enter). */
async function chooseZone(page, name) {
  const field = page.getByTestId('time-zone-input');
  await field.fill(name);
  await field.press('Enter');
}

async function run(lang, { username, password, deviceFilter }) {
  const t = words[lang];
  const page = await open(lang, username, password);
  assert.equal(await page.getByTestId('time-zone-input').inputValue(), 'Asia/Tokyo', 'Japan time by default');

  // An unknown name: a worded refusal, and the account keeps its zone.
  await chooseZone(page, 'America/NewYork');
  await page.getByTestId('time-zone-error').waitFor();
  assert.equal(await page.getByTestId('time-zone-error').innerText(), t.unknownZone);
  assert.equal(await sessionZone(page), 'Asia/Tokyo');
  const refused = await apiCall(page, 'PUT', '/session/time-zone', { time_zone: 'Mars/Olympus' });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.field, 'time_zone');
  assert.equal(refused.body.message, t.unknownZone);
  assert.equal(await sessionZone(page), 'Asia/Tokyo');

  await chooseZone(page, 'America/New_York');
  await page.getByTestId('toast').filter({ hasText: t.saved }).waitFor();
  await page.getByTestId('time-zone-error').waitFor({ state: 'hidden' });
  assert.equal(await sessionZone(page), 'America/New_York');

  // One wipeable device, ticked on its own search result.
  const device = (await devices(page, deviceFilter)).find((d) => d.enrollment !== 'user');
  assert.ok(device, `a wipeable device among ${deviceFilter}`);
  await page.goto(`${portal.url}/devices?q=${encodeURIComponent(device.serial_number)}`);
  await page.getByTestId(`select-device-${device.id}`).check();
  await page.getByTestId('measures-button').click();
  await page.getByTestId('measure-wipe').check();
  await page.getByTestId('measures-next').click();
  await page.getByTestId('wipe-form').waitFor();

  // Proposed in New York time: the first full hour at least 30 minutes after 12:00 EST.
  const when = page.getByTestId('wipe-schedule-at');
  const echo = page.getByTestId('wipe-schedule-echo');
  assert.equal(await when.inputValue(), '2027-03-13T13:00');
  assert.equal(await echo.innerText(), t.echo('2027/03/13 13:00', 'America/New_York, EST'));

  // 02:30 on Sunday never happens in New York: refused next to the field.
  await when.fill('2027-03-14T02:30');
  await page.getByTestId('wipe-error-schedule_at').filter({ hasText: t.skipped }).waitFor();
  assert.equal(await echo.innerText(), t.enteredIn);
  // The portal refuses it the same way, whatever a client sends, and registers nothing.
  const gap = await apiCall(page, 'POST', '/wipes', {
    selection: { kind: 'devices', device_ids: [device.id] },
    options: { delete_general_info: true, schedule_at: { local: '2027-03-14T02:30', time_zone: 'America/New_York' },
      wifi_setting_id: null, keep_esim_data_plan: false },
    password: 'irrelevant', agreed: true,
  }, { 'idempotency-key': randomUUID() });
  assert.equal(gap.status, 422);
  assert.equal(gap.body.field, 'schedule_at');
  assert.equal(gap.body.message, t.skipped);
  assert.equal((await apiCall(page, 'GET', `/jobs?device=${device.id}`)).body.total, 0);

  // Sunday 09:00 is after the change: EDT, 13:00 UTC.
  await when.fill('2027-03-14T09:00');
  await eventually(async () => (await echo.innerText()) === t.echo('2027/03/14 09:00', 'America/New_York, EDT'),
    { timeout: 10_000, what: 'the echo in summer time' });
  await screenshot(page, `time-zone-wizard-${lang}`);
  await page.getByTestId('wipe-password').fill(password);
  await page.getByTestId('wipe-agree').check();
  await page.getByTestId('wipe-ok').click();
  await page.getByTestId('wipe-done').waitFor();

  const { body: listed } = await apiCall(page, 'GET', `/jobs?device=${device.id}`);
  assert.equal(listed.items[0].job.options.scheduled_at, '2027-03-14T13:00:00Z');

  // The job list: New York times, the zone said above the table and on the schedule's cell.
  await page.getByTestId('wipe-done-jobs').click();
  await page.waitForURL(/\/jobs\?wipe=\d+/);
  await page.getByTestId('job-table').waitFor();
  assert.equal(await page.getByTestId('jobs-time-zone').innerText(), t.listZone);
  const cell = page.getByTestId('job-scheduled-at').first();
  assert.equal((await cell.innerText()).trim(), '2027/03/14 09:00');
  assert.equal(await cell.getAttribute('title'), 'America/New_York, EDT');
  // The registration reads as how long ago; the time itself, in New York, is on hover and focus.
  const registeredAt = await page.getByTestId('job-registered-at').first().getAttribute('title');
  assert.equal(registeredAt, '2027/03/13 12:00 (America/New_York, EST)', 'registered at 12:00 EST');

  // The job detail: the zone, and the schedule with its abbreviation on that day.
  await page.getByTestId('job-link').first().click();
  const detail = page.getByTestId('job-detail');
  await detail.waitFor();
  assert.equal(await detail.getByTestId('detail-time-zone').innerText(), 'America/New_York');
  assert.equal(await detail.getByTestId('detail-registered-at').innerText(), '2027/03/13 12:00');
  assert.equal(await detail.getByTestId('option-schedule').innerText(), '2027/03/14 09:00 (America/New_York, EDT)');
  await screenshot(page, `time-zone-job-detail-${lang}`);
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 422')), []);
  await page.context().close();
}

test('ja: a New York administrator schedules a wipe across the change to summer time', async () => {
  await run('ja', { username: 'admin', password: 'Demo#2026', deviceFilter: 'method=apple_mdm&ownership=company&os=ios' });
});

test('en: the same in English, by another administrator', async () => {
  await run('en', { username: 'operator', password: 'Operator#2026', deviceFilter: 'ownership=company&os=android' });
});
