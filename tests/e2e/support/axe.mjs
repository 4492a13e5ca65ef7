// axe-core run on the page as it is now: WCAG 2.1 A and AA and axe's best practices.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe's violations on the page as it is now. */
export async function axeViolations(page) {
  // The console's Content-Security-Policy (rightly) refuses an inline <script>, which is how
  // addScriptTag would load axe; evaluating the source through the automation channel is not
  // subject to the page's policy, so the policy under test stays exactly the portal's.
  await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, AXE_TAGS);
}
