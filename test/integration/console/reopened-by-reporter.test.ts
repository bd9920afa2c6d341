/**
 * A ticket its reporter asked staff to look at again after it was closed (ReopenService), seen at
 * the console: back in the queue marked "Reopened by the reporter" (it had passed for a new report)
 * and its waiting time counted from the reopening, as its SLA counts it (from when it was first
 * sent, a fresh reopening looked days old), held with the same mark, and on the ticket page the
 * mark, the reporter's message and why it reopened.
 */
import { ConversationService } from '../../../src/services/conversation-service';
import { ReopenService } from '../../../src/services/reopen-service';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-reopened' });
  await h.account('wafula', 'agent');
});

afterAll(async () => {
  await h?.close();
});

it('a resolved ticket reopened by its reporter is taken from the queue, and its page shows their message and "Reopened: the reporter asked staff to look again"', async () => {
  const telegramUserId = 8_700_001;
  const who = await reporter(h.store, { telegramUserId });
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn('wafula');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await agent.post(`/tickets/${id}/status`, { status: 'resolved' });
  expect((await h.store.reports.findById(id))!.status).toBe('resolved');

  const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger });
  const reopen = new ReopenService({ store: h.store, events: h.bus, logger: h.logger, conversation, reports: h.reports });
  const words = 'But nothing was done! The officer still calls me.';
  expect(await reopen.askAgain(telegramUserId, id, [{ text: words, telegram: { messageId: 42, date: Math.floor(Date.now() / 1000) } }])).toMatchObject({ ok: true, reopened: true, sent: 1 });

  // In the queue it does not pass for a new report: it says it was reopened by its reporter.
  const queue = (await agent.get('/queue')).body;
  const row = /<tr[^>]*data-reference="([^"]+)"[\s\S]*?<\/tr>/.exec(queue.slice(queue.indexOf(`data-reference="${report.reference}"`) - 200))?.[0] ?? '';
  expect(row).toContain('data-testid="reopened"');
  expect(row).toContain('Reopened by the reporter');

  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page.slice(page.indexOf('id="badges"'), page.indexOf('id="held"'))).toContain('Reopened by the reporter');
  // Held, it says so in the agent's list too.
  expect((await agent.get('/queue')).body).toMatch(/id="mine-[0-9a-f]{24}"[\s\S]*?data-testid="reopened"/);
  expect(page).toContain(words);
  expect(page).toContain('Reopened: the reporter asked staff to look again after it was closed');
});

it('a ticket sent days ago and reopened 20 minutes ago has waited 20 minutes, in the queue and on its page (as its SLA counts it), not days', async () => {
  const telegramUserId = 8_700_002;
  const who = await reporter(h.store, { telegramUserId });
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  await h.store.models.Report.collection.updateOne({ _id: report._id }, { $set: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
  const agent = h.browser();
  await agent.signIn('wafula');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await agent.post(`/tickets/${id}/status`, { status: 'resolved' });
  const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger });
  const reopen = new ReopenService({ store: h.store, events: h.bus, logger: h.logger, conversation, reports: h.reports });
  expect(await reopen.askAgain(telegramUserId, id, [{ text: 'Nobody came.', telegram: { messageId: 43, date: Math.floor(Date.now() / 1000) } }])).toMatchObject({ ok: true, reopened: true });
  await h.store.models.Report.collection.updateOne({ _id: report._id }, { $set: { reopenedByReporterAt: new Date(Date.now() - 20 * 60_000) } });

  const queue = (await agent.get('/queue')).body;
  const row = new RegExp(`<tr[^>]*data-reference="${report.reference}"[\\s\\S]*?</tr>`).exec(queue)?.[0] ?? '';
  expect(row).toContain('data-testid="reopened"');
  expect(row).toMatch(/data-label="Waiting"[^>]*>20 min</);
  expect(row).not.toContain('3 d');

  // A supervisor opens the waiting ticket: its page says how long it has waited, from the reopening too.
  await h.account('achieng', 'supervisor');
  const supervisor = h.browser();
  await supervisor.signIn('achieng');
  const page = (await supervisor.get(`/tickets/${id}`)).body;
  const held = page.slice(page.indexOf('id="held"'), page.indexOf('id="since"'));
  expect(held).toContain('waiting 20 min');
  expect(held).not.toContain('3 d');
});
