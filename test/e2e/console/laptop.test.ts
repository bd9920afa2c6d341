/**
 * The console on a 1280x720 laptop, as a call-centre agent and a supervisor use it on election day.
 * The waiting list and "All tickets" had their column headings bunched over the first columns
 * ("County" over the categories, "Status" over the counties): the tables took the forms' `.stack`
 * layout (a flex column), which split the headings from the rows. And on a ticket the actions
 * (status, refer, release, hand over) came after every card about the report, 1,700 px down a long
 * story with no way to them from the top; they now sit under the conversation.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { artifactPath, signIn, switchLanguage } from '../../support/browser';
import en from '../../../locales/en/common.json';
import sw from '../../../locales/sw/common.json';
import { TriageService } from '../../../src/services/triage-service';

const env = consoleInChromium({ label: 'console-laptop' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

/**
 * For each column heading of the table at `table`, the heading's text and whether it stands over
 * that column's cell in the first row (a table's column shares one left edge and one width).
 */
async function headingsOverColumns(page: Page, table: string): Promise<[string, boolean][]> {
  const heads = page.locator(`${table} thead th`);
  const cells = page.locator(`${table} tbody tr`).first().locator('td');
  const out: [string, boolean][] = [];
  for (let i = 0; i < (await heads.count()); i++) {
    const head = (await heads.nth(i).boundingBox())!;
    const cell = (await cells.nth(i).boundingBox())!;
    out.push([(await heads.nth(i).textContent())!.trim(), Math.abs(head.x - cell.x) < 1 && Math.abs(head.width - cell.width) < 1]);
  }
  return out;
}

it('at 1280x720 the column headings of the waiting list and All tickets stand over their own columns, in Swahili too', async () => {
  const agent = await h.account('wairimu', 'agent');
  await h.account('kiprono', 'supervisor');
  for (const [category, priority, county] of [['p_bribery', 1, 1], ['e_violence', 2, 42], ['e_polling', 3, 47], ['e_resources', 4, 22]] as const) {
    await seedReport(h.store, { kind: category.startsWith('e_') ? 'election' : 'police', category, priority, county });
  }
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_hate', priority: 2, county: 32 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono', PASSWORD);
  const aligned = (names: string[]) => names.map((n) => [n, true]);
  expect(await headingsOverColumns(page, '#queue-data table.list')).toEqual(aligned(['Priority', 'Reference', 'Category', 'County', 'Waiting']));
  await page.screenshot({ path: artifactPath('console-1280-queue.png') });

  await page.goto(`${h.base}/supervisor/tickets`);
  expect(await headingsOverColumns(page, 'table.list')).toEqual(aligned(['Priority', 'Reference', 'Category', 'County', 'Status', 'Agent', 'Since reported']));
  await switchLanguage(page, 'sw');
  expect(await headingsOverColumns(page, 'table.list')).toEqual(aligned(['Kipaumbele', 'Nambari ya kumbukumbu', 'Aina ya tukio', 'Kaunti', 'Hali', 'Mhudumu', 'Tangu iripotiwe']));
  await page.screenshot({ path: artifactPath('console-1280-all-tickets-sw.png') });
  await context.close();
}, 60_000);

const PARAGRAPH = 'Jana usiku polisi watatu wa kituo cha Kondele walifika nyumbani kwetu bila kibali, wakampiga kaka yangu kwa rungu na kumchukua kwa gari la GK 456B. Tulipoenda kituoni walituambia tulipe shilingi elfu kumi ndio aachiliwe. Majirani waliona kila kitu.';

