/**
 * The incident and similar-reports sections in Chromium. The checkbox that picks a report to join
 * was drawn as wide as the list (every input was `width: 100%`): a lone box centred on a line of
 * its own between two rows, so with a surge's 50 ticked reports an agent could not tell which
 * report a box would join or leave out.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { artifactPath, axeViolations, signIn, switchLanguage } from '../../support/browser';
import { TriageService } from '../../../src/services/triage-service';

const env = consoleInChromium({ label: 'console-incident-layout' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

/** The checkbox of the row naming `reference` sits on the reference's line, just before it. */
async function besideReference(page: Page, list: string, reference: string): Promise<boolean> {
  const row = page.locator(`${list} li[data-reference="${reference}"]`);
  const box = (await row.locator('input[type="checkbox"]').boundingBox())!;
  const ref = (await row.getByText(reference, { exact: true }).boundingBox())!;
  const sameLine = Math.abs(box.y + box.height / 2 - (ref.y + ref.height / 2)) < ref.height / 2;
  return sameLine && box.x + box.width <= ref.x && ref.x - (box.x + box.width) < 24;
}

/**
 * The answer form's "In English · 1 reporter reads English": the dot is drawn on the line of the
 * reader count it introduces (it was left alone at the end of "In English ·", the count below it).
 */
async function dotBesideReaders(page: Page, lang: 'en' | 'sw'): Promise<boolean> {
  return page.evaluate((l) => {
    const label = document.getElementById(`reply-all-${l}`)!.closest('label')!;
    const readers = label.querySelector(`[data-testid="readers-${l}"]`)!;
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf('·');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const dot = range.getBoundingClientRect();
      const first = readers.getClientRects()[0];
      return Math.abs(dot.top + dot.height / 2 - (first.top + first.height / 2)) < first.height / 2 && dot.right <= first.left + 1;
    }
    return false;
  }, lang);
}

it('each report to join has its checkbox beside its reference, in the incident and in the similar list, on a phone and a laptop', async () => {
  const amina = await h.account('amina', 'agent');
  const triage = new TriageService({ store: h.store, logger: h.logger });
  const at = new Date(Date.now() - 2 * 3600_000);
  const base = { kind: 'police' as const, category: 'p_force', county: 47, when: 'now' as const, incidentAt: at, priority: 2 as const };
  const lead = await seedReport(h.store, { ...base, place: 'Kayole stage, Spine Road', description: { text: 'Police beat a young boda boda rider with batons at Kayole stage and took his phone.' } });
  const member = await seedReport(h.store, { ...base, anonymous: true, language: 'sw', place: 'Stage ya Kayole', description: { text: 'Polisi walimpiga kijana wa boda boda na rungu pale stage ya Kayole, wakachukua simu yake.' } });
  const waiting = await seedReport(h.store, { ...base, category: 'p_arrest', place: 'Kayole', description: { text: 'Cops arrested the boda rider after beating him at the stage' } });
  for (const r of [lead, member, waiting]) await triage.link((await h.store.reports.findById(r.report._id))!);
  const me = { id: amina._id.toString(), role: 'agent' as const };
  expect(await h.store.reports.transition(lead.report._id, 'assigned', { kind: 'agent', agentId: me.id }, { assignee: me.id })).not.toBeNull();
  expect((await h.incidents.join(lead.report._id.toString(), me, [member.report._id.toString()])).ok).toBe(true);
  const ref = waiting.report.reference;

  for (const [width, height] of [[390, 844], [1280, 720]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'en-KE' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, h.base, 'amina', PASSWORD);
    await page.goto(`${h.base}/tickets/${lead.report._id.toString()}`);
    expect(await besideReference(page, '[data-testid="join-linked"]', ref)).toBe(true);
    expect(await besideReference(page, '#similar', ref)).toBe(true);
    expect(await dotBesideReaders(page, 'en')).toBe(true);
    expect(await dotBesideReaders(page, 'sw')).toBe(true);
    await page.locator('#incident').screenshot({ path: artifactPath(`console-${width}-incident.png`) });
    await page.locator('#similar').screenshot({ path: artifactPath(`console-${width}-similar.png`) });
    await context.close();
  }
}, 60_000);

