// The first thing an administrator does: sign in through the real page and land on 端末管理.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot, atPath } from './support/browser.mjs';

let portal;
let browser;
before(async () => { portal = await startPortal(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await portal?.stop(); });

test('signing in with the demo login lands on 端末管理 in Japanese', async () => {
  const page = await newPage(browser);
  await signIn(page, portal.url);
  await page.waitForURL(atPath('/devices'));
  assert.equal(await page.getByTestId('page-title').innerText(), '端末管理');
  assert.equal(await page.getByTestId('header-admin-name').innerText(), '山田 太郎');
  assert.equal(await page.getByTestId('nav-jobs').innerText(), 'ジョブ管理');
  await screenshot(page, 'shell-ja-1280');
  assert.deepEqual(page.errors, []);
});

test('a wrong password keeps the administrator on the login page with a clear message', async () => {
  const page = await newPage(browser);
  await signIn(page, portal.url, { password: 'not-the-password' });
  const error = page.getByTestId('login-error');
  await error.waitFor();
  assert.match(await error.innerText(), /パスワード/);
  assert.equal(new URL(page.url()).pathname, '/login');
});

test('a deep link to a help section survives sign-in, section included', async () => {
  const page = await newPage(browser);
  await page.goto(`${portal.url}/help/reenrollment#observed`);
  await page.waitForURL(atPath('/login'));
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo#2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => new URL(url).pathname.endsWith('/help/reenrollment') && new URL(url).hash === '#observed');
  await page.locator('#observed').waitFor();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(atPath('/login'));
});

test('a deep link survives sign-in and the English choice is remembered after reload', async () => {
  const page = await newPage(browser);
  await page.goto(`${portal.url}/jobs`);
  await page.waitForURL(atPath('/login'));
  await page.getByTestId('lang-en').click();
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo#2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(atPath('/jobs'));
  assert.equal(await page.getByTestId('page-title').innerText(), 'Jobs');
  await page.reload();
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('nav-devices').innerText(), 'Devices');
  await screenshot(page, 'shell-en-1280');
  await page.getByTestId('sign-out').click();
  await page.waitForURL(atPath('/login'));
});
