// ジョブ管理 against a real portal on a manual clock with scripted devices (nothing moves until the
// test advances the clock, and every device answers as scripted): a Hybrid wipe registers two
// jobs, the table follows both when time moves, the first success cancels the other with its
// reason; then the detail, the CSV export and the screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot } from './support/browser.mjs';
import { activeSyncOn, advanceClock, apiCall, devices, entryRows, eventually, registerWipe, utcSchedule } from './jobs.support.mjs';

let portal;
let browser;
let page;
// More devices than the default, so the fleet surely has a Hybrid device only IVI MDM can reach.
before(async () => {
  portal = await startPortal({ args: ['--clock', 'manual', '--simulator', 'scripted', '--seed-devices', '3000'] });
  browser = await launchBrowser();
  page = await newPage(browser);
  await signIn(page, portal.url);
  await page.waitForURL((url) => new URL(url).pathname === '/devices');
});
after(async () => { await browser?.close(); await portal?.stop(); });

const online = (d) => d.state.powered_on && d.state.network_connected;

test('a Hybrid wipe: both jobs progress in the table, the first success cancels the other with its reason', async () => {
  // A device whose MDM profile was removed but whose ActiveSync account syncs: only the IVI MDM
  // job can run, so the outcome is certain (IVI MDM succeeds, Apple MDM is cancelled for it).
  const hybrids = await devices(page, 'method=hybrid');
  const device = hybrids.find((d) => online(d) && !d.state.mdm_profile_installed && activeSyncOn(d));
  assert.ok(device, `no Hybrid device reachable only through IVI MDM among ${hybrids.length}`);

  const registered = await registerWipe(page, [device.id]);
  assert.equal(registered.job_count, 2);
  await page.getByTestId('nav-jobs').click();
  await page.waitForURL((url) => new URL(url).pathname === '/jobs');
  await page.evaluate(() => { window.sameDocument = true; });

  const entry = page.locator('[data-testid="job-entry"][data-pair="true"]');
  await entry.waitFor();
  let rows = await entryRows(entry);
  assert.deepEqual(rows.map((r) => r.method), ['IVI MDM', 'Apple MDM']);
  assert.equal(await entry.getByTestId('job-device').innerText(), device.name);
  assert.equal(await page.getByTestId('live-state').getAttribute('data-state'), 'live');

  // Time stands still, so both jobs wait: the Apple MDM job for its removed profile, the IVI
  // MDM job for the gateway to reach the device.
  assert.deepEqual(rows.map((r) => r.status), ['waiting_for_device', 'waiting_for_device']);
  const [iviId, appleId] = rows.map((r) => r.id);
  await entry.locator(`[data-job-link="${appleId}"]`).click();
  await page.waitForURL((url) => new URL(url).pathname === `/jobs/${appleId}`);
  const drawer = page.getByTestId('job-drawer');
  await drawer.getByTestId('job-detail').waitFor();
  assert.equal(await drawer.getByTestId('detail-status').getAttribute('data-status'), 'waiting_for_device');
  const unmet = await drawer.getByTestId('job-unmet').allInnerTexts();
  assert.ok(unmet.includes('MDMプロファイルが削除されています'), unmet.join(' / '));
  await screenshot(page, 'jobs-detail-waiting-ja-1280');

  // An IVI MDM wipe reaches its device within the hour; the scripted answer comes 30 s later.
  await advanceClock(page, 61 * 60);
  rows = await eventually(async () => {
    const now = await entryRows(entry);
    return now[0].status === 'succeeded' && now[1].status === 'cancelled' ? now : null;
  }, { timeout: 60_000, what: 'the IVI MDM job to succeed and the Apple MDM job to be cancelled' });
  assert.equal(rows[0].label, '成功');
  assert.equal(rows[1].label, '取消');
  assert.equal(rows[1].reason, 'もう一方の方式で初期化が成功したため、自動的に取り消しました');
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the table refreshed itself, no reload');
  await eventually(async () => (await page.getByTestId('live-state').getAttribute('data-state')) === 'idle',
    { timeout: 60_000, what: 'the refresh to stop once nothing is open' });

  // The open detail followed along: cancelled, why, and the portal's audit entry.
  await eventually(async () => (await drawer.getByTestId('detail-status').getAttribute('data-status')) === 'cancelled',
    { timeout: 90_000, what: 'the open detail to show the cancel' });
  assert.equal(await drawer.getByTestId('detail-reason').innerText(), 'もう一方の方式で初期化が成功したため、自動的に取り消しました');
  assert.equal(await drawer.getByTestId('pair-status').getAttribute('data-status'), 'succeeded');
  await drawer.locator('[data-testid="audit-entry"][data-action="partner_job_cancelled"]').waitFor();
  const automatic = await drawer.locator('[data-testid="audit-entry"][data-action="partner_job_cancelled"]').innerText();
  assert.ok(automatic.includes(`ジョブ #${appleId}(ペアのジョブ #${iviId} が成功)`), automatic);
  assert.ok(automatic.includes('ポータル(自動処理)'), automatic);
  assert.deepEqual(page.errors, []);
});

