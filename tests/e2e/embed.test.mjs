// The console inside a customer's portal: the example host page at /embed-example, its own
// header, navigation and clashing styles, the console under /embed-example/mdm signed in with a
// bearer token the host hands over. The whole wipe flow there, token renewal and expiry, the
// host's look untouched by the console (and the console's by the host), deep links, reload and
// back/forward with the host page staying.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, screenshot, atPath, pageIdle } from './support/browser.mjs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const HOST = '/embed-example';
const BASE = `${HOST}/mdm`;

let portal;
let browser;
// A manual clock and scripted devices: the wiped device answers when the test moves time.
before(async () => {
  portal = await startPortal({ args: ['--clock', 'manual', '--simulator', 'scripted'] });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await portal?.stop(); });

/** Every API request of the page, with all its headers (cookies included, if any were sent). */
function recordApi(page) {
  const seen = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) {
      seen.push(request.allHeaders().then((headers) => ({ method: request.method(), path: url.pathname, headers })));
    }
  });
  return { all: () => Promise.all(seen) };
}

/** Signs in through the host page's own form; the host hands the token to the console. */
async function hostSignIn(page, { username = 'admin', password = 'Demo#2026' } = {}) {
  const form = page.getByTestId('host-sign-in-form');
  await form.waitFor();
  await page.getByTestId('host-username').fill(username);
  await page.getByTestId('host-password').fill(password);
  await page.getByTestId('host-sign-in-submit').click();
  await page.getByTestId('host-account').waitFor();
}

/** The host's current token, as it keeps it. */
const hostToken = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('example-portal.token'))?.token);

/** Calls the portal API with the host's token (what the console itself sends). */
async function api(page, path) {
  const token = await hostToken(page);
  return page.evaluate(async ([p, t]) => {
    const response = await fetch(`/api${p}`, { credentials: 'omit', headers: { Accept: 'application/json', Authorization: `Bearer ${t}` } });
    return { status: response.status, body: await response.json() };
  }, [path, token]);
}