it('"Tick all" ticks every report offered to join in place (no reload, a reply being typed kept), "Untick all" clears them, and Join joins them all', async () => {
  const halima = await h.account('halima', 'agent');
  const triage = new TriageService({ store: h.store, logger: h.logger });
  const at = new Date(Date.now() - 3600_000);
  const base = { kind: 'police' as const, category: 'p_force', county: 42, when: 'now' as const, incidentAt: at, priority: 2 as const, place: 'Kondele roundabout' };
  const text = 'Police at the Kondele roundabout fired teargas into the market and beat traders with batons.';
  const [lead, ...others] = await Promise.all([0, 1, 2, 3].map(() => seedReport(h.store, { ...base, description: { text } })));
  for (const r of [lead, ...others]) await triage.link((await h.store.reports.findById(r.report._id))!);
  const me = halima._id.toString();
  expect(await h.store.reports.transition(lead.report._id, 'assigned', { kind: 'agent', agentId: me }, { assignee: me })).not.toBeNull();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'halima', PASSWORD);
  const url = `${h.base}/tickets/${lead.report._id.toString()}`;
  await page.goto(url);
  await page.locator('#reply-text').fill('Asante, tunashughulikia.');
  const boxes = page.locator('#join-form input[name="member"]');
  const ticked = () => boxes.evaluateAll((els) => els.filter((el) => (el as HTMLInputElement).checked).length);
  await expect(ticked()).resolves.toBe(0);
  await page.getByRole('link', { name: 'Tick all 3' }).click();
  await expect(ticked()).resolves.toBe(3);
  await page.getByRole('link', { name: 'Untick all' }).click();
  await expect(ticked()).resolves.toBe(0);
  await page.getByRole('link', { name: 'Tick all 3' }).click();
  expect(page.url()).toBe(url);
  await expect(page.locator('#reply-text').inputValue()).resolves.toBe('Asante, tunashughulikia.');
  await page.locator('#similar').screenshot({ path: artifactPath('console-390-similar-tick-all.png') });
  await page.getByRole('button', { name: 'Join into one incident' }).click();
  await page.getByTestId('incident').waitFor();
  for (const r of others) expect((await h.store.reports.findById(r.report._id))?.incident).toBeTruthy();
  await context.close();
}, 60_000);

/** My tickets as the agent sees it, top to bottom: each box of an incident as its references in a list, each other ticket as its reference. */
function mineAsSeen(page: Page): Promise<(string | string[])[]> {
  return page.evaluate(() => {
    const items = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="incident-group"], ul.mine > li'))
      .filter((el) => !(el.matches('li') && el.closest('[data-testid="incident-group"]')))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return items.map((el) => (el.matches('li') ? el.dataset.reference! : Array.from(el.querySelectorAll<HTMLElement>('li')).map((li) => li.dataset.reference!)));
  });
}

it('My tickets shows an incident in one box, its danger report first inside, the box where that report belongs, at 1280 and 390 px (the danger report stood in a box of its own)', async () => {
  const wanjala = await h.account('wanjala', 'agent');
  const me = wanjala._id.toString();
  const take = async (id: Parameters<typeof h.store.reports.findById>[0]) => expect(await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId: me }, { assignee: me })).not.toBeNull();
  const incidentId = (await seedReport(h.store)).report._id;
  const base = { kind: 'police' as const, category: 'p_force', county: 42, place: 'Kondele roundabout' };
  // Taken in this order: a report of the incident, another ticket, the incident's danger report, another of the incident.
  const first = (await seedReport(h.store, { ...base, priority: 2 })).report;
  const other = (await seedReport(h.store, { category: 'p_bribery', county: 47, priority: 2 })).report;
  const danger = (await seedReport(h.store, { ...base, priority: 1, dangerNow: true })).report;
  const last = (await seedReport(h.store, { ...base, priority: 3 })).report;
  for (const r of [first, other, danger, last]) await take(r._id);
  for (const r of [first, danger, last]) expect(await h.store.incidents.setIncident(r._id, incidentId, me)).toBe(true);

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'wanjala', PASSWORD);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 720 });
    await page.goto(`${h.base}/queue`);
    await page.locator('#queue-data').screenshot({ path: artifactPath(`console-${width}-mine-incident-box.png`) });
    expect(await mineAsSeen(page)).toEqual([[danger.reference, first.reference, last.reference], other.reference]);
  }
  await context.close();
}, 60_000);

