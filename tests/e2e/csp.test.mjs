// The Content-Security-Policy against the release-built console: the portal sends a strict
// policy (no inline script or style, no eval) with every page, and no screen, in Japanese or in
// English, breaks it or logs an error or a warning; nor does the example host page with the console
// inside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, pageIdle, trackRequests } from './support/browser.mjs';
import { walkScreens, SCREENS } from './support/screens.mjs';

let portal;
let browser;
before(async () => { portal = await startPortal(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await portal?.stop(); });

/** Records every policy violation the page reports, from before the console's first script. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} `
      + `at ${event.sourceFile || '?'}:${event.lineNumber} ${event.sample || ''}`);
  });
}

test('every page comes with a strict Content-Security-Policy', async () => {
  for (const path of ['/', '/login', '/devices', '/jobs/1', '/help/wipe-lost-device', '/no-such-screen']) {
    const response = await fetch(`${portal.url}${path}`);
    const csp = response.headers.get('content-security-policy');
    assert.ok(csp, `${path}: no policy`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${path}: ${csp}`);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, path);
    assert.match(csp, /style-src 'self'(;|$)/, path);
    assert.match(csp, /frame-ancestors 'self'/, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
  }
});

for (const { lang, locale } of [{ lang: 'ja', locale: 'ja-JP' }, { lang: 'en', locale: 'en-US' }]) {
  test(`no screen breaks the policy or logs an error or a warning (${lang})`, async () => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    await context.addInitScript(recordViolations);
    const page = await context.newPage();
    trackRequests(page);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    const checked = [];
    await walkScreens(page, portal.url, async (screen) => {
      await pageIdle(page);
      for (const v of await page.evaluate(() => window.__cspViolations.splice(0))) {
        problems.push(`[${screen}] ${v}`);
      }
      checked.push(screen);
    }, { lang });
    await context.close();
    assert.deepEqual(checked, SCREENS);
    assert.deepEqual(problems, []);
  });
}

test('the example host page and the console inside it keep the policy, without errors or warnings', async () => {
  const response = await fetch(`${portal.url}/embed-example`);
  assert.equal(response.status, 200);
  assert.doesNotMatch(response.headers.get('content-security-policy'), /'unsafe-inline'|'unsafe-eval'/);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(recordViolations);
  const page = await context.newPage();
  trackRequests(page);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  await page.goto(`${portal.url}/embed-example/mdm/devices`);
  await page.getByTestId('host-sign-in-form').waitFor();
  await page.getByTestId('host-username').fill('admin');
  await page.getByTestId('host-password').fill('Demo#2026');
  await page.getByTestId('host-sign-in-submit').click();
  await page.getByTestId('host-account').waitFor();
  await page.getByTestId('group-tree').waitFor();
  // Each load starts a new record: read it before leaving the page.
  const collect = async () => {
    await pageIdle(page);
    problems.push(...await page.evaluate(() => window.__cspViolations.splice(0)));
  };
  await collect();
  for (const [path, ready] of [['/embed-example/mdm/jobs', 'job-list'], ['/embed-example/mdm/help', 'help-index']]) {
    await page.goto(`${portal.url}${path}`);
    await page.getByTestId(ready).waitFor();
    await collect();
  }
  await context.close();
  assert.deepEqual(problems, []);
});
