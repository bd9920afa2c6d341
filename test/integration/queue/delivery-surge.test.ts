/**
 * Agents' replies in a surge while Telegram misbehaves as it does under load: flood waits for one
 * chat and for the whole bot, blocked and vanished chats, 5xx, connection resets and slow answers.
 * What the reporters' phones receive is read from the Bot API double; what the console shows is
 * the messages' `delivery` (sending / delivered / not delivered).
 */
import { ConversationService } from '../../../src/services/conversation-service';
import { RedisEventBus } from '../../../src/queue';
import { ChatPacer } from '../../../src/queue/chat-pacer';
import { createRedis } from '../../../src/redis';
import { testRedisTarget } from '../../support/redis';
import type { RecordedCall, TelegramDouble, TelegramUser } from '../../support/telegram';
import { agent, reporter, reportInput, sentMessage, waitFor, type Harness, takeUntilHeld, workersWithDouble } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';
import type { MessageDoc } from '../../../src/store';

jest.setTimeout(90_000);

const RATE = 10;

// As createApp wires the worker role (every send also takes its slot in the shared budget), and
// with TELEGRAM_SEND_RATE_PER_SECOND=0 (no budget: the worker's own gate and BullMQ's pause alone).
describe.each([
  ['with the shared budget', RATE],
  ['without the shared budget', undefined],
])('replies in a surge while Telegram misbehaves (%s)', (_name, budgetPerSecond) => {
  let tg: TelegramDouble;
  let h: Harness;
  const a: AgentRef = agent();
  const env = workersWithDouble(budgetPerSecond ? 'q-surge-b' : 'q-surge', {
    budgetPerSecond,
    env: { REPLY_RATE_PER_SECOND: String(RATE), MAX_TICKETS_PER_AGENT: '100' },
  });
  beforeAll(() => {
    tg = env.tg();
    h = env.h();
  });
  afterEach(() => tg.setApiDelay(0));

  /** A reporter on Telegram whose ticket `a` holds, its "taken" notice delivered. */
  async function taken(name: string): Promise<{ user: TelegramUser; reportId: string }> {
    const user = tg.user({ firstName: name, languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
    await takeUntilHeld(h, a, report._id);
    await waitFor(() => user.messages().find((m) => (m.text ?? '').includes('has been taken')), `${name}'s taken notice`);
    return { user, reportId: report._id.toString() };
  }

  const accepted = (user: TelegramUser): RecordedCall[] => tg.calls('sendMessage').filter((c) => c.ok && c.params.chat_id === user.id);
  const callsTo = (user: TelegramUser): RecordedCall[] => tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id);
  /** The replies (by their words) the reporter's phone shows, in the order it shows them. */
  const received = (user: TelegramUser, tag: string) => user.messages().map((m) => m.text ?? '').filter((t) => t.includes(tag)).map((t) => t.split('\n\n')[1] ?? t);
  const stateOf = async (m: MessageDoc) => (await h.store.messages.findById(m._id))?.delivery;

  function busiestSecond(calls: RecordedCall[]): number {
    const times = calls.map((c) => c.at).sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0; i < times.length; i++) busiest = Math.max(busiest, times.filter((t) => t >= times[i] && t < times[i] + 1000).length);
    return busiest;
  }

  function expectOnePerSecond(user: TelegramUser): void {
    const at = accepted(user).map((c) => c.at);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(1000);
  }

  it('loses nothing, sends nothing twice, keeps each chat in order at one a second and the whole under the rate, and tells the console the truth', async () => {
    const names = ['Flood', 'Blocked', 'Gone', 'Flaky', 'Reset', 'Calm1', 'Calm2', 'Calm3'];
    const chats = new Map<string, { user: TelegramUser; reportId: string }>();
    for (const n of names) chats.set(n, await taken(n));
    const c = (n: string) => chats.get(n)!;
    const start = tg.calls('sendMessage').length;
    tg.setApiDelay(300);
    tg.failNext('sendMessage', { chatId: c('Flood').user.id, errorCode: 429, retryAfter: 2 });
    tg.blockBy(c('Blocked').user);
    tg.failNext('sendMessage', { chatId: c('Gone').user.id, errorCode: 400, description: 'Bad Request: chat not found', forMs: 60_000 });
    tg.failNext('sendMessage', { chatId: c('Flaky').user.id, errorCode: 502, description: 'Bad Gateway', count: 2 });
    tg.failNext('sendMessage', { chatId: c('Reset').user.id, errorCode: 0, resetConnection: true });

    // Four replies to each chat, written one after another as an agent would, all chats at once.
    const written = new Map<string, MessageDoc[]>();
    await Promise.all(
      names.map(async (n) => {
        const list: MessageDoc[] = [];
        for (const i of [1, 2, 3, 4]) list.push(sentMessage(await h.tickets.reply(c(n).reportId, a, `surge ${n} ${i}`)));
        written.set(n, list);
      }),
    );
    const reachable = ['Flood', 'Flaky', 'Reset', 'Calm1', 'Calm2', 'Calm3'];
    const expected = (n: string) => [1, 2, 3, 4].map((i) => `surge ${n} ${i}`);
    await waitFor(() => reachable.every((n) => received(c(n).user, 'surge').length >= 4), 'every reachable chat to have its four replies', 60_000);
    for (const n of ['Blocked', 'Gone']) await waitFor(async () => (await Promise.all(written.get(n)!.map(stateOf))).every((s) => s === 'failed'), `${n}'s replies marked not delivered`, 20_000);

    for (const n of reachable) {
      // Each once, in the order written, a second apart as the phone sees them.
      expect(received(c(n).user, 'surge')).toEqual(expected(n));
      expectOnePerSecond(c(n).user);
      await waitFor(async () => (await Promise.all(written.get(n)!.map(stateOf))).every((s) => s === 'sent'), `${n}'s replies shown delivered`);
    }
    // The chat's flood wait was honoured.
    const flood = callsTo(c('Flood').user);
    const refused = flood.find((x) => x.errorCode === 429)!;
    expect(flood.filter((x) => x.at > refused.at)[0].at - refused.at).toBeGreaterThanOrEqual(2000);
    expect(busiestSecond(tg.calls('sendMessage').slice(start).filter((x) => x.ok))).toBeLessThanOrEqual(RATE + 1);
    expect(received(c('Blocked').user, 'surge')).toEqual([]);
    await waitFor(async () => (await h.store.reports.findById(c('Blocked').reportId))?.reporterUnreachable === true, 'the blocked reporter\'s ticket marked unreachable');

    // The blocked reporter unblocks the bot (the bot hears my_chat_member): what was refused goes, in order, once.
    tg.unblockBy(c('Blocked').user);
    const events = new RedisEventBus({ publish: async () => 0 } as never, null, 'unused');
    expect(await new ConversationService({ store: h.store, events, logger: h.logger }).reachableAgain(c('Blocked').user.id)).toBe(1);
    await waitFor(() => received(c('Blocked').user, 'surge').length >= 4, 'the unblocked reporter to get the four replies', 20_000);
    await waitFor(async () => (await Promise.all(written.get('Blocked')!.map(stateOf))).every((s) => s === 'sent'), 'shown delivered');
    expect(received(c('Blocked').user, 'surge')).toEqual(expected('Blocked'));
    expectOnePerSecond(c('Blocked').user);
  });

  it('keeps other chats flowing while one chat waits out its own 429', async () => {
    const slow = await taken('Waiting');
    const other = await taken('Other');
    tg.failNext('sendMessage', { chatId: slow.user.id, errorCode: 429, retryAfter: 4 });
    sentMessage(await h.tickets.reply(slow.reportId, a, 'for the waiting chat'));
    const refused = await waitFor(() => callsTo(slow.user).find((x) => x.errorCode === 429), 'the waiting chat refused with 429');
    sentMessage(await h.tickets.reply(other.reportId, a, 'for another chat'));
    await waitFor(() => received(slow.user, 'for the waiting chat').length === 1, 'the waiting chat served after its wait', 20_000);
    await waitFor(() => received(other.user, 'for another chat').length === 1, 'the other chat served', 20_000);
    const retried = accepted(slow.user).at(-1)!;
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(4000);
    // Long before the waiting chat's retry_after ran out.
    const delivered = accepted(other.user).find((x) => String(x.params.text).includes('for another chat'))!;
    expect(delivered.at - refused.at).toBeLessThan(2000);
  });

  it('holds every chat for the whole retry_after when Telegram refuses the bot itself', async () => {
    const chats = [await taken('Global1'), await taken('Global2'), await taken('Global3')];
    tg.failNext('sendMessage', { errorCode: 429, retryAfter: 3, forMs: 3000 });
    const since = Date.now();
    for (const x of chats) sentMessage(await h.tickets.reply(x.reportId, a, 'after the flood wait'));
    await waitFor(() => chats.every((x) => received(x.user, 'after the flood wait').length === 1), 'every chat served after the wait', 30_000);
    const refusals = tg.calls('sendMessage').filter((x) => x.at >= since && x.errorCode === 429);
    expect(refusals.length).toBeGreaterThan(0);
    // Told to wait 3 s, no chat is asked twice. The first chat refused waits alone (its own limit,
    // as far as the worker can tell), the second makes it the bot's; a third is refused only when
    // its call was already on its way then (none starts during the hold: the test below).
    for (const x of chats) expect(refusals.filter((r) => r.params.chat_id === x.user.id).length).toBeLessThanOrEqual(1);
    for (const x of chats) expect(accepted(x.user).at(-1)!.at - refusals[0].at).toBeGreaterThanOrEqual(3000 - 50);
  });

  it('starts no send while the bot\'s limit holds every chat, not even one whose turn had come', async () => {
    const x = await taken('Held');
    const redis = createRedis(testRedisTarget(), 'worker');
    try {
      // Two other chats refused one after the other (another worker's sends): every chat held 2 s.
      const pacer = new ChatPacer(redis, h.prefix);
      await pacer.floodWait('elsewhere-1', 2000);
      const hold = await pacer.floodWait('elsewhere-2', 2000);
      expect(hold.scope).toBe('all');
      const since = tg.calls('sendMessage').length;
      sentMessage(await h.tickets.reply(x.reportId, a, 'after the hold'));
      await waitFor(() => received(x.user, 'after the hold').length === 1, 'the reply after the hold', 20_000);
      const calls = tg.calls('sendMessage').slice(since);
      // One call, made once the hold was over: nothing went into it to be refused.
      expect(calls.map((c) => c.ok)).toEqual([true]);
      expect(calls[0].at).toBeGreaterThanOrEqual(hold.until - 50);
    } finally {
      redis.disconnect();
    }
  });

  it('shows what was refused while blocked as "sending" again once a reply reaches the unblocked reporter, not "not delivered" until each has gone', async () => {
    const { user, reportId } = await taken('Unblocks');
    tg.blockBy(user);
    const refused = sentMessage(await h.tickets.reply(reportId, a, 'refused while blocked'));
    await waitFor(async () => (await stateOf(refused)) === 'failed', 'the refused reply shown not delivered');
    // What an open ticket page shows each time it is told its conversation changed.
    const shown: (string | undefined)[] = [];
    const reads: Promise<void>[] = [];
    const unsubscribe = await h.bus.subscribe((e) => {
      if (e.type === 'ticket' && e.reportId === reportId && e.what === 'delivery') reads.push(stateOf(refused).then((s) => void shown.push(s)));
    });
    try {
      // Reached again before the bot heard of the unblock: the next reply goes, and the refused one follows it.
      tg.unblockBy(user);
      sentMessage(await h.tickets.reply(reportId, a, 'reaches the unblocked reporter'));
      await waitFor(() => received(user, 'refused while blocked').length === 1, 'the refused reply delivered after all', 20_000);
      await waitFor(async () => (await stateOf(refused)) === 'sent', 'shown delivered');
      await waitFor(() => shown.at(-1) === 'sent', 'the page told it was delivered');
      await Promise.all(reads);
      expect(shown).toContain('pending');
    } finally {
      unsubscribe();
    }
  });
});