/** The reports My tickets shows (not folded away: a closed <details> keeps its content's boxes, drawn nowhere), top to bottom. */
function mineInView(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('ul.mine > li'))
      .filter((li) => li.checkVisibility())
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((li) => li.dataset.reference!),
  );
}

/**
 * One seeding (an incident of 31 reports, a lone danger ticket, a calm one), then each language
 * and width in a test of its own: the four pages, each with two screenshots and two axe runs, were
 * one test that passed its minute on a loaded machine (CI at load ~20) with no step waiting on
 * anything but CPU.
 */
describe('a lone danger ticket is never buried under a 30-report incident (the lone one stood 31 rows down)', () => {
  let riotDanger: Awaited<ReturnType<typeof seedReport>>['report'];
  const riot: typeof riotDanger[] = [];
  let lone: typeof riotDanger;
  let calm: typeof riotDanger;
  beforeAll(async () => {
    const kerubo = await h.account('kerubo', 'agent');
    const me = kerubo._id.toString();
    const take = async (id: Parameters<typeof h.store.reports.findById>[0]) => expect(await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId: me }, { assignee: me })).not.toBeNull();
    const incidentId = (await seedReport(h.store)).report._id;
    const base = { kind: 'police' as const, category: 'p_force', county: 42, place: 'Kondele roundabout' };
    // Taken in this order: the incident's danger report, its 30 other reports, then another person in danger, then a calm ticket.
    riotDanger = (await seedReport(h.store, { ...base, priority: 1, dangerNow: true })).report;
    for (let i = 0; i < 30; i++) riot.push((await seedReport(h.store, { ...base, priority: 2 })).report);
    lone = (await seedReport(h.store, { category: 'p_arrest', county: 47, priority: 1, dangerNow: true })).report;
    calm = (await seedReport(h.store, { category: 'p_bribery', county: 47, priority: 3 })).report;
    for (const r of [riotDanger, ...riot, lone, calm]) await take(r._id);
    for (const r of [riotDanger, ...riot]) expect(await h.store.incidents.setIncident(r._id, incidentId, me)).toBe(true);
  });

  it.each([
    ['en', 1280, 'and 30 more reports of this incident'],
    ['en', 390, 'and 30 more reports of this incident'],
    ['sw', 1280, 'na ripoti nyingine 30 za tukio hili'],
    ['sw', 390, 'na ripoti nyingine 30 za tukio hili'],
  ] as const)('(%s, %i px) the box shows its danger report, the rest folded, reachable by keyboard', async (lang, width, more) => {
    // bypassCSP: axe is added to the page as an inline script.
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 720 }, locale: 'en-KE', bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, h.base, 'kerubo', PASSWORD);
    // The console keeps the agent's language: switched only when it is not the one this test reads.
    if ((await page.locator('html').getAttribute('lang')) !== lang) await switchLanguage(page, lang);
    await page.goto(`${h.base}/queue`);
    await page.locator('#queue-data').screenshot({ path: artifactPath(`console-${width}-${lang}-mine-incident-folded.png`) });
    // Both people in danger one line apart, the calm ticket after them.
    expect(await mineInView(page)).toEqual([riotDanger.reference, lone.reference, calm.reference]);
    expect(await axeViolations(page)).toEqual([]);
    const fold = page.getByTestId('incident-more');
    await expect(fold.locator('summary').textContent()).resolves.toBe(more);
    // The keyboard opens the fold and reaches each folded report.
    await fold.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('#queue-data').screenshot({ path: artifactPath(`console-${width}-${lang}-mine-incident-unfolded.png`) });
    expect(await mineInView(page)).toEqual([riotDanger.reference, ...riot.map((r) => r.reference), lone.reference, calm.reference]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.reference)).toBe(riot[0].reference);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});

