// Helpers of the phone-sized end-to-end tests: a touch browser context, the sideways-scroll
// check, axe on the page as it is, and a walk through every screen the way a phone user reaches
// them (the menu drawer and the group picker instead of the side nav and the tree).
import assert from 'node:assert/strict';
import { atPath } from './browser.mjs';
import { walkJobsAndHelp } from './screens.mjs';
export { axeViolations } from './axe.mjs';
import { registerWipe, devices } from '../jobs.support.mjs';


/** A phone: touch, mobile viewport rules, `width`×`height` CSS pixels, browser language `locale`. */
export async function newPhonePage(browser, { locale = 'ja-JP', width = 390, height = 844 } = {}) {
  const context = await browser.newContext({
    locale,
    viewport: { width, height },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  return page;
}

/** How far the page itself scrolls sideways (0 when it does not). */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** Fails with what sticks out when the page scrolls sideways. */
export async function assertNoSidewaysScroll(page, screen) {
  const overflow = await sidewaysOverflow(page);
  if (overflow <= 0) return;
  const culprits = await page.evaluate(() => {
    const limit = document.scrollingElement.clientWidth;
    return [...document.querySelectorAll('.mdm-console *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
  });
  assert.fail(`${screen}: the page scrolls sideways by ${overflow} px: ${culprits.join(', ')}`);
}


/** Signs in through the login form with taps, in `lang` (chosen on the login screen). */
export async function signInByTouch(page, baseUrl, lang) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId(`lang-${lang}`).tap();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo#2026');
  await page.getByTestId('login-submit').tap();
  await page.waitForURL(atPath('/devices'));
}

/** Opens the side navigation drawer and follows its link to `area` (devices, jobs, help). */
export async function goByMenu(page, area) {
  await page.getByTestId('nav-menu').tap();
  const link = page.getByTestId(`nav-${area}`);
  await link.waitFor({ state: 'visible' });
  await link.tap();
  await page.getByTestId('nav-backdrop').waitFor({ state: 'detached' });
  await page.getByTestId('side-nav').waitFor({ state: 'hidden' });
}

/** The screens `walkPhoneScreens` visits, in order. */
export const PHONE_SCREENS = [
  'login', 'devices', 'nav-drawer', 'measures-dialog', 'wizard-settings', 'wizard-after', 'preview',
  'jobs', 'job-detail', 'help-index', 'help-article', 'not-found',
];

let walks = 0;

/**
 * Signs in and walks every screen at phone size with touch; `visit(name)` runs on each once it
 * is drawn. A Hybrid wipe is registered through the API, so the job list shows a pair.
 */
export async function walkPhoneScreens(page, baseUrl, visit, { lang = 'ja' } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').waitFor();
  await page.getByTestId(`lang-${lang}`).tap();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await visit('login');

  await signInByTouch(page, baseUrl, lang);
  const hybrids = (await devices(page, 'method=hybrid'))
    .filter((d) => d.ownership === 'company' && d.enrollment !== 'user');
  const device = hybrids[(walks * 2) % hybrids.length];
  const picker = page.getByTestId('group-picker');
  await picker.waitFor();
  await picker.selectOption(String(device.group_id));
  await page.waitForURL(new RegExp(`group=${device.group_id}`));
  await page.getByTestId('device-search').fill(device.name);
  await page.getByTestId('device-search-submit').tap();
  await page.getByTestId(`select-device-${device.id}`).waitFor();
  await page.getByTestId(`select-device-${device.id}`).tap();
  await page.getByTestId('selection-count').waitFor();
  await visit('devices');

  await page.getByTestId('nav-menu').tap();
  await page.getByTestId('nav-jobs').waitFor({ state: 'visible' });
  await visit('nav-drawer');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-backdrop').waitFor({ state: 'detached' });

  await page.getByTestId('measures-button').tap();
  await page.getByTestId('measures-dialog').waitFor();
  await visit('measures-dialog');

  await page.getByTestId('measure-wipe').tap();
  await page.getByTestId('measures-next').tap();
  await page.getByTestId('wipe-form').waitFor();
  await page.getByTestId('preview-summary').waitFor();
  await visit('wizard-settings');

  await page.getByTestId('tab-after').tap();
  await page.getByTestId('tabpanel-after').waitFor();
  await visit('wizard-after');

  const toggle = page.locator('[data-testid^="preview-toggle-"]').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.tap();
  await page.locator('[data-testid^="preview-devices-"]').first().waitFor();
  await visit('preview');

  const other = hybrids[(walks * 2 + 1) % hybrids.length];
  walks += 1;
  const registered = await registerWipe(page, [other.id]);
  assert.equal(registered.job_count, 2);
  await walkJobsAndHelp(page, baseUrl, visit, 'tap');
}
