/**
 * A waiting ticket that waited too long: the SLA raises its priority one step, never above High
 * (src/domain/priority.ts `escalate`). On an Urgent ticket, or one High from the start, the queue's
 * mark and its history must not say "priority raised": it was not.
 */
import type { ReportDoc } from '../../../src/store';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-escalation-words' });
});

afterAll(async () => {
  await h?.close();
});

/** The SLA check as the worker runs it when the ticket's time is up. */
async function waitedTooLong(r: ReportDoc): Promise<void> {
  expect(await h.sla.check({ reportId: r._id.toString(), generation: 0, escalations: 0, priority: r.priority })).toBe('escalated');
}

const rowOf = (page: string, ref: string) => page.slice(page.indexOf(`data-reference="${ref}"`), page.indexOf('</tr>', page.indexOf(`data-reference="${ref}"`)));

it('says "priority raised" only where waiting raised it; an Urgent or High ticket waited and kept its priority, in the queue and the history, en and sw', async () => {
  const normal = (await seedReport(h.store, { category: 'p_bribery', priority: 3 })).report;
  const high = (await seedReport(h.store, { category: 'p_force', priority: 2 })).report;
  const urgent = (await seedReport(h.store, { category: 'p_force', priority: 1, dangerNow: true })).report;
  for (const r of [normal, high, urgent]) await waitedTooLong(r);
  expect((await h.store.reports.findById(normal._id))?.priority).toBe(2);
  expect((await h.store.reports.findById(high._id))?.priority).toBe(2);

  await h.account('neema', 'supervisor');
  const desk = h.browser();
  await desk.signIn('neema', PASSWORD);
  const queue = (await desk.get('/queue')).body;
  expect(rowOf(queue, normal.reference)).toContain('title="Waited too long: priority raised"><span aria-hidden="true">▲ </span>Waited too long');
  expect(rowOf(queue, high.reference)).toContain('title="Waited too long: already High, so its priority stays (waiting raises none above High)">Waited too long');
  expect(rowOf(queue, urgent.reference)).toContain('title="Waited too long: already Urgent, so its priority stays (waiting raises none above High)">Waited too long');
  for (const r of [high, urgent]) expect(rowOf(queue, r.reference)).not.toContain('priority raised');

  expect((await desk.get(`/tickets/${normal._id.toString()}`)).body).toContain('Priority raised (waited too long)');
  const highPage = (await desk.get(`/tickets/${high._id.toString()}`)).body;
  expect(highPage).toContain('Waited too long (already High: its priority stays)');
  expect(highPage).not.toContain('Priority raised (waited too long)');
  expect((await desk.get(`/tickets/${urgent._id.toString()}`)).body).toContain('Waited too long (already Urgent: its priority stays)');

  const sw = await h.account('baraka', 'supervisor');
  await h.store.agents.setLanguage(sw._id, 'sw');
  const swDesk = h.browser();
  await swDesk.signIn('baraka', PASSWORD);
  expect(rowOf((await swDesk.get('/queue')).body, high.reference)).toContain('title="Imesubiri muda mrefu: kipaumbele chake tayari ni Juu, kwa hivyo kinabaki hivyo');
  const swPage = (await swDesk.get(`/tickets/${urgent._id.toString()}`)).body;
  expect(swPage).toContain('Imesubiri muda mrefu (kipaumbele tayari ni Dharura: kinabaki hivyo)');
  expect(swPage).not.toContain('Kipaumbele kimepandishwa');
});
