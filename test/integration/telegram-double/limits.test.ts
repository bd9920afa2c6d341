/** The double's real-limits mode: Telegram's flood limits, answered with 429 and retry_after. */
import { Telegram, TelegramError } from 'telegraf';
import { TelegramDouble } from '../../support/telegram';

let tg: TelegramDouble;
afterEach(async () => {
  await tg.stop();
});

async function send(telegram: Telegram, chatId: number, text: string): Promise<number | 'ok'> {
  try {
    await telegram.sendMessage(chatId, text);
    return 'ok';
  } catch (err) {
    if (err instanceof TelegramError && err.code === 429) return err.parameters?.retry_after ?? -1;
    throw err;
  }
}

describe('TelegramDouble with flood limits', () => {
  it('lets a short burst into one chat, then answers 429 with retry_after and does not deliver', async () => {
    // The double's clock stands still: four sends within Telegram's second, however long this
    // machine takes over their round trips (a second of them refilled the burst, seen in CI).
    tg = await TelegramDouble.start({ limits: { perChatBurst: 3, clock: () => 1_000_000 } });
    const telegram = new Telegram(tg.token, { apiRoot: tg.apiRoot });
    const amina = tg.user({ firstName: 'Amina' });
    const results = [];
    for (let i = 1; i <= 4; i++) results.push(await send(telegram, amina.chatId, `message ${i}`));
    expect(results.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(results[3]).toBe(1);
    expect(amina.messages().map((m) => m.text)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(tg.calls('sendMessage').filter((c) => c.errorCode === 429)).toHaveLength(1);
    // Other chats are not held back by one busy chat.
    expect(await send(telegram, tg.user({ firstName: 'Brian' }).chatId, 'hello')).toBe('ok');
  });

  it('caps the overall rate in any sliding second, whatever the number of chats', async () => {
    tg = await TelegramDouble.start({ limits: { perSecond: 5, clock: () => 1_000_000 } });
    const telegram = new Telegram(tg.token, { apiRoot: tg.apiRoot });
    const users = Array.from({ length: 7 }, (_, i) => tg.user({ firstName: `U${i}` }));
    const results = await Promise.all(users.map((u) => send(telegram, u.chatId, 'hi')));
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r === 1)).toHaveLength(2);
  });

  it('does not count callback answers, chat actions or reads, and is off by default', async () => {
    tg = await TelegramDouble.start({ limits: { perChatBurst: 1 } });
    const telegram = new Telegram(tg.token, { apiRoot: tg.apiRoot });
    const amina = tg.user({ firstName: 'Amina' });
    for (let i = 0; i < 5; i++) await telegram.sendChatAction(amina.chatId, 'typing');
    await telegram.getMe();
    expect(await send(telegram, amina.chatId, 'one')).toBe('ok');
    tg.setLimits(null);
    for (let i = 0; i < 10; i++) expect(await send(telegram, amina.chatId, `lenient ${i}`)).toBe('ok');
  });
});
