// 監査ログ end to end against a real portal on a manual clock: sign in, register a scheduled wipe,
// cancel its job, then the audit log shows the wipe, the cancel and the sign-in with their
// details, in Japanese and in English; filtering by action lives in the address; axe finds
// nothing to fix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot } from './support/browser.mjs';
import { axeViolations } from './support/axe.mjs';
import { apiCall, devices, registerWipe, utcSchedule } from './jobs.support.mjs';

let portal;
let browser;
let page;
before(async () => {
  portal = await startPortal({ args: ['--clock', 'manual', '--simulator', 'scripted'] });
  browser = await launchBrowser();
  page = await newPage(browser);
  await signIn(page, portal.url);
  await page.waitForURL((url) => new URL(url).pathname === '/devices');
});
after(async () => { await browser?.close(); await portal?.stop(); });

/** The shown rows: [{ actor, action, subject, details }], newest first. */
async function auditRows() {
  return page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => {
    const text = (id) => (row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim();
    return { actor: text('audit-actor'), action: text('audit-action'), subject: text('audit-subject'), details: text('audit-details') };
  }));
}

/** Waits until the table shows `count` rows and the first one is `action`. */
async function waitForRows(count, action) {
  await page.waitForFunction(({ count, action }) => {
    const rows = document.querySelectorAll('[data-testid="audit-row"]');
    return rows.length === count && rows[0].querySelector('[data-testid="audit-action"]')?.textContent.trim() === action;
  }, { count, action });
}

test('the audit log shows the wipe, the cancel and the sign-in in Japanese and English, and filters by action', async () => {
  const [device] = await devices(page, 'method=apple_mdm&ownership=company');
  const clock = await apiCall(page, 'GET', '/clock');
  const tomorrow = new Date(Date.parse(clock.body.now) + 24 * 3600 * 1000).toISOString();
  const wipe = await registerWipe(page, [device.id], { schedule_at: utcSchedule(tomorrow) });
  const jobs = await apiCall(page, 'GET', `/jobs?wipe=${wipe.wipe_id}`);
  const jobId = jobs.body.items[0].job.id;
  const cancelled = await apiCall(page, 'POST', `/jobs/${jobId}/cancel`);
  assert.equal(cancelled.status, 200);

  await page.getByTestId('nav-audit').click();
  await page.waitForURL((url) => new URL(url).pathname === '/audit');
  assert.equal(await page.getByTestId('page-title').innerText(), '監査ログ');
  await waitForRows(3, 'ジョブの取消');
  const [cancel, registered, signedIn] = await auditRows();
  assert.deepEqual(cancel, { actor: '山田 太郎', action: 'ジョブの取消', subject: `ジョブ ${jobId}`, details: '1件を取消' });
  assert.equal(registered.action, '遠隔初期化の登録');
  assert.equal(registered.subject, `遠隔初期化 ${wipe.wipe_id}`);
  assert.match(registered.details, /^端末 1台、ジョブ 1件、予約 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  assert.deepEqual(signedIn, { actor: '山田 太郎', action: 'サインイン', subject: '', details: 'セッション経由' });
  assert.equal(await page.getByTestId('audit-wipe-link').getAttribute('href'), `/jobs?wipe=${wipe.wipe_id}`);
  assert.equal(await page.getByTestId('audit-job-link').getAttribute('href'), `/jobs/${jobId}`);
  assert.equal(await page.getByTestId('audit-pager-range').innerText(), '1〜3件 / 全3件');
  await screenshot(page, 'audit-log-ja-1280');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // Filtering by action: the address keeps it, reload shows the same.
  await page.getByTestId('audit-filter-action').selectOption('jobs_cancelled');
  await page.waitForURL((url) => new URL(url).searchParams.get('action') === 'jobs_cancelled');
  await waitForRows(1, 'ジョブの取消');
  await page.reload();
  await waitForRows(1, 'ジョブの取消');
  assert.equal(await page.getByTestId('audit-filter-action').inputValue(), 'jobs_cancelled');
  await page.getByTestId('audit-filter-clear').click();
  await waitForRows(3, 'ジョブの取消');

  await page.getByTestId('lang-en').click();
  assert.equal(await page.getByTestId('page-title').innerText(), 'Audit log');
  await waitForRows(3, 'Jobs cancelled');
  const english = await auditRows();
  assert.deepEqual(english[0], { actor: '山田 太郎', action: 'Jobs cancelled', subject: `Job ${jobId}`, details: '1 job cancelled' });
  assert.equal(english[1].subject, `Wipe ${wipe.wipe_id}`);
  assert.match(english[1].details, /^1 device, 1 job, scheduled for \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  assert.deepEqual(english[2], { actor: '山田 太郎', action: 'Signed in', subject: '', details: 'via session' });
  await screenshot(page, 'audit-log-en-1280');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByTestId('lang-ja').click();
});