it('at 1280x720 an agent on a long Swahili story sees the ticket\'s actions (status, refer, release) on the first screen, under the conversation', async () => {
  const agent = await h.account('achieng', 'agent');
  const { report } = await seedReport(h.store, { language: 'sw', category: 'p_force', priority: 1, dangerNow: true, county: 42, description: { text: Array.from({ length: 10 }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n\n') } });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'achieng', PASSWORD);
  await switchLanguage(page, 'sw');
  await page.goto(`${h.base}/tickets/${report._id.toString()}`);
  const bottom = async (el: ReturnType<Page['locator']>) => {
    const box = (await el.boundingBox())!;
    return box.y + box.height;
  };
  expect(await bottom(page.getByRole('heading', { name: 'Hatua', exact: true }))).toBeLessThanOrEqual(720);
  expect(await bottom(page.getByRole('combobox', { name: 'Hali', exact: true }))).toBeLessThanOrEqual(720);
  await page.screenshot({ path: artifactPath('console-1280-ticket-sw.png') });
  await context.close();
}, 60_000);

/**
 * The agencies under "Refer to" whose full name is not wholly on screen: only inside a closed list
 * (where the chosen one was cut: "IPOA (Mamlaka Huru ya Kusimamia Utendak"), cut by its box, or
 * off the side of the screen.
 */
function agenciesNotReadable(page: Page, names: string[]): Promise<string[]> {
  return page.locator('#refer-form').evaluate((form, wanted) => wanted.filter((name) => {
    const holders = Array.from(form.querySelectorAll('*')).filter((el) => (el.textContent ?? '').includes(name));
    const el = holders.find((e) => !Array.from(e.children).some((c) => (c.textContent ?? '').includes(name)));
    if (!el || el.closest('select')) return true;
    const box = el.getBoundingClientRect();
    const cut = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
    return cut || box.width === 0 || box.left < 0 || box.right > window.innerWidth;
  }), names);
}

it('on a ticket at 1280 px and at 390 px every agency under "Refer to" can be read in full, in English and Swahili', async () => {
  const agent = await h.account('nafula', 'agent');
  const { report } = await seedReport(h.store, { category: 'p_force', priority: 2, county: 42 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'nafula', PASSWORD);
  for (const lang of ['en', 'sw'] as const) {
    const names = Object.values((lang === 'en' ? en : sw).agency);
    if (lang === 'sw') await switchLanguage(page, 'sw');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 720 });
      await page.goto(`${h.base}/tickets/${report._id.toString()}`);
      await page.locator('#refer-form').screenshot({ path: artifactPath(`console-${width}-refer-${lang}.png`) });
      expect(await agenciesNotReadable(page, names)).toEqual([]);
    }
  }
  await context.close();
}, 60_000);

/**
 * The options of the lists in `form` that, once chosen, would not show whole in their closed list:
 * a copy of the list sized to the chosen option (`field-sizing: content`) is wider than the list.
 */
function optionsCut(page: Page, form: string): Promise<string[]> {
  return page.locator(form).evaluate((f) => Array.from(f.querySelectorAll('select')).flatMap((s) => {
    const copy = s.cloneNode(true) as HTMLSelectElement;
    copy.style.cssText = 'field-sizing: content; width: auto; min-width: 0; position: absolute; visibility: hidden';
    s.parentElement!.append(copy);
    const cut = Array.from(copy.options).filter((o) => {
      copy.value = o.value;
      return copy.getBoundingClientRect().width > s.getBoundingClientRect().width + 0.5;
    }).map((o) => `${s.name}: ${o.text}`);
    copy.remove();
    return cut;
  }));
}

it('every choice in the All tickets filters shows whole once chosen at 1280 px and at 390 px, in Swahili (a chosen category read "Polisi kutumia nguvu k"; the two longest lost their last letters on a phone)', async () => {
  await h.account('kiprono2', 'supervisor');
  await h.store.agents.create({ username: 'wanjiru.mwangi', name: 'Wanjiru Mwangi-Kariuki', role: 'agent', password: PASSWORD });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono2', PASSWORD);
  await switchLanguage(page, 'sw');
  // On a phone each list is a whole row, as wide as the filters' card lets it be: two categories
  // ("Kukamatwa au kuzuiliwa kinyume cha sheria", "Kupiga kura kwa jina la mwingine au mara mbili")
  // were longer than that row by 7 and 13 px and lost their last letters there.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 720 });
    // A filter in use keeps them open on a phone too.
    await page.goto(`${h.base}/supervisor/tickets?category=p_force&kind=police&status=withdrawn`);
    await page.locator('form.filters').screenshot({ path: artifactPath(`console-${width}-filters-sw.png`) });
    expect(await optionsCut(page, 'form.filters')).toEqual([]);
  }
  await context.close();
}, 60_000);

it('at 1280x720 the waiting list shows how long each ticket has waited, in Swahili too, when urgent tickets waited too long', async () => {
  // Seen in a surge: in Swahili the "Muda wa kusubiri" column was pushed out of the card (the
  // heading kept on one line beside "Imesubiri muda mrefu" and "zinazofanana 2"), and only "da"
  // of "dak 13" showed beside the urgent tickets.
  await h.account('njoroge', 'agent');
  const triage = new TriageService({ store: h.store, logger: h.logger });
  const description = { text: 'Police fired teargas at protesters on Kenyatta Avenue near Kencom and beat young men with batons.' };
  for (let i = 0; i < 3; i++) {
    const { report } = await seedReport(h.store, { category: 'p_force', priority: 1, dangerNow: true, county: 47, place: 'Kencom, Nairobi CBD', when: 'now', description });
    await triage.link(report);
    expect(await h.store.reports.escalate(report._id, 1, { escalations: 0 })).not.toBeNull();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'njoroge', PASSWORD);
  await switchLanguage(page, 'sw');
  await page.locator('[data-testid="escalated"]').first().waitFor();
  const shown = await page.evaluate(() => {
    const box = document.querySelector('#queue-data .table-scroll')!.getBoundingClientRect();
    const cells = Array.from(document.querySelectorAll('#queue-data table.list tbody tr td:last-child, #queue-data table.list thead th:last-child'));
    return cells.every((c) => c.getBoundingClientRect().right <= box.right + 0.5);
  });
  await page.screenshot({ path: artifactPath('console-1280-queue-sw.png') });
  expect(shown).toBe(true);
  await context.close();
}, 60_000);

/** The rows the All tickets filters take (bottom-aligned): the distinct bottoms of the form's boxes, each visible. */
function filterRows(page: Page): Promise<{ rows: number; hidden: string[] }> {
  return page.locator('form.filters').evaluate((form) => {
    const boxes = Array.from(form.children).map((el) => ({ el, box: el.getBoundingClientRect() }));
    const hidden = boxes.filter(({ box }) => box.width === 0 || box.height === 0).map(({ el }) => (el.textContent ?? '').trim());
    return { rows: new Set(boxes.map(({ box }) => Math.round(box.bottom))).size, hidden };
  });
}

it('at 1280x720 the All tickets filters take at most three rows, every filter shown, in English and Swahili (the buttons wrapped to a fourth)', async () => {
  await h.account('kiprono3', 'supervisor');
  await h.store.agents.create({ username: 'wanjiru.mwangi3', name: 'Wanjiru Mwangi-Kariuki', role: 'agent', password: PASSWORD });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono3', PASSWORD);
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/supervisor/tickets`);
    await page.locator('form.filters').screenshot({ path: artifactPath(`console-1280-filter-rows-${lang}.png`) });
    expect(await filterRows(page)).toEqual({ rows: 3, hidden: [] });
    expect(await optionsCut(page, 'form.filters')).toEqual([]);
  }
  await context.close();
}, 60_000);

/**
 * Per row of the filters (filters whose boxes end at one height): how far apart the last lines of
 * their labels' words are, and the tops of their boxes and lists, in px (0: in line).
 */
function rowSpreads(page: Page): Promise<{ words: string; labels: number[]; controls: number[] }[]> {
  return page.locator('form.filters').evaluate((form) => {
    const rows = new Map<number, { words: string[]; labels: number[]; controls: number[] }>();
    for (const label of Array.from(form.querySelectorAll(':scope > label'))) {
      const text = Array.from(label.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      const control = label.querySelector('input, select');
      if (!text || !control) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const key = Math.round(control.getBoundingClientRect().bottom);
      const row = rows.get(key) ?? { words: [], labels: [], controls: [] };
      row.words.push((text.textContent ?? '').trim());
      const lines = range.getClientRects();
      row.labels.push(lines[lines.length - 1].bottom);
      row.controls.push(control.getBoundingClientRect().top);
      rows.set(key, row);
    }
    const spread = (xs: number[]) => Math.round(Math.max(...xs) - Math.min(...xs));
    return Array.from(rows.values()).map((r) => ({ words: r.words.join(' | '), labels: [spread(r.labels)], controls: [spread(r.controls)] }));
  });
}

it('at 1280 px the labels of each row of All tickets filters stand in line, and so do their boxes, in English and Swahili ("Search" stood higher than "Category")', async () => {
  await h.account('mumbi5', 'supervisor');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'mumbi5', PASSWORD);
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/supervisor/tickets`);
    await page.locator('form.filters').screenshot({ path: artifactPath(`console-1280-filter-labels-${lang}.png`) });
    const rows = await rowSpreads(page);
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row).toEqual({ words: row.words, labels: [0], controls: [0] });
  }
  await context.close();
}, 60_000);

