// axe-core on every screen of the release-built console against a real portal: WCAG 2.1 A and AA
// and axe's best practices, 0 violations. Once in Japanese through every screen, once in English
// through every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/portal.mjs';
import { launchBrowser, pageIdle, screenshot, trackRequests } from './support/browser.mjs';
import { walkScreens, SCREENS } from './support/screens.mjs';
import { axeViolations } from './support/axe.mjs';


let portal;
let browser;
before(async () => { portal = await startPortal(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await portal?.stop(); });

function report(found) {
  return found.map(({ screen, id, impact, help, nodes }) =>
    `[${screen}] ${id} (${impact}): ${help}\n    ${nodes.join('\n    ')}`).join('\n');
}

for (const { lang, locale } of [{ lang: 'ja', locale: 'ja-JP' }, { lang: 'en', locale: 'en-US' }]) {
  test(`axe finds no violation on any screen (${lang})`, async () => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    trackRequests(page);
    const found = [];
    const checked = [];
    await walkScreens(page, portal.url, async (screen) => {
      // Animations and transitions finish before the colours are measured.
      await pageIdle(page);
      await page.waitForFunction(() => document.getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
        null, { timeout: 30_000 });
      for (const v of await axeViolations(page)) found.push({ screen, ...v });
      checked.push(screen);
      if (found.some((f) => f.screen === screen)) await screenshot(page, `axe-${screen}-${lang}`);
    }, { lang });
    await context.close();
    assert.deepEqual(checked, SCREENS);
    console.log(`axe ${lang}: ${checked.length} screens checked (${checked.join(', ')})`);
    assert.equal(found.length, 0, `axe violations:\n${report(found)}`);
  });
}
