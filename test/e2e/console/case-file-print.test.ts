/**
 * The case file's print view as Chromium lays it out, as an agent prints it or saves it as a PDF
 * for the agency: a reference number stays on one line wherever the line ends (a browser, like
 * pdfkit, breaks a line after a hyphen, and "R-" / "MXDR-KQ7A" is not found by a search).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Translator } from '../../../src/i18n';
import { renderCaseFileHtml, type CaseFileInput } from '../../../src/services/case-file';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';

const REFERENCE = 'R-MXDR-KQ7A';

// One Chromium for the file (about a second to start on a quiet machine, several on a loaded one).
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

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
  const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
  try {
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
    await page.close();
  }
});

it('prints the evidence table with its header on every page and each file whole on one page', async () => {
  const translator = await Translator.create();
  // Four lines of caption a file: a row cut at a page's end put its file and caption on different pages.
  const evidence: CaseFileInput['evidence'] = Array.from({ length: 60 }, (_, i) => ({
    kind: 'photo',
    fileName: `photo-${i + 1}.jpg`,
    caption: [1, 2, 3, 4].map((line) => `caption ${i + 1} line ${line}`).join('\n'),
  }));
  const input: CaseFileInput = {
    reference: REFERENCE, agency: 'IPOA', kind: 'police', category: 'p_force', county: 47, reportedAt: new Date('2026-11-29T06:00:00Z'),
    evidence, timeline: [], language: 'en', reporter: null, preparedAt: new Date('2026-12-04T07:00:00Z'),
  };
  const page = await browser.newPage();
  try {
    await page.setContent(renderCaseFileHtml(input, translator));
    const file = join(mkdtempSync(join(tmpdir(), 'case-file-print-')), 'print.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const pages = execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
    const withRows = pages.filter((p) => /photo-\d+\.jpg/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    // The header comes before each page's first row.
    const headFirst = (p: string) => (/#\s+File\s+Type\s+Size\s+Caption/.exec(p)?.index ?? Infinity) < p.search(/photo-\d+\.jpg/);
    expect(withRows.map(headFirst)).toEqual(withRows.map(() => true));
    // Every file's four caption lines on the page of its name.
    const split = evidence.map((_, i) => i + 1).filter((n) => !pages.some((p) => p.includes(`photo-${n}.jpg`) && [1, 2, 3, 4].every((line) => p.includes(`caption ${n} line ${line}`))));
    expect(split).toEqual([]);
  } finally {
    await page.close();
  }
});

it('prints the promise to pass questions on and the note that the reporter is out of reach on the same page', async () => {
  const translator = await Translator.create();
  // One more line of story each time: the page's end meets the section on each of its lines.
  const files = Array.from({ length: 20 }, (_, lines) => renderCaseFileHtml({
    reference: REFERENCE, agency: 'IPOA', kind: 'police', category: 'p_force', county: 47, reportedAt: new Date('2026-11-29T06:00:00Z'),
    story: Array.from({ length: lines + 1 }, (_, i) => `Line ${i + 1} of what happened at Kayole stage.`).join('\n'),
    evidence: [], timeline: [], language: 'en', reporter: null, reporterUnreachable: true, preparedAt: new Date('2026-12-04T07:00:00Z'),
  }, translator));
  const cut: number[] = [];
  for (const [lines, pages] of (await printEach(files)).entries()) {
    const promise = pages.findIndex((p) => p.includes('send you the answers'));
    const unreachable = pages.findIndex((p) => p.includes("do not reach the reporter"));
    const heading = pages.findIndex((p) => p.includes('How to reach the reporter'));
    if (promise !== unreachable || heading !== promise) cut.push(lines);
  }
  expect(cut).toEqual([]);
});

/**
 * Each case file's pages as printed (pdftotext, whitespace folded), all in one PDF: each file
 * starts a new page, so each is laid out as if printed alone (its pages' text compared with
 * twenty separate prints: the same), and one print costs 1.6-2.5 s here where twenty took 11-15 s
 * (each print's own set-up), which on a loaded machine passed the test's minute.
 */
async function printEach(files: string[]): Promise<string[][]> {
  const head = files[0].slice(0, files[0].indexOf('<body>'));
  const bodies = files.map((f) => f.slice(f.indexOf('<body>') + '<body>'.length, f.lastIndexOf('</body>')));
  const file = join(mkdtempSync(join(tmpdir(), 'case-file-print-')), 'print.pdf');
  const page = await browser.newPage();
  try {
    await page.setContent(`${head}<body>${bodies.map((b, i) => `<div${i ? ' style="break-before:page"' : ''}>${b}</div>`).join('')}</body></html>`);
    writeFileSync(file, await page.pdf({ format: 'A4' }));
  } finally {
    await page.close();
  }
  const pages = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ' '));
  // Every file's first page opens with its title.
  const each: string[][] = [];
  for (const p of pages) {
    if (p.trimStart().startsWith('Case file for')) each.push([p]);
    else each.at(-1)?.push(p);
  }
  if (each.length !== files.length) throw new Error(`${files.length} case files printed, ${each.length} found in the PDF`);
  return each;
}
