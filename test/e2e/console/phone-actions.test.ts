/**
 * A supervisor or agent on a 390 px phone at a ticket's actions: the hand-over list cut the
 * ticket count of the person chosen ("... holds 3 of"), which is what the supervisor picks by.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { artifactPath, signIn, switchLanguage } from '../../support/browser';

const env = consoleInChromium({ label: 'console-phone-actions' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

async function phone(lang: 'en' | 'sw'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  void lang;
  return page;
}

/** Whether `el`'s box lies wholly inside the viewport and inside the box of `container`. */
async function wholeInside(page: Page, selector: string, container: string): Promise<boolean> {
  return page.evaluate(([sel, box]) => {
    const el = document.querySelector(sel)!.getBoundingClientRect();
    const outer = document.querySelector(box)!.getBoundingClientRect();
    return el.width > 0 && el.left >= 0 && el.right <= window.innerWidth && el.left >= outer.left && el.right <= outer.right;
  }, [selector, container] as const);
}

it('at 390 px, once a supervisor chooses whom to hand a ticket to, that person\'s ticket count shows whole, in English and Kiswahili', async () => {
  const holder = await h.store.agents.create({ username: 'wanjiku', name: 'Wanjiku Kariuki', role: 'agent', password: PASSWORD });
  const target = await h.store.agents.create({ username: 'nyambura.wairimu', name: 'Nyambura Wairimu Gitau', role: 'agent', password: PASSWORD });
  await h.account('chebet', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', county: 47, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  for (let i = 0; i < 3; i++) {
    const { report: held } = await seedReport(h.store, { kind: 'police', category: 'p_bribery', county: 47, priority: 3 });
    await h.store.reports.transition(held._id, 'assigned', { kind: 'agent', agentId: target._id.toString() }, { assignee: target._id.toString() });
  }
  const page = await phone('en');
  await signIn(page, h.base, 'chebet', PASSWORD);
  for (const [lang, count] of [['en', /3 of \d+/], ['sw', /3 kati ya \d+/]] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/tickets/${report._id.toString()}`);
    await page.locator('#handover-form select').selectOption({ value: target._id.toString() });
    await page.locator('#handover-form').screenshot({ path: artifactPath(`console-390-hand-over-${lang}.png`) });
    const load = page.getByTestId('hand-over-load');
    await expect(load.textContent()).resolves.toMatch(count);
    expect(await wholeInside(page, '[data-testid="hand-over-load"]', '#actions')).toBe(true);
  }
  await page.context().close();
}, 60_000);

/**
 * The vertical gaps, in px, between the hand-over form's parts as seen (the list, the chosen
 * person's count, the button, the help block), the form's own row gap, and the gap between the
 * help's lines.
 */
async function handOverGaps(page: Page): Promise<{ parts: number[]; rowGap: number; helpLines: number[] }> {
  return page.evaluate(() => {
    const form = document.getElementById('handover-form')!;
    const gaps = (els: Element[]) => {
      const boxes = els.map((el) => el.getBoundingClientRect()).filter((b) => b.height > 0);
      return boxes.slice(1).map((b, i) => Math.round(b.top - boxes[i].bottom));
    };
    const help = form.querySelector('[data-testid="hand-over-help"]');
    return {
      parts: gaps(Array.from(form.children)),
      rowGap: Math.round(parseFloat(getComputedStyle(form).rowGap)),
      helpLines: help ? gaps(Array.from(help.children)) : [],
    };
  });
}

it('a supervisor sees the hand-over\'s list, the chosen person\'s count, the button and its help evenly spaced, the help\'s two lines close together, at 360 and 1280 px in English and Kiswahili (24 and 37 px apart)', async () => {
  const holder = await h.store.agents.create({ username: 'akoth', name: 'Akoth Odhiambo', role: 'agent', password: PASSWORD });
  const target = await h.store.agents.create({ username: 'kiptoo', name: 'Kiptoo Rotich', role: 'agent', password: PASSWORD });
  await h.account('mueni', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', county: 47, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  const page = await phone('en');
  await signIn(page, h.base, 'mueni', PASSWORD);
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${h.base}/tickets/${report._id.toString()}`);
      await page.locator('#handover-form select').selectOption({ value: target._id.toString() });
      await page.getByTestId('hand-over-load').waitFor();
      await page.locator('#handover-form').screenshot({ path: artifactPath(`console-${width}-hand-over-spacing-${lang}.png`) });
      const { parts, rowGap, helpLines } = await handOverGaps(page);
      expect(parts).toEqual([rowGap, rowGap, rowGap]);
      expect(helpLines).toHaveLength(1);
      expect(helpLines[0]).toBeGreaterThanOrEqual(0);
      expect(helpLines[0]).toBeLessThan(rowGap);
    }
  }
  await page.context().close();
}, 60_000);