/** Moves the portal's manual clock with the host's token, as a host portal's own test would. */
async function advanceClock(page, seconds) {
  const token = await hostToken(page);
  const status = await page.evaluate(async ([s, t]) => (await fetch('/api/clock/advance', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` },
    body: JSON.stringify({ seconds: s }),
  })).status, [seconds, token]);
  assert.equal(status, 200, 'the clock moved');
}

const wipeable = (d) => d.ownership === 'company' && d.enrollment !== 'user';
const reachable = (d) => d.state.powered_on && d.state.network_connected && d.state.mdm_profile_installed;

/** Computed styles of the host's own elements, to compare before and after the console. */
async function hostLook(page) {
  return page.evaluate(() => {
    const props = ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'background-color',
      'margin-top', 'margin-bottom', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style',
      'border-top-color', 'border-radius', 'text-transform', 'letter-spacing', 'text-align', 'display'];
    const pick = (selector) => {
      const el = document.querySelector(selector);
      const style = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    };
    return {
      body: pick('body'),
      header: pick('[data-testid="host-header"]'),
      brand: pick('.portal-brand'),
      title: pick('[data-testid="host-title"]'),
      nav: pick('[data-testid="host-nav"]'),
      navLink: pick('[data-testid="host-nav-devices"]'),
      button: pick('[data-testid="host-button"]'),
      th: pick('[data-testid="host-table"] th'),
      td: pick('[data-testid="host-table"] td'),
      // Sizes of fixed parts only (the page around the console grows with it, as it should).
      sizes: ['[data-testid="host-header"]', '[data-testid="host-button"]', '[data-testid="host-table"]', '[data-testid="host-nav"]']
        .map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return `${r.width}x${s.includes('nav"') ? '' : r.height}`; }),
      lang: document.documentElement.lang,
      title_text: document.title,
    };
  });
}

/** Computed styles of a few console elements (to compare with the console on its own page). */
/** Waits until every stylesheet the page links is loaded and applied: a look measured before
 *  that compares a half-styled page. */
async function stylesApplied(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet),
    null, { timeout: 30_000 });
  await pageIdle(page);
}

async function consoleLook(page) {
  return page.evaluate(() => {
    const props = ['font-family', 'font-size', 'font-weight', 'line-height', 'text-transform', 'letter-spacing',
      'padding-top', 'padding-left', 'border-top-width', 'text-align', 'margin-bottom'];
    const pick = (selector) => {
      const style = getComputedStyle(document.querySelector(selector));
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    };
    return {
      title: pick('[data-testid="page-title"]'),
      signOut: pick('[data-testid="sign-out"]'),
      th: pick('[data-testid="device-table"] thead th'),
      td: pick('[data-testid="device-table"] tbody td'),
      navLink: pick('[data-testid="nav-jobs"]'),
    };
  });
}

test('ja: the whole wipe flow inside the host page, under the base path, with a bearer token only', async () => {
  const page = await newPage(browser, { locale: 'ja-JP', width: 1440, height: 900 });
  const requests = recordApi(page);
  await page.goto(`${portal.url}${BASE}/devices`);
  // Before the host signs in, the console waits for it instead of showing its own sign-in.
  await page.getByTestId('waiting-for-host').waitFor();
  assert.equal(await page.getByTestId('login-username').count(), 0);
  await hostSignIn(page);
  await page.getByTestId('group-tree').waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE}/devices`);
  assert.equal(await page.getByTestId('header-admin-name').innerText(), '山田 太郎');
  await screenshot(page, 'embed-devices-ja');

  // A group, then a device of it.
  const { body: tree } = await api(page, '/groups');
  const group = tree.roots.flatMap((root) => root.children).find((g) => g.total_device_count >= 10);
  await page.getByTestId(`group-${group.id}`).click();
  await page.waitForURL((url) => new URL(url).pathname === `${BASE}/devices` && new URL(url).searchParams.get('group') === String(group.id));
  const devices = (await api(page, `/devices?group=${group.id}&per_page=50`)).body.items;
  const device = devices.find((d) => wipeable(d) && reachable(d) && d.management_method === 'apple_mdm');
  assert.ok(device, `a reachable Apple MDM device among ${devices.length}`);
  const box = page.getByTestId(`select-device-${device.id}`);
  await box.check();
  assert.equal(await page.getByTestId('selection-count').innerText(), '1台を選択中');

  // The wizard: the measure, the options, the preview, the password again.
  await page.getByTestId('measures-button').click();
  await page.getByTestId('measures-dialog').waitFor();
  await page.getByTestId('measure-wipe').check();
  await page.getByTestId('measures-next').click();
  await page.waitForURL(atPath(`${BASE}/devices/wipe`));
  await page.getByTestId('wipe-form').waitFor();
  assert.equal(await page.getByTestId('page-title').innerText(), '遠隔初期化');
  await page.getByTestId('wipe-schedule').uncheck();
  await page.getByTestId('preview-summary').waitFor();
  await page.getByTestId('preview-updating').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('preview-summary').innerText(), /^1台の端末、\d+件のジョブ/);
  await screenshot(page, 'embed-wipe-ja');
  await page.getByTestId('wipe-password').fill('not-my-password');
  await page.getByTestId('wipe-agree').check();
  await page.getByTestId('wipe-ok').click();
  await page.getByTestId('wipe-error-password').waitFor();
  await page.getByTestId('wipe-password').fill('Demo#2026');
  await page.getByTestId('wipe-ok').click();
  await page.getByTestId('wipe-done').waitFor();

  // The job appears in ジョブ管理, under the base path, and can be followed to its end.
  const jobsLink = page.getByTestId('wipe-done-jobs');
  assert.match(await jobsLink.getAttribute('href'), new RegExp(`^${BASE}/jobs\\?wipe=\\d+$`));
  await jobsLink.click();
  await page.waitForURL((url) => new URL(url).pathname === `${BASE}/jobs`);
  await page.locator('[data-testid="job-row"]').first().waitFor();
  assert.ok((await page.getByTestId('job-table').innerText()).includes(device.name));
  await page.getByTestId('job-link').first().click();
  await page.waitForURL((url) => new RegExp(`^${BASE}/jobs/\\d+$`).test(new URL(url).pathname));
  const detail = page.getByTestId('job-detail');
  await detail.waitFor();
  // The command goes out and the scripted device acknowledges it 30 simulated seconds later:
  // the open detail follows it to the end.
  await advanceClock(page, 60);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="detail-status"]')?.getAttribute('data-status') === 'succeeded',
    null, { timeout: 120_000, polling: 500 },
  );
  await screenshot(page, 'embed-job-detail-ja');

  // The host page stayed all along: its header, its title, its language.
  await page.getByTestId('host-header').waitFor();
  assert.equal(await page.title(), 'Example Corp ポータル');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');

  // Only the token: no request carried a cookie, and the browser holds none.
  const seen = await requests.all();
  const consoleCalls = seen.filter((r) => !r.path.startsWith('/api/auth/tokens'));
  assert.ok(consoleCalls.length > 10, `${consoleCalls.length} console requests`);
  for (const request of consoleCalls) {
    assert.match(request.headers.authorization ?? '', /^Bearer [A-Za-z0-9_-]{43}$/, `${request.method} ${request.path}`);
    assert.equal(request.headers.cookie, undefined, `${request.method} ${request.path} sent a cookie`);
    assert.equal(request.headers['x-csrf-token'], undefined);
  }
  assert.deepEqual(await page.context().cookies(), []);
  // The browser logs the refused wrong-password request (403) itself; nothing else may fail.
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 403')), []);
});