it('at 1280x720 a supervisor on a ticket reaches Refer without scrolling, the hand-over after it, in English and Swahili (Refer was below the hand-over, off the screen)', async () => {
  const holder = await h.account('wekesa', 'agent');
  await h.account('moraa', 'agent');
  await h.account('kiprono4', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', county: 47, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono4', PASSWORD);
  for (const [lang, refer, handOver] of [['en', 'Refer', 'Hand over'], ['sw', 'Peleka', 'Kabidhi']] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/tickets/${report._id.toString()}`);
    await page.screenshot({ path: artifactPath(`console-1280-supervisor-ticket-${lang}.png`), fullPage: true });
    const button = (await page.locator('#refer-form').getByRole('button', { name: refer, exact: true }).boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(720);
    // The hand-over is still there, after Refer.
    const hand = (await page.locator('#handover-form').getByRole('button', { name: handOver, exact: true }).boundingBox())!;
    expect(hand.y).toBeGreaterThan(button.y);
  }
  await context.close();
}, 60_000);

it('at 1200 and 1280 px a supervisor on a ticket sees Refer and the start of the conversation on the first screen, the actions before the conversation as Tab reaches them, in English and Swahili (the conversation began 1,350 px down)', async () => {
  const holder = await h.account('wekesa6', 'agent');
  await h.account('moraa6', 'agent');
  await h.account('kiprono6', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_personation', county: 47, priority: 1, dangerNow: true });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  await h.store.messages.addIncoming(report._id, { text: 'They took my brother to Kilimani police station.' });
  await h.store.messages.addOutgoing(report._id, { text: 'Are you safe where you are now?', agentId: holder._id });
  // Referred, then taken back from the agency: the head's badges run to a second line ("Imepelekwa kwa IEBC").
  const agent = { id: holder._id.toString(), role: 'agent' as const };
  expect((await h.tickets.refer(report._id.toString(), agent, 'IEBC')).ok).toBe(true);
  expect((await h.tickets.changeStatus(report._id.toString(), agent, 'in_progress')).ok).toBe(true);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono6', PASSWORD);
  await page.goto(`${h.base}/tickets/${report._id.toString()}`);
  for (const [lang, refer] of [['en', 'Refer'], ['sw', 'Peleka']] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    for (const width of [1200, 1280]) {
      await page.setViewportSize({ width, height: 720 });
      await page.screenshot({ path: artifactPath(`console-${width}-supervisor-first-screen-${lang}.png`) });
      const button = (await page.locator('#refer-form').getByRole('button', { name: refer, exact: true }).boundingBox())!;
      const first = (await page.locator('#conversation [data-testid="message"]').first().boundingBox())!;
      const actions = (await page.locator('#actions').boundingBox())!;
      const convo = (await page.locator('.col-convo').boundingBox())!;
      // Refer with room under it: at 1200 px in Swahili it ended at 718, touching the screen's edge.
      expect({ width, lang, referRoom: 720 - (button.y + button.height) >= 8, conversation: first.y + first.height <= 720 }).toEqual({ width, lang, referRoom: true, conversation: true });
      // Tab reaches the actions before the conversation: they stand left of it or above it.
      expect(actions.x + actions.width <= convo.x || actions.y + actions.height <= convo.y).toBe(true);
    }
    // A phone keeps one column: the report, the actions and the conversation one under another, each the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: artifactPath(`console-390-supervisor-ticket-${lang}.png`), fullPage: true });
    const columns = await page.evaluate(() => ['.col-details', '.col-lead', '.col-convo', '.col-side'].map((sel) => {
      const box = document.querySelector(sel)!.getBoundingClientRect();
      return [sel, Math.round(box.left), Math.round(box.width)];
    }));
    const [, left, width] = columns[0];
    expect(width).toBeGreaterThan(340);
    expect(columns).toEqual(columns.map(([sel]) => [sel, left, width]));
  }
  await context.close();
}, 60_000);

/** The All tickets filter buttons whose words take more than one line, or that stand off the screen or outside the filters. */
function buttonsBroken(page: Page): Promise<string[]> {
  return page.locator('form.filters .filter-buttons').evaluate((row) => Array.from(row.querySelectorAll<HTMLElement>('.btn')).flatMap((btn) => {
    const range = document.createRange();
    range.selectNodeContents(btn);
    const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    const box = btn.getBoundingClientRect();
    const form = btn.closest('form')!.getBoundingClientRect();
    const text = (btn.textContent ?? '').trim();
    return [...(lines > 1 ? [`${text}: ${lines} lines`] : []), ...(box.left < form.left || box.right > form.right + 0.5 || box.right > window.innerWidth ? [`${text}: outside`] : [])];
  }));
}

it('the All tickets "Apply" and "Clear" buttons keep their words on one line at every width from 1280 down to 390 px, in English and Swahili (below 1,200 px the Swahili ones took two)', async () => {
  await h.account('kiprono7', 'supervisor');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono7', PASSWORD);
  // A filter in use keeps the filters open on a phone too.
  await page.goto(`${h.base}/supervisor/tickets?status=withdrawn`);
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    const broken: string[] = [];
    for (const width of [1280, 1199, 1000, 901, 900, 768, 641, 640, 480, 390]) {
      await page.setViewportSize({ width, height: 720 });
      if ([1000, 390].includes(width)) await page.locator('form.filters').screenshot({ path: artifactPath(`console-${width}-filter-buttons-${lang}.png`) });
      broken.push(...(await buttonsBroken(page)).map((b) => `${width}: ${b}`));
    }
    expect(broken).toEqual([]);
  }
  await context.close();
}, 60_000);

/** Where a supervisor's ticket shows its actions: before the conversation in a column of their own ('lead'), or under the conversation in its column ('side'). */
function actionsColumn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const actions = document.getElementById('actions')!.getBoundingClientRect();
    const convo = document.querySelector('.col-convo')!.getBoundingClientRect();
    if (actions.right <= convo.left) return 'lead';
    return Math.abs(actions.left - convo.left) < 1 && actions.top >= convo.bottom ? 'side' : `elsewhere (${Math.round(actions.left)},${Math.round(actions.top)})`;
  });
}

it('at 1280x720 a supervisor\'s ticket moves its actions to where a reload puts them when Refer goes or comes back live, in English and Swahili (the card kept its old column)', async () => {
  const holder = await h.account('wekesa8', 'agent');
  await h.account('moraa8', 'agent');
  await h.account('kiprono8', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', county: 47, priority: 2 });
  const id = report._id.toString();
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  const agent = { id: holder._id.toString(), role: 'agent' as const };
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono8', PASSWORD);
  const refer = page.locator('#refer-form');
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    // English: Refer offered, then the holder refers the case (no Refer on a referred ticket); Swahili: the other way, taken back from the agency.
    await page.goto(`${h.base}/tickets/${id}`);
    await page.locator('#ticket[data-live-state="open"]').waitFor({ state: 'attached' });
    expect(await actionsColumn(page)).toBe(lang === 'en' ? 'lead' : 'side');
    if (lang === 'en') expect((await h.tickets.refer(id, agent, 'IPOA')).ok).toBe(true);
    else expect((await h.tickets.changeStatus(id, agent, 'in_progress')).ok).toBe(true);
    await refer.waitFor({ state: lang === 'en' ? 'detached' : 'visible' });
    await page.screenshot({ path: artifactPath(`console-1280-supervisor-live-${lang}.png`) });
    expect(await actionsColumn(page)).toBe(lang === 'en' ? 'side' : 'lead');
    // As a reload shows it.
    await page.reload();
    expect(await actionsColumn(page)).toBe(lang === 'en' ? 'side' : 'lead');
  }
  await context.close();
}, 60_000);

it('from 641 to 900 px the All tickets "Apply" and "Clear" buttons sit beside the last filter, side by side, each on one line, in English and Swahili (they took a row of their own; at 641 px in Swahili Clear went under Apply)', async () => {
  await h.account('kiprono9', 'supervisor');
  const context = await browser.newContext({ viewport: { width: 900, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono9', PASSWORD);
  // A filter in use keeps the filters open.
  await page.goto(`${h.base}/supervisor/tickets?status=withdrawn`);
  const beside = () => page.locator('form.filters').evaluate((form) => {
    const last = form.querySelector('label:last-of-type')!.getBoundingClientRect();
    const buttons = form.querySelector('.filter-buttons')!.getBoundingClientRect();
    return buttons.left >= last.right && buttons.top < last.bottom && buttons.bottom > last.top;
  });
  const sideBySide = () => page.locator('form.filters .filter-buttons').evaluate((row) => {
    const [apply, clear] = Array.from(row.querySelectorAll('.btn')).map((b) => b.getBoundingClientRect());
    return clear.left >= apply.right && Math.abs(clear.top - apply.top) < 1;
  });
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    const wrong: string[] = [];
    for (const width of [900, 800, 768, 700, 641]) {
      await page.setViewportSize({ width, height: 720 });
      if ([900, 641].includes(width)) await page.locator('form.filters').screenshot({ path: artifactPath(`console-${width}-filter-buttons-beside-${lang}.png`) });
      if (!(await beside())) wrong.push(`${width}: not beside the last filter`);
      if (!(await sideBySide())) wrong.push(`${width}: Clear not beside Apply`);
      wrong.push(...(await buttonsBroken(page)).map((b) => `${width}: ${b}`));
    }
    expect(wrong).toEqual([]);
  }
  await context.close();
}, 60_000);

/** Where the Refer button stands on screen: its box, whether the page scrolls sideways, and the screen's size. */
function referBox(page: Page, refer: string) {
  return page.locator('#refer-form').getByRole('button', { name: refer, exact: true }).evaluate((btn) => {
    const box = btn.getBoundingClientRect();
    return { left: box.left, right: box.right, bottom: box.bottom, screen: window.innerWidth, high: window.innerHeight, sideways: document.documentElement.scrollWidth > window.innerWidth };
  });
}

it('at 1200 and 1280 px a supervisor on a chief\'s or kanjo\'s ticket sees "Not the police" and Refer with room under it on the first screen, in English and Swahili (the line took Refer below the screen)', async () => {
  const holder = await h.account('wekesa11', 'agent');
  await h.account('moraa11', 'agent');
  await h.account('kiprono11', 'supervisor');
  const description = { text: 'Kanjo walinipiga stage wakachukua mboga zangu zote, hakukuwa na polisi.' };
  const { report } = await seedReport(h.store, { language: 'sw', kind: 'police', category: 'p_force', county: 47, priority: 1, dangerNow: true, description });
  const id = report._id.toString();
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  await h.store.messages.addIncoming(report._id, { text: 'Walinipiga mgongoni na rungu.' });
  // Referred, then taken back from the agency: the head's badges run longest.
  const agent = { id: holder._id.toString(), role: 'agent' as const };
  expect((await h.tickets.refer(id, agent, 'CAJ')).ok).toBe(true);
  expect((await h.tickets.changeStatus(id, agent, 'in_progress')).ok).toBe(true);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono11', PASSWORD);
  const wrong: string[] = [];
  for (const [lang, refer] of [['en', 'Refer'], ['sw', 'Peleka']] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.goto(`${h.base}/tickets/${id}`);
    for (const width of [1200, 1280]) {
      await page.setViewportSize({ width, height: 720 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: artifactPath(`console-${width}-refer-not-police-${lang}.png`) });
      const line = (await page.getByTestId('not-police').boundingBox())!;
      if (line.y < 0 || line.y + line.height > 720) wrong.push(`${width} ${lang}: "Not the police" from ${Math.round(line.y)} to ${Math.round(line.y + line.height)}`);
      const b = await referBox(page, refer);
      if (b.high - b.bottom < 8) wrong.push(`${width} ${lang}: Refer ends ${Math.round(b.bottom)} of ${b.high}`);
    }
  }
  expect(wrong).toEqual([]);
  await context.close();
}, 90_000);

it('a supervisor\'s Refer keeps clear of the screen\'s edges with "changed by someone else" showing, at 360, 641, 900, 1200 and 1280 px, in English and Swahili (the banner pushed it to the edge)', async () => {
  const holder = await h.account('wekesa10', 'agent');
  await h.account('moraa10', 'agent');
  await h.account('kiprono10', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_personation', county: 47, priority: 1, dangerNow: true });
  const id = report._id.toString();
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  await h.store.messages.addIncoming(report._id, { text: 'They took my brother to Kilimani police station.' });
  const agent = { id: holder._id.toString(), role: 'agent' as const };
  // Referred, then taken back: the head's badges run longest.
  expect((await h.tickets.refer(id, agent, 'IEBC')).ok).toBe(true);
  expect((await h.tickets.changeStatus(id, agent, 'in_progress')).ok).toBe(true);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kiprono10', PASSWORD);
  const wrong: string[] = [];
  for (const [lang, refer, status] of [['en', 'Refer', 'waiting_reporter'], ['sw', 'Peleka', 'in_progress']] as const) {
    if (lang === 'sw') await switchLanguage(page, 'sw');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${h.base}/tickets/${id}`);
    await page.locator('#ticket[data-live-state="open"]').waitFor({ state: 'attached' });
    // The holder changes the ticket while the supervisor has it open: the banner shows.
    expect((await h.tickets.changeStatus(id, agent, status)).ok).toBe(true);
    await page.locator('#changed').waitFor({ state: 'visible' });
    for (const width of [360, 641, 900, 1200, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 780 : 720 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: artifactPath(`console-${width}-refer-changed-${lang}.png`), fullPage: width < 1200 });
      const b = await referBox(page, refer);
      if (b.left < 8 || b.right > b.screen - 8 || b.sideways) wrong.push(`${width} ${lang}: Refer from ${Math.round(b.left)} to ${Math.round(b.right)} of ${b.screen}${b.sideways ? ', the page scrolls sideways' : ''}`);
      // A laptop's first screen holds Refer, with room under it.
      if (width >= 1200 && b.high - b.bottom < 8) wrong.push(`${width} ${lang}: Refer ends ${Math.round(b.bottom)} of ${b.high}`);
    }
  }
  expect(wrong).toEqual([]);
  await context.close();
}, 90_000);

