/**
 * A ticket its reporter asked staff to look at again after it was closed (ReopenService), seen at
 * the console: back in the queue marked "Reopened by the reporter" (it had passed for a new report,
 * its waiting time counted from when it was first sent), held with the same mark, and on the
 * ticket page the mark, the reporter's message and why it reopened.
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
