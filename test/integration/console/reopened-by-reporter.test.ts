/**
 * A ticket its reporter asked staff to look at again after it was closed (ReopenService), seen at
 * the console: back in the queue, and on the ticket page the reporter's message and why it reopened.
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

  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain(words);
  expect(page).toContain('Reopened: the reporter asked staff to look again after it was closed');
});