/**
 * What crowds the accounts list as seen: a name, username, role or button whose words take more
 * than one line, a password box whose Reset is not beside it, and whether the list scrolls sideways.
 */
function accountsCrowded(page: Page): Promise<string[]> {
  return page.locator('table.accounts').evaluate((table) => {
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    const wrong: string[] = [];
    for (const tr of Array.from(table.querySelectorAll('tbody tr'))) {
      const [name, username, role] = Array.from(tr.querySelectorAll(':scope > td')).slice(0, 3);
      for (const cell of [name, username, role]) if (lines(cell) > 1) wrong.push(`${cell.textContent!.trim()}: ${lines(cell)} lines`);
      for (const btn of Array.from(tr.querySelectorAll('.btn'))) if (lines(btn) > 1) wrong.push(`${btn.textContent!.trim()}: ${lines(btn)} lines`);
      const box = tr.querySelector('input[type="password"]')?.getBoundingClientRect();
      const reset = tr.querySelector('td.reset .btn')?.getBoundingClientRect();
      if (box && reset && !(reset.left >= box.right && reset.top < box.bottom && reset.bottom > box.top)) wrong.push(`${name.textContent!.trim()}: Reset not beside its box`);
    }
    const scroller = table.closest('.table-scroll')!;
    if (scroller.scrollWidth > scroller.clientWidth) wrong.push(`the list scrolls sideways (${scroller.scrollWidth} px in ${scroller.clientWidth})`);
    return wrong;
  });
}

it('at 1280 px the accounts list gives each name, username, role and button one line, Reset beside its box, no sideways scroll, in English and Kiswahili; at 360 px nothing sticks out (names and roles took two lines, Reset went under its box)', async () => {
  const admin = await h.account('wambui', 'admin');
  await h.store.agents.create({ username: 'mwangi.kariuki', name: 'Mwangi Kariuki Njoroge', role: 'agent', password: PASSWORD });
  await h.account('jeruto', 'supervisor');
  await h.account('ouma', 'admin');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'wambui', PASSWORD);
  for (const lang of ['en', 'sw'] as const) {
    await h.store.agents.setLanguage(admin._id, lang);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${h.base}/admin/agents`);
    await page.screenshot({ path: artifactPath(`console-1280-accounts-${lang}.png`), fullPage: true });
    expect(await accountsCrowded(page)).toEqual([]);
    // The new-account form's four boxes stand in one row.
    const tops = await page.locator('form.account-form').locator('input:not([type="hidden"]), select').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await page.setViewportSize({ width: 360, height: 720 });
    await page.screenshot({ path: artifactPath(`console-360-accounts-${lang}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  await context.close();
}, 60_000);
