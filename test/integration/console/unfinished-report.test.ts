/**
 * A report stored when its reporter said someone is in danger (issue 14), seen at the console:
 * in the queue at once as urgent and "reporter still writing"; on the ticket page with what is
 * known and "not given yet" for the rest; the details once the reporter sends them; "not
 * finished" when they cancelled or went quiet.
 */
import { randomUUID } from 'node:crypto';
import { WRITING_QUIET_MS } from '../../../src/domain';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-unfinished' });
  await h.account('otieno', 'agent');
  await h.account('njeri', 'supervisor');
});

afterAll(async () => {
  await h?.close();
});

/** A report stored at "someone is in danger" (police force, English), and otieno signed in. */
async function urgentWithAgent() {
  const who = await reporter(h.store);
  const draftId = randomUUID();
  const { report } = await h.reports.openUrgent({ draftId, reporterId: who._id, language: 'en', kind: 'police', category: 'p_force' });
  const agent = h.browser();
  await agent.signIn('otieno');
  return { who, draftId, report, id: report._id.toString(), agent };
}

it('is in the queue as urgent and still being written before the story; the page fills in when the reporter sends it', async () => {
  const { who, draftId, report, id, agent } = await urgentWithAgent();
  const queue = await agent.get('/queue');
  const row = new RegExp(`<tr class="prio-urgent" data-reference="${report.reference}"[^>]*>[\\s\\S]*?</tr>`).exec(queue.body)?.[0] ?? '';
  expect(row).toContain('Reporter still writing');

  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  let page = await agent.get(`/tickets/${id}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Reporter still writing');
  expect(page.body).toContain('Stored at once because someone is in danger');
  expect(page.body).toContain('Not given yet');

  const input = reportInput(who._id, { category: 'p_force', dangerNow: true, draftId });
  await h.reports.submit(input);
  page = await agent.get(`/tickets/${id}`);
  expect(page.body).not.toContain('Reporter still writing');
  expect(page.body).not.toContain('Not given yet');
  expect(page.body).toContain(input.description.text!);
  expect(page.body).toContain('Kencom stage');
  expect(page.body).toContain('Reporter sent the rest of the report');
});

it('rejected as spam before the story came (the ticket was empty), it is back in the queue when the reporter sends the rest', async () => {
  const { who, draftId, id, agent } = await urgentWithAgent();
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await agent.post(`/tickets/${id}/status`, { status: 'rejected_spam' });
  expect((await h.store.reports.findById(id))!.status).toBe('rejected');

  const input = reportInput(who._id, { category: 'p_force', dangerNow: true, draftId });
  expect(await h.reports.submit(input)).toMatchObject({ created: false, queued: true });
  expect(await h.store.reports.findById(id)).toMatchObject({ status: 'received', assignee: null });
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain(input.description.text!);
  expect(page).toContain('Reopened: the reporter sent the rest of the report after the ticket was closed');
  // A second tap on Send changes nothing more.
  await h.reports.submit(input);
  expect((await h.store.reports.history(id)).filter((e) => e.type === 'reopened').map((e) => e.data)).toEqual([{ from: 'rejected' }]);
});

it('says "not finished" when the reporter cancelled, or has not sent the rest for a while', async () => {
  const who = await reporter(h.store, { language: 'sw' });
  const cancelled = (await h.reports.openUrgent({ draftId: randomUUID(), reporterId: who._id, language: 'sw', kind: 'election', category: 'e_violence' })).report;
  await h.reports.abandonUrgent(cancelled.idempotencyKey);
  const quiet = (await h.reports.openUrgent({ draftId: randomUUID(), reporterId: who._id, language: 'sw', kind: 'police', category: 'p_force' })).report;
  await h.store.models.Report.updateOne({ _id: quiet._id }, { $set: { 'unfinished.at': new Date(Date.now() - WRITING_QUIET_MS - 60_000) } });

  const supervisor = h.browser();
  await supervisor.signIn('njeri');
  const c = await supervisor.get(`/tickets/${cancelled._id.toString()}`);
  expect(c.body).toContain('then cancelled at');
  expect(c.body).toContain('Reporter cancelled before sending the rest');
  const q = await supervisor.get(`/tickets/${quiet._id.toString()}`);
  expect(q.body).toContain('has not sent the rest');
  const queue = await supervisor.get('/queue');
  expect(queue.body.match(/data-testid="unfinished"/g)?.length).toBeGreaterThanOrEqual(2);
  // The CSV export takes a report without a county or time.
  const csv = await supervisor.get('/supervisor/tickets.csv', { accept: 'text/csv' });
  expect(csv.statusCode).toBe(200);
  expect(csv.body).toContain(cancelled.reference);
});

it('shows what the reporter has answered while they still write, and counts them quiet from their latest answer', async () => {
  const { draftId, report, id } = await urgentWithAgent();
  const supervisor = h.browser();
  await supervisor.signIn('njeri');
  await h.store.models.Report.updateOne({ _id: report._id }, { $set: { 'unfinished.at': new Date(Date.now() - WRITING_QUIET_MS - 60_000) } });
  await h.reports.progressUrgent(draftId, { description: { text: 'Two officers are beating my neighbour outside Kondele stage' }, county: 42 });
  const page = await supervisor.get(`/tickets/${id}`);
  // Stored 31 minutes ago, answered just now: still writing, the story and the county on the page.
  expect(page.body).toContain('Reporter still writing');
  expect(page.body).toContain('Two officers are beating my neighbour outside Kondele stage');
  expect(page.body).toContain('Kisumu');
  // A location shared instead of the place typed before: the place goes from the report too.
  await h.reports.progressUrgent(draftId, { county: 42, place: 'Kondele stage' });
  await h.reports.progressUrgent(draftId, { county: 42, location: { lat: -0.09, lon: 34.77 } });
  expect(await h.store.reports.findById(report._id)).toMatchObject({ location: { lat: -0.09, lon: 34.77 } });
  expect((await h.store.reports.findById(report._id))?.place).toBeUndefined();
  // Once sent or cancelled, nothing more is written by it.
  await h.reports.abandonUrgent(draftId);
  await h.reports.progressUrgent(draftId, { place: 'Kondele stage' });
  expect((await h.store.reports.findById(report._id))?.place).toBeUndefined();
});
