/**
 * An agent's reply that Telegram fails on every one of its delivery attempts (3 here, 8 in
 * production), as the agent sees it at the console: "sending" while it is still tried again, never
 * "delivered"; then either delivered once when Telegram is back, or, after a day of failing,
 * "not delivered" with a line in the ticket's history. Never sent twice, never lost unsaid.
 */
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reporter, reportInput, waitFor } from '../../support/tickets-harness';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';

jest.setTimeout(30_000);

let tg: TelegramDouble;
let h: ConsoleHarness;

beforeAll(async () => {
  tg = await TelegramDouble.start();
  h = await createConsoleHarness({
    label: 'console-undelivered',
    env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot },
    workers: true,
    // The relay's passes are the test's own (runOnce), so a failed job stays failed until then.
    overrides: { replies: { attempts: 3, backoffMs: 50 }, relay: { intervalMs: 3_600_000 } },
  });
  await h.startWorkers();
  await h.account('wambui', 'agent');
});

afterAll(async () => {
  await h?.close();
  await tg?.stop();
});

const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });

/** A ticket of a reporter the double knows, taken by wambui, its "taken" notice delivered. */
async function takenTicket(): Promise<{ id: string; user: TelegramUser; agent: ReturnType<ConsoleHarness['browser']> }> {
  const user = tg.user({ firstName: 'Akinyi' });
  const who = await reporter(h.store, { telegramUserId: user.id });
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn('wambui');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await waitFor(() => user.messages().length === 1, 'the "taken" notice to reach the reporter');
  return { id, user, agent };
}

/** The delivery mark the ticket's page shows beside the agent's reply `text`. */
async function markOf(agent: ReturnType<ConsoleHarness['browser']>, id: string, text: string): Promise<string> {
  const page = (await agent.get(`/tickets/${id}`)).body;
  const at = page.indexOf(text);
  expect(at).toBeGreaterThan(-1);
  // The mark is on the message's meta line, above its text.
  const marks = [...page.slice(0, at).matchAll(/<span class="delivery d-\w+">([^<]*)<\/span>/g)];
  return marks.at(-1)?.[1] ?? '';
}

/** Sends `text` from the ticket's page while Telegram answers every send with a 500; resolves once its job has used all 3 attempts. */
async function replyThroughOutage(agent: ReturnType<ConsoleHarness['browser']>, id: string, text: string): Promise<string> {
  tg.failNext('sendMessage', { errorCode: 500, description: 'Internal Server Error', count: 3 });
  expect((await agent.post(`/tickets/${id}/reply`, { text })).statusCode).toBe(303);
  const msg = (await h.store.messages.listForReport(id)).find((m) => m.text?.includes(text))!;
  const messageId = msg._id.toString();
  await waitFor(async () => (await h.queues.replies.queue.getJobState(messageId)) === 'failed', 'the reply\'s job to use up its attempts');
  expect((await h.queues.replies.queue.getJob(messageId))?.attemptsMade).toBe(3);
  return messageId;
}

it('a reply whose 3 tries all failed still says "sending", is tried again, and reaches the reporter once', async () => {
  const { id, user, agent } = await takenTicket();
  const text = 'Tunashughulikia ripoti yako sasa.';
  await replyThroughOutage(agent, id, text);

  expect(tg.calls('sendMessage').filter((c) => String(c.params.text).includes(text)).map((c) => c.ok)).toEqual([false, false, false]);
  expect(await markOf(agent, id, text)).toBe('sending');
  expect((await h.store.reports.history(id)).filter((e) => e.type === 'delivery_failed')).toEqual([]);

  // Telegram is back: the relay's next pass gives it a new job, and it goes out once.
  await relay().runOnce();
  await waitFor(() => user.messages().some((m) => m.text?.includes(text)), 'the reply to reach the reporter');
  await waitFor(async () => (await markOf(agent, id, text)) === 'delivered to Telegram', 'the page to say delivered');
  expect(user.messages().filter((m) => m.text?.includes(text))).toHaveLength(1);
});

it('a reply failing for a day says "not delivered" on the page and in the history, and is not tried again', async () => {
  const { id, user, agent } = await takenTicket();
  const text = 'Uko salama sasa hivi?';
  const messageId = await replyThroughOutage(agent, id, text);
  // Its day of retries over: the relay's next pass gives up on it rather than queue it again.
  await h.store.models.Message.collection.updateOne({ _id: (await h.store.messages.findById(messageId))!._id }, { $set: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
  await relay().runOnce();

  expect(await markOf(agent, id, text)).toBe('not delivered');
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain('Message not delivered');
  // Beside it, what that means and what to do: a red "not delivered" alone left the agent guessing whether it would still go.
  const item = /<li id="msg-[^"]*"[^>]*>(?:(?!<\/li>)[\s\S])*<\/li>/g;
  const mine = [...page.matchAll(item)].map((m) => m[0]).find((li) => li.includes(text))!;
  expect(mine).toContain('It did not reach the reporter and will not be tried again. Write it again if it still matters.');
  expect((await h.store.reports.history(id)).filter((e) => e.type === 'delivery_failed').map((e) => e.data)).toEqual([{ messageId, reason: 'gave_up' }]);
  // Nothing more is tried: the next pass finds nothing pending, and the reporter never got it.
  expect((await relay().runOnce()).messages).toBe(0);
  expect(tg.calls('sendMessage').filter((c) => String(c.params.text).includes(text))).toHaveLength(3);
  expect(user.messages().filter((m) => m.text?.includes(text))).toEqual([]);
});
