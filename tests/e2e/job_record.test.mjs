// The job record tells what happened, in Japanese and in English: a Hybrid device wiped with
// 端末の一般情報・端末タグ情報を削除する on loses its owner in the device record, while the job list, the
// detail and the CSV keep the device and owner as registered; the detail shows each send with
// its command's SHA-256 and the conditions at that moment. A manual clock and scripted devices
// make the outcome certain: the Apple MDM job is sent at once and acknowledged 30 s later.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { activeSyncOn, advanceClock, apiCall, devices, entryRows, eventually, registerWipe, openScriptedFleet } from './jobs.support.mjs';

let portal;
let browser;
let page;
before(async () => { ({ portal, browser, page } = await openScriptedFleet()); });
after(async () => { await browser?.close(); await portal?.stop(); });

// Reachable by Apple MDM only (its ActiveSync account syncs nothing), so the Apple MDM job wins.
const candidates = async () => (await devices(page, 'method=hybrid&ownership=company&status=online'))
  .filter((d) => d.state.mdm_profile_installed && !activeSyncOn(d) && d.user_full_name && d.enrollment !== 'user');

const WORDS = {
  ja: { noOwner: '利用者: なし', send: '1回目の送信', installed: 'インストール済み', user: '利用者' },
  en: { noOwner: 'user: none', send: 'Send 1', installed: 'Installed', user: 'User' },
};

async function wipeAndCheck(device, lang) {
  const words = WORDS[lang];
  const owner = device.user_full_name;
  const wipe = await registerWipe(page, [device.id], { delete_general_info: true });
  await advanceClock(page, 0);
  await advanceClock(page, 60);

  // The device record no longer names the owner.
  const [now] = (await devices(page, `q=${encodeURIComponent(device.serial_number)}`)).filter((d) => d.id === device.id);
  assert.equal(now.user_full_name, null, 'the wipe cleared the device record');

  // The list still names device and owner as registered.
  await page.goto(`${portal.url}/jobs?wipe=${wipe.wipe_id}`);
  await page.getByTestId(`lang-${lang}`).click();
  const entry = page.locator('[data-testid="job-entry"]');
  await entry.first().waitFor();
  const rows = await eventually(async () => {
    const r = await entryRows(entry.first());
    return r.some((row) => row.status === 'succeeded') ? r : null;
  }, { what: 'the wipe to succeed' });
  assert.equal(await entry.getByTestId('job-device').innerText(), device.name);
  assert.ok((await entry.getByTestId('job-device-meta').innerText()).includes(owner), 'the owner in the list');

  // The detail of the job that ran: the snapshot, the device now, and the send.
  const winner = rows.find((row) => row.status === 'succeeded');
  assert.equal(winner.method, 'Apple MDM');
  await page.goto(`${portal.url}/jobs/${winner.id}?wipe=${wipe.wipe_id}`);
  const detail = page.getByTestId('job-detail');
  await detail.waitFor();
  assert.equal(await detail.getByTestId('detail-device').innerText(), device.name);
  assert.equal(await detail.getByTestId('detail-user').innerText(), owner);
  assert.ok((await detail.getByTestId('detail-device-now').innerText()).includes(words.noOwner));
  assert.equal(await detail.getByTestId('job-conditions').count(), 0, 'a finished job: no "device now" conditions');
  const attempt = detail.getByTestId('job-attempt');
  assert.equal(await attempt.count(), 1);
  assert.ok((await attempt.innerText()).includes(words.send));
  assert.ok((await attempt.getByTestId('condition-profile').innerText()).includes(words.installed),
    'the MDM profile as it was when the command went, not after the erase');
  const { body: api } = await apiCall(page, 'GET', `/jobs/${winner.id}`);
  const hash = await attempt.getByTestId('attempt-hash').innerText();
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(hash, api.attempts[0].command.sha256);
  assert.ok((await attempt.getByTestId('attempt-command').textContent()).includes('EraseDevice'));

  // The CSV of the registration names device and owner as registered.
  await page.goto(`${portal.url}/jobs?wipe=${wipe.wipe_id}`);
  await entry.first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('job-export').click()]);
  const csv = (await readFile(await download.path())).toString('utf8');
  const lines = csv.split('\r\n').filter((line) => line.includes(device.name));
  assert.equal(lines.length, 2, 'both jobs of the pair');
  for (const line of lines) assert.ok(line.includes(`,${owner},`), line);
  assert.deepEqual(page.errors, []);
}

test('ja: a Hybrid wipe with delete-info on keeps the device and owner in its jobs', async () => {
  const [device] = await candidates();
  assert.ok(device, 'a Hybrid device reachable by Apple MDM only');
  await wipeAndCheck(device, 'ja');
});

test('en: the same record in English', async () => {
  const [device] = await candidates();
  assert.ok(device, 'a second such device');
  await wipeAndCheck(device, 'en');
});