it('at 390 px an agent who taps "Actions" sees the Refer button on that screen, the usual agency already chosen; the other agency\'s name box comes with "another agency", in English and Kiswahili', async () => {
  const agent = await h.account('otieno', 'agent');
  const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', county: 47, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();
  const page = await phone('en');
  await signIn(page, h.base, 'otieno', PASSWORD);
  for (const [lang, actions, refer, other] of [['en', 'Actions', 'Refer', /Agency's name/], ['sw', 'Hatua', 'Peleka', /Jina la taasisi/]] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/tickets/${report._id.toString()}`);
    await page.getByRole('link', { name: actions, exact: true }).click();
    await page.waitForURL(/#actions$/);
    await page.screenshot({ path: artifactPath(`console-390-actions-${lang}.png`) });
    const button = page.locator('#refer-form').getByRole('button', { name: refer, exact: true });
    const box = (await button.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await expect(page.locator('#refer-agency input[value="IPOA"]').isChecked()).resolves.toBe(true);
    const name = page.getByLabel(other);
    await expect(name.isVisible()).resolves.toBe(false);
    await page.locator('#refer-agency input[value="OTHER"]').check();
    await expect(name.isVisible()).resolves.toBe(true);
  }
  await page.context().close();
}, 60_000);

/**
 * The controls of the actions card (Tab order: document order, no tabindex) that are shown but
 * stand above a control Tab reaches before them: where the eye and the keyboard disagree.
 */
async function aboveEarlierControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('#actions select, #actions input:not([type="hidden"]), #actions textarea, #actions button'))
      .filter((el) => el.getClientRects().length > 0);
    const out: string[] = [];
    let lowest = -Infinity;
    let lowestName = '';
    for (const el of shown) {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const name = `${el.closest('form')?.id ?? ''} ${el.tagName.toLowerCase()} ${el.tagName === 'SELECT' ? el.getAttribute('name') : (el.textContent ?? '').trim() || el.getAttribute('name') || ''}`.trim();
      if (top < lowest - 1) out.push(`${name} above ${lowestName}`);
      if (top > lowest) { lowest = top; lowestName = name; }
    }
    return out;
  });
}

it('a supervisor\'s actions show in the order Tab reaches them, Refer first then the hand-over, on a phone, a small laptop and a 1280 px laptop, in English and Kiswahili', async () => {
  const holder = await h.account('achieng', 'agent');
  await h.account('kamau', 'agent');
  await h.account('ruto5', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', county: 47, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  const page = await phone('en');
  await signIn(page, h.base, 'ruto5', PASSWORD);
  for (const [lang, refer, handOver] of [['en', 'Refer', 'Hand over'], ['sw', 'Peleka', 'Kabidhi']] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    for (const width of [390, 1000, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 720 });
      await page.goto(`${h.base}/tickets/${report._id.toString()}`);
      if (width !== 1000) await page.locator('#actions').screenshot({ path: artifactPath(`console-${width}-supervisor-actions-${lang}.png`) });
      expect(await aboveEarlierControls(page)).toEqual([]);
      const referTop = (await page.locator('#refer-form').getByRole('button', { name: refer, exact: true }).boundingBox())!.y;
      const handTop = (await page.locator('#handover-form').getByRole('button', { name: handOver, exact: true }).boundingBox())!.y;
      expect(handTop).toBeGreaterThan(referTop);
    }
  }
  await page.context().close();
}, 90_000);
