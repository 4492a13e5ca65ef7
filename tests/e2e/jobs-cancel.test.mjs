// Cancelling a scheduled Hybrid wipe from ジョブ管理 against a real portal on wall-clock time: the
// confirmation, both jobs cancelled together, the result and the audit entry; and the filters
// living in the address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot } from './support/browser.mjs';
import { devices, entryRows, eventually, registerWipe, utcSchedule } from './jobs.support.mjs';

let portal;
let browser;
let page;
before(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  page = await newPage(browser);
  await signIn(page, portal.url);
  await page.waitForURL((url) => new URL(url).pathname === '/devices');
});
after(async () => { await browser?.close(); await portal?.stop(); });

test('cancelling a scheduled Hybrid wipe cancels both jobs after a confirmation; the audit log records it', async () => {
  const [device] = await devices(page, 'method=hybrid&ownership=company');
  const inTwoHours = new Date(Date.now() + 2 * 3600 * 1000).toISOString();
  await registerWipe(page, [device.id], { schedule_at: utcSchedule(inTwoHours) });

  await page.getByTestId('nav-jobs').click();
  const entry = page.locator('[data-testid="job-entry"][data-pair="true"]');
  await entry.waitFor();
  const before = await entryRows(entry);
  assert.deepEqual(before.map((r) => r.status), ['scheduled', 'scheduled']);
  assert.deepEqual(before.map((r) => r.label), ['予約中', '予約中']);
  const [iviId, appleId] = before.map((r) => r.id);

  await entry.getByTestId('job-cancel').click();
  const dialog = page.getByTestId('cancel-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getByTestId('cancel-dialog-what').innerText(),
    `Hybrid MDM方式のペアのジョブ #${iviId}(IVI MDM)と #${appleId}(Apple MDM)を、2件とも取り消します。`);
  assert.equal(await dialog.getByTestId('cancel-dialog-warning').innerText(),
    'すでに端末に送信されたコマンドは取り消せず、端末でそのまま実行されます(初期化は完了します)。');
  await screenshot(page, 'jobs-cancel-dialog-ja-1280');

  // Changing one's mind leaves the jobs alone.
  await dialog.getByTestId('cancel-dialog-keep').click();
  await dialog.waitFor({ state: 'detached' });
  await entry.getByTestId('job-cancel').click();
  await page.getByTestId('cancel-dialog-confirm').click();

  // The result: a notice, the job's detail with its history and the audit entry.
  assert.match(await page.getByTestId('toast').first().innerText(), new RegExp(`ジョブ #${iviId}、#${appleId} を取り消しました`));
  await page.waitForURL((url) => new URL(url).pathname === `/jobs/${iviId}`);
  const drawer = page.getByTestId('job-drawer');
  await eventually(async () => (await drawer.getByTestId('detail-status').getAttribute('data-status')) === 'cancelled',
    { what: 'the detail to show the cancel' });
  assert.equal(await drawer.getByTestId('detail-reason').innerText(), '管理者が取り消しました');
  assert.equal(await drawer.getByTestId('pair-status').getAttribute('data-status'), 'cancelled');
  const history = await drawer.getByTestId('history-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-status')));
  assert.deepEqual(history, ['scheduled', 'cancelled']);
  const audit = drawer.locator('[data-testid="audit-entry"][data-action="jobs_cancelled"]');
  await audit.waitFor();
  const auditText = await audit.innerText();
  assert.match(auditText, /ジョブの取消/);
  assert.match(auditText, /山田 太郎/);
  assert.match(auditText, new RegExp(`対象: ジョブ #${iviId}、#${appleId}`));
  await screenshot(page, 'jobs-cancelled-detail-ja-1280');

  const after = await eventually(async () => {
    const rows = await entryRows(entry);
    return rows.every((r) => r.status === 'cancelled') ? rows : null;
  }, { what: 'both rows cancelled' });
  assert.deepEqual(after.map((r) => r.reason), ['管理者が取り消しました', '管理者が取り消しました']);
  assert.equal(await entry.getByTestId('job-cancel').count(), 0, 'nothing left to cancel');
  assert.deepEqual(page.errors, []);
});

test('filters, sort and the open job live in the address, so a reload shows the same screen', async () => {
  await page.goto(`${portal.url}/jobs?status=cancelled`);
  await page.locator('[data-testid="job-entry"][data-pair="true"]').waitFor();
  assert.equal(await page.getByTestId('filter-status').inputValue(), 'cancelled');

  await page.getByTestId('filter-status').selectOption('scheduled');
  await page.waitForURL((url) => new URL(url).searchParams.get('status') === 'scheduled');
  await page.getByTestId('table-empty').getByText('条件に一致するジョブはありません').waitFor();
  await page.reload();
  await page.getByTestId('table-empty').getByText('条件に一致するジョブはありません').waitFor();
  assert.equal(await page.getByTestId('filter-status').inputValue(), 'scheduled');

  await page.getByTestId('filter-clear').click();
  await page.waitForURL((url) => new URL(url).search === '');
  await page.getByTestId('sort-device').click();
  await page.waitForURL((url) => new URL(url).searchParams.get('sort') === 'device');
  const jobId = await page.getByTestId('job-link').first().getAttribute('data-job-link');
  await page.getByTestId('job-link').first().click();
  await page.waitForURL((url) => new URL(url).pathname === `/jobs/${jobId}`);
  await page.reload();
  await page.getByTestId('job-detail').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'device');
  assert.equal(await page.getByTestId('sort-device').locator('xpath=..').getAttribute('aria-sort'), 'ascending');
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => new URL(url).pathname === '/jobs');
  assert.equal(await page.getByTestId('job-drawer').count(), 0);
  assert.deepEqual(page.errors, []);
});
