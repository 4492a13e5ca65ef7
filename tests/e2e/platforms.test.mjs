// Every platform wiped by its own method, end to end in Japanese and English: one wipe of a
// selection holding an iPhone, a Hybrid iPhone, an Android phone, a Windows PC and an Intel Mac
// shows each platform's section, registers one job per device (two for the Hybrid iPhone), and
// each job detail shows its own platform's command; the Android job never waits for the IVI
// delay. A manual clock and scripted devices make every step certain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './support/browser.mjs';
import { axeViolations } from './support/axe.mjs';
import { advanceClock, apiCall, devices, openScriptedFleet, tickDevices } from './jobs.support.mjs';

let portal;
let browser;
let page;
before(async () => { ({ portal, browser, page } = await openScriptedFleet()); });
after(async () => { await browser?.close(); await portal?.stop(); });

const WORDS = {
  ja: {
    android: 'Android Management API(端末の削除)', windows: 'Windows MDM コマンド(RemoteWipe CSP)',
    mac: 'Apple MDM コマンド(EraseDevice・Mac)', iphone: 'Apple MDM コマンド(EraseDevice)',
    androidMethod: 'Android Enterprise', windowsMethod: 'Windows MDM',
  },
  en: {
    android: 'Android Management API (device deletion)', windows: 'Windows MDM command (RemoteWipe CSP)',
    mac: 'Apple MDM command (EraseDevice, Mac)', iphone: 'Apple MDM command (EraseDevice)',
    androidMethod: 'Android Enterprise', windowsMethod: 'Windows MDM',
  },
};

const used = new Set();

/** An online company device no earlier test used, of the given kind. */
async function pick(filter, ok, what) {
  const found = (await devices(page, `${filter}&ownership=company&status=online`)).find((d) => !used.has(d.id) && ok(d));
  assert.ok(found, `the demo fleet has ${what}`);
  used.add(found.id);
  return found;
}

async function selection() {
  return [
    await pick('os=ios&method=apple_mdm', () => true, 'an Apple MDM iPhone'),
    await pick('method=hybrid', () => true, 'a Hybrid iPhone'),
    await pick('os=android', () => true, 'an Android phone'),
    await pick('os=windows', () => true, 'a Windows PC'),
    await pick('os=macos', (d) => d.mac_security_chip === 'none', 'an Intel Mac without T2'),
  ];
}

for (const lang of ['ja', 'en']) {
  test(`one wipe of an iPhone, a Hybrid iPhone, Android, Windows and a Mac sends each its own command (${lang})`, async () => {
    const words = WORDS[lang];
    const chosen = await selection();
    const [iphone, hybrid, android, windows, mac] = chosen;
    await tickDevices(page, portal.url, lang, chosen);
    await page.getByTestId('measures-button').click();
    await page.getByTestId('measure-wipe').check();
    await page.getByTestId('measures-next').click();
    await page.getByTestId('wipe-form').waitFor();
    await page.getByTestId('wipe-schedule').uncheck();
    for (const section of ['android', 'windows', 'mac']) {
      await page.getByTestId(`wipe-section-${section}`).waitFor();
    }
    assert.match(await page.getByTestId(`plan-commands-${android.id}`).innerText(), /enterprises\.devices\.delete/);
    assert.match(await page.getByTestId(`plan-commands-${windows.id}`).innerText(), /RemoteWipe\/doWipeProtected/);
    assert.match(await page.getByTestId(`plan-commands-${hybrid.id}`).innerText(), /ActiveSync.*EraseDevice/);
    await page.getByTestId('wipe-android-reason').fill(lang === 'ja' ? '紛失のため初期化します' : 'Lost: wiping the work data');
    await page.getByTestId('wipe-mac-pin').fill('246810');
    await page.getByTestId('wipe-password').fill('Demo#2026');
    await page.getByTestId('wipe-agree').check();
    await page.getByTestId('wipe-section-android').scrollIntoViewIfNeeded();
    await screenshot(page, `wipe-platform-sections-${lang}`);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByTestId('wipe-ok').click();
    await page.getByTestId('wipe-done').waitFor();

    // Sent at once, answered 30 s later: every job but the Hybrid pair's IVI one is done.
    await advanceClock(page, 0);
    await advanceClock(page, 60);
    const jobsOf = async (device) => (await apiCall(page, 'GET', `/jobs?device=${device.id}`)).body.items[0];
    const androidEntry = await jobsOf(android);
    assert.equal(androidEntry.job.method, 'android_enterprise');
    assert.equal(androidEntry.job.status, 'succeeded', 'no IVI delay for Android');
    assert.equal((await jobsOf(windows)).job.method, 'windows_mdm');
    assert.ok((await jobsOf(hybrid)).partner, 'two jobs for the Hybrid iPhone');

    const detail = async (device, title) => {
      const entry = await jobsOf(device);
      const job = entry.job.method === 'ivi_mdm' ? entry.partner : entry.job;
      await page.goto(`${portal.url}/jobs/${job.id}?device=${device.id}`);
      await page.getByTestId(`lang-${lang}`).click();
      const section = page.getByTestId('job-command');
      await section.getByText(title, { exact: true }).waitFor();
      return section;
    };
    const androidSection = await detail(android, words.android);
    assert.match(await androidSection.getByTestId('command-http').innerText(), /^DELETE v1\/enterprises\/.+\/devices\//);
    await androidSection.scrollIntoViewIfNeeded();
    await screenshot(page, `job-command-android-${lang}`);
    const windowsSection = await detail(windows, words.windows);
    assert.equal(await windowsSection.getByTestId('command-loc-uri').innerText(), './Device/Vendor/MSFT/RemoteWipe/doWipeProtected');
    const macSection = await detail(mac, words.mac);
    assert.notEqual(await macSection.getByTestId('command-pin').innerText(), '246810');
    await detail(iphone, words.iphone);

    await page.goto(`${portal.url}/jobs`);
    await page.getByTestId('job-table').getByText(words.androidMethod, { exact: true }).first().waitFor();
    await page.getByTestId('job-table').getByText(words.windowsMethod, { exact: true }).first().waitFor();
    await screenshot(page, `jobs-platform-methods-${lang}`);
  });
}

test('no Android, Windows or Mac device carries IVI MDM or Hybrid', async () => {
  for (const os of ['android', 'windows', 'macos']) {
    for (const method of ['ivi_mdm', 'hybrid']) {
      assert.equal((await devices(page, `os=${os}&method=${method}`)).length, 0, `${os} ${method}`);
    }
  }
});
