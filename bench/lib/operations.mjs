// The operations, in the order one fresh page runs them. `setup` clicks are not measured;
// `act` is the measured click. Weights are those of the geometric mean (equal, see BENCHMARKS.md);
// the wizard has no hand-written twin, so it has a target of its own and no weight.
const ROW_2_BOX = 'tbody tr:nth-child(2) input[type=checkbox]';

export const OPERATIONS = [
  { key: 'run', name: 'create 1,000 rows', setup: [], act: '#run', rows: 1000, weight: 1, target: 1.3 },
  { key: 'replace', name: 'replace all 1,000 rows', setup: [], act: '#run', rows: 1000, weight: 1, target: 1.3 },
  { key: 'update', name: 'update every 10th row', setup: [], act: '#update', rows: 1000, weight: 1, target: 1.3 },
  { key: 'select', name: 'select a row', setup: [], act: ROW_2_BOX, rows: 1000, weight: 1, target: 1.3 },
  { key: 'swap', name: 'swap two rows', setup: [], act: '#swaprows', rows: 1000, weight: 1, target: 1.3 },
  { key: 'remove', name: 'remove a row', setup: [], act: '#remove', rows: 999, weight: 1, target: 1.3 },
  { key: 'clear', name: 'clear 1,000 rows', setup: ['#run'], act: '#clear', rows: 0, weight: 1, target: 1.6 },
  { key: 'append', name: 'append 1,000 rows to 1,000', setup: ['#run'], act: '#add', rows: 2000, weight: 1, target: 1.3 },
  { key: 'sort', name: 'sort a 500-row page (by name, reversed)', setup: ['#clear', '#run500'], act: '[data-testid="sort-name"]', rows: 500, weight: 1, target: 1.3, task: 16 },
  { key: 'filter', name: 'filter a 500-row page (search 佐藤)', setup: ['#clear', '#run500'], act: '#filter', rows: null, weight: 1, target: 1.3, task: 16 },
  { key: 'wizard', name: 'open the wipe wizard with 100 selected devices', setup: ['#clear', '#run500', '#select100', '#clear'], act: '#wizard', rows: 0, weight: 0, target: null, task: 16 },
];

/** Clicks `selector` in the page and waits for the next frame to be drawn and a task more. */
export async function clickAndSettle(page, selector) {
  await page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`nothing matches ${sel}`);
    el.click();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
  }, selector);
}

/**
 * A canonical text of an element's subtree: comments and whitespace-only text dropped,
 * attributes sorted, plus the live `checked`/`indeterminate`/`disabled` of inputs.
 */
export function canonical(page, selector) {
  return page.evaluate((sel) => {
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.nodeValue.trim() ? node.nodeValue : '';
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const attrs = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort();
      if (node.tagName === 'INPUT') attrs.push(`:checked=${node.checked}`, `:indeterminate=${node.indeterminate}`);
      const inner = [...node.childNodes].map(walk).join('');
      return `<${node.tagName.toLowerCase()} ${attrs.join(' ')}>${inner}</${node.tagName.toLowerCase()}>`;
    };
    const el = document.querySelector(sel);
    return el ? walk(el) : null;
  }, selector);
}
