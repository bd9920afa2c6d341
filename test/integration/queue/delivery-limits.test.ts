import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { agent, createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';

jest.setTimeout(60_000);

/**
 * Telegram's limits hold at the moment of sending, in any sliding second, even for a burst of
 * replies to several chats handled by concurrent workers (the benchmark once saw 45/s against a
 * limit of 25, and several messages to one chat within a second, before sends were gated).
 */
describe('delivery limits under a burst', () => {
  const RATE = 10;
  let tg: TelegramDouble;
  let h: Harness;
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({
      label: 'q-limits',
      env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, REPLY_RATE_PER_SECOND: String(RATE), MAX_TICKETS_PER_AGENT: '50' },
      workers: true,
      overrides: { relay: { intervalMs: 200 } },
    });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });

  it('never exceeds the overall rate or one message per second per chat', async () => {
    const a: AgentRef = agent();
    const chats: { user: TelegramUser; reportId: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const user = tg.user({ firstName: `Burst${i}` });
      const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
      const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
      chats.push({ user, reportId: report._id.toString() });
    }
    for (let i = 0; i < 4; i++) expect((await h.tickets.takeNext(a)).ok).toBe(true);
    // Six replies to each chat at once: 24 replies plus 4 "taken" notices.
    await Promise.all(chats.flatMap((c) => [1, 2, 3, 4, 5, 6].map((n) => h.tickets.reply(c.reportId, a, `Burst reply ${n}`))));
    const sends = () => tg.calls('sendMessage').filter((c) => c.ok);
    await waitFor(async () => sends().length >= 28, 'all 28 messages to be sent', 40_000);

    const times = sends().map((c) => c.at).sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0; i < times.length; i++) busiest = Math.max(busiest, times.filter((t) => t >= times[i] && t < times[i] + 1000).length);
    // One over the rate allows for HTTP jitter between the gate and the double's clock.
    expect(busiest).toBeLessThanOrEqual(RATE + 1);
    for (const c of chats) {
      const at = sends().filter((s) => Number(s.params.chat_id) === c.user.chatId).map((s) => s.at);
      expect(at).toHaveLength(7);
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(1000);
    }
  });
});
