// ヘルプ against a real portal: the index and the articles in Japanese and English, an article
// opened at a section from its address, from its contents and from the wipe wizard's help links,
// このページをPDF出力 opening the browser's print, and この記事は役に立ちましたか? recorded by the
// portal, a second answer changing the first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot, atPath } from './support/browser.mjs';

let portal;
let browser;
before(async () => { portal = await startPortal(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await portal?.stop(); });

async function signedIn(options) {
  const page = await newPage(browser, options);
  await signIn(page, portal.url);
  await page.waitForURL(atPath('/devices'));
  return page;
}

/** Calls the portal API with the page's session. */
async function api(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(`/api${p}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`);
    return response.json();
  }, path);
}

/** Opens the wipe wizard for one wipeable Hybrid device, so every help link of it is shown. */
async function openWizard(page) {
  const groups = (await api(page, '/groups')).roots.flatMap((root) => root.children);
  for (const group of groups.filter((g) => g.total_device_count > 0)) {
    const devices = (await api(page, `/devices?group=${group.id}&per_page=25&page=1`)).items;
    const device = devices.find((d) =>
      d.ownership === 'company' && d.enrollment !== 'user' && d.management_method === 'hybrid');
    if (!device) continue;
    await page.getByTestId(`group-${group.id}`).click();
    await page.getByTestId(`select-device-${device.id}`).check();
    await page.getByTestId('measures-button').click();
    await page.getByTestId('measure-wipe').check();
    await page.getByTestId('measures-next').click();
    await page.getByTestId('wipe-form').waitFor();
    return device;
  }
  assert.fail('the demo tenant has no wipeable Hybrid device on the first page of a group');
}

/** Follows a help link of the wizard (it opens a tab of its own) to the article's section. */
async function followHelpLink(page, topic, { path, section }) {
  const [help] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId(`help-link-${topic}`).click(),
  ]);
  await help.waitForFunction((id) => document.activeElement?.id === id, section);
  assert.equal(new URL(help.url()).pathname, path);
  assert.equal(new URL(help.url()).hash, `#${section}`);
  const top = (await help.locator(`#${section}`).boundingBox()).y;
  assert.ok(top >= 52 && top < 160, `${topic}: section heading at y=${top}`);
  await help.close();
}

/** The portal's record of the answers, newest first (through the page's own session). */
async function recordedAnswers(page) {
  return page.evaluate(async () => {
    const response = await fetch('/api/audit?action=help_feedback', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`audit: HTTP ${response.status}`);
    // Each entry's typed event fields sit beside the entry's own (id, at, actor, summary, action).
    return (await response.json()).items.map(({ id, at, actor, summary, action, ...event }) => event);
  });
}

test('the side nav opens the help index, and the index opens an article', async () => {
  const page = await signedIn();
  await page.getByTestId('nav-help').click();
  await page.waitForURL(atPath('/help'));
  const index = page.getByTestId('help-index');
  await index.waitFor();
  assert.equal(await page.getByTestId('page-title').innerText(), 'ヘルプ');
  assert.equal(await index.locator(':scope > li').count(), 6);
  assert.equal(await page.getByTestId('nav-help').getAttribute('aria-current'), 'page');
  await screenshot(page, 'help-index-ja-1280');

  await index.getByRole('link', { name: '遠隔初期化後の自動再登録の条件' }).click();
  await page.waitForURL(atPath('/help/reenrollment'));
  await page.getByTestId('help-article').waitFor();
  assert.equal(await page.getByTestId('page-title').innerText(), '遠隔初期化後の自動再登録の条件');
  assert.equal(await page.title(), '遠隔初期化後の自動再登録の条件 | MDM 管理コンソール');
  assert.match(await page.getByTestId('help-article').innerText(), /iOS または iPadOS 17 以降/);
  await screenshot(page, 'help-article-ja-1280');
  assert.deepEqual(page.errors, []);
});

test('an address with an anchor opens the article at that section, and the contents move within it', async () => {
  const page = await signedIn();
  await page.goto(`${portal.url}/help/wipe-lost-device#delete-info`);
  await page.getByTestId('help-article').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'delete-info');
  const heading = page.locator('#delete-info');
  assert.equal(await heading.innerText(), '端末の一般情報・端末タグ情報を削除する');
  // At the top of the window, below the sticky header, not hidden under it.
  const top = (await heading.boundingBox()).y;
  assert.ok(top >= 52 && top < 160, `section heading at y=${top}`);
  await screenshot(page, 'help-section-ja-1280');

  await page.getByTestId('help-toc').getByRole('link', { name: 'スケジュール（予約日時を設定する）' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'schedule');
  assert.equal(new URL(page.url()).hash, '#schedule');
  assert.equal(
    await page.getByTestId('help-toc').locator('a[aria-current="location"]').innerText(),
    'スケジュール（予約日時を設定する）',
  );
  assert.deepEqual(page.errors, []);
});

