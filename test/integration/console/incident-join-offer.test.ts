/**
 * Three reports of one event, linked by triage, joined into one incident: the ticket page's
 * "Possibly the same incident" no longer offers to join the reports already in it (a tick box and
 * a "Join into one incident" button beside "In this incident" read as if joining had not worked),
 * while a linked report still outside it stays on offer.
 */
import { TriageService } from '../../../src/services/triage-service';
import type { ReportDoc } from '../../../src/store';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;
let triage: TriageService;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-join-offer' });
  triage = new TriageService({ store: h.store, logger: h.logger });
});

afterAll(async () => {
  await h?.close();
});

const at = new Date(Date.now() - 3600_000);

async function seed(text: string): Promise<ReportDoc> {
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_bribery', place: 'Nakuru West polling centre', description: { text }, when: 'now', incidentAt: at, county: 32, anonymous: true });
  await triage.link(report);
  return (await h.store.reports.findById(report._id))!;
}

/** The "Possibly the same incident" card: which reports it offers to join, and whether it has a join button. */
function offered(page: string): { members: string[]; button: boolean } {
  const card = page.slice(page.indexOf('data-testid="similar"'));
  return { members: [...card.matchAll(/name="member" value="([0-9a-f]{24})"/g)].map((m) => m[1]), button: card.includes('id="join-form"') };
}

it('offers to join only linked reports not already in this incident', async () => {
  const wanjiku = await h.account('wanjiku', 'agent');
  const a = await seed('Men in a white car were handing out 200 shillings to voters in the queue at Nakuru West polling centre.');
  const b = await seed('Men in a white car handing out 200 shillings to voters queueing at Nakuru West polling centre.');
  const c = await seed('Voters at Nakuru West polling centre get 200 shillings from men in a white car.');
  const d = await seed('A white car at Nakuru West polling centre, men giving voters 200 shillings each in the queue.');
  expect(await h.store.reports.transition(a._id, 'assigned', { kind: 'agent', agentId: wanjiku._id.toString() }, { assignee: wanjiku._id.toString() })).not.toBeNull();

  const desk = h.browser();
  await desk.signIn('wanjiku', PASSWORD);
  const before = offered((await desk.get(`/tickets/${a._id.toString()}`)).body);
  expect(before.members.sort()).toEqual([b, c, d].map((r) => r._id.toString()).sort());

  const joined = await desk.post(`/tickets/${a._id.toString()}/incident/join`, { member: [b._id.toString(), c._id.toString()] });
  expect(joined.headers.location).toContain('ok=incident_joined');
  const after = offered((await desk.get(`/tickets/${a._id.toString()}`)).body);
  expect(after).toEqual({ members: [d._id.toString()], button: true });

  expect((await desk.post(`/tickets/${a._id.toString()}/incident/join`, { member: d._id.toString() })).headers.location).toContain('ok=incident_joined');
  expect(offered((await desk.get(`/tickets/${a._id.toString()}`)).body)).toEqual({ members: [], button: false });
});

it('names the county of each waiting report linked into the incident, as the similar list does: one from across a county line is told apart', async () => {
  const baraka = await h.account('baraka', 'agent');
  const story = 'Police beat a hawker with batons at the Githurai 45 stage and took his stock.';
  const place = 'Githurai 45 stage';
  const seedIn = async (county: number) => {
    const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', place, description: { text: story }, when: 'now', incidentAt: at, county });
    await triage.link(report);
    return report;
  };
  const lead = await seedIn(47);
  const member = await seedIn(47);
  const kiambu = await seedIn(22);
  expect(await h.store.reports.transition(lead._id, 'assigned', { kind: 'agent', agentId: baraka._id.toString() }, { assignee: baraka._id.toString() })).not.toBeNull();
  const desk = h.browser();
  await desk.signIn('baraka', PASSWORD);
  expect((await desk.post(`/tickets/${lead._id.toString()}/incident/join`, { member: member._id.toString() })).headers.location).toContain('ok=incident_joined');
  const page = (await desk.get(`/tickets/${lead._id.toString()}`)).body;
  const form = page.slice(page.indexOf('data-testid="join-linked"'), page.indexOf('</form>', page.indexOf('data-testid="join-linked"')));
  const row = form.slice(form.indexOf(`data-reference="${kiambu.reference}"`));
  expect(row.slice(0, row.indexOf('</li>'))).toContain('Kiambu');
});

/** The "Possibly the same incident" card's boxes, ticked or not, and its tick-all link. */
function boxes(page: string): { ticked: number; unticked: number; link: { href: string; text: string } | null } {
  const card = page.slice(page.indexOf('data-testid="similar"'));
  const inputs = [...card.matchAll(/<input type="checkbox" name="member"[^>]*>/g)].map((m) => m[0]);
  const a = /<a [^>]*href="([^"]*)"[^>]*data-testid="tick-all"[^>]*>([^<]*)<\/a>/.exec(card);
  return { ticked: inputs.filter((i) => / checked/.test(i)).length, unticked: inputs.filter((i) => !/ checked/.test(i)).length, link: a ? { href: a[1].replace(/&amp;/g, '&'), text: a[2] } : null };
}

it('an agent joining reports into an incident for the first time ticks them all with one link, which works without JavaScript, in English and Kiswahili', async () => {
  const akinyi = await h.account('akinyi', 'agent');
  const story = 'Police at the Kondele roundabout fired teargas into the market and beat traders with batons.';
  const seedHere = async () => {
    const { report } = await seedReport(h.store, { kind: 'police', category: 'p_force', place: 'Kondele roundabout', description: { text: story }, when: 'now', incidentAt: at, county: 42 });
    await triage.link(report);
    return report;
  };
  const lead = await seedHere();
  const others = [await seedHere(), await seedHere(), await seedHere()];
  expect(await h.store.reports.transition(lead._id, 'assigned', { kind: 'agent', agentId: akinyi._id.toString() }, { assignee: akinyi._id.toString() })).not.toBeNull();
  const desk = h.browser();
  await desk.signIn('akinyi', PASSWORD);
  const url = `/tickets/${lead._id.toString()}`;

  const first = boxes((await desk.get(url)).body);
  expect(first).toMatchObject({ ticked: 0, unticked: 3, link: { text: 'Tick all 3' } });
  const all = boxes((await desk.get(first.link!.href)).body);
  expect(all).toMatchObject({ ticked: 3, unticked: 0, link: { text: 'Untick all' } });
  expect(boxes((await desk.get(all.link!.href)).body)).toMatchObject({ ticked: 0, unticked: 3 });

  await h.store.agents.setLanguage(akinyi._id, 'sw');
  const sw = boxes((await desk.get(url)).body);
  expect(sw.link?.text).toBe('Weka alama kwenye zote 3');
  expect(boxes((await desk.get(sw.link!.href)).body).link?.text).toBe('Ondoa alama zote');

  // What the ticked boxes post joins every one of them.
  expect((await desk.post(`${url}/incident/join`, { member: others.map((r) => r._id.toString()) })).headers.location).toContain('ok=incident_joined');
  for (const r of others) expect((await h.store.reports.findById(r._id))?.incident?.toString()).toBeTruthy();
});
