/** Bot API calls over undici's pool behave as telegraf's own client does, against the Bot API double over HTTP. */
import { Telegram, TelegramError } from 'telegraf';
import { BotApiHttp, hasUpload, sendThrough } from '../../../src/lib/bot-api-http';
import { connectionLost, retryAfterOf } from '../../../src/lib/send-budget';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';

let tg: TelegramDouble;
let http: BotApiHttp;
let pooled: Telegram;
let telegrafs: Telegram;
let amina: TelegramUser;
let through: jest.SpyInstance;

beforeEach(async () => {
  tg = await TelegramDouble.start();
  http = new BotApiHttp(tg.apiRoot, tg.token);
  pooled = new Telegram(tg.token, { apiRoot: tg.apiRoot });
  through = jest.spyOn(http, 'call');
  sendThrough(pooled, http);
  telegrafs = new Telegram(tg.token, { apiRoot: tg.apiRoot });
  amina = tg.user({ firstName: 'Amina' });
});

afterEach(async () => {
  await http.close();
  await tg.stop();
});

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

describe('BotApiHttp', () => {
  it('sends a message with its keyboard and returns what Telegram returned', async () => {
    const sent = await pooled.sendMessage(amina.id, 'Which county?', { reply_markup: { inline_keyboard: [[{ text: 'Nairobi', callback_data: 'c:47' }]] }, reply_parameters: undefined });
    expect(sent).toMatchObject({ message_id: expect.any(Number), text: 'Which county?', chat: { id: amina.id } });
    expect(amina.lastMessage()?.text).toBe('Which county?');
    const [call] = tg.calls('sendMessage');
    expect(call.params).toMatchObject({ chat_id: amina.id, reply_markup: { inline_keyboard: [[{ text: 'Nairobi', callback_data: 'c:47' }]] } });
    expect(call.params).not.toHaveProperty('reply_parameters');
    expect(through).toHaveBeenCalledWith('sendMessage', expect.objectContaining({ chat_id: amina.id }), undefined);
  });

  it("refuses as telegraf's client does: the same code, description and retry_after", async () => {
    tg.failNext('sendMessage', { errorCode: 429, retryAfter: 7, count: 2 });
    const ours = await rejection(pooled.sendMessage(amina.id, 'hi'));
    const theirs = await rejection(telegrafs.sendMessage(amina.id, 'hi'));
    expect(ours).toBeInstanceOf(TelegramError);
    expect(ours).toMatchObject({ code: 429, description: (theirs as TelegramError).description, parameters: { retry_after: 7 } });
    expect(retryAfterOf(ours)).toBe(7);

    const blocked = await rejection(pooled.sendMessage(999_999, 'hi'));
    expect(blocked).toMatchObject({ code: 400, description: 'Bad Request: chat not found' });
    expect(amina.messages()).toHaveLength(0);
  });

  it('reports a server error (5xx) as a TelegramError with its status', async () => {
    tg.failNext('sendMessage', { errorCode: 502 });
    expect(await rejection(pooled.sendMessage(amina.id, 'hi'))).toMatchObject({ code: 502 });
    await expect(pooled.sendMessage(amina.id, 'again')).resolves.toMatchObject({ text: 'again' });
  });

  it('reports a connection closed before the answer as lost, so the budget may send again', async () => {
    tg.failNext('sendMessage', { errorCode: 500, resetConnection: true });
    const err = await rejection(pooled.sendMessage(amina.id, 'hi'));
    expect(connectionLost(err)).toBe(true);
    expect(String((err as Error).message)).not.toContain(tg.token);
    await expect(pooled.sendMessage(amina.id, 'after the reset')).resolves.toMatchObject({ text: 'after the reset' });
    expect(amina.messages().map((m) => m.text)).toEqual(['after the reset']);
  });

  it("leaves uploads to telegraf's multipart client", async () => {
    const photo = await pooled.sendPhoto(amina.id, { source: Buffer.from('not really a jpeg'), filename: 'scene.jpg' }, { caption: 'scene' });
    expect(photo).toMatchObject({ caption: 'scene', photo: expect.any(Array) });
    expect(through).not.toHaveBeenCalled();
    expect(hasUpload({ chat_id: 1, photo: { source: Buffer.alloc(1) } })).toBe(true);
    expect(hasUpload({ chat_id: 1, media: [{ type: 'photo', media: { url: 'https://example.org/a.jpg' } }] })).toBe(true);
    expect(hasUpload({ chat_id: 1, photo: 'AgACAgQAAxkBAAI', link_preview_options: { url: 'https://example.org' } })).toBe(false);
  });
});
