import { spawn, type ChildProcess } from 'node:child_process';
import { Telegram } from 'telegraf';
import { TelegramDouble } from '../../support/telegram';
import { agent, createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

/**
 * Several messages for one chat queued within one second while both cores are busy (the condition
 * under which the console's e2e once timed out waiting for a notice): every message reaches the
 * reporter once, in the order the agent sent them, one per second. The e2e timeout itself was a
 * race in the test double's waitForMessage (see test/integration/telegram-double), not a delay here.
 */
describe('a burst of messages to one chat on a busy machine', () => {
  let tg: TelegramDouble;
  let h: Harness;
  let busy: ChildProcess[] = [];
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({ label: 'q-one-chat', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot }, workers: true, overrides: { relay: { intervalMs: 200 } } });
    await h.startWorkers();
  });
  afterAll(async () => {
    for (const b of busy) b.kill();
    await h.close();
    await tg.stop();
  });

  it('delivers every message once, in order, one per second', async () => {
    // Two spinning processes, one per core, for as long as the test runs (killed in afterAll).
    busy = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    const a = agent();
    const user = tg.user({ firstName: 'Mercy' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    const texts = ['first', 'second', 'third', 'fourth', 'fifth'].map((w) => `Agent message ${w}`);
    for (const text of texts) await h.tickets.reply(report._id.toString(), a, text);

    const sent = () => tg.calls('sendMessage').filter((c) => c.ok && Number(c.params.chat_id) === user.chatId);
    await waitFor(async () => sent().length >= texts.length + 1, 'the "taken" notice and five replies', 40_000);
    const bodies = user.messages().map((m) => m.text ?? '');
    const replies = bodies.filter((b) => b.includes('Agent message'));
    expect(replies.map((b) => texts.find((t) => b.includes(t)))).toEqual(texts);
    const at = sent().map((c) => c.at);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(1000);
    for (const b of busy) b.kill();
  });

  it('keeps a second between two messages as the phone sees them, even when a send is slow to leave', async () => {
    // A worker whose first send stalls on its way out (a busy event loop, a slow connection): the
    // gate was stamped before the stall, so the next message used to arrive less than a second
    // after the first one. The slow sender stands in for that stall.
    const tgSlow = await TelegramDouble.start();
    const real = new Telegram(tgSlow.token, { apiRoot: tgSlow.apiRoot });
    let calls = 0;
    const slowFirst = {
      sendMessage: async (...args: Parameters<Telegram['sendMessage']>) => {
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 700));
        return real.sendMessage(...args);
      },
    };
    const h2 = await createHarness({ label: 'q-slow-send', env: { TELEGRAM_BOT_TOKEN: tgSlow.token, TELEGRAM_API_ROOT: tgSlow.apiRoot }, workers: true, overrides: { relay: { intervalMs: 200 }, replies: { telegram: slowFirst } } });
    try {
      await h2.startWorkers();
      const a = agent();
      const user = tgSlow.user({ firstName: 'Achieng' });
      const r = await reporter(h2.store, { telegramUserId: user.id, language: 'en' });
      const { report } = await h2.reports.submit(reportInput(r._id, { language: 'en' }));
      expect((await h2.tickets.takeNext(a)).ok).toBe(true);
      await h2.tickets.reply(report._id.toString(), a, 'Agent message after the notice');
      const sent = () => tgSlow.calls('sendMessage').filter((c) => c.ok && Number(c.params.chat_id) === user.chatId);
      await waitFor(async () => sent().length >= 2, 'the "taken" notice and the reply', 20_000);
      const [first, second] = sent().map((c) => c.at);
      expect(second - first).toBeGreaterThanOrEqual(1000);
    } finally {
      await h2.close();
      await tgSlow.stop();
    }
  });
});
