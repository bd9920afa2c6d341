/**
 * The case file's print view as Chromium lays it out, as an agent prints it or saves it as a PDF
 * for the agency: a reference number stays on one line wherever the line ends (a browser, like
 * pdfkit, breaks a line after a hyphen, and "R-" / "MXDR-KQ7A" is not found by a search).
 */
import { Translator } from '../../../src/i18n';
import { renderCaseFileHtml, type CaseFileInput } from '../../../src/services/case-file';
import { launchChromium } from '../../support/browser';

const REFERENCE = 'R-MXDR-KQ7A';

it('never splits a reference number over two lines', async () => {
  const translator = await Translator.create();
  // Pushed along one narrow letter at a time, the reference meets the end of a line at each of its characters.
  const steps = 260;
  const story = Array.from({ length: steps }, (_, i) => `${'i'.repeat(i)} Quote ${REFERENCE} at Kasarani.`).join('\n');
  const input: CaseFileInput = {
    reference: REFERENCE,
    agency: 'IPOA',
    kind: 'police',
    category: 'p_disappear',
    story,
    county: 47,
    incidentAt: new Date('2026-11-28T21:00:00Z'),
    when: 'date',
    reportedAt: new Date('2026-11-29T06:00:00Z'),
    evidence: [],
    timeline: [],
    timelineWithheld: true,
    language: 'en',
    reporter: null,
    preparedAt: new Date('2026-12-04T07:00:00Z'),
  };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await page.setContent(renderCaseFileHtml(input, translator));
    // For each reference in the page, how many lines its characters are drawn on.
    const lines = await page.evaluate((reference) => {
      const found: number[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = text.indexOf(reference); i >= 0; i = text.indexOf(reference, i + 1)) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + reference.length);
          found.push(new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size);
        }
      }
      return found;
    }, REFERENCE);
    expect(lines.length).toBeGreaterThan(steps);
    expect(lines.filter((n) => n !== 1)).toEqual([]);
  } finally {
    await browser.close();
  }
});