it('an incident\'s fold the agent opened stays open when My tickets updates live: a report joins it, and another incident moves above it on a reply, en and sw', async () => {
  const otieno = await h.account('otieno', 'agent');
  const me = otieno._id.toString();
  const take = async (id: Parameters<typeof h.store.reports.findById>[0]) => expect(await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId: me }, { assignee: me })).not.toBeNull();
  const riotId = (await seedReport(h.store)).report._id;
  const floodId = (await seedReport(h.store)).report._id;
  const riotBase = { kind: 'police' as const, category: 'p_force', county: 42, place: 'Kondele roundabout' };
  const floodBase = { kind: 'election' as const, category: 'e_violence', county: 47, place: 'Kibera DC grounds' };
  // Two incidents, each led by someone in danger with the rest folded; the riot first (taken first).
  const riot = [(await seedReport(h.store, { ...riotBase, priority: 1, dangerNow: true })).report];
  for (let i = 0; i < 3; i++) riot.push((await seedReport(h.store, { ...riotBase, priority: 2 })).report);
  const flood = [(await seedReport(h.store, { ...floodBase, priority: 1, dangerNow: true })).report, (await seedReport(h.store, { ...floodBase, priority: 2 })).report];
  for (const r of [...riot, ...flood]) await take(r._id);
  for (const r of riot) expect(await h.store.incidents.setIncident(r._id, riotId, me)).toBe(true);
  for (const r of flood) expect(await h.store.incidents.setIncident(r._id, floodId, me)).toBe(true);

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'otieno', PASSWORD);
  const fold = page.locator(`#more-${riotId.toString()}`);
  const firstGroup = () => page.getByTestId('incident-group').first().getAttribute('data-incident');
  for (const [lang, more] of [['en', 'and 4 more reports of this incident'], ['sw', 'na ripoti nyingine 5 za tukio hili']] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/queue`);
    await page.locator('#queue-lists[data-live-state="open"]').waitFor({ state: 'attached' });
    await expect(firstGroup()).resolves.toBe(lang === 'en' ? riotId.toString() : floodId.toString());
    await fold.locator('summary').click();
    await expect(fold.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    // A new report of the riot, taken and joined: the list updates live, the fold counting it.
    const joined = (await seedReport(h.store, { ...riotBase, priority: 3 })).report;
    await take(joined._id);
    expect(await h.store.incidents.setIncident(joined._id, riotId, me)).toBe(true);
    await h.bus.publish({ type: 'queue' });
    await fold.locator('summary', { hasText: more }).waitFor();
    await expect(fold.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    if (lang === 'en') {
      // The flood's reporter in danger writes: their box moves above the riot's (unread danger leads).
      await h.store.messages.addIncoming(flood[0]._id, { text: 'Bado wako hapa nje.' });
      await h.bus.publish({ type: 'ticket', reportId: flood[0]._id.toString(), what: 'message' });
      await page.locator(`[data-incident="${floodId.toString()}"] [data-testid="unread"]`).waitFor();
      await expect(firstGroup()).resolves.toBe(floodId.toString());
    }
    await page.locator('#queue-data').screenshot({ path: artifactPath(`console-1280-${lang}-mine-fold-open-live.png`) });
    await expect(fold.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(fold.locator('summary').textContent()).resolves.toBe(more);
  }
  await context.close();
}, 60_000);
