// Helpers of the job screens' end-to-end tests: the portal's API called from the signed-in page
// (its cookies, its CSRF token), device picking, wipe registration, reading the job table, and
// the scripted fleet the step-by-step files start from.
import { randomUUID } from 'node:crypto';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, newPage, signIn, atPath } from './support/browser.mjs';

/** Calls the portal API as the signed-in page does; resolves to { status, body }. */
export async function apiCall(page, method, path, body, headers = {}) {
  return page.evaluate(async ({ method, path, body, headers }) => {
    const session = await (await fetch('/api/session')).json();
    const response = await fetch(`/api${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-csrf-token': session.csrf_token,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, { method, path, body, headers });
}

/** Every device of the tenant matching the list query `filter` (for example `method=hybrid`). */
export async function devices(page, filter) {
  const found = [];
  for (let n = 1; ; n += 1) {
    const { status, body } = await apiCall(page, 'GET', `/devices?${filter}&per_page=500&page=${n}`);
    if (status !== 200) throw new Error(`GET /devices answered ${status}: ${JSON.stringify(body)}`);
    found.push(...body.items);
    if (found.length >= body.total || body.items.length === 0) return found;
  }
}

/** Whether the device's ActiveSync account syncs anything (IVI MDM can reach it). */
export function activeSyncOn(device) {
  const a = device.state.activesync;
  return Boolean(a && (a.mail || a.contacts || a.calendar || a.reminders || a.notes));
}

/** A wipe schedule as the API takes it: the instant `iso` (RFC 3339, UTC) entered in UTC. */
export function utcSchedule(iso) {
  return { local: new Date(iso).toISOString().slice(0, 19), time_zone: 'UTC' };
}

/** Registers a wipe of `deviceIds` with the demo password; resolves to the portal's answer. */
export async function registerWipe(page, deviceIds, options = {}) {
  const request = {
    selection: { kind: 'devices', device_ids: deviceIds },
    options: {
      delete_general_info: true,
      schedule_at: null,
      wifi_setting_id: null,
      keep_esim_data_plan: false,
      ...options,
    },
    password: 'Demo#2026',
    agreed: true,
    skip_not_wipeable: false,
  };
  const { status, body } = await apiCall(page, 'POST', '/wipes', request, { 'idempotency-key': randomUUID() });
  if (status !== 201) throw new Error(`POST /wipes answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Moves the portal's manual clock (`--clock manual`) `seconds` forward; resolves once every job
 *  due on the way has moved. */
export async function advanceClock(page, seconds) {
  const { status, body } = await apiCall(page, 'POST', '/clock/advance', { seconds });
  if (status !== 200) throw new Error(`POST /clock/advance answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** The rows of one table entry: [{ id, method, status, reason }]. */
export async function entryRows(entry) {
  return entry.locator('[data-testid="job-row"]').evaluateAll((rows) => rows.map((row) => {
    const text = (id) => (row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim();
    return {
      id: row.getAttribute('data-job-id'),
      method: text('job-method'),
      status: row.querySelector('[data-testid="job-status"]')?.getAttribute('data-status') ?? '',
      label: text('job-status'),
      reason: text('job-reason'),
    };
  }));
}

/** Waits until `check()` resolves truthy, polling every `every` ms; fails after `timeout` ms. */
export async function eventually(check, { timeout = 60_000, every = 500, what = 'condition' } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

// A portal on a manual clock whose 1,000 devices answer as scripted (nothing moves until a test
// advances the clock), and a page signed in on 端末管理: the set-up of the files that follow
// jobs step by step.
export async function openScriptedFleet() {
  const portal = await startPortal({ args: ['--clock', 'manual', '--simulator', 'scripted', '--seed-devices', '1000'] });
  const browser = await launchBrowser();
  const page = await newPage(browser);
  await signIn(page, portal.url);
  await page.waitForURL(atPath('/devices'));
  return { portal, browser, page };
}

// Opens 端末管理 in `lang` and ticks each of `chosen`, found one by one by serial number (the
// ticks outlive each new search).
export async function tickDevices(page, baseUrl, lang, chosen) {
  await page.goto(`${baseUrl}/devices`);
  await page.getByTestId(`lang-${lang}`).click();
  for (const device of chosen) {
    await page.getByTestId('device-search').fill(device.serial_number);
    await page.getByTestId('device-search-submit').click();
    await page.waitForURL((url) => new URL(url).searchParams.get('q') === device.serial_number);
    await page.getByTestId(`select-device-${device.id}`).check();
  }
}
