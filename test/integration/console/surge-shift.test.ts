/**
 * A shift in a surge (300 reports of one protest in Nairobi CBD, played in Chromium): what the
 * agents' and supervisors' pages read and count when many reports are one incident.
 */
import { TriageService } from '../../../src/services/triage-service';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;
let triage: TriageService;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-surge-shift' });
  triage = new TriageService({ store: h.store, logger: h.logger });
});

afterAll(async () => {
  await h?.close();
});

const at = new Date(Date.now() - 3600_000);

/** A waiting protest report, linked by triage to the others already stored. */
async function protest(text: string, extra: { priority?: 1 | 2; dangerNow?: boolean; language?: 'en' | 'sw' } = {}) {
  const { report } = await seedReport(h.store, { category: 'p_force', priority: 2, place: 'Kencom, Nairobi CBD', description: { text }, when: 'now', incidentAt: at, anonymous: true, ...extra });
  await triage.link(report);
  return report;
}

it("the queue reads only what it lists, not every waiting report's story and links, and still counts each one's similar reports", async () => {
  const story = 'Police fired teargas at protesters on Kenyatta Avenue near Kencom and beat young men with batons.';
  const first = await protest(story);
  await protest(`${story} Shops are closing.`);
  await protest(`${story} A woman fell down.`, { priority: 1, dangerNow: true });
  await h.account('akinyi', 'agent');
  const desk = h.browser();
  await desk.signIn('akinyi', PASSWORD);
  const page = (await desk.get('/queue')).body;
  const row = (ref: string) => page.slice(page.indexOf(`data-reference="${ref}"`), page.indexOf('</tr>', page.indexOf(`data-reference="${ref}"`)));
  expect(row(first.reference)).toMatch(/data-testid="similar-badge"[^>]*>2 similar</);
  expect(page).toContain('1 urgent');

  // Every agent's console reads the list again at each new report: in a surge of 320 it was 2.1 MB
  // a read (each story, each of up to 20 links with its reasons).
  const rows = await h.store.queries.waiting();
  const listed = rows.find((r) => r._id.equals(first._id))!;
  expect(listed.reference).toBe(first.reference);
  expect(listed.similar).toHaveLength(2);
  expect(listed).not.toHaveProperty('description');
  expect(listed).not.toHaveProperty('place');
  expect(listed.similar!.every((l) => !('reasons' in l))).toBe(true);
});

/** The "Who holds what" rows as shown. */
function loadRows(page: string): string[] {
  const card = /<section[^>]*data-testid="agent-load"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  return [...card.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

it('"Who holds what" says how many reports an agent holds when an incident counts them as one ticket', async () => {
  const wanjiru = await h.account('wanjiru', 'agent');
  const me = { id: wanjiru._id.toString(), role: 'agent' as const };
  const story = 'Anti-riot police beat protesters at Archives on Moi Avenue and arrested about twenty of them.';
  const lead = await protest(story, { language: 'sw' });
  const others = [await protest(`${story} They threw them in a lorry.`), await protest(`${story} Teargas everywhere.`)];
  expect(await h.store.reports.transition(lead._id, 'assigned', { kind: 'agent', agentId: me.id }, { assignee: me.id })).not.toBeNull();
  const joined = await h.incidents.join(lead._id.toString(), me, others.map((r) => r._id.toString()));
  expect(joined.ok).toBe(true);
  const sup = await h.account('mercy', 'supervisor');
  const desk = h.browser();
  await desk.signIn('mercy', PASSWORD);
  // Counted against the cap as one ticket, as the cap counts it; but she answers three reporters.
  expect(loadRows((await desk.get('/supervisor/tickets')).body)).toContain('Wanjiru W. 1 of 5 · 3 reports');
  await h.store.agents.setLanguage(sup._id, 'sw');
  expect(loadRows((await desk.get('/supervisor/tickets')).body)).toContain('Wanjiru W. 1 kati ya 5 · ripoti 3');
});

it("an incident's answer to every reporter comes before the list of its reports, not after up to 100 of them", async () => {
  const otieno = await h.account('otieno', 'agent');
  const me = { id: otieno._id.toString(), role: 'agent' as const };
  const story = 'GSU officers whipped hawkers at Kencom stage on Tom Mboya street during the protest and took their goods.';
  const lead = await protest(story);
  const members = [];
  for (const more of ['Shops are closing.', 'A woman fell down.', 'Matatus have stopped.', 'I saw it myself.']) members.push(await protest(`${story} ${more}`));
  expect(await h.store.reports.transition(lead._id, 'assigned', { kind: 'agent', agentId: me.id }, { assignee: me.id })).not.toBeNull();
  expect((await h.incidents.join(lead._id.toString(), me, members.map((r) => r._id.toString()))).ok).toBe(true);
  const desk = h.browser();
  await desk.signIn('otieno', PASSWORD);
  const page = (await desk.get(`/tickets/${lead._id.toString()}`)).body;
  const incident = page.slice(page.indexOf('data-testid="incident"'), page.indexOf('data-testid="similar"'));
  const answer = incident.indexOf('data-testid="reply-all"');
  const rows = members.map((m) => incident.indexOf(`data-reference="${m.reference}"`));
  expect(answer).toBeGreaterThan(0);
  expect(rows.every((at) => at > answer)).toBe(true);
  expect(incident.indexOf('The other reports of this incident')).toBeLessThan(Math.min(...rows));
});

/** The ticket page's history lines, newest first, as read. */
function historyLines(page: string): string[] {
  const audit = /<details class="audit"[\s\S]*?<\/details>/.exec(page)?.[0] ?? '';
  return [...audit.matchAll(/<li id="ev-[^"]*">([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

it("a surge's links found one after another are one line of the ticket's history with their count, not a line each burying what staff did", async () => {
  const story = 'Police teargassed protesters outside Archives on Moi Avenue and chased them into Kenyatta Avenue.';
  const lead = await protest(story);
  for (const more of ['Shops are closing.', 'A woman fell down.', 'Matatus have stopped.', 'I saw it myself.', 'Please send help.']) await protest(`${story} ${more}`);
  const njeri = await h.account('njeri', 'agent');
  const me = { id: njeri._id.toString(), role: 'agent' as const };
  expect(await h.store.reports.transition(lead._id, 'assigned', { kind: 'agent', agentId: me.id }, { assignee: me.id })).not.toBeNull();
  const desk = h.browser();
  await desk.signIn('njeri', PASSWORD);
  const lines = historyLines((await desk.get(`/tickets/${lead._id.toString()}`)).body);
  // One entry per link in the stored history (five, and any report of the earlier tests alike).
  const links = (await h.store.reports.history(lead._id)).filter((e) => e.type === 'linked').length;
  expect(links).toBeGreaterThanOrEqual(5);
  const linked = lines.filter((l) => l.includes('Linked to similar reports'));
  expect(linked).toHaveLength(1);
  expect(linked[0]).toContain(`(${links} times)`);
  expect(lines.some((l) => l.includes('Taken · Njeri W.'))).toBe(true);

  await h.store.agents.setLanguage(njeri._id, 'sw');
  const sw = historyLines((await desk.get(`/tickets/${lead._id.toString()}`)).body).filter((l) => l.includes('Imehusishwa na ripoti zinazofanana'));
  expect(sw).toHaveLength(1);
  expect(sw[0]).toContain(`(mara ${links})`);
});