test('the host renews the token; a revoked token sends the console back to the host', async () => {
  const page = await newPage(browser, { locale: 'ja-JP' });
  const requests = recordApi(page);
  await page.goto(`${portal.url}${BASE}/jobs`);
  await hostSignIn(page);
  await page.getByTestId('jobs-lead').waitFor();
  const first = await hostToken(page);

  await page.getByTestId('host-renew').click();
  await page.waitForFunction((old) => JSON.parse(sessionStorage.getItem('example-portal.token')).token !== old, first);
  const second = await hostToken(page);
  // The console uses the new token from its next request on, without a reload.
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('group-tree').waitFor();
  const after = (await requests.all()).filter((r) => r.path === '/api/groups').at(-1);
  assert.equal(after.headers.authorization, `Bearer ${second}`);

  // The sign-in ends elsewhere (revoked): the next request is refused, the console tells the
  // host, the host cannot renew a revoked sign-in and shows its sign-in form again.
  const revoked = await page.evaluate(async (t) => (await fetch('/api/auth/tokens/current', {
    method: 'DELETE', credentials: 'omit', headers: { Authorization: `Bearer ${t}` },
  })).status, second);
  assert.equal(revoked, 204);
  const expired = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('[data-mdm-console]').addEventListener('mdm-console:token-expired', () => resolve(true), { once: true });
  }));
  await page.getByTestId('nav-jobs').click();
  assert.equal(await expired, true);
  await page.getByTestId('host-sign-in-form').waitFor();
  await page.getByTestId('waiting-for-host').waitFor();

  // Signing in again brings the console back at the same address.
  await hostSignIn(page);
  await page.getByTestId('jobs-lead').waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE}/jobs`);

  // Sign-out in the console hands control back to the host.
  await page.getByTestId('sign-out').click();
  await page.getByTestId('host-sign-in-form').waitFor();
  await page.getByTestId('waiting-for-host').waitFor();
  assert.equal(await hostToken(page), undefined);
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 401')), []);
});

test("the host's look is the same before and after the console mounts, and the console's too", async () => {
  // Before: the host page with the console's boot script held back.
  const before = await newPage(browser, { locale: 'ja-JP' });
  await before.route('**/console-boot.js', (route) => route.abort());
  await before.goto(`${portal.url}${HOST}/`);
  await before.getByTestId('host-header').waitFor();
  await stylesApplied(before);
  const bare = await hostLook(before);
  assert.match(bare.button['font-family'], /Georgia/, 'the host has its own font');
  assert.equal(bare.button['text-transform'], 'uppercase');

  // After: the console mounted and signed in, every console stylesheet loaded.
  const page = await newPage(browser, { locale: 'ja-JP' });
  await page.goto(`${portal.url}${BASE}/devices`);
  await hostSignIn(page);
  await page.getByTestId('device-table').locator('tbody tr').first().waitFor();
  await stylesApplied(page);
  const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => /-[0-9a-f]{10,16}\.css$/.test(s.href ?? '')).length);
  assert.ok(sheets >= 10, `${sheets} console stylesheets`);
  // The sign-in form hides after sign-in and the account appears; the rest must not move.
  assert.deepEqual(await hostLook(page), bare);

  // The console inside looks as on its own page, whatever the host's element rules say.
  const own = await newPage(browser, { locale: 'ja-JP' });
  await signIn(own, portal.url);
  await own.getByTestId('device-table').locator('tbody tr').first().waitFor();
  await stylesApplied(page);
  await stylesApplied(own);
  assert.deepEqual(await consoleLook(page), await consoleLook(own));
  // The host themed it through the documented custom properties.
  const accent = await page.getByTestId('measures-button').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(accent, 'rgb(15, 110, 90)');
  const radius = await page.getByTestId('measures-button').evaluate((el) => getComputedStyle(el).borderRadius);
  assert.equal(radius, '4px');
});

test('deep links, reload and back/forward inside the host page', async () => {
  const page = await newPage(browser, { locale: 'ja-JP' });
  await page.goto(`${portal.url}${BASE}/jobs`);
  await hostSignIn(page);
  await page.getByTestId('jobs-lead').waitFor();
  assert.equal(await page.getByTestId('nav-jobs').getAttribute('aria-current'), 'page');

  // Reload: the host keeps its token, the console comes back at the same place.
  await page.reload();
  await page.getByTestId('jobs-lead').waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE}/jobs`);
  assert.equal(await page.getByTestId('host-sign-in-form').isHidden(), true);

  // Client-side navigation only: a marker on the window survives every step.
  await page.evaluate(() => { window.hostMarker = 'kept'; });
  assert.equal(await page.getByTestId('nav-help').getAttribute('href'), `${BASE}/help`);
  await page.getByTestId('nav-help').click();
  await page.waitForURL(atPath(`${BASE}/help`));
  await page.getByTestId('help-index').waitFor();
  // The host's own navigation into the console is taken by the console's router too.
  await page.getByTestId('host-nav-devices').click();
  await page.waitForURL(atPath(`${BASE}/devices`));
  await page.getByTestId('group-tree').waitFor();

  await page.goBack();
  await page.waitForURL(atPath(`${BASE}/help`));
  await page.getByTestId('help-index').waitFor();
  await page.goBack();
  await page.waitForURL(atPath(`${BASE}/jobs`));
  await page.getByTestId('jobs-lead').waitFor();
  await page.goForward();
  await page.waitForURL(atPath(`${BASE}/help`));
  await page.getByTestId('help-index').waitFor();
  assert.equal(await page.evaluate(() => window.hostMarker), 'kept');
  await page.getByTestId('host-header').waitFor();
  assert.equal(await page.getByTestId('nav-help').getAttribute('aria-current'), 'page');

  // A deep link to an article, loaded fresh, and an unknown address inside the console.
  await page.goto(`${portal.url}${BASE}/help/hybrid-mdm`);
  await page.getByTestId('help-article').waitFor();
  await page.goto(`${portal.url}${BASE}/no-such-page`);
  await page.getByTestId('host-header').waitFor();
  await page.getByText('ページが見つかりません').waitFor();
  assert.deepEqual(page.errors, []);
});

