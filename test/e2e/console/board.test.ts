/**
 * Issue 16 at the console, in Chromium against the console in process (the real tickets graph):
 * the supervisors' county map (shading and counts under the page's filters, a click filters the
 * list; screenshot in test-artifacts/county-map.png), the ratings per category (counts only), and
 * saved replies (a supervisor writes and changes one, an agent sends it and the reporter gets it
 * in Kiswahili, a deleted one is gone). axe-core checks the new parts in both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import { seedReport } from '../../support/report-fixtures';
import { artifactPath, axeViolations, signIn as signInAt } from '../../support/browser';

const env = consoleInChromium({ label: 'console-board' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

let nextUser = 0;
async function signIn(role: 'agent' | 'supervisor', lang: 'en' | 'sw' = 'en', viewport = { width: 1440, height: 1000 }) {
  const username = `board${++nextUser}`;
  const account = await h.account(username, role);
  const context = await browser.newContext({ viewport, locale: 'en-KE', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInAt(page, h.base, username, PASSWORD);
  if (lang === 'sw') {
    await page.getByRole('button', { name: 'Kiswahili' }).click();
    await page.getByRole('heading', { name: 'Foleni' }).waitFor();
  }
  return { page, errors, account, close: () => context.close() };
}

const tile = (page: Page, code: number) => page.locator(`.county-map li[data-county="${code}"]`);

it('the county map shades and counts reports under the chosen category, and a county click filters the list', async () => {
  // Election violence: Nairobi 4, Kisumu 1, Mombasa 2; police bribery in Turkana must not count under the filter.
  for (let i = 0; i < 4; i++) await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 47, place: `Kibera ${i}` });
  await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 42 });
  for (let i = 0; i < 2; i++) await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 1 });
  for (let i = 0; i < 3; i++) await seedReport(h.store, { category: 'p_bribery', county: 23 });
  // Two answers about help: one on an anonymous report. Only counts reach the page.
  const { report: anon } = await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 1, anonymous: true });
  const { report: named } = await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 1 });
  await h.store.ratings.record(anon._id, 'e_violence', 'helped');
  await h.store.ratings.record(named._id, 'e_violence', 'not_helped');

  const s = await signIn('supervisor');
  await s.page.goto(`${h.base}/supervisor/tickets`);
  await s.page.getByLabel('Category').selectOption('e_violence');
  await s.page.getByRole('button', { name: 'Apply' }).click();
  await s.page.waitForURL(/category=e_violence/);

  const map = s.page.getByTestId('county-map');
  await expect(map.locator('.county-map li').count()).resolves.toBe(47);
  // Mombasa has the 2 seeded plus the 2 rated: 4, like Nairobi.
  await expect(tile(s.page, 47).getAttribute('data-count')).resolves.toBe('4');
  await expect(tile(s.page, 47).getAttribute('data-level')).resolves.toBe('5');
  await expect(tile(s.page, 1).getAttribute('data-count')).resolves.toBe('4');
  await expect(tile(s.page, 42).getAttribute('data-count')).resolves.toBe('1');
  await expect(tile(s.page, 42).getAttribute('data-level')).resolves.toBe('2');
  await expect(tile(s.page, 23).getAttribute('data-count')).resolves.toBe('0');
  await expect(tile(s.page, 23).getAttribute('data-level')).resolves.toBe('0');
  // Every cell names its county and count, as text and for screen readers.
  await expect(tile(s.page, 47).locator('[aria-hidden]').allInnerTexts()).resolves.toEqual(['Nairobi', '4']);
  await s.page.getByRole('link', { name: 'Kisumu: 1 report', exact: true }).waitFor();
  await expect(s.page.getByTestId('map-summary').innerText()).resolves.toContain('9 reports on the map');
  const shot = artifactPath('county-map.png');
  await map.screenshot({ path: shot });

  await s.page.getByRole('link', { name: 'Nairobi City: 4 reports', exact: true }).click();
  await s.page.waitForURL(/county=47/);
  expect(new URL(s.page.url()).searchParams.get('category')).toBe('e_violence');
  const rows = s.page.getByRole('region', { name: 'All tickets', exact: true }).locator('tbody tr');
  await expect(rows.count()).resolves.toBe(4);
  expect(await rows.locator('td:nth-child(4)').allInnerTexts()).toEqual(['Nairobi City', 'Nairobi City', 'Nairobi City', 'Nairobi City']);
  // The chosen county is marked; the others keep their counts; clicking it again shows them all.
  await expect(tile(s.page, 47).locator('a').getAttribute('aria-current')).resolves.toBe('true');
  await expect(tile(s.page, 1).getAttribute('data-count')).resolves.toBe('4');
  await tile(s.page, 47).locator('a').click();
  await s.page.waitForURL((u) => !u.searchParams.has('county'));
  await expect(rows.count()).resolves.toBe(9);

  // Ratings per category: counts and share, no reference and nobody named.
  const ratings = s.page.getByTestId('ratings');
  const row = ratings.locator('tbody tr[data-category="e_violence"]');
  expect(await row.locator('td').allInnerTexts()).toEqual(['Intimidation or violence', '2', '1', '50%']);
  const text = await ratings.innerText();
  expect(text).not.toContain(anon.reference);
  expect(text).not.toContain('Otieno');

  await expect(axeViolations(s.page)).resolves.toEqual([]);

  // The answer is in the ticket's own history, as the reporter's step.
  await h.store.reports.addEvent(named._id, 'rated', { kind: 'reporter' }, { rating: 'not_helped' });
  await s.page.goto(`${h.base}/tickets/${named._id.toString()}`);
  await s.page.locator('details.audit li', { hasText: 'Reporter said whether we helped: it did not help' }).waitFor();
  expect(s.errors).toEqual([]);
  await s.close();
});

it('saved replies: a supervisor writes and edits one in both languages, an agent sends it in the reporter language, a deleted one is gone', async () => {
  const s = await signIn('supervisor');
  await s.page.goto(`${h.base}/supervisor/tickets`);
  await s.page.getByRole('link', { name: 'Saved replies' }).click();
  await s.page.waitForURL(`${h.base}/supervisor/saved-replies`);
  const form = s.page.locator('#new-saved-reply');
  await form.getByLabel('Name (what agents pick)').fill('Are you safe?');
  await form.getByLabel('Text in English').fill('Are you somewhere safe?');
  await form.getByLabel('Text in Kiswahili').fill('Je, uko mahali salama?');
  await form.getByRole('button', { name: 'Add saved reply' }).click();
  await s.page.locator('.flash.ok', { hasText: 'Saved reply added.' }).waitFor();
  const card = s.page.getByTestId('saved-reply').filter({ has: s.page.locator('input[value="Are you safe?"]') });
  await card.getByLabel('Text in Kiswahili').fill('Je, uko mahali salama sasa hivi?');
  await card.getByRole('button', { name: 'Save changes' }).click();
  await s.page.locator('.flash.ok', { hasText: 'Saved reply changed.' }).waitFor();
  await expect(axeViolations(s.page)).resolves.toEqual([]);

  // A Swahili reporter's ticket, held by an agent.
  const who = await reporter(h.store, { language: 'sw' });
  await h.reports.submit({ ...reportInput(who._id, { language: 'sw' }), description: { text: 'Polisi walitupiga kwenye kizuizi.' } });
  const a = await signIn('agent');
  await a.page.getByTestId('take-next').click();
  await a.page.waitForURL(/\/tickets\/[a-f0-9]{24}$/);
  await a.page.getByLabel('Saved reply (goes out in Swahili)').selectOption({ label: 'Are you safe?' });
  await a.page.getByRole('button', { name: 'Send saved reply' }).click();
  await a.page.locator('.flash.ok', { hasText: 'Reply queued for the reporter.' }).waitFor();
  await a.page.locator('#conversation', { hasText: 'Je, uko mahali salama sasa hivi?' }).waitFor();
  const id = /\/tickets\/([a-f0-9]{24})/.exec(a.page.url())![1];
  const out = (await h.store.messages.listForReport(id)).filter((m) => m.kind === 'text' && m.direction === 'to_reporter');
  expect(out.map((m) => [m.text, String(m.agentId)])).toEqual([['Je, uko mahali salama sasa hivi?', String(a.account._id)]]);

  // Deleted by the supervisor: the agent's ticket page no longer offers any saved reply.
  s.page.once('dialog', (d) => void d.accept());
  await s.page.getByRole('button', { name: 'Delete Are you safe?' }).click();
  await s.page.locator('.flash.ok', { hasText: 'Saved reply deleted.' }).waitFor();
  await expect(s.page.getByTestId('saved-reply').count()).resolves.toBe(0);
  await a.page.reload();
  await expect(a.page.locator('#saved-reply-form').count()).resolves.toBe(0);
  const stored = await h.store.models.Report.db.collection('saved_replies').findOne({ title: 'Are you safe?' });
  expect(stored?.deletedAt).toBeInstanceOf(Date);
  const trail = await h.store.savedReplies.history(stored!._id);
  expect(trail.map((e) => [e.action, String(e.agentId)])).toEqual([['created', String(s.account._id)], ['updated', String(s.account._id)], ['deleted', String(s.account._id)]]);
  expect([...s.errors, ...a.errors]).toEqual([]);
  await a.close();
  await s.close();
});

it('an agent cannot open the saved replies page or change one', async () => {
  const a = await signIn('agent');
  const res = await a.page.goto(`${h.base}/supervisor/saved-replies`);
  expect(res?.status()).toBe(403);
  // Posting straight to the routes is refused before anything is read.
  const posted = await a.page.request.post(`${h.base}/supervisor/saved-replies`, { form: { title: 'x', en: 'x', sw: 'x' }, maxRedirects: 0 });
  expect(posted.status()).toBe(403);
  expect(await h.store.savedReplies.list()).toEqual([]);
  await a.close();
});

it('the map, ratings and saved replies read in Kiswahili with no axe violations', async () => {
  const s = await signIn('supervisor', 'sw');
  await s.page.goto(`${h.base}/supervisor/tickets`);
  await s.page.getByRole('heading', { name: 'Ripoti zinatoka wapi' }).waitFor();
  await s.page.getByRole('link', { name: /^Nairobi City: ripoti \d+$/ }).waitFor();
  await s.page.getByRole('heading', { name: 'Je, tulisaidia? Majibu ya waripoti' }).waitFor();
  await expect(axeViolations(s.page)).resolves.toEqual([]);
  await s.page.goto(`${h.base}/supervisor/saved-replies`);
  await s.page.getByRole('heading', { name: 'Majibu yaliyohifadhiwa' }).waitFor();
  await expect(axeViolations(s.page)).resolves.toEqual([]);
  await s.close();
});

it('on a 1366x768 laptop the ticket list starts on the first screen, under its count; the map and charts follow it', async () => {
  for (let i = 0; i < 3; i++) await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 47 });
  const s = await signIn('supervisor', 'en', { width: 1366, height: 768 });
  await s.page.goto(`${h.base}/supervisor/tickets`);
  await s.page.screenshot({ path: artifactPath('supervisor-1366.png') });
  const first = s.page.getByRole('region', { name: 'All tickets', exact: true }).locator('tbody tr').first();
  const box = (await first.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  // Nothing lost: the map, the ratings and the three charts are still on the page, after the list.
  const listTop = box.y;
  for (const part of [s.page.getByTestId('county-map'), s.page.getByTestId('ratings'), s.page.locator('.charts')]) {
    expect((await part.boundingBox())!.y).toBeGreaterThan(listTop);
  }
  await expect(s.page.locator('.charts > *').count()).resolves.toBe(3);
  expect(s.errors).toEqual([]);
  await s.close();
});

it('with a long list, a link at the top takes the supervisor to the map and charts below it, in both languages', async () => {
  // A full page of tickets: the map and charts sit far below the first screen.
  for (let i = 0; i < 50; i++) await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 42 });
  for (const [lang, name] of [['en', 'Map and charts'], ['sw', 'Ramani na takwimu']] as const) {
    const s = await signIn('supervisor', lang, { width: 1366, height: 768 });
    await s.page.goto(`${h.base}/supervisor/tickets`);
    const map = s.page.getByTestId('county-map');
    expect((await map.boundingBox())!.y).toBeGreaterThan(768);
    const link = s.page.getByRole('link', { name });
    const box = (await link.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await link.click();
    await s.page.waitForURL(/#overview$/);
    // The map is on screen now, at the top of what the supervisor sees.
    await s.page.waitForFunction(() => {
      // Within a pixel: the page scrolls by whole pixels, and a card above at a fractional height
      // (the "who holds what" card) leaves the map a fraction of a pixel above the top.
      const top = document.querySelector('[data-testid="county-map"]')!.getBoundingClientRect().top;
      return top >= -1 && top < window.innerHeight / 2;
    });
    expect(s.errors).toEqual([]);
    await s.close();
  }
});