test('more wipes for a fuller table, then screenshots of pairs and the detail in Japanese and English', async () => {
  const pick = async (filter, n) => (await devices(page, filter)).filter(online).slice(0, n).map((d) => d.id);
  const [android] = await pick('os=android&ownership=company&status=online', 1);
  const [iphone] = await pick('method=apple_mdm&ownership=company&status=online', 1);
  const [hybridNow, hybridLater] = await pick('method=hybrid&ownership=company&status=online', 2);
  const first = await registerWipe(page, [android, iphone, hybridNow]);
  // An iPad that qualifies for re-enrollment (iPadOS 17+, DEP with a profile), wiped with an
  // auto-join Wi-Fi setting: its EraseDevice command carries ReturnToService and the Wi-Fi profile.
  const { body: wifi } = await apiCall(page, 'GET', '/wifi-settings?auto_join=true&registered=true');
  const qualifies = (d) => d.enrollment === 'dep' && d.dep_profile_id !== null && Number(d.os_version.split('.')[0]) >= 17;
  const reenrolls = (await devices(page, 'method=apple_mdm&ownership=company&status=online&os=ipados'))
    .find((d) => qualifies(d) && d.id !== iphone);
  assert.ok(wifi.items.length > 0 && reenrolls, 'a Wi-Fi setting and a device for re-enrollment');
  await registerWipe(page, [reenrolls.id], { wifi_setting_id: wifi.items[0].id, keep_esim_data_plan: true });
  const later = new Date(Date.parse(first.registered_at) + 3 * 24 * 3600 * 1000).toISOString();
  await registerWipe(page, [hybridLater], { schedule_at: utcSchedule(later) });

  await page.getByTestId('job-drawer-close').click();
  await page.waitForURL((url) => new URL(url).pathname === '/jobs');
  await page.getByTestId('job-refresh').click();
  await eventually(async () => (await page.getByTestId('job-entry').count()) === 6, { what: 'six entries' });
  await eventually(async () => (await page.locator('[data-testid="job-entry"][data-pair="true"]').count()) === 3,
    { what: 'three Hybrid pairs' });
  // The engine runs once: commands go out to the reachable devices, so the table shows a mix.
  await advanceClock(page, 0);
  await eventually(async () => (await page.locator('[data-testid="job-status"][data-status="sent"]').count()) > 0,
    { what: 'a sent job in the table' });
  await page.locator('[data-testid="job-status"][data-status="scheduled"]').first().waitFor();
  await screenshot(page, 'jobs-table-ja-1280');

  const entryOf = (name) => page.locator('[data-testid="job-entry"]').filter({ has: page.getByText(name, { exact: true }) });
  await entryOf(reenrolls.name).getByTestId('job-link').click();
  await page.getByTestId('job-detail').waitFor();
  assert.match(await page.getByTestId('command-rts').innerText(), /^Enabled: true/);
  assert.equal(await page.getByTestId('command-ssid').innerText(), wifi.items[0].ssid);
  await screenshot(page, 'jobs-detail-ja-1280');
  const scrollTo = (id) => page.getByTestId(id).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await scrollTo('job-conditions');
  await screenshot(page, 'jobs-detail-conditions-ja-1280');
  await scrollTo('job-command');
  await screenshot(page, 'jobs-detail-command-ja-1280');

  await page.getByTestId('lang-en').click();
  await page.getByTestId('job-detail').getByText('Apple MDM command (EraseDevice)').waitFor();
  await page.getByTestId('job-drawer').locator('.job-drawer__body').evaluate((el) => { el.scrollTop = 0; });
  await screenshot(page, 'jobs-detail-en-1280');
  await scrollTo('job-command');
  await screenshot(page, 'jobs-detail-command-en-1280');
  await page.getByTestId('job-drawer-close').click();
  await page.getByTestId('job-table').getByText('First success completes both').first().waitFor();
  await screenshot(page, 'jobs-table-en-1280');
  await page.getByTestId('lang-ja').click();
  assert.deepEqual(page.errors, []);
});

