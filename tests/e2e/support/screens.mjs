// Walks every screen of the console the way an administrator reaches it, calling `visit(name)`
// once each screen is drawn: the accessibility and the Content-Security-Policy tests check the
// same list, so a screen added here is checked by both.
import assert from 'node:assert/strict';
import { signIn, atPath } from './browser.mjs';
import { registerWipe, devices } from '../jobs.support.mjs';

/** The screens `walkScreens` visits, in order (for the reports of the tests). */
export const SCREENS = [
  'login', 'devices', 'measures-dialog', 'wizard-settings', 'wizard-after', 'preview', 'jobs',
  'job-detail', 'help-index', 'help-article', 'not-found',
];

/** Walks started in this process (each registers a wipe of another device). */
let walks = 0;

/** Calls the portal API with the page's session. */
async function api(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(`/api${p}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`);
    return response.json();
  }, path);
}

/** A group on the first level below the roots with a wipeable Hybrid device on its first page. */
async function groupWithHybrid(page) {
  const groups = (await api(page, '/groups')).roots.flatMap((root) => root.children);
  for (const group of groups.filter((g) => g.total_device_count > 0)) {
    const items = (await api(page, `/devices?group=${group.id}&per_page=25&page=1`)).items;
    const device = items.find((d) =>
      d.ownership === 'company' && d.enrollment !== 'user' && d.management_method === 'hybrid');
    if (device) return { group, device };
  }
  return assert.fail('the demo tenant has no wipeable Hybrid device on the first page of a group');
}

/**
 * Signs `page` in at `baseUrl` in `lang` (chosen on the login screen) and walks every screen;
 * `visit(name)` runs on each (awaited).
 * A Hybrid wipe is registered through the API so the job list shows a pair and a detail.
 */
export async function walkScreens(page, baseUrl, visit, { lang = 'ja' } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').waitFor();
  // The language chosen on the login screen is remembered for the whole walk.
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await visit('login');

  await signIn(page, baseUrl);
  await page.waitForURL(atPath('/devices'));
  const { group, device } = await groupWithHybrid(page);
  await page.getByTestId(`group-${group.id}`).click();
  await page.getByTestId(`select-device-${device.id}`).check();
  await page.getByTestId('selection-count').waitFor();
  await visit('devices');

  await page.getByTestId('measures-button').click();
  await page.getByTestId('measures-dialog').waitFor();
  await visit('measures-dialog');

  await page.getByTestId('measure-wipe').check();
  await page.getByTestId('measures-next').click();
  await page.getByTestId('wipe-form').waitFor();
  await page.getByTestId('preview-summary').waitFor();
  await visit('wizard-settings');

  await page.getByTestId('tab-after').click();
  await page.getByTestId('tabpanel-after').waitFor();
  await visit('wizard-after');

  // The preview with a device list opened.
  const toggle = page.locator('[data-testid^="preview-toggle-"]').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('[data-testid^="preview-devices-"]').first().waitFor();
  await visit('preview');

  // A Hybrid wipe gives the list a pair of jobs.
  // Each walk against the same portal takes the next device: the earlier ones have open jobs.
  const hybrids = (await devices(page, 'method=hybrid'))
    .filter((d) => d.ownership === 'company' && d.enrollment !== 'user');
  const registered = await registerWipe(page, [hybrids[walks % hybrids.length].id]);
  walks += 1;
  assert.equal(registered.job_count, 2);
  await walkJobsAndHelp(page, baseUrl, visit);
}

/**
 * The screens after a Hybrid wipe is registered: the job list with its pair, the pair's job
 * detail, the help index and an article, and the not-found page. `press` is how the job link is
 * pressed: 'click' with a mouse, 'tap' on a touch screen.
 */
export async function walkJobsAndHelp(page, baseUrl, visit, press = 'click') {
  await page.goto(`${baseUrl}/jobs`);
  const entry = page.locator('[data-testid="job-entry"][data-pair="true"]').first();
  await entry.waitFor();
  await visit('jobs');

  const link = entry.locator('[data-job-link]').first();
  const jobId = await link.getAttribute('data-job-link');
  await link[press]();
  await page.waitForURL(atPath(`/jobs/${jobId}`));
  await page.getByTestId('job-drawer').getByTestId('job-detail').waitFor();
  await visit('job-detail');

  await page.goto(`${baseUrl}/help`);
  await page.getByTestId('help-index').waitFor();
  await visit('help-index');

  await page.goto(`${baseUrl}/help/wipe-lost-device`);
  await page.getByTestId('help-article').waitFor();
  await visit('help-article');

  await page.goto(`${baseUrl}/no-such-screen`);
  await page.getByTestId('not-found').waitFor();
  await visit('not-found');
}