test('the wipe wizard\'s help links open the article at the section of their rule', async () => {
  const page = await signedIn();
  await openWizard(page);
  await followHelpLink(page, 'delete-info', { path: '/help/wipe-lost-device', section: 'delete-info' });
  await followHelpLink(page, 'schedule', { path: '/help/wipe-lost-device', section: 'schedule' });
  await followHelpLink(page, 'hybrid', { path: '/help/hybrid-mdm', section: 'pair' });
  await page.getByTestId('tab-after').click();
  await followHelpLink(page, 'wifi', { path: '/help/reenrollment', section: 'wifi' });
  assert.deepEqual(page.errors, []);
});

test('このページをPDF出力 opens the browser\'s print dialog', async () => {
  const page = await signedIn();
  await page.goto(`${portal.url}/help/hybrid-mdm`);
  await page.getByTestId('help-article').waitFor();
  // The real dialog would block a headless browser; count the calls instead.
  await page.evaluate(() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; });
  const button = page.getByRole('button', { name: 'このページをPDF出力' });
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.printCalls), 1);
});

test('この記事は役に立ちましたか? is recorded by the portal and a second answer changes the first', async () => {
  const page = await signedIn();
  await page.goto(`${portal.url}/help/hybrid-mdm`);
  const yes = page.getByTestId('help-feedback-yes');
  const no = page.getByTestId('help-feedback-no');
  await yes.waitFor();
  assert.equal(await page.getByTestId('help-feedback').getByRole('heading').innerText(), 'この記事は役に立ちましたか?');
  assert.equal(await page.getByTestId('help-feedback-thanks').count(), 0);

  await yes.click();
  await page.getByTestId('help-feedback-thanks').waitFor();
  assert.match(await page.getByTestId('help-feedback-thanks').innerText(), /ご回答ありがとうございました。/);
  assert.equal(await yes.getAttribute('aria-pressed'), 'true');
  let answers = await recordedAnswers(page);
  assert.deepEqual(answers[0], { article: 'hybrid-mdm-execution-conditions', helpful: true });
  await page.getByTestId('help-feedback').scrollIntoViewIfNeeded();
  await screenshot(page, 'help-feedback-ja-1280');

  await no.click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="help-feedback-no"]')?.getAttribute('aria-pressed') === 'true');
  assert.equal(await yes.getAttribute('aria-pressed'), 'false');
  answers = await recordedAnswers(page);
  assert.deepEqual(answers[0], { article: 'hybrid-mdm-execution-conditions', helpful: false });

  // An optional comment goes with the answer, and the answer is shown again on a later visit.
  await page.getByTestId('help-feedback-comment').fill('IVI MDM方式の待ち時間の例がほしい');
  await page.getByTestId('help-feedback-comment-send').click();
  await page.getByTestId('help-feedback-comment-saved').waitFor();
  answers = await recordedAnswers(page);
  assert.deepEqual(answers[0], {
    article: 'hybrid-mdm-execution-conditions', helpful: false, comment: 'IVI MDM方式の待ち時間の例がほしい',
  });
  await page.reload();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="help-feedback-no"]')?.getAttribute('aria-pressed') === 'true');
  assert.deepEqual(page.errors, []);
});

test('in English the index and the articles are the English text', async () => {
  const page = await signedIn();
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-help').click();
  await page.getByTestId('help-index').waitFor();
  assert.equal(await page.getByTestId('page-title').innerText(), 'Help');
  await screenshot(page, 'help-index-en-1280');

  await page.getByTestId('help-card-wipe-lost-device').getByRole('link', { name: 'Delete the device\'s general info and tags' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'delete-info');
  assert.equal(await page.getByTestId('page-title').innerText(), 'Remotely wiping a lost device');
  assert.equal(await page.getByTestId('help-print').innerText(), 'Save this page as PDF');
  assert.equal(
    await page.getByTestId('help-feedback').getByRole('heading').innerText(),
    'Was this article helpful?',
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'help-article-en-1280');
  assert.deepEqual(page.errors, []);
});