test('CSV export: every job of the filter, UTF-8 with a byte-order mark, pairs on consecutive rows', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('job-export').click(),
  ]);
  assert.match(download.suggestedFilename(), /^端末初期化ジョブ_\d{8}-\d{4}\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.match(lines[0], /^ジョブID,ペアのジョブID,端末名,/);
  const jobs = lines.slice(1).map((line) => line.split(','));
  assert.equal(jobs.length, 9, 'three pairs and three single jobs');
  const paired = jobs.filter((cells) => cells[1]);
  assert.equal(paired.length, 6, 'the three Hybrid pairs name their partners');
  for (const cells of paired) {
    const i = jobs.indexOf(cells);
    const partner = jobs.find((other) => other[0] === cells[1]);
    assert.ok(partner && partner[1] === cells[0], `job ${cells[0]} and its partner name each other`);
    assert.ok(jobs[i - 1]?.[0] === cells[1] || jobs[i + 1]?.[0] === cells[1], `job ${cells[0]} sits next to its partner`);
  }
  const toast = page.getByTestId('toast').filter({ hasText: 'CSV' });
  assert.match(await toast.innerText(), /9行のCSV/);
});

test('the kind column and filter: kind= in the address, and the list and the CSV export follow it', async () => {
  const kinds = await page.getByTestId('job-kind').allInnerTexts();
  assert.equal(kinds.length, 6, 'one kind per entry, a pair being one order');
  assert.ok(kinds.every((k) => k === '遠隔初期化'), kinds.join(' | '));
  // Relative times, with the time itself at hand.
  const registered = page.getByTestId('job-registered-at').first();
  assert.match(await registered.getAttribute('title'), /^\d{4}\/\d\d\/\d\d \d\d:\d\d \(Asia\/Tokyo, JST\)$/);

  await page.getByTestId('filter-kind').selectOption('wipe');
  await page.waitForURL((url) => new URL(url).searchParams.get('kind') === 'wipe');
  await eventually(async () => (await page.getByTestId('job-entry').count()) === 6, { what: 'every wipe listed' });
  const [request] = await Promise.all([
    page.waitForRequest((r) => new URL(r.url()).pathname === '/api/jobs.csv'),
    page.waitForEvent('download'),
    page.getByTestId('job-export').click(),
  ]);
  assert.equal(new URL(request.url()).searchParams.get('kind'), 'wipe', 'the export takes the kind filter');

  await page.getByTestId('filter-kind').selectOption('lock');
  await page.waitForURL((url) => new URL(url).searchParams.get('kind') === 'lock');
  await page.getByTestId('table-empty').waitFor();
  await page.reload();
  await page.getByTestId('table-empty').waitFor();
  assert.equal(await page.getByTestId('filter-kind').inputValue(), 'lock', 'the address keeps the kind');
  await page.getByTestId('filter-clear').click();
  await page.waitForURL((url) => !new URL(url).searchParams.has('kind'));
  await eventually(async () => (await page.getByTestId('job-entry').count()) === 6, { what: 'the whole list again' });
  assert.deepEqual(page.errors, []);
});
