// このページをPDF出力: a help article printed to PDF by headless Chromium (`--print-to-pdf`, the
// same print path as the browser's "Save as PDF"), its text read back with pdftotext: the article
// is there with the address and date in every page's footer; the navigation, header, buttons,
// contents and feedback are not. With SCREENSHOTS set, the pages are also saved as PNG to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, atPath } from './support/browser.mjs';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

let portal;
let browser;
let proxy;
let dir;
let signedInPage;

before(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'mdm-help-pdf-'));
  // Sign in through the real form; the command-line Chromium then rides on that session.
  signedInPage = await newPage(browser);
  await signIn(signedInPage, portal.url);
  await signedInPage.waitForURL(atPath('/devices'));
  const cookies = await signedInPage.context().cookies();
  proxy = await cookieProxy(portal.url, cookies.map((c) => `${c.name}=${c.value}`).join('; '));
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await portal?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A loopback proxy to the portal that adds the session cookie to every request: `chromium
 * --print-to-pdf` has no way to be given a cookie, and the console needs a signed-in session.
 */
function cookieProxy(target, cookie) {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    const forward = http.request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, host: upstream.host, cookie },
      },
      (answer) => { response.writeHead(answer.statusCode, answer.headers); answer.pipe(response); },
    );
    forward.on('error', (error) => { response.writeHead(502); response.end(String(error)); });
    request.pipe(forward);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
    }));
  });
}

/** Prints `address` with `chromium --headless --print-to-pdf`; returns the PDF's path. */
async function printToPdf(address, name) {
  const pdf = path.join(dir, `${name}.pdf`);
  await run(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    `--user-data-dir=${path.join(dir, `profile-${name}`)}`,
    // Our own footer (address, date, page number) is the one printed, not Chromium's.
    '--no-pdf-header-footer',
    // Time for the bundle to load, the session check and the article to render before printing.
    '--virtual-time-budget=30000',
    `--print-to-pdf=${pdf}`,
    `${proxy.url}${address}`,
  ], { timeout: 120_000 });
  return pdf;
}

/** The PDF's text, one string per page. */
async function pagesOf(pdf) {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  return stdout.split('\f').filter((page) => page.trim() !== '');
}

/** Saves the PDF's pages as small PNGs for a person to look at, when SCREENSHOTS is set. */
async function savePreview(pdf, name) {
  if (!process.env.SCREENSHOTS) return;
  await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(process.env.SCREENSHOTS, `help-pdf-${name}`)]);
}

const NOT_PRINTED_JA = [
  '端末管理', 'ジョブ管理', // side nav
  'MDM 管理コンソール', 'サインアウト', '山田 太郎', 'デモ株式会社', // side nav brand and header
  'このページをPDF出力', 'この記事の内容', 'この記事は役に立ちましたか?', 'はい', 'いいえ', // page tools
  'ヘルプ', // side nav and breadcrumb
];

const FOOTER_JA = /\/help\/reenrollment\s+印刷日時: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/;

test('a printed article is the article alone, with the address, date and page number on every page', async () => {
  const pdf = await printToPdf('/help/reenrollment', 'reenrollment-ja');
  await savePreview(pdf, 'reenrollment-ja');
  const pages = await pagesOf(pdf);
  const text = pages.join('\n');
  assert.match(text, /遠隔初期化後の自動再登録の条件/);
  assert.match(text, /自動再登録できる端末/);
  assert.match(text, /iOS または iPadOS 17 以降の端末であること/);
  assert.match(text, /DEPプロファイルの登録先グループに登録されます/);
  for (const label of NOT_PRINTED_JA) {
    assert.ok(!text.includes(label), `"${label}" must not be printed`);
  }
  pages.forEach((page, index) => {
    assert.match(page, FOOTER_JA, `footer of page ${index + 1}`);
    assert.match(page, new RegExp(`${index + 1}\\s*/\\s*${pages.length}\\s*$`), `page number of page ${index + 1}`);
  });
});

test('a long article breaks between pages without leaving a heading at the foot of a page', async () => {
  const pdf = await printToPdf('/help/wipe-lost-device', 'wipe-lost-device-ja');
  await savePreview(pdf, 'wipe-lost-device-ja');
  const pages = await pagesOf(pdf);
  assert.ok(pages.length >= 2, `expected several pages, got ${pages.length}`);
  const text = pages.join('\n');
  for (const expected of ['紛失した端末を遠隔初期化する', '操作の流れ', '社員番号', '実行できない端末']) {
    assert.ok(text.includes(expected), expected);
  }
  for (const label of ['このページをPDF出力', 'この記事は役に立ちましたか?', 'この記事の内容', 'サインアウト']) {
    assert.ok(!text.includes(label), `"${label}" must not be printed`);
  }
  const headings = ['操作の流れ', '端末の一般情報・端末タグ情報を削除する', 'スケジュール（予約日時を設定する）',
    'パスワードと同意', '実行できない端末'];
  pages.slice(0, -1).forEach((page, index) => {
    const lines = page.split('\n').map((line) => line.trim()).filter((line) => line && !line.includes('印刷日時'));
    const last = lines.at(-1);
    assert.ok(!headings.includes(last), `page ${index + 1} ends with the heading "${last}"`);
  });
});

test('in English the printed article and its footer are English, the table whole', async () => {
  // The language is the administrator's stored choice, which a command-line profile cannot be
  // given: print through the browser's same PDF path from the signed-in page instead.
  const page = signedInPage;
  await page.evaluate(() => localStorage.setItem('mdm-console.lang', 'en'));
  await page.goto(`${portal.url}/help/hybrid-mdm`);
  await page.getByTestId('help-article').waitFor();
  const pdf = path.join(dir, 'hybrid-mdm-en.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  await savePreview(pdf, 'hybrid-mdm-en');
  const text = (await pagesOf(pdf)).join('\n');
  assert.match(text, /Hybrid MDM and execution conditions/);
  assert.match(text, /up to about an hour later/);
  assert.match(text, /the MDM profile is installed \(not removed\)/);
  assert.match(text, /\/help\/hybrid-mdm\s+Printed \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} \(Japan time\)/);
  for (const label of ['Devices', 'Sign out', 'Save this page as PDF', 'Was this article helpful?', 'In this article']) {
    assert.ok(!text.includes(label), `"${label}" must not be printed`);
  }
});

test('the articles of the other lost-device measures print as the others do', async () => {
  const articles = [
    ['remote-lock', '端末を遠隔ロックする', '対象の端末'],
    ['lost-mode', '紛失モードで端末を探す', '位置情報を取得する'],
    ['remove-company-data', '企業データを削除する', 'プラットフォームごとの動作'],
  ];
  for (const [slug, title, section] of articles) {
    const pdf = await printToPdf(`/help/${slug}`, `${slug}-ja`);
    await savePreview(pdf, `${slug}-ja`);
    const pages = await pagesOf(pdf);
    const text = pages.join('\n');
    assert.ok(text.includes(title) && text.includes(section), `${slug}: title and section printed`);
    for (const label of ['このページをPDF出力', 'この記事は役に立ちましたか?', 'サインアウト']) {
      assert.ok(!text.includes(label), `${slug}: "${label}" must not be printed`);
    }
    pages.forEach((page, index) => {
      assert.match(page, new RegExp(`/help/${slug}\\s+印刷日時: \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}`), `${slug}: footer of page ${index + 1}`);
    });
  }
});