test('en: the console inside the host page in English', async () => {
  const page = await newPage(browser, { locale: 'en-US', width: 1440, height: 900 });
  await page.goto(`${portal.url}${BASE}/devices`);
  await page.getByTestId('waiting-for-host').getByText("Waiting for the portal's sign-in").waitFor();
  await hostSignIn(page);
  await page.getByTestId('device-table').locator('tbody tr').first().waitFor();
  assert.equal(await page.getByTestId('page-title').innerText(), 'Devices');
  assert.equal(await page.locator('.mdm-console').getAttribute('lang'), 'en');
  await screenshot(page, 'embed-devices-en');
  // The console inside the host has no accessibility violation of its own (one main landmark:
  // the host's; the console's content is a named region there).
  await page.evaluate(`${AXE_SOURCE}\n;0`);
  const found = await page.evaluate(async () => (await window.axe.run({ include: [['.mdm-console']] }, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(found, []);
  assert.equal(await page.locator('main').count(), 1);
  await page.getByTestId('nav-jobs').click();
  await page.getByTestId('jobs-lead').waitFor();
  await screenshot(page, 'embed-jobs-en');
  assert.deepEqual(page.errors, []);
});

test("cookie mode: the console's own sign-in inside the host, back to the deep link under the base path", async () => {
  const page = await newPage(browser, { locale: 'ja-JP' });
  // The same host page, but the console uses the portal's session cookie (same site).
  await page.route((url) => url.pathname.startsWith(`${HOST}/`) && !/\.(js|css)$/.test(url.pathname), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-auth="bearer"', 'data-auth="cookie"');
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${portal.url}${BASE}/jobs?status=succeeded`);
  await page.getByTestId('login-username').waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE}/login`);
  assert.equal(new URL(page.url()).searchParams.get('next'), '/jobs?status=succeeded');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo#2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(atPath(`${BASE}/jobs`));
  await page.getByTestId('jobs-lead').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('status'), 'succeeded');
  await page.getByTestId('host-header').waitFor();
  // Sign-out in cookie mode is the console's own: back to its sign-in, still inside the host.
  await page.getByTestId('sign-out').click();
  await page.waitForURL(atPath(`${BASE}/login`));
  await page.getByTestId('login-username').waitFor();
  assert.deepEqual(page.errors, []);
});

test('the host signing out (mdm-console:sign-out) makes the console forget its token at once', async () => {
  const page = await newPage(browser, { locale: 'ja-JP' });
  await page.goto(`${portal.url}${BASE}/devices`);
  await hostSignIn(page);
  await page.getByTestId('group-tree').waitFor();
  const token = await hostToken(page);
  const requests = recordApi(page);
  // Only the event: the host keeps its own state, so what changes is the console's doing.
  await page.evaluate(() => document.querySelector('[data-mdm-console]')
    .dispatchEvent(new CustomEvent('mdm-console:sign-out')));
  await page.getByTestId('waiting-for-host').waitFor();
  assert.equal(await page.getByTestId('group-tree').count(), 0, 'the signed-in screens are gone');
  assert.equal(await page.getByTestId('host-account').isVisible(), true, 'the host did nothing itself');
  await pageIdle(page);
  for (const request of await requests.all()) {
    assert.notEqual(request.headers.authorization, `Bearer ${token}`, `${request.method} ${request.path} used the forgotten token`);
  }
  assert.deepEqual(page.errors, []);
});
